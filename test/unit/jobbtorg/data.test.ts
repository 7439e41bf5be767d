import { GraphQLError } from 'graphql';
import { Knex } from 'knex';
import { subgraphUnavailable } from '../../../lib/errors';
import { Caller } from '../../../lib/identity';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { insertReferenceData } from '../../../subgraphs/jobbtorg/migrations/reference';
import { WriteRequest } from '../../../lib/idempotency';
import { ListScope } from '../../../lib/pagination';
import type { EnrolInJobbtorgInput } from '../../../subgraphs/jobbtorg/__generated__/resolvers-types';
import * as data from '../../../subgraphs/jobbtorg/data';
import { migrations } from '../../../subgraphs/jobbtorg/migrations';
import { CasePage, EnrolmentFacts, StoredCase } from '../../../subgraphs/jobbtorg/models';
import { openDatabase } from '../../helpers/database';
import { describeEachDialect } from '../../helpers/dialects';
import { org } from '../../helpers/organisations';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Jobbtorg's writes against a real database: each mutation is one transaction, a refusal
 * writes nothing, a stale version is a conflict, a retry with the same key writes once.
 * The facts other subgraphs own are given here as enrolment would get them from the graph.
 */

/** Monday 16 March 2026, 11:00 in Stockholm. */
const NOW = new Date('2026-03-16T10:00:00Z');
const caller: Caller = { organisation: org('JOBBTORG', 'KISTA'), user: 'coach-kista-01', scopes: [], requestId: 'r1', operationName: null };

/** The request the resolver of `operation` would hand the data module, from the coach; `key` for a safe retry. */
function request<Input>(operation: string, input: Input, key?: string): WriteRequest<Input> {
  return { caller, key, operation, input };
}

async function refusal(work: Promise<unknown>): Promise<{ code: unknown; field: unknown }> {
  const error = await work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const { code, field } = (error as GraphQLError).extensions;
  return { code, field };
}

/** The data module's lists unnarrowed: who may see what is tested through the gateway. */
const ALL_CASES: ListScope = (query) => query;

