import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../../../lib/subgraph';
import { SEEDERS } from '../../../seed';
import { stadsdel } from '../../../subgraphs/stadsdel/server';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/** What a subgraph's database holds after start: its reference data always, made-up people only when a seeder is handed in. */
describe('preparing a subgraph database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etk-prepare-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the reference data and no people for the production entry point, which hands in no seeder', async () => {
    const db = await prepareDatabase(stadsdel, `sqlite:${path.join(dir, 'production.sqlite')}`);
    try {
      expect(Number((await db('districts').count({ n: '*' }))[0].n)).toBe(14);
      expect(await db('persons').first()).toBeUndefined();
    } finally {
      await db.destroy();
    }
  }, STACK_START_TIMEOUT_MS);

  it('seeds made-up people once when the development launcher hands in the seeder, and not again on a restart', async () => {
    const url = `sqlite:${path.join(dir, 'development.sqlite')}`;
    const first = await prepareDatabase(stadsdel, url, { seeder: SEEDERS.stadsdel, people: 30 });
    const people = Number((await first('persons').count({ n: '*' }))[0].n);
    await first.destroy();
    expect(people).toBe(30);
    const again = await prepareDatabase(stadsdel, url, { seeder: SEEDERS.stadsdel, people: 30 });
    try {
      expect(Number((await again('persons').count({ n: '*' }))[0].n)).toBe(30);
      expect(Number((await again('districts').count({ n: '*' }))[0].n)).toBe(14);
    } finally {
      await again.destroy();
    }
  }, STACK_START_TIMEOUT_MS);
});
