import fs from 'node:fs';
import { checkpointFile } from '../lib/audit/checkpoint';
import { SUBGRAPH_NAMES, SubgraphName, loadSubgraphConfig, ConfigError } from '../lib/config';
import { createDb, ensureMysqlDatabase } from '../lib/db';
import { resetToLatest } from '../lib/migrations';
import { SubgraphDefinition } from '../lib/subgraph';
import { SEEDERS } from '../seed';
import { jobbtorg } from '../subgraphs/jobbtorg/server';
import { partners } from '../subgraphs/partners/server';
import { stadsdel } from '../subgraphs/stadsdel/server';

/**
 * `npm run seed -- --people 100000`: empties the three databases named by the usual
 * variables and fills them from the deterministic generator. Each subgraph writes only its
 * own slice; the same seed makes the slices agree.
 */

const DEFINITIONS: Record<SubgraphName, SubgraphDefinition> = { stadsdel, jobbtorg, partners };

function peopleArgument(argv: string[]): number {
  const index = argv.indexOf('--people');
  const raw = index >= 0 ? argv[index + 1] : '2000';
  if (!/^\d+$/.test(raw ?? '')) throw new ConfigError(`--people must be a whole number, got "${raw}"`);
  return Number(raw);
}

async function seedOne(name: SubgraphName, people: number): Promise<string> {
  const started = Date.now();
  const config = loadSubgraphConfig(name);
  await ensureMysqlDatabase(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  try {
    await resetToLatest(db, DEFINITIONS[name].migrations);
    setAsideCheckpoints(config.auditCheckpointDir, name);
    await DEFINITIONS[name].insertReferenceData(db);
    await SEEDERS[name].seedPeople(db, { people });
  } finally {
    await db.destroy();
  }
  return `${name}: ${people} people in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}

/**
 * The emptied log's checkpoints no longer describe it, and `audit:verify --checkpoints` would
 * report its chains missing: the archive file is renamed aside (not removed), out of the
 * `.jsonl` files verification reads.
 */
function setAsideCheckpoints(dir: string, name: SubgraphName): void {
  const file = checkpointFile(dir, name);
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.before-seed`);
}

async function main(): Promise<void> {
  const people = peopleArgument(process.argv.slice(2));
  const results = await Promise.all(SUBGRAPH_NAMES.map((name) => seedOne(name, people)));
  for (const line of results) console.log(line);
}

main().catch((error: Error) => {
  console.error(`seed: ${error instanceof ConfigError ? error.message : error.stack}`);
  process.exit(1);
});
