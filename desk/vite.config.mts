import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The desk, bundled into `desk/dist/` as static files. At run time it reads `config.json`
 * beside its `index.html` (the server that serves it writes that file), so one build serves
 * every environment. The dev server (`npm run desk:dev`) proxies `/graphql` and `/dev` to the
 * gateway of `npm start` and serves a development `config.json` itself.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
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
  root: here,
  base: './',
  plugins: [developmentConfig()],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    // Which chunks each entry loads before any lazy view: `npm run bench:desk` sums the first route's from it.
    manifest: true,
    // The timeline's chunk (vis-timeline and moment) is large, but loaded only with a person's view.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Router marks its modules "use client" for server components, which a browser bundle has no use for.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    host: '127.0.0.1',
    // The desk imports a few pure modules from the repository's lib/ (personnummer, organisations).
    fs: { allow: [path.join(here, '..')] },
    proxy: { '/graphql': GATEWAY, '/dev': GATEWAY },
  },
});
