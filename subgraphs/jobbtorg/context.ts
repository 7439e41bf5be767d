import { Knex } from 'knex';
import { createLoaders, Loaders } from './loaders';

/** What every jobbtorg resolver gets: the database and this request's own loaders. */
export interface Context {
  db: Knex;
  loaders: Loaders;
}

export function createContext(db: Knex): Context {
  return { db, loaders: createLoaders(db) };
}
