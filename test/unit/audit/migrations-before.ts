import { Migrations } from '../../../lib/migrations';

/** A subgraph's migrations before the one whose name ends in `suffix`: its database as it stood then. */
export function migrationsBefore(all: Migrations, suffix: string): Migrations {
  const upTo = Object.keys(all).find((name) => name.endsWith(suffix));
  if (!upTo) throw new Error(`no migration ends in ${suffix}`);
  return Object.fromEntries(Object.entries(all).filter(([name]) => name < upTo));
}
