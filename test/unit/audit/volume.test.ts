import { GraphQLError } from 'graphql';
import { Knex } from 'knex';
import { AuditChain, AuditEntry } from '../../../lib/audit/log';
import { requireAuditScope } from '../../../lib/audit/queries';
import { AuditRecorder } from '../../../lib/audit/recorder';
import { mergeMostReadsFirst, standsOut, UnusualVolumeKey, unusualVolumeQuestion, unusualVolumeReference, unusualVolumeRows, UnusualVolumeRowView } from '../../../lib/audit/volume';
import { Caller } from '../../../lib/identity';
import { migrations } from '../../../subgraphs/partners/migrations';
import { openDatabase } from '../../helpers/database';
import { describeEachDialect } from '../../helpers/dialects';
import { org } from '../../helpers/organisations';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/** The unusual-volume question against one log: the rules, and the count on each dialect. */

const AUDITOR: Caller = { organisation: org('CITY', 'LOGGKONTROLL'), user: 'granskare', scopes: ['audit:read'], requestId: 'volume-1', operationName: 'Unusual' };
const at = (iso: string) => new Date(iso);
const FIELD = 'unusualAccessVolume';

function fieldRefused(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return (error as GraphQLError).extensions;
  }
  return 'not refused';
}

describe('the question', () => {
  const hour = { from: at('2026-01-10T10:00:00Z'), to: at('2026-01-10T10:59:59Z') };

  it('keeps the period to the second, defaults four usual periods and 100 rows, and leaves out what was not given', () => {
    expect(unusualVolumeQuestion({ from: at('2026-01-10T10:00:00.700Z'), to: hour.to, threshold: 5 }, FIELD)).toEqual({
      from: '2026-01-10T10:00:00Z', to: '2026-01-10T10:59:59Z', threshold: 5, multiple: null, periods: 4, first: 100,
    });
  });

  it.each([
    ['a period that ends before it starts', { from: hour.to, to: hour.from, threshold: 5 }, `${FIELD}.to`],
    ['a threshold of 0', { ...hour, threshold: 0 }, `${FIELD}.threshold`],
    ['a threshold that is no whole number', { ...hour, threshold: 2.5 }, `${FIELD}.threshold`],
    ['a multiple under 1', { ...hour, multiple: 0.9 }, `${FIELD}.multiple`],
    ['a multiple that is no number', { ...hour, multiple: Number.NaN }, `${FIELD}.multiple`],
    ['neither', { ...hour }, `${FIELD}.threshold`],
    ['53 usual periods', { ...hour, threshold: 1, periods: 53 }, `${FIELD}.periods`],
    ['usual periods before 1970', { from: at('1970-01-02T00:00:00Z'), to: at('1970-01-02T23:59:59Z'), threshold: 1, periods: 2 }, `${FIELD}.periods`],
    ['501 rows', { ...hour, threshold: 1, first: 501 }, `${FIELD}.first`],
  ])('refuses %s, naming the argument', (_what, args, field) => {
    expect(fieldRefused(() => unusualVolumeQuestion(args, FIELD))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('reads a key sent by another subgraph again as a question, and checks the scope first', () => {
    const audit = new AuditRecorder({ ...AUDITOR, scopes: [] });
    const access = { auditLog: (subject: Parameters<typeof requireAuditScope>[1], field: string) => requireAuditScope({ caller: { ...AUDITOR, scopes: [] }, audit }, subject, field) };
    const key = { from: '2026-01-10T10:00:00Z', to: '2026-01-10T10:59:59Z', threshold: 5, multiple: null, periods: 4, first: 100 };
    expect(fieldRefused(() => unusualVolumeReference(key, access))).toMatchObject({ code: 'FORBIDDEN' });
    expect(audit.drain('s')).toEqual([expect.objectContaining({ recordType: 'UnusualVolumeReport', outcome: 'DENIED', personKey: null })]);
    const allowed = { auditLog: () => undefined };
    expect(unusualVolumeReference(key, allowed)).toEqual(key);
    expect(fieldRefused(() => unusualVolumeReference({ ...key, threshold: -1 }, allowed))).toEqual({ code: 'BAD_USER_INPUT', field: 'UnusualVolumeReport.threshold' });
    expect(fieldRefused(() => unusualVolumeReference({ ...key, from: 'yesterday' }, allowed))).toEqual({ code: 'BAD_USER_INPUT', field: 'UnusualVolumeReport' });
  });
});

describe('who stands out', () => {
  it('is above the threshold, or above the multiple of a usual taken as at least one read', () => {
    const threshold = { threshold: 10, multiple: null };
    expect([standsOut(threshold, 10, 0), standsOut(threshold, 11, 50)]).toEqual([false, true]);
    const multiple = { threshold: null, multiple: 3 };
    expect([standsOut(multiple, 3, 0), standsOut(multiple, 4, 0), standsOut(multiple, 30, 10), standsOut(multiple, 31, 10)]).toEqual([false, true, false, true]);
    expect(standsOut({ threshold: 100, multiple: 2 }, 21, 10)).toBe(true);
  });

  it('merges the three logs most reads first, cut to first, and refuses a list the gateway did not bring', () => {
    const row = (log: UnusualVolumeRowView['log'], user: string, reads: number): UnusualVolumeRowView => ({ log, organisation: 'AF', user, reads, usual: 0 });
    const key = { from: 'a', to: 'b', threshold: 1, multiple: null, periods: 4, first: 3 };
    expect(mergeMostReadsFirst([row('STADSDEL', 'b', 5)], { ...key, jobbtorgRows: [row('JOBBTORG', 'a', 9), row('JOBBTORG', 'c', 5)], partnersRows: [row('PARTNERS', 'd', 7)] })).toEqual([
      row('JOBBTORG', 'a', 9), row('PARTNERS', 'd', 7), row('STADSDEL', 'b', 5),
    ]);
    expect(() => mergeMostReadsFirst([], { ...key, jobbtorgRows: [] })).toThrow(/not brought/);
  });
});

describeEachDialect('the count', (dialect) => {
  let db: Knex;
  let close: () => Promise<void>;
  const entry = (user: string, when: string, i: number, change: Partial<AuditEntry> = {}): AuditEntry => ({
    at: at(when), organisation: 'AF', user, personKey: `${user}-${when}-${i}`.padEnd(64, '0').slice(0, 64), recordType: 'Person', fields: ['givenName'],
    operationName: null, requestId: `${user}-${when}`, outcome: 'ALLOWED', action: 'READ', ...change,
  });
  const many = (user: string, when: string, count: number, change?: Partial<AuditEntry>) => Array.from({ length: count }, (_, i) => entry(user, when, i, change));

  beforeAll(async () => {
    ({ db, close } = await openDatabase(dialect, migrations));
    await new AuditChain(db, 'volume-test').append([
      // Two earlier days of usual, then the day asked.
      ...many('usual.reader', '2026-02-08T09:00:00Z', 4), ...many('usual.reader', '2026-02-09T09:00:00Z', 6), ...many('usual.reader', '2026-02-10T09:00:00Z', 12),
      ...many('new.reader', '2026-02-10T12:00:00Z', 3),
      // None of these is a read of a person's records in the period: a write, a refusal, a list, one just after.
      ...many('not.reads', '2026-02-10T09:00:00Z', 20, { action: 'CREATE' }),
      ...many('not.reads', '2026-02-10T10:00:00Z', 20, { outcome: 'DENIED' }),
      ...many('not.reads', '2026-02-10T11:00:00Z', 20, { personKey: null }),
      ...many('not.reads', '2026-02-11T00:00:00Z', 20),
      // The asking request's own rows are left out.
      ...many('granskare', '2026-02-10T09:30:00Z', 20, { requestId: AUDITOR.requestId, organisation: 'CITY:LOGGKONTROLL' }),
    ]);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close?.());

  const ask = (key: Partial<UnusualVolumeKey>) => {
    const audit = new AuditRecorder(AUDITOR);
    const question = { from: '2026-02-10T00:00:00Z', to: '2026-02-10T23:59:59Z', threshold: null, multiple: null, periods: 2, first: 100, ...key };
    return { rows: unusualVolumeRows({ db, caller: AUDITOR, audit }, 'PARTNERS', question, 'partnersRows'), audit };
  };

  it("counts each user's reads in the period and their usual in the periods before", async () => {
    const { rows, audit } = ask({ threshold: 1 });
    expect(await rows).toEqual([
      { log: 'PARTNERS', organisation: 'AF', user: 'usual.reader', reads: 12, usual: 5 },
      { log: 'PARTNERS', organisation: 'AF', user: 'new.reader', reads: 3, usual: 0 },
    ]);
    expect(audit.drain('s')).toEqual([expect.objectContaining({ recordType: 'UnusualVolumeReport', fields: ['partnersRows'], personKey: null, action: 'READ' })]);
  });

  it('picks by multiple of the usual, and by threshold, and stops at first', async () => {
    expect((await ask({ multiple: 2 }).rows).map((r) => r.user)).toEqual(['usual.reader', 'new.reader']);
    expect((await ask({ multiple: 2.5 }).rows).map((r) => r.user)).toEqual(['new.reader']);
    expect((await ask({ threshold: 12 }).rows).map((r) => r.user)).toEqual([]);
    expect((await ask({ threshold: 1, first: 1 }).rows).map((r) => r.user)).toEqual(['usual.reader']);
    expect(await ask({ threshold: 1, first: 0 }).rows).toEqual([]);
  });
});