describeEachDialect('jobbtorg writes', (dialect) => {
  let db: Knex;
  let close: () => Promise<void>;
  let serial = 1;
  let referral = 500;
  beforeAll(async () => {
    ({ db, close } = await openDatabase(dialect, migrations));
    await insertReferenceData(db);
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => close?.());

  /** A booked referral of a new adult in Rinkeby-Kista, which Kista serves. */
  const factsFor = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => {
    const birthDate = over.birthDate ?? '1985-04-12';
    return {
      referralId: String(referral++),
      referralStatus: 'BOOKED',
      referredOn: '2024-01-01',
      personnummer: makePersonnummer(birthDate, serial++),
      birthDate,
      districtCode: 'RK',
      reason: 'UNEMPLOYMENT',
      newlyArrived: false,
      studiesSfi: false,
      ...over,
    };
  };
  const enrolment = (facts: EnrolmentFacts, over: Partial<EnrolInJobbtorgInput> = {}): EnrolInJobbtorgInput => ({
    referralId: facts.referralId,
    unitCode: 'KISTA',
    enrolledOn: '2026-03-02',
    ...over,
  });
  const enrolNew = (over: Partial<EnrolInJobbtorgInput> = {}, factsOver: Partial<EnrolmentFacts> = {}) => {
    const facts = factsFor(factsOver);
    return data.enrol(db, request('enrolInJobbtorg', enrolment(facts, over)), NOW, { facts });
  };
  const count = async (table: string, where: Record<string, unknown> = {}) =>
    Number((await db(table).where(where).count({ n: '*' }))[0].n);
  const interventionOf = (caseId: number, over: Record<string, unknown> = {}) => ({
    caseId: String(caseId),
    kind: 'ACTIVE_JOB_SEARCH' as const,
    title: 'Aktivt jobbsökande',
    startDate: '2026-03-04',
    endDate: '2026-04-30',
    hoursPerWeek: 6,
    schedule: [
      { weekday: 'MONDAY' as const, startTime: '09:00', endTime: '12:00' },
      { weekday: 'THURSDAY' as const, startTime: '09:00', endTime: '12:00' },
    ],
    ...over,
  });
  async function caseWithPlan(): Promise<StoredCase> {
    const opened = await enrolNew();
    return data.establishJobPlan(db, request('establishJobPlan', { caseId: String(opened.id), establishedOn: '2026-03-05', goal: 'WORK' }), NOW);
  }

  describe('enrol', () => {
    it('opens a case with the derived groups, the deadline and the caller as coach', async () => {
      const opened = await enrolNew({}, { birthDate: '2003-08-01', newlyArrived: true });
      expect(opened).toMatchObject({
        unit_code: 'KISTA',
        district_code: 'RK',
        coach: 'coach-kista-01',
        target_group: 'YOUTH',
        reporting_group: 'YOUTH_16_24',
        enrolled_on: '2026-03-02',
        jobbgaranti_deadline: '2026-03-09',
        status: 'OPEN',
        version: 1,
      });
    });

    it('runs the hook inside the transaction, and writes nothing when it fails', async () => {
      const facts = factsFor();
      let seen: { id: number; visible: number } | null = null;
      const opened = await data.enrol(db, request('enrolInJobbtorg', enrolment(facts)), NOW, {
        facts,
        afterInsert: async (row, trx) => {
          seen = { id: row.id, visible: Number((await trx('cases').where({ id: row.id }).count({ n: '*' }))[0].n) };
        },
      });
      expect(seen).toEqual({ id: opened.id, visible: 1 });

      const other = factsFor();
      const unavailable = subgraphUnavailable('stadsdel', 'could not answer');
      await expect(
        data.enrol(db, request('enrolInJobbtorg', enrolment(other)), NOW, {
          facts: other,
          afterInsert: async () => {
            throw unavailable;
          },
        }),
      ).rejects.toBe(unavailable);
      expect(await count('cases', { referral_id: other.referralId })).toBe(0);
    });

    it('refuses a second open case for the person, and writes nothing', async () => {
      const first = factsFor();
      await data.enrol(db, request('enrolInJobbtorg', enrolment(first)), NOW, { facts: first });
      const second: EnrolmentFacts = { ...first, referralId: String(referral++) };
      const before = await count('cases');
      const again = data.enrol(db, request('enrolInJobbtorg', enrolment(second)), NOW, { facts: second });
      expect(await refusal(again)).toEqual({ code: 'CONFLICT', field: 'input.referralId' });
      expect(await count('cases')).toBe(before);
    });

    it.each<[string, Partial<EnrolInJobbtorgInput>, Partial<EnrolmentFacts>, string, string]>([
      ['a unit that does not serve the district', { unitCode: 'FARSTA' }, {}, 'BAD_USER_INPUT', 'input.unitCode'],
      ['an adult at a youth branch', { unitCode: 'KISTA_UNGDOM' }, {}, 'BAD_USER_INPUT', 'input.unitCode'],
      ['an unknown unit', { unitCode: 'NOWHERE' }, {}, 'NOT_FOUND', 'input.unitCode'],
      ['a referral that is not booked', {}, { referralStatus: 'NO_SHOW' }, 'CONFLICT', 'input.referralId'],
      ['YOUTH for an adult', { targetGroup: 'YOUTH' }, {}, 'BAD_USER_INPUT', 'input.targetGroup'],
    ])('refuses %s, and writes nothing', async (_, over, factsOver, code, field) => {
      const facts = factsFor(factsOver);
      const before = await count('cases');
      expect(await refusal(data.enrol(db, request('enrolInJobbtorg', enrolment(facts, over)), NOW, { facts }))).toEqual({ code, field });
      expect(await count('cases')).toBe(before);
    });

    it('gives a referral one case when two enrol it at the same moment', async () => {
      const facts = factsFor();
      const twins = await Promise.allSettled([
        data.enrol(db, request('enrolInJobbtorg', enrolment(facts)), NOW, { facts }),
        data.enrol(db, request('enrolInJobbtorg', enrolment(facts)), NOW, { facts: { ...facts, personnummer: makePersonnummer('1985-04-12', serial++) } }),
      ]);
      expect(twins.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
      const [lost] = twins.filter((t): t is PromiseRejectedResult => t.status === 'rejected');
      expect(lost.reason.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.referralId' });
      expect(await count('cases', { referral_id: facts.referralId })).toBe(1);
    });

    it('writes once for a retried key, and refuses the key for another input', async () => {
      const facts = factsFor();
      const keyed = 'enrol-1';
      const first = await data.enrol(db, request('enrolInJobbtorg', enrolment(facts), keyed), NOW, { facts });
      // The retry's facts say ENROLLED by now: the replay does not look at them.
      const again = await data.enrol(db, request('enrolInJobbtorg', enrolment(facts), keyed), NOW, { facts: { ...facts, referralStatus: 'ENROLLED' } });
      expect(again.id).toBe(first.id);
      expect(await count('cases', { referral_id: facts.referralId })).toBe(1);

      const other = factsFor();
      expect(await refusal(data.enrol(db, request('enrolInJobbtorg', enrolment(other), keyed), NOW, { facts: other }))).toEqual({
        code: 'CONFLICT',
        field: 'idempotencyKey',
      });
      expect(await count('cases', { referral_id: other.referralId })).toBe(0);
    });

    it('leaves the key free when the mutation was refused', async () => {
      const facts = factsFor();
      const keyed = 'enrol-refused-then-fixed';
      await refusal(data.enrol(db, request('enrolInJobbtorg', enrolment(facts, { unitCode: 'FARSTA' }), keyed), NOW, { facts }));
      const fixed = await data.enrol(db, request('enrolInJobbtorg', enrolment(facts), 'enrol-refused-then-fixed-2'), NOW, { facts });
      expect(fixed.unit_code).toBe('KISTA');
      expect(await count('idempotency_keys', { idempotency_key: 'enrol-refused-then-fixed' })).toBe(0);
    });
  });

  describe('job plan', () => {
    it('records the plan once, moving the case’s version on', async () => {
      const planned = await caseWithPlan();
      expect(planned.version).toBe(2);
      expect(await db('job_plans').where({ case_id: planned.id }).first()).toMatchObject({ established_on: '2026-03-05', goal: 'WORK' });
      expect(
        await refusal(
          data.establishJobPlan(db, request('establishJobPlan', { caseId: String(planned.id), establishedOn: '2026-03-06', goal: 'STUDIES' }), NOW),
        ),
      ).toEqual({ code: 'CONFLICT', field: 'input.caseId' });
      expect(await count('job_plans', { case_id: planned.id })).toBe(1);
      expect((await db('cases').where({ id: planned.id }).first()).version).toBe(2);
    });

    it.each([
      ['a case that does not exist', '999999', 'NOT_FOUND', 'input.caseId'],
      ['an id that is no id', '12abc', 'NOT_FOUND', 'input.caseId'],
    ])('refuses %s', async (_, caseId, code, field) => {
      const plan = data.establishJobPlan(db, request('establishJobPlan', { caseId, establishedOn: '2026-03-05', goal: 'WORK' }), NOW);
      expect(await refusal(plan)).toEqual({ code, field });
    });
  });

  describe('interventions', () => {
    it('needs a plan first', async () => {
      const opened = await enrolNew();
      const before = await count('interventions');
      expect(await refusal(data.addIntervention(db, request('addIntervention', interventionOf(opened.id)), NOW))).toEqual({
        code: 'CONFLICT',
        field: 'input.caseId',
      });
      expect(await count('interventions')).toBe(before);
    });

    it('adds, changes from the version read, and refuses a stale change without writing', async () => {
      const planned = await caseWithPlan();
      const added = await data.addIntervention(db, request('addIntervention', interventionOf(planned.id, { providerId: '11' })), NOW);
      expect(added).toMatchObject({ version: 1, provider_id: 11, hours_per_week: 6, ended_on: null });

      const changed = await data.changeIntervention(
        db,
        request('changeIntervention', { id: String(added.id), version: 1, title: 'Jobbsök, fördjupning', endDate: null }),
        NOW,
      );
      expect(changed).toMatchObject({ version: 2, title: 'Jobbsök, fördjupning', end_date: null, start_date: '2026-03-04' });

      expect(await refusal(data.changeIntervention(db, request('changeIntervention', { id: String(added.id), version: 1, title: 'Lost update' }), NOW))).toEqual({
        code: 'CONFLICT',
        field: 'input.version',
      });
      expect(await db('interventions').where({ id: added.id }).first()).toMatchObject({ version: 2, title: 'Jobbsök, fördjupning' });
    });

    it('refuses an end before the start and a start before enrolment, and writes nothing', async () => {
      const planned = await caseWithPlan();
      const before = await count('interventions');
      expect(await refusal(data.addIntervention(db, request('addIntervention', interventionOf(planned.id, { endDate: '2026-03-03' })), NOW))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.endDate',
      });
      expect(await refusal(data.addIntervention(db, request('addIntervention', interventionOf(planned.id, { startDate: '2026-02-20' })), NOW))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.startDate',
      });
      expect(await count('interventions')).toBe(before);
    });

    it('ends an intervention once', async () => {
      const planned = await caseWithPlan();
      const added = await data.addIntervention(db, request('addIntervention', interventionOf(planned.id)), NOW);
      const ended = await data.endIntervention(db, request('endIntervention', { id: String(added.id), version: 1, endedOn: '2026-03-13' }), NOW);
      expect(ended).toMatchObject({ ended_on: '2026-03-13', version: 2 });
      expect(await refusal(data.endIntervention(db, request('endIntervention', { id: String(added.id), version: 2, endedOn: '2026-03-14' }), NOW))).toEqual({
        code: 'CONFLICT',
        field: 'input.id',
      });
      expect(await refusal(data.changeIntervention(db, request('changeIntervention', { id: String(added.id), version: 2, title: 'x' }), NOW))).toEqual({
        code: 'CONFLICT',
        field: 'input.id',
      });
      expect(await db('interventions').where({ id: added.id }).first()).toMatchObject({ ended_on: '2026-03-13', version: 2 });
    });

    it('refuses an unknown intervention', async () => {
      expect(await refusal(data.endIntervention(db, request('endIntervention', { id: '999999', version: 1, endedOn: '2026-03-13' }), NOW))).toEqual({
        code: 'NOT_FOUND',
        field: 'input.id',
      });
    });
  });

  describe('closing a case', () => {
    it('ends the interventions still to run, in the same transaction, and then takes no changes', async () => {
      const planned = await caseWithPlan();
      const add = (over: Record<string, unknown>) => data.addIntervention(db, request('addIntervention', interventionOf(planned.id, over)), NOW);
      const done = await add({ title: 'Uppstartsgrupp', kind: 'START_UP_GROUP', endDate: '2026-03-06' });
      const running = await add({ title: 'Jobbsök' });
      const openEnded = await add({ title: 'Matchning', kind: 'MATCHING', endDate: null });
      const endedEarlier = await add({ title: 'Praktik', kind: 'WORK_PLACEMENT' });
      await data.endIntervention(db, request('endIntervention', { id: String(endedEarlier.id), version: 1, endedOn: '2026-03-09' }), NOW);

      const closed = await data.closeCase(
        db,
        request('closeCase', { id: String(planned.id), version: 2, closedOn: '2026-03-12', reason: 'WORK', note: ' Anställd som lagerarbetare. ' }),
        NOW,
      );
      expect(closed).toMatchObject({ status: 'CLOSED', closed_on: '2026-03-12', closure_reason: 'WORK', closure_note: 'Anställd som lagerarbetare.', version: 3 });
      const after = async (id: number) => db('interventions').where({ id }).first();
      expect(await after(done.id)).toMatchObject({ ended_on: null, version: 1 });
      expect(await after(running.id)).toMatchObject({ ended_on: '2026-03-12', version: 2 });
      expect(await after(openEnded.id)).toMatchObject({ ended_on: '2026-03-12', version: 2 });
      expect(await after(endedEarlier.id)).toMatchObject({ ended_on: '2026-03-09', version: 2 });

      const id = String(planned.id);
      const refusals = await Promise.all([
        refusal(data.closeCase(db, request('closeCase', { id, version: 3, closedOn: '2026-03-13', reason: 'OTHER' }), NOW)),
        refusal(data.addIntervention(db, request('addIntervention', interventionOf(planned.id)), NOW)),
        refusal(data.changeIntervention(db, request('changeIntervention', { id: String(done.id), version: 1, title: 'Later' }), NOW)),
      ]);
      expect(refusals).toEqual([
        { code: 'CONFLICT', field: 'input.id' },
        { code: 'CONFLICT', field: 'input.caseId' },
        { code: 'CONFLICT', field: 'input.id' },
      ]);
      expect(await count('interventions', { plan_id: (await db('job_plans').where({ case_id: planned.id }).first()).id })).toBe(4);
      expect(await db('cases').where({ id: planned.id }).first()).toMatchObject({ closed_on: '2026-03-12', version: 3 });
    });

    it('refuses a stale version, and writes nothing', async () => {
      const planned = await caseWithPlan();
      const running = await data.addIntervention(db, request('addIntervention', interventionOf(planned.id)), NOW);
      const closing = data.closeCase(db, request('closeCase', { id: String(planned.id), version: 1, closedOn: '2026-03-12', reason: 'WORK' }), NOW);
      expect(await refusal(closing)).toEqual({
        code: 'CONFLICT',
        field: 'input.version',
      });
      expect(await db('cases').where({ id: planned.id }).first()).toMatchObject({ status: 'OPEN', closed_on: null, version: 2 });
      expect(await db('interventions').where({ id: running.id }).first()).toMatchObject({ ended_on: null, version: 1 });
    });
  });

  describe('feedback', () => {
    it('goes to the referring district, from the caller, also after closure', async () => {
      const opened = await enrolNew();
      await data.closeCase(db, request('closeCase', { id: String(opened.id), version: 1, closedOn: '2026-03-10', reason: 'STUDIES' }), NOW);
      const sent = await data.giveFeedback(db, request('giveFeedback', { caseId: String(opened.id), message: ' Börjar på Komvux i april. ' }), NOW);
      expect(sent).toMatchObject({
        case_id: opened.id,
        referral_id: opened.referral_id,
        sent_by: 'coach-kista-01',
        sent_at: '2026-03-16 10:00:00',
        message: 'Börjar på Komvux i april.',
      });
    });

    it('refuses an empty message and an unknown case, and writes nothing', async () => {
      const opened = await enrolNew();
      const before = await count('feedback');
      expect(await refusal(data.giveFeedback(db, request('giveFeedback', { caseId: String(opened.id), message: '  ' }), NOW))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.message',
      });
      expect(await refusal(data.giveFeedback(db, request('giveFeedback', { caseId: '999999', message: 'Hej' }), NOW))).toEqual({
        code: 'NOT_FOUND',
        field: 'input.caseId',
      });
      expect(await count('feedback')).toBe(before);
    });
  });

  describe('worklists', () => {
    const ids = (page: CasePage) => page.edges.map((e) => e.node.id);
    let unit: string;
    let late: StoredCase;
    let kept: StoredCase;
    let overdue: StoredCase;
    let pending: StoredCase;
    beforeAll(async () => {
      // A unit of their own, so the lists hold only these cases.
      unit = 'VALLINGBY';
      const at = (enrolledOn: string) => enrolNew({ unitCode: unit, enrolledOn }, { districtCode: 'HV' });
      const plan = (c: StoredCase, establishedOn: string) =>
        data.establishJobPlan(db, request('establishJobPlan', { caseId: String(c.id), establishedOn, goal: 'WORK' }), NOW);
      late = await plan(await at('2026-02-02'), '2026-02-13'); // deadline 9 Feb
      kept = await plan(await at('2026-02-03'), '2026-02-10'); // deadline 10 Feb
      overdue = await at('2026-02-04'); // deadline 11 Feb, no plan
      pending = await at('2026-03-12'); // deadline 19 Mar, no plan yet
    });

    it('lists the cases whose jobbgaranti was broken in the period, by unit and by district', async () => {
      const filter = { unitCode: unit, from: '2026-02-01', to: '2026-03-31' };
      const page = await data.listJobbgarantiBreaches(db, ALL_CASES, filter, { first: 1 }, '2026-03-16');
      expect(ids(page)).toEqual([late.id]);
      const rest = await data.listJobbgarantiBreaches(db, ALL_CASES, filter, { first: 10, after: page.pageInfo.endCursor }, '2026-03-16');
      expect(ids(rest)).toEqual([overdue.id]);
      expect(await page.totalCount()).toBe(2);
      expect(ids(await data.listJobbgarantiBreaches(db, ALL_CASES, { districtCode: 'HV', from: '2026-02-03', to: '2026-02-28' }, {}, '2026-03-16'))).toEqual([
        overdue.id,
      ]);
      // A day after its deadline, the pending case is broken too.
      expect(ids(await data.listJobbgarantiBreaches(db, ALL_CASES, filter, {}, '2026-03-20'))).toEqual([late.id, overdue.id, pending.id]);
      expect(kept.version).toBe(2);
    });

    it('refuses a period that ends before it starts', async () => {
      expect(
        await refusal(data.listJobbgarantiBreaches(db, ALL_CASES, { from: '2026-03-01', to: '2026-02-01' }, {}, '2026-03-16')),
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'jobbgarantiBreaches.filter.to' });
    });

    it('lists open cases without a plan, oldest first', async () => {
      const page = await data.listCasesWithoutPlan(db, ALL_CASES, { unitCode: unit }, { first: 10 });
      expect(ids(page)).toEqual([overdue.id, pending.id]);
      await data.closeCase(db, request('closeCase', { id: String(overdue.id), version: 1, closedOn: '2026-03-13', reason: 'UNKNOWN' }), NOW);
      expect(ids(await data.listCasesWithoutPlan(db, ALL_CASES, { districtCode: 'HV' }, {}))).toEqual([pending.id]);
    });
  });
});
