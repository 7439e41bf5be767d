import fs from 'node:fs';
import path from 'node:path';
import { OrganisationKind } from '../lib/auth/organisations';
import { loadRegisteredOperations, manifestPath, PARTNER_FOLDERS, persistedQueryManifest } from '../gateway/operations';

/**
 * `npm run operations:manifest`: writes each partner agency's persisted query manifest
 * (`operations/partners/<agency>/persisted-query-manifest.json`) from its registered
 * operations, for the agency's client to be built with; `--check` fails when a committed
 * manifest differs from what the operations give (commit them together).
 */

const check = process.argv.includes('--check');
const registry = loadRegisteredOperations();
let stale = 0;
for (const kind of Object.keys(PARTNER_FOLDERS) as OrganisationKind[]) {
  const file = manifestPath(kind);
  const text = `${JSON.stringify(persistedQueryManifest(registry, kind), null, 2)}\n`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (current === text) continue;
  const shown = path.relative(process.cwd(), file);
  if (check) {
    console.error(`${shown} is stale: run npm run operations:manifest and commit it`);
    stale++;
  } else {
    fs.writeFileSync(file, text);
    console.log(`wrote ${shown}`);
  }
}
if (check && stale) process.exit(1);
if (check) console.log('persisted query manifests are up to date');
