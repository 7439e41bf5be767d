import { SubgraphName } from '../lib/config';
import { PeopleSeeder } from '../lib/subgraph';
import * as jobbtorg from './jobbtorg';
import * as partners from './partners';
import * as stadsdel from './stadsdel';

/** Each subgraph's made-up people, for the development launcher, `npm run seed` and the tests. */
export const SEEDERS: Readonly<Record<SubgraphName, PeopleSeeder>> = { stadsdel, jobbtorg, partners };
