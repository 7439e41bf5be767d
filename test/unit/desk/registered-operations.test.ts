import fs from 'node:fs';
import path from 'node:path';
import { DESK_FILE_PREFIX, deskOperationFiles } from '../../../desk/partner-operations';
import { loadRegisteredOperations, OPERATIONS_DIR, PARTNER_FOLDERS } from '../../../gateway/operations';

/**
 * The desk's documents that partners send are registered as they are written in the desk:
 * the committed `operations/partners/<agency>/Desk*.graphql` are exactly what
 * `scripts/desk-operations.ts` writes from `desk/src/gql/`, none left over.
 */
describe('the desk’s registered operations', () => {
  const wanted = deskOperationFiles();

  it('are committed as the desk’s typed documents are now (npm run operations:desk)', () => {
    const committed = Object.values(PARTNER_FOLDERS).flatMap((folder) =>
      fs.readdirSync(path.join(OPERATIONS_DIR, folder!)).filter((f) => f.startsWith(DESK_FILE_PREFIX)).map((f) => `${folder}/${f}`),
    );
    expect(committed.sort()).toEqual([...wanted.keys()].sort());
    for (const [file, text] of wanted) expect({ file, text: fs.readFileSync(path.join(OPERATIONS_DIR, file), 'utf8') }).toEqual({ file, text });
  });

  it('are in the registry for the agencies that use them, and only for those', () => {
    const registry = loadRegisteredOperations();
    const inbox = registry.operations.find((o) => o.file === path.join('sfi', 'DeskConflictInbox.graphql'))!;
    expect(inbox.kinds.sort()).toEqual(['AF', 'PROVIDER', 'SFI']);
    const plan = registry.operations.find((o) => o.file === path.join('af', 'DeskPersonPlan.graphql'))!;
    expect(plan.kinds.sort()).toEqual(['AF', 'MIGRATIONSVERKET', 'PROVIDER', 'SFI']);
  });
});
