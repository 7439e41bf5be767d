import { createDb } from '../../../lib/db';
import { toCsv } from '../../../lib/statistics/csv';
import { cellId, decodeClosures, encodeClosures, parseCellId, parseReportId, reportId, ReportSpec } from '../../../lib/statistics/keys';
import { addMonthsToDate, checkPeriod, lastDay, monthsOf } from '../../../lib/statistics/period';
import { csvValue, Protectable, protectLines, shareNeedsSuppression, toAverage, toCount, toShare } from '../../../lib/statistics/protection';
import { withinMonths, withTemporarySet } from '../../../lib/statistics/sql';

/** The pure rules of the follow-up figures: periods, small-number protection, ids, CSV, and the SQL date rule. */

describe('periods', () => {
  it('lists the months and their last days, leap years included', () => {
    expect(monthsOf({ from: '2023-11', to: '2024-02' })).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2023-02')).toBe('2023-02-28');
    expect(lastDay('2024-12')).toBe('2024-12-31');
  });

  it('counts months from a day as a contract does, clamped to a shorter month', () => {
    expect(addMonthsToDate('2025-08-31', -6)).toBe('2025-02-28');
    expect(addMonthsToDate('2024-03-31', -12)).toBe('2023-03-31');
    expect(addMonthsToDate('2023-11-30', 3)).toBe('2024-02-29');
  });

  it('refuses a backward or overlong period, naming the field', () => {
    expect(() => checkPeriod({ from: '2024-03', to: '2024-02' }, 'f')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'f.to' } }));
    expect(() => checkPeriod({ from: '2021-01', to: '2023-12' }, 'f')).not.toThrow();
    expect(() => checkPeriod({ from: '2021-01', to: '2024-01' }, 'f')).toThrow();
  });
});

describe('small-number protection', () => {
  it('suppresses 1–4 people and shows 0 and 5', () => {
    expect([0, 1, 4, 5].map((n) => toCount(n, n > 0 && n < 5))).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
    ]);
  });

  it('suppresses a share resting on 1–4 people on either side of the fraction', () => {
    expect(shareNeedsSuppression(0, 20)).toBe(false);
    expect(shareNeedsSuppression(3, 20)).toBe(true);
    expect(shareNeedsSuppression(0, 3)).toBe(true);
    expect(shareNeedsSuppression(18, 20)).toBe(false);
    expect(toShare(5, 8, false)).toEqual({ count: 5, of: 8, value: 0.625, suppressed: false });
    expect(toShare(0, 0, false)).toEqual({ count: 0, of: 0, value: null, suppressed: false });
    expect(toShare(3, 8, true)).toEqual({ count: null, of: null, value: null, suppressed: true });
    expect(toAverage(2.75, 8, false)).toEqual({ value: 2.8, of: 8, suppressed: false });
  });

  const table = (cells: [string[], number][]): Protectable[] =>
    cells.map(([coords, size]) => ({ coords, size, suppressed: size > 0 && size < 5 }));
  const suppressed = (t: Protectable[]) => t.map((e) => e.suppressed);

  it('suppresses the smallest neighbour of a lone suppressed cell in a line', () => {
    const t = table([
      [['A'], 3],
      [['B'], 40],
      [['C'], 12],
      [['D'], 0],
    ]);
    protectLines(t);
    expect(suppressed(t)).toEqual([true, false, true, false]);
  });

  it('leaves a line with two suppressed cells, or with only empty neighbours, as it is', () => {
    const two = table([
      [['A'], 3],
      [['B'], 2],
      [['C'], 9],
    ]);
    protectLines(two);
    expect(suppressed(two)).toEqual([true, true, false]);
    const alone = table([
      [['A'], 3],
      [['B'], 0],
    ]);
    protectLines(alone);
    expect(suppressed(alone)).toEqual([true, false]);
  });

  it('protects both directions of a two-way table until every line is safe', () => {
    // Rows x, y; columns 1, 2, 3. Only x1 is small; its row and column each need a partner,
    // and the partners' own lines then need theirs.
    const t = table([
      [['x', '1'], 2],
      [['x', '2'], 10],
      [['x', '3'], 30],
      [['y', '1'], 8],
      [['y', '2'], 20],
      [['y', '3'], 7],
    ]);
    protectLines(t);
    const lines = [
      [0, 1, 2],
      [3, 4, 5],
      [0, 3],
      [1, 4],
      [2, 5],
    ];
    for (const line of lines) expect(line.filter((i) => t[i].suppressed).length).not.toBe(1);
    expect(t[0].suppressed).toBe(true);
  });

  it('writes a suppressed figure as .. and an unmeasurable one as empty', () => {
    expect(csvValue({ value: null, suppressed: true })).toBe('..');
    expect(csvValue({ count: 0, of: 0, value: null, suppressed: false })).toBe('');
    expect(csvValue({ value: 12, suppressed: false })).toBe('12');
  });
});

