import { defineConfig } from 'vite';

/**
 * GraphiQL for the gateway's development pages: `npm run graphiql:build` bundles the npm
 * package, its editor workers and its fonts into `dist/`, which the gateway serves at
 * `/graphiql/` (gateway/pages.ts). Nothing is loaded from a CDN at run time.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/graphiql/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco, the editor GraphiQL is built on, is a few megabytes; served from localhost, in development only.
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React libraries' "use client" marks mean nothing outside server components.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
