import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The desk, bundled into `desk/dist/` as static files. At run time it reads `config.json`
 * beside its `index.html` (the server that serves it writes that file), so one build serves
 * every environment. The dev server (`npm run desk:dev`) proxies `/graphql` and `/dev` to the
 * gateway of `npm start` and serves a development `config.json` itself.
 */

const GATEWAY = process.env.DESK_GATEWAY_URL ?? 'http://127.0.0.1:4000';

/** The dev server's own `config.json`: development personas, the proxied `/graphql`. */
function developmentConfig(): Plugin {
  return {
    name: 'desk-development-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/config.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ graphqlUrl: '/graphql', mode: 'development', oidc: null }));
      });
    },
  };
}

export default defineConfig({
  root: __dirname,
  base: './',
  plugins: [developmentConfig()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    // Which chunks each entry loads before any lazy view: `npm run bench:desk` sums the first route's from it.
    manifest: true,
  },
  server: {
    port: 5173,
    host: '127.0.0.1',
    // The desk imports a few pure modules from the repository's lib/ (personnummer, organisations).
    fs: { allow: [path.join(__dirname, '..')] },
    proxy: { '/graphql': GATEWAY, '/dev': GATEWAY },
  },
});
