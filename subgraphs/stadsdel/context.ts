import { Knex } from 'knex';
import { AuditRecorder } from '../../lib/audit/recorder';
import { Caller } from '../../lib/identity';
import { RequestScope } from '../../lib/subgraph';
import { Access, createAccess } from './access';
import { createLoaders, Loaders } from './loaders';

/** What every stadsdel resolver gets: the database, who is asking, this request's own loaders and audit entries, and its access rules. */
export interface Context {
  db: Knex;
  caller: Caller;
  loaders: Loaders;
  audit: AuditRecorder;
  /** What the caller may read and write (docs/access-matrix.md). */
  access: Access;
}

export function createContext({ db, caller, audit }: Pick<RequestScope, 'db' | 'caller' | 'audit'>): Context {
  const loaders = createLoaders(db);
  return { db, caller, audit, loaders, access: createAccess(caller, audit, loaders) };
}
