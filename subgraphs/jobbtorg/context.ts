import { Knex } from 'knex';
import { AuditRecorder } from '../../lib/audit/recorder';
import { Caller } from '../../lib/identity';
import { RequestScope } from '../../lib/subgraph';
import { Access, createAccess } from './access';
import { createLoaders, Loaders } from './loaders';
import { createPeers, Peers } from './peers';

/**
 * What every jobbtorg resolver gets: the database, who is asking, this request's own
 * loaders and audit entries, and the other subgraphs to ask for facts Jobbtorg does not own.
 */
export interface Context {
  db: Knex;
  caller: Caller;
  loaders: Loaders;
  peers: Peers;
  audit: AuditRecorder;
  /** What the caller may read and write (docs/access-matrix.md). */
  access: Access;
}

export function createContext(scope: RequestScope): Context {
  const loaders = createLoaders(scope.db);
  return {
    db: scope.db,
    caller: scope.caller,
    audit: scope.audit,
    loaders,
    peers: createPeers(scope),
    access: createAccess(scope.caller, scope.audit, loaders),
  };
}
