import fs from 'node:fs';
import path from 'node:path';
import { OPERATIONS_DIR, PARTNER_FOLDERS } from '../gateway/operations';
import { DESK_FILE_PREFIX, deskOperationFiles } from '../desk/partner-operations';

/**
 * Writes the desk's documents that partner agencies' users send as registered operations
 * (`operations/partners/<agency>/Desk*.graphql`, see desk/partner-operations.ts), removing
 * any the desk no longer sends; `--check` only says which are stale. Run it after
 * `npm run codegen` has changed one of them, then `npm run operations:manifest`.
 */

const check = process.argv.includes('--check');
const wanted = deskOperationFiles();
const present = Object.values(PARTNER_FOLDERS).flatMap((folder) => {
  const dir = path.join(OPERATIONS_DIR, folder!);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(DESK_FILE_PREFIX) && f.endsWith('.graphql')).map((f) => `${folder}/${f}`) : [];
});
let stale = 0;
for (const file of new Set([...wanted.keys(), ...present])) {
  const full = path.join(OPERATIONS_DIR, file);
  const text = wanted.get(file);
  const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
  if (text === current) continue;
  stale++;
  if (check) console.error(`operations/partners/${file} is stale: run npm run operations:desk`);
  else if (text === undefined) fs.rmSync(full);
  else fs.writeFileSync(full, text);
  if (!check) console.log(`${text === undefined ? 'removed' : 'wrote'} operations/partners/${file}`);
}
if (check && stale) process.exit(1);
console.log(check ? "the desk's registered operations are up to date" : `${stale} file(s) changed`);
