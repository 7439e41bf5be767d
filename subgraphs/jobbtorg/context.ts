import { Knex } from 'knex';
import { Caller } from '../../lib/identity';
import { RequestScope } from '../../lib/subgraph';
import { createLoaders, Loaders } from './loaders';
import { createPeers, Peers } from './peers';

/**
 * What every jobbtorg resolver gets: the database, who is asking, this request's own
 * loaders, and the other subgraphs to ask for facts Jobbtorg does not own.
 */
export interface Context {
  db: Knex;
  caller: Caller;
  loaders: Loaders;
  peers: Peers;
}

export function createContext(scope: RequestScope): Context {
  return { db: scope.db, caller: scope.caller, loaders: createLoaders(scope.db), peers: createPeers(scope) };
}
