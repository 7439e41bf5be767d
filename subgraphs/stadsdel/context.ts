import { Knex } from 'knex';
import { Caller } from '../../lib/identity';
import { RequestScope } from '../../lib/subgraph';
import { createLoaders, Loaders } from './loaders';

/** What every stadsdel resolver gets: the database, who is asking, and this request's own loaders. */
export interface Context {
  db: Knex;
  caller: Caller;
  loaders: Loaders;
}

export function createContext({ db, caller }: Pick<RequestScope, 'db' | 'caller'>): Context {
  return { db, caller, loaders: createLoaders(db) };
}
