import path from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import desk from '../vite.config';

/** The benchmark page, built like the desk into `DESK_BENCH_OUT` (a temporary folder of `npm run bench:desk`). */
export default mergeConfig(
  desk,
  defineConfig({
    build: {
      outDir: process.env.DESK_BENCH_OUT ?? path.join(__dirname, 'dist'),
      manifest: false,
      sourcemap: false,
      rollupOptions: { input: path.join(__dirname, 'timeline.html') },
    },
  }),
);