describe('ids and closure sets', () => {
  const spec: ReportSpec = { kind: 'followUp', from: '2024-01', to: '2024-03', groupBy: ['MONTH', 'DISTRICT'], filter: { unitCode: 'KISTA' } };

  it('round-trips report and cell ids', () => {
    expect(parseReportId(reportId(spec))).toEqual(spec);
    expect(parseCellId(cellId({ report: spec, coords: ['2024-02', 'RK'] }))).toEqual({ report: spec, coords: ['2024-02', 'RK'] });
    expect(() => parseReportId('not an id')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('round-trips closure sets and refuses a malformed one whole', () => {
    const closures = [
      { personnummer: '198409021006', month: '2024-03' },
      { personnummer: '200305171014', month: '2024-12' },
    ];
    expect(decodeClosures(encodeClosures(closures))).toEqual(closures);
    expect(decodeClosures('')).toEqual([]);
    expect(() => decodeClosures('198409021006:2024-03;x; DROP TABLE')).toThrow();
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and ends every line with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"'], ['1', '', '..']])).toBe('a,"b,c","say ""hi"""\r\n1,,..\r\n');
  });
});

describe('the SQL month rule and temporary sets (SQLite)', () => {
  const db = createDb('sqlite::memory:');
  afterAll(() => db.destroy());

  it('counts "within n months" as the calendar does, on month ends too', async () => {
    const within = async (earlier: string, later: string, months: number) =>
      Number((await db.raw(`SELECT CASE WHEN ${withinMonths('?', '?', months)} THEN 1 ELSE 0 END AS ok`, bindingsFor(earlier, later)))[0].ok);
    expect(await within('2024-03-05', '2024-06-05', 3)).toBe(1);
    expect(await within('2024-03-05', '2024-06-06', 3)).toBe(0);
    expect(await within('2023-11-30', '2024-02-29', 3)).toBe(1);
    expect(await within('2023-11-30', '2024-03-01', 3)).toBe(0);
    expect(await within('2024-03-12', '2025-02-14', 12)).toBe(1);
    expect(await within('2024-03-05', '2025-06-02', 12)).toBe(0);
  });

  it('joins a temporary set and drops it afterwards', async () => {
    await db.schema.createTable('facts', (t) => {
      t.string('personnummer', 12);
      t.string('month', 7);
    });
    await db('facts').insert([
      { personnummer: '1', month: '2024-01' },
      { personnummer: '2', month: '2024-01' },
    ]);
    const rows = await withTemporarySet(db, 'facts', { personnummer: { like: 'personnummer' }, month: { like: 'month' } }, [{ personnummer: '1', month: '2024-01' }, { personnummer: '3', month: '2024-01' }], (trx, table) =>
      trx.raw(`SELECT COUNT(f.personnummer) AS n FROM ${table} t LEFT JOIN facts f ON f.personnummer = t.personnummer AND f.month = t.month`),
    );
    expect(Number(rows[0].n)).toBe(1);
    const temporary = await db.raw(`SELECT name FROM sqlite_temp_master WHERE type = 'table'`);
    expect(temporary).toEqual([]);
  });
});

/** withinMonths names each column several times; with `?` for both, the bindings follow its order. */
function bindingsFor(earlier: string, later: string): string[] {
  const sql = withinMonths('E', 'L', 1);
  return [...sql.matchAll(/\b[EL]\b/g)].map((m) => (m[0] === 'E' ? earlier : later));
}
