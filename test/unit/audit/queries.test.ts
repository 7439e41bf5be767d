import { GraphQLError } from 'graphql';
import { Knex } from 'knex';
import { AuditChain, AuditEntry } from '../../../lib/audit/log';
import {
  accessLogWindow,
  AuditEntryView,
  AuditLogAccess,
  mergeNewestFirst,
  personAccessEntries,
  personAccessLogReference,
  requireAuditScope,
  userAccessEntries,
  userAccessLogReference,
} from '../../../lib/audit/queries';
import { AuditRecorder } from '../../../lib/audit/recorder';
import { Caller } from '../../../lib/identity';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { migrations } from '../../../subgraphs/stadsdel/migrations';
import { openDatabase } from '../../helpers/database';
import { describeEachDialect } from '../../helpers/dialects';
import { org } from '../../helpers/organisations';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/** The auditors' questions against one subgraph's log: the rules, and the SQL on each dialect. */

const SECRET = 'a-test-secret-of-thirty-two-characters';
const AUDITOR: Caller = { organisation: org('CITY', 'LOGGKONTROLL'), user: 'granskare', scopes: ['audit:read'], requestId: 'audit-1', operationName: 'Look' };
const OFFICER: Caller = { ...AUDITOR, organisation: org('DISTRICT', 'SKH'), user: 'handlaggare.skh', scopes: ['records:read'], requestId: 'r1' };
const ANNA = makePersonnummer('1988-04-12', 901);
const BO = makePersonnummer('1990-01-02', 123);

/** The audit-scope check of a subgraph's access module, as each of the three builds it. */
const auditorAccess = (caller: Caller, audit: AuditRecorder): AuditLogAccess => ({
  auditLog: (subject, field) => requireAuditScope({ caller, audit }, subject, field),
});

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions : String(error);
  }
  return 'no error';
};

