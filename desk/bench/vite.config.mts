import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import desk from '../vite.config.mts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The benchmark page, built like the desk into `DESK_BENCH_OUT` (a temporary folder of `npm run bench:desk`). */
export default mergeConfig(
  desk,
  defineConfig({
    build: {
      outDir: process.env.DESK_BENCH_OUT ?? path.join(here, 'dist'),
      manifest: false,
      sourcemap: false,
      rollupOptions: { input: path.join(here, 'timeline.html') },
    },
  }),
);
