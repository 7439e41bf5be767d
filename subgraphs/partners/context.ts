import { Knex } from 'knex';
import { AuditRecorder } from '../../lib/audit/recorder';
import { Caller } from '../../lib/identity';
import { RequestScope } from '../../lib/subgraph';
import { Access, createAccess } from './access';
import { createLoaders, Loaders } from './loaders';

/** What every partners resolver gets: the database, who is asking, this request's own loaders and audit entries. */
export interface Context {
  db: Knex;
  caller: Caller;
  loaders: Loaders;
  audit: AuditRecorder;
  /** Which agency may record and list what (docs/access-matrix.md). */
  access: Access;
}

export function createContext({ db, caller, audit }: Pick<RequestScope, 'db' | 'caller' | 'audit'>): Context {
  return { db, caller, audit, loaders: createLoaders(db), access: createAccess(caller, audit) };
}