describe('the question an auditor asks', () => {
  const now = new Date('2026-11-23T12:00:00.750Z');

  it('runs from the beginning to now, to the second, 100 entries, when not said', () => {
    expect(accessLogWindow({}, 'q', now)).toEqual({ from: '1970-01-01T00:00:00Z', to: '2026-11-23T12:00:00Z', first: 100 });
  });

  it('refuses a backward period and sizes outside 0–500, naming the argument', () => {
    const from = new Date('2026-02-01T00:00:00Z');
    const to = new Date('2026-01-01T00:00:00Z');
    expect(codeOf(() => accessLogWindow({ from, to }, 'q'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'q.to' });
    expect(codeOf(() => accessLogWindow({ first: 501 }, 'q'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'q.first' });
    expect(codeOf(() => accessLogWindow({ first: -1 }, 'q'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'q.first' });
    expect(accessLogWindow({ first: 0 }, 'q', now).first).toBe(0);
  });
});

describe('a key another subgraph sends', () => {
  const key = { __typename: 'PersonAccessLog', personnummer: ANNA, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', first: 5 };

  it('is read again as a question', () => {
    expect(personAccessLogReference(key, auditorAccess(AUDITOR, new AuditRecorder(AUDITOR)))).toMatchObject({
      personnummer: ANNA,
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
      first: 5,
    });
    expect(codeOf(() => personAccessLogReference({ ...key, first: 900 }, auditorAccess(AUDITOR, new AuditRecorder(AUDITOR))))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(codeOf(() => personAccessLogReference({ ...key, personnummer: '123' }, auditorAccess(AUDITOR, new AuditRecorder(AUDITOR))))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('is FORBIDDEN without audit:read, in every subgraph, and the refusal is noted', () => {
    const audit = new AuditRecorder(OFFICER);
    expect(codeOf(() => personAccessLogReference(key, auditorAccess(OFFICER, audit)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(codeOf(() => userAccessLogReference({ organisation: 'AF', user: 'x', from: key.from, to: key.to, first: 1 }, auditorAccess(OFFICER, audit)))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(audit.drain(SECRET).map((e) => [e.recordType, e.outcome, e.personKey !== null])).toEqual([
      ['PersonAccessLog', 'DENIED', true],
      ['UserAccessLog', 'DENIED', false],
    ]);
  });
});

describe('the merged view', () => {
  const entry = (log: AuditEntryView['log'], id: number, at: string): AuditEntryView => ({
    log, id: String(id), at, organisation: 'AF', user: 'u', personKey: 'k', recordType: 'Person', fields: ['givenName'], operationName: null, requestId: 'r', outcome: 'ALLOWED', action: 'READ',
  });

  it('keeps the newest `first` of all the logs, same seconds in log order', () => {
    const own = [entry('STADSDEL', 9, '2026-01-03T00:00:00Z'), entry('STADSDEL', 8, '2026-01-01T00:00:00Z')];
    const jobbtorgEntries = [entry('JOBBTORG', 4, '2026-01-03T00:00:00Z'), entry('JOBBTORG', 3, '2026-01-02T00:00:00Z')];
    const partnersEntries = [entry('PARTNERS', 7, '2026-01-04T00:00:00Z')];
    const window = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', first: 4 };
    expect(mergeNewestFirst(own, { ...window, jobbtorgEntries, partnersEntries }).map((e) => `${e.log}:${e.id}`)).toEqual([
      'PARTNERS:7',
      'STADSDEL:9',
      'JOBBTORG:4',
      'JOBBTORG:3',
    ]);
  });

  it('refuses to pass a list the gateway did not bring for an empty log', () => {
    expect(() => mergeNewestFirst([], { from: '', to: '', first: 1, partnersEntries: [] })).toThrow(/not brought/);
  });
});

describeEachDialect('a subgraph searching its log', (dialect) => {
  let db: Knex;
  let close: () => Promise<void>;
  const at = (iso: string) => new Date(iso);
  const read = (caller: Caller, personnummer: string, when: string, recordType = 'Person'): AuditEntry => {
    const audit = new AuditRecorder(caller);
    audit.note(personnummer, recordType, 'givenName');
    return audit.drain(SECRET, at(when))[0];
  };

  beforeAll(async () => {
    ({ db, close } = await openDatabase(dialect, migrations));
    await new AuditChain(db, 'queries-test').append([
      read(OFFICER, ANNA, '2026-01-05T10:00:00Z'),
      read(OFFICER, BO, '2026-01-06T10:00:00Z'),
      read({ ...OFFICER, requestId: 'r2' }, ANNA, '2026-01-07T10:00:00Z', 'IncomeSupportDecision'),
      read({ ...OFFICER, user: 'someone.else' }, ANNA, '2026-01-08T10:00:00Z'),
      read(AUDITOR, ANNA, '2026-01-09T10:00:00Z', 'PersonAccessLog'),
      // Others' reads of others, so that an optimiser has a reason to prefer an index.
      ...Array.from({ length: 400 }, (_, i) => read({ ...OFFICER, user: `user.${i % 40}` }, makePersonnummer('1970-01-01', i + 1), '2026-01-10T10:00:00Z')),
    ]);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close?.());

  const ctx = () => ({ db, caller: AUDITOR, audit: new AuditRecorder(AUDITOR, SECRET) });
  const window = (first = 10, from = '2026-01-01T00:00:00Z', to = '2026-12-31T00:00:00Z') => ({ from, to, first });

  it("finds a person's entries newest first, within the period and `first`, leaving out the asking request's own", async () => {
    const entries = await personAccessEntries(ctx(), 'STADSDEL', { personnummer: ANNA, ...window() }, 'stadsdelEntries');
    // The auditor's own row is from this request id, so it is left out.
    expect(entries.map((e) => [e.at, e.user, e.recordType])).toEqual([
      ['2026-01-08T10:00:00Z', 'someone.else', 'Person'],
      ['2026-01-07T10:00:00Z', 'handlaggare.skh', 'IncomeSupportDecision'],
      ['2026-01-05T10:00:00Z', 'handlaggare.skh', 'Person'],
    ]);
    expect(entries[0]).toMatchObject({ log: 'STADSDEL', organisation: 'DISTRICT:SKH', fields: ['givenName'], operationName: 'Look', outcome: 'ALLOWED' });
    expect(JSON.stringify(entries)).not.toContain(ANNA);
    const narrowed = await personAccessEntries(ctx(), 'STADSDEL', { personnummer: ANNA, ...window(1, '2026-01-05T10:00:00Z', '2026-01-07T10:00:00Z') }, 'x');
    expect(narrowed.map((e) => e.at)).toEqual(['2026-01-07T10:00:00Z']);
    expect(await personAccessEntries(ctx(), 'STADSDEL', { personnummer: ANNA, ...window(0) }, 'x')).toEqual([]);
  });

  it("finds a user's entries, each person by key, and notes the auditor's read", async () => {
    const context = ctx();
    const entries = await userAccessEntries(context, 'STADSDEL', { organisation: 'DISTRICT:SKH', user: 'handlaggare.skh', ...window() }, 'stadsdelEntries');
    expect(entries.map((e) => e.personKey)).toEqual([context.audit.personKey(ANNA), context.audit.personKey(BO), context.audit.personKey(ANNA)]);
    await personAccessEntries(context, 'STADSDEL', { personnummer: ANNA, ...window() }, 'stadsdelEntries');
    expect(context.audit.drain(SECRET).map((e) => [e.recordType, e.fields, e.personKey])).toEqual([
      ['UserAccessLog', ['stadsdelEntries'], null],
      ['PersonAccessLog', ['stadsdelEntries'], context.audit.personKey(ANNA)],
    ]);
  });

  it('reads along the (person_key, at) and (organisation, user, at) indexes', async () => {
    const statements: { sql: string; bindings: readonly Knex.Value[] }[] = [];
    const onQuery = (q: { sql: string; bindings: readonly Knex.Value[] }) => statements.push(q);
    db.on('query', onQuery);
    await personAccessEntries(ctx(), 'STADSDEL', { personnummer: ANNA, ...window() }, 'x');
    await userAccessEntries(ctx(), 'STADSDEL', { organisation: 'DISTRICT:SKH', user: 'handlaggare.skh', ...window() }, 'x');
    db.removeListener('query', onQuery);
    const plans = await Promise.all(
      statements.map(async ({ sql, bindings }) => {
        if (dialect === 'sqlite') return JSON.stringify(await db.raw(`explain query plan ${sql}`, bindings));
        const [[plan]] = await db.raw(`explain ${sql}`, bindings);
        return `${plan.key} ${plan.Extra}`;
      }),
    );
    expect(plans[0]).toMatch(/audit_log_person_key_at_index/);
    expect(plans[1]).toMatch(/audit_log_organisation_user_at_index/);
    // Already in order: no sort of the rows found.
    for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE|filesort/i);
  });
});
