import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run build`: the production build in `dist/`, which runs on plain `node` with no
 * TypeScript loader (`npm run start:prod`). tsc compiles the entry points and what they
 * import (tsconfig.build.json); then the files the code reads at run time beside itself
 * are copied to the same places under `dist/`: the subgraphs' SDL and the shared schema,
 * the composed supergraph, jobbtorg's questions to its peers (all `.graphql`), and the
 * partners' registered operations. Migrations are modules, so tsc has them already.
 */

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
/** Folders whose `.graphql` files the services read at run time. */
const ASSET_DIRS = ['schema', 'subgraphs', 'operations'];

function copyGraphqlFiles(dir: string): number {
  let copied = 0;
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) copied += copyGraphqlFiles(relative);
    else if (entry.name.endsWith('.graphql')) {
      fs.mkdirSync(path.join(dist, dir), { recursive: true });
      fs.copyFileSync(path.join(root, relative), path.join(dist, relative));
      copied += 1;
    }
  }
  return copied;
}

const started = Date.now();
// A clean tree: a file deleted from the source must not live on in the build.
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
const assets = ASSET_DIRS.reduce((sum, dir) => sum + copyGraphqlFiles(dir), 0);
console.log(`build: dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s (${assets} .graphql files copied)`);
