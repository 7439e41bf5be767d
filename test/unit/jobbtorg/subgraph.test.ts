import { graphql, GraphQLError, GraphQLSchema } from 'graphql';
import { Knex } from 'knex';
import { createDb } from '../../../lib/db';
import { migrateToLatest } from '../../../lib/migrations';
import { addDays, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { createContext } from '../../../subgraphs/jobbtorg/context';
import * as data from '../../../subgraphs/jobbtorg/data';
import { activityStatus as interventionStatus } from '../../../lib/plan/status';
import { migrations } from '../../../subgraphs/jobbtorg/migrations';
import { CaseRow } from '../../../subgraphs/jobbtorg/models';
import { resolvers } from '../../../subgraphs/jobbtorg/resolvers';
import { countStatements, subgraphSchema, testScope, UNIT_TEST_CALLER } from '../../helpers/subgraph';

/** Jobbtorg as a whole, which may read every case. */
const JOBBTORG_CALLER = { ...UNIT_TEST_CALLER, organisation: 'JOBBTORG' };

/**
 * The jobbtorg subgraph on its own, against an in-memory SQLite database holding only the
 * rows inserted here: its rules, its data module, its loaders and its entity resolution.
 */

/** The data module's lists unnarrowed: who may see what is tested through the gateway. */
const ALL_CASES: data.CaseScope = (query) => query;

describe('interventionStatus', () => {
  const today = '2026-03-10';
  const row = (start_date: string, end_date: string | null, ended_on: string | null = null) => ({
    start_date,
    end_date,
    ended_on,
  });

  it.each([
    ['starts later', 'PLANNED', row('2026-03-11', '2026-03-20')],
    ['starts today', 'ONGOING', row('2026-03-10', '2026-03-20')],
    ['under way', 'ONGOING', row('2026-03-01', '2026-03-20')],
    ['ends today', 'ONGOING', row('2026-03-01', '2026-03-10')],
    ['ended yesterday as planned', 'COMPLETED', row('2026-03-01', '2026-03-09')],
    ['open-ended, started', 'ONGOING', row('2026-01-01', null)],
    ['open-ended, not started', 'PLANNED', row('2026-04-01', null)],
    ['ended before its planned end', 'ENDED_EARLY', row('2026-03-01', '2026-03-20', '2026-03-05')],
    ['open-ended and ended', 'ENDED_EARLY', row('2026-01-01', null, '2026-03-05')],
    ['cancelled before it started', 'ENDED_EARLY', row('2026-03-20', '2026-03-30', '2026-03-09')],
    ['ended on its planned end', 'COMPLETED', row('2026-03-01', '2026-03-05', '2026-03-05')],
    ['ran past its planned end, over now', 'COMPLETED', row('2026-03-01', '2026-03-05', '2026-03-08')],
    ['runs past its planned end until today', 'ONGOING', row('2026-03-01', '2026-03-05', '2026-03-10')],
  ])('%s → %s', (_, expected, intervention) => {
    expect(interventionStatus(intervention, today)).toBe(expected);
  });
});

const TODAY = todayInStockholm();
const day = (offset: number) => addDays(TODAY, offset);
const PERSON_A = makePersonnummer('1985-04-12', 123);
const PERSON_B = makePersonnummer('2004-09-30', 456);
const PERSON_WITHOUT_CASES = makePersonnummer('1970-01-01', 789);

/** Units as the city has them: Kista with a youth branch, and Farsta. */
async function insertUnits(db: Knex): Promise<void> {
  await db('units').insert([
    { code: 'FARSTA', name: 'Jobbtorg Farsta', parent_code: null, youth_only: false, sort_order: 2 },
    { code: 'KISTA', name: 'Jobbtorg Kista', parent_code: null, youth_only: false, sort_order: 1 },
    { code: 'KISTA_UNG', name: 'Jobbtorg Kista ungdom', parent_code: 'KISTA', youth_only: true, sort_order: 3 },
  ]);
  await db('unit_districts').insert([
    { unit_code: 'KISTA', district_code: 'RK' },
    { unit_code: 'KISTA', district_code: 'SKH' },
    { unit_code: 'FARSTA', district_code: 'FAR' },
  ]);
}

type CaseInput = Partial<CaseRow> & Pick<CaseRow, 'enrolled_on'>;

let nextReferralId = 1000;

async function insertCase(db: Knex, input: CaseInput): Promise<number> {
  const [id] = await db('cases').insert({
    personnummer: PERSON_A,
    referral_id: nextReferralId++,
    district_code: 'RK',
    unit_code: 'KISTA',
    coach: 'coach.anna',
    target_group: 'UNEMPLOYED',
    reporting_group: 'OTHER_OVER_24',
    jobbgaranti_deadline: addDays(input.enrolled_on, 7),
    status: 'OPEN',
    ...input,
  });
  return Number(id);
}

async function insertPlan(db: Knex, caseId: number, established_on: string): Promise<number> {
  const [id] = await db('job_plans').insert({ case_id: caseId, established_on, goal: 'WORK' });
  return Number(id);
}

async function insertIntervention(db: Knex, planId: number, input: Record<string, unknown> = {}): Promise<void> {
  await db('interventions').insert({
    plan_id: planId,
    kind: 'ACTIVE_JOB_SEARCH',
    title: 'Aktivt jobbsökande',
    provider_id: null,
    start_date: day(-3),
    end_date: day(30),
    ended_on: null,
    hours_per_week: 20,
    schedule: JSON.stringify([{ weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' }]),
    ...input,
  });
}

async function insertFeedback(db: Knex, caseId: number, referralId: number, sent_at: string, message: string) {
  await db('feedback').insert({ case_id: caseId, referral_id: referralId, sent_at, sent_by: 'coach.anna', message });
}

async function freshDb(): Promise<Knex> {
  const db = createDb('sqlite::memory:');
  await migrateToLatest(db, migrations);
  await insertUnits(db);
  return db;
}

function buildSchema(): GraphQLSchema {
  return subgraphSchema('jobbtorg', resolvers);
}

/** Runs one operation as one request would: with its own context and so its own loaders. */
async function execute(db: Knex, schema: GraphQLSchema, source: string, variableValues?: Record<string, unknown>) {
  const result = await graphql({ schema, source, variableValues, contextValue: createContext(testScope(db, JOBBTORG_CALLER)) });
  expect(result.errors).toBeUndefined();
  return result.data as any;
}

describe('jobbtorg over SQLite', () => {
  let schema: GraphQLSchema;
  beforeAll(() => {
    schema = buildSchema();
  });

  describe('Case.jobbgaranti', () => {
    let db: Knex;
    const ids: Record<string, number> = {};
    beforeAll(async () => {
      db = await freshDb();
      ids.kept = await insertCase(db, { enrolled_on: day(-20), jobbgaranti_deadline: day(-13) });
      await insertPlan(db, ids.kept, day(-13));
      ids.late = await insertCase(db, { enrolled_on: day(-20), jobbgaranti_deadline: day(-13) });
      await insertPlan(db, ids.late, day(-12));
      ids.missed = await insertCase(db, { enrolled_on: day(-8), jobbgaranti_deadline: day(-1) });
      ids.dueToday = await insertCase(db, { enrolled_on: day(-7), jobbgaranti_deadline: TODAY });
    });
    afterAll(() => db.destroy());

    it.each([
      ['kept: plan on the deadline', 'kept', -13, 'KEPT'],
      ['breached: plan a day late', 'late', -12, 'BREACHED'],
      ['breached: no plan, deadline passed', 'missed', null, 'BREACHED'],
      ['pending: no plan, deadline today', 'dueToday', null, 'PENDING'],
    ])('%s', async (_, which, planOffset, status) => {
      const answer = await execute(
        db,
        schema,
        `query ($id: ID!) { case(id: $id) { jobbgaranti { deadline planEstablishedOn status } jobPlan { id } } }`,
        { id: String(ids[which]) },
      );
      const planEstablishedOn = planOffset === null ? null : day(planOffset as number);
      expect(answer.case.jobbgaranti).toEqual({ deadline: expect.any(String), planEstablishedOn, status });
      expect(answer.case.jobPlan === null).toBe(planEstablishedOn === null);
    });
  });

  describe('data.listCases', () => {
    let db: Knex;
    const ids: Record<string, number> = {};
    beforeAll(async () => {
      db = await freshDb();
      // Two cases share an enrolment day, so the id must break the tie.
      ids.oldest = await insertCase(db, { enrolled_on: '2026-01-05', unit_code: 'FARSTA', district_code: 'FAR' });
      ids.tieLow = await insertCase(db, { enrolled_on: '2026-02-02' });
      ids.tieHigh = await insertCase(db, {
        enrolled_on: '2026-02-02',
        personnummer: PERSON_B,
        target_group: 'YOUTH',
        reporting_group: 'YOUTH_16_24',
        unit_code: 'KISTA_UNG',
      });
      ids.closed = await insertCase(db, {
        enrolled_on: '2026-02-16',
        status: 'CLOSED',
        closed_on: '2026-03-01',
        closure_reason: 'WORK',
        target_group: 'REFUGEE',
        reporting_group: 'NEWLY_ARRIVED_REFUGEE',
        district_code: 'SKH',
      });
      ids.newest = await insertCase(db, { enrolled_on: '2026-03-02', unit_code: 'FARSTA', district_code: 'FAR' });
    });
    afterAll(() => db.destroy());

    const idsOf = (page: { edges: { node: CaseRow }[] }) => page.edges.map((e) => Number(e.node.id));

    it('lists newest enrolment first, id breaking ties', async () => {
      const page = await data.listCases(db, null, { first: 10 }, ALL_CASES);
      expect(idsOf(page)).toEqual([ids.newest, ids.closed, ids.tieHigh, ids.tieLow, ids.oldest]);
      expect(page.pageInfo.hasNextPage).toBe(false);
      await expect(page.totalCount()).resolves.toBe(5);
    });

    it.each([
      [{ unitCode: 'FARSTA' }, ['newest', 'oldest']],
      [{ districtCode: 'SKH' }, ['closed']],
      [{ status: 'CLOSED' as const }, ['closed']],
      [{ status: 'OPEN' as const, unitCode: 'KISTA' }, ['tieLow']],
      [{ targetGroup: 'YOUTH' as const }, ['tieHigh']],
      [{ reportingGroup: 'NEWLY_ARRIVED_REFUGEE' as const }, ['closed']],
      [{ enrolledFrom: '2026-02-02', enrolledTo: '2026-02-16' }, ['closed', 'tieHigh', 'tieLow']],
      [{ enrolledTo: '2026-01-31' }, ['oldest']],
    ])('filters by %j', async (filter, expected) => {
      const page = await data.listCases(db, filter, { first: 10 }, ALL_CASES);
      expect(idsOf(page)).toEqual(expected.map((name) => ids[name]));
      await expect(page.totalCount()).resolves.toBe(expected.length);
    });

    it('continues after a cursor, also inside a tie on the enrolment day', async () => {
      const seen: number[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page = await data.listCases(db, null, { first: 2, after }, ALL_CASES);
        seen.push(...idsOf(page));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual([ids.newest, ids.closed, ids.tieHigh, ids.tieLow, ids.oldest]);

      const first3 = await data.listCases(db, null, { first: 3 }, ALL_CASES);
      const rest = await data.listCases(db, null, { first: 3, after: first3.pageInfo.endCursor }, ALL_CASES);
      expect(idsOf(rest)).toEqual([ids.tieLow, ids.oldest]);
    });

    it('refuses a page larger than 100 and a cursor it did not make', async () => {
      const tooLarge = await data.listCases(db, null, { first: 101 }, ALL_CASES).catch((e: unknown) => e);
      expect(tooLarge).toBeInstanceOf(GraphQLError);
      expect((tooLarge as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cases.first' });

      for (const after of ['garbage', Buffer.from('["2026-01-01"]').toString('base64url')]) {
        const bad = await data.listCases(db, null, { first: 2, after }, ALL_CASES).catch((e: unknown) => e);
        expect(bad).toBeInstanceOf(GraphQLError);
        expect((bad as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cases.after' });
      }
    });

    it('says the same through the schema', async () => {
      const result = await graphql({ schema, source: '{ cases(first: 101) { totalCount } }', contextValue: createContext(testScope(db, JOBBTORG_CALLER)) });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cases.first' });
    });
  });

  describe('the graph', () => {
    let db: Knex;
    const REFERRAL_WITH_CASE = 501;
    const REFERRAL_WITHOUT_CASE = 999;
    let openCaseId: number;

    beforeAll(async () => {
      db = await freshDb();
      // Twelve cases, each with a plan of two interventions and two feedback messages, so
      // a page of 3 and a page of 10 reach every edge the same way.
      for (let i = 0; i < 12; i++) {
        const closed = i % 3 === 0;
        const caseId = await insertCase(db, {
          enrolled_on: day(-40 + i),
          personnummer: i % 2 ? PERSON_A : PERSON_B,
          referral_id: REFERRAL_WITH_CASE + i,
          unit_code: i % 2 ? 'KISTA' : 'FARSTA',
          status: closed ? 'CLOSED' : 'OPEN',
          closed_on: closed ? day(-1) : null,
          closure_reason: closed ? 'STUDIES' : null,
          closure_note: closed ? 'Började på Komvux' : null,
        });
        const planId = await insertPlan(db, caseId, day(-38 + i));
        await insertIntervention(db, planId, { kind: 'START_UP_GROUP', title: 'Uppstartsgrupp', start_date: day(-37 + i) });
        await insertIntervention(db, planId, {
          kind: 'VOCATIONAL_COURSE',
          title: 'Truckkort A+B',
          provider_id: 7,
          start_date: day(5),
          end_date: null,
          schedule: '[]',
        });
        await insertFeedback(db, caseId, REFERRAL_WITH_CASE + i, `${day(-30 + i)} 10:00:00`, 'Inskriven');
        await insertFeedback(db, caseId, REFERRAL_WITH_CASE + i, `${day(-30 + i)} 09:00:00`, 'Infomöte hållet');
      }
      openCaseId = (await db('cases').where({ referral_id: REFERRAL_WITH_CASE + 11 }).first()).id;
    });
    afterAll(() => db.destroy());

    const DEEP = /* GraphQL */ `
      query ($first: Int!) {
        cases(first: $first) {
          totalCount
          edges {
            node {
              id status coach targetGroup reportingGroup enrolledOn
              person { personnummer jobbtorgCases { id } currentJobbtorgCase { id } }
              referral { id jobbtorgCase { id } feedback { id } }
              referringDistrict { code }
              unit { code name youthOnly branches { code } districts { code } }
              jobbgaranti { deadline planEstablishedOn status }
              jobPlan {
                id establishedOn goal
                interventions { id kind title provider { id } startDate endDate endedOn hoursPerWeek schedule { weekday startTime endTime } status }
              }
              closure { closedOn reason note }
              feedback { id sentAt sentBy message case { id } }
            }
          }
        }
      }
    `;

    it('costs the same number of SQL statements for 3 cases as for 10', async () => {
      let three: any;
      let ten: any;
      const forThree = await countStatements(db, async () => {
        three = await execute(db, schema, DEEP, { first: 3 });
      });
      const forTen = await countStatements(db, async () => {
        ten = await execute(db, schema, DEEP, { first: 10 });
      });
      console.log(`jobbtorg SQL statements: cases(first: 3) ${forThree}, cases(first: 10) ${forTen}`);
      expect(three.cases.edges).toHaveLength(3);
      expect(ten.cases.edges).toHaveLength(10);
      expect(forTen).toBe(forThree);

      const newest = ten.cases.edges[0].node;
      expect(newest.jobPlan.interventions.map((i: any) => i.kind)).toEqual(['START_UP_GROUP', 'VOCATIONAL_COURSE']);
      expect(newest.jobPlan.interventions[1]).toMatchObject({ provider: { id: '7' }, schedule: [], status: 'PLANNED' });
      expect(newest.jobPlan.interventions[0].schedule).toEqual([{ weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' }]);
      expect(newest.feedback.map((f: any) => f.message)).toEqual(['Infomöte hållet', 'Inskriven']);
      expect(newest.feedback[0].case.id).toBe(newest.id);
      expect(newest.referral.jobbtorgCase.id).toBe(newest.id);
      expect(newest.unit).toMatchObject({ code: 'KISTA', youthOnly: false, branches: [{ code: 'KISTA_UNG' }] });
      const closed = ten.cases.edges.find((e: any) => e.node.status === 'CLOSED').node;
      expect(closed.closure).toEqual({ closedOn: day(-1), reason: 'STUDIES', note: 'Började på Komvux' });
      expect(newest.closure).toBeNull();
    });

    it('lists the units in their order, with parents, branches and districts', async () => {
      const answer = await execute(
        db,
        schema,
        `{ jobbtorgUnits { code youthOnly parent { code } branches { code } districts { code } }
           jobbtorgUnit(code: "KISTA_UNG") { name parent { name } } }`,
      );
      expect(answer.jobbtorgUnits).toEqual([
        { code: 'KISTA', youthOnly: false, parent: null, branches: [{ code: 'KISTA_UNG' }], districts: [{ code: 'RK' }, { code: 'SKH' }] },
        { code: 'FARSTA', youthOnly: false, parent: null, branches: [], districts: [{ code: 'FAR' }] },
        { code: 'KISTA_UNG', youthOnly: true, parent: { code: 'KISTA' }, branches: [], districts: [] },
      ]);
      expect(answer.jobbtorgUnit).toEqual({ name: 'Jobbtorg Kista ungdom', parent: { name: 'Jobbtorg Kista' } });
    });

    it('resolves the Person and Referral entities other subgraphs own', async () => {
      const answer = await execute(
        db,
        schema,
        `query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Person { personnummer jobbtorgCases { id enrolledOn } currentJobbtorgCase { id } }
            ... on Referral { id jobbtorgCase { id } feedback { message } }
          }
        }`,
        {
          representations: [
            { __typename: 'Person', personnummer: PERSON_A },
            { __typename: 'Referral', id: String(REFERRAL_WITH_CASE + 11) },
            { __typename: 'Person', personnummer: PERSON_WITHOUT_CASES },
            { __typename: 'Referral', id: String(REFERRAL_WITHOUT_CASE) },
          ],
        },
      );
      const [person, referral, nobody, unknownReferral] = answer._entities;

      expect(person.personnummer).toBe(PERSON_A);
      expect(person.jobbtorgCases).toHaveLength(6);
      const enrolled = person.jobbtorgCases.map((c: any) => c.enrolledOn);
      expect(enrolled).toEqual([...enrolled].sort().reverse());
      expect(person.currentJobbtorgCase).toEqual({ id: String(openCaseId) });

      expect(referral).toEqual({
        id: String(REFERRAL_WITH_CASE + 11),
        jobbtorgCase: { id: String(openCaseId) },
        feedback: [{ message: 'Infomöte hållet' }, { message: 'Inskriven' }],
      });
      expect(nobody).toEqual({ personnummer: PERSON_WITHOUT_CASES, jobbtorgCases: [], currentJobbtorgCase: null });
      expect(unknownReferral).toEqual({ id: String(REFERRAL_WITHOUT_CASE), jobbtorgCase: null, feedback: [] });
    });

    it('resolves its own Case and JobbtorgUnit entities, in one statement each', async () => {
      let answer: any;
      const statements = await countStatements(db, async () => {
        answer = await execute(
          db,
          schema,
          `query ($representations: [_Any!]!) {
            _entities(representations: $representations) {
              ... on Case { id status }
              ... on JobbtorgUnit { code name }
            }
          }`,
          {
            representations: [
              { __typename: 'Case', id: String(openCaseId) },
              { __typename: 'Case', id: '1' },
              { __typename: 'JobbtorgUnit', code: 'FARSTA' },
              { __typename: 'JobbtorgUnit', code: 'KISTA' },
            ],
          },
        );
      });
      expect(answer._entities).toEqual([
        { id: String(openCaseId), status: 'OPEN' },
        { id: '1', status: 'CLOSED' },
        { code: 'FARSTA', name: 'Jobbtorg Farsta' },
        { code: 'KISTA', name: 'Jobbtorg Kista' },
      ]);
      expect(statements).toBe(2);
    });
  });
});
