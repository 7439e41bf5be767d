import { createDb, onSqliteConnection } from '../../../lib/db';

/**
 * SQLite connections keep their prepared statements (lib/db.ts): the same SQL again gets the
 * statement prepared before, and what it returns still follows the schema as it is now.
 */
describe('SQLite prepared statements', () => {
  const db = createDb('sqlite::memory:');
  afterAll(() => db.destroy());

  it('hands back the statement prepared before for the same SQL', async () => {
    const [first, again, other] = await onSqliteConnection(db, (conn) => [conn.prepare('select 1 as one'), conn.prepare('select 1 as one'), conn.prepare('select 2 as two')]);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('answers by the schema as it is after a change, not as it was when first prepared', async () => {
    await db.schema.createTable('things', (t) => {
      t.increments('id');
      t.string('name');
    });
    await db('things').insert({ name: 'a' });
    expect(await db('things').select('*')).toEqual([{ id: 1, name: 'a' }]);
    await db.schema.alterTable('things', (t) => t.string('colour').nullable());
    await db('things').update({ colour: 'blue' });
    expect(await db('things').select('*')).toEqual([{ id: 1, name: 'a', colour: 'blue' }]);
  });

  it('keeps working past the number of statements it keeps', async () => {
    for (let i = 0; i < 600; i++) expect(await db.raw(`select ${i} as n`)).toEqual([{ n: i }]);
    expect(await db('things').count({ n: '*' })).toEqual([{ n: 1 }]);
  });
});
