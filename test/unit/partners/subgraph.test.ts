import { GraphQLSchema } from 'graphql';
import { Knex } from 'knex';
import { createDb } from '../../../lib/db';
import { migrateToLatest } from '../../../lib/migrations';
import { addDays, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { createContext } from '../../../subgraphs/partners/context';
import * as data from '../../../subgraphs/partners/data';
import { migrations } from '../../../subgraphs/partners/migrations';
import { resolvers } from '../../../subgraphs/partners/resolvers';
import { countStatements, runOperation, subgraphSchema, testScope, UNIT_TEST_CALLER } from '../../helpers/subgraph';

/** A district's officer: reads the agencies' records where the person's consent names social services. */
const DISTRICT_CALLER = { ...UNIT_TEST_CALLER, organisation: 'DISTRICT:SKH' };

/**
 * The partners subgraph on its own, against an in-memory SQLite database holding only the
 * rows inserted here: newly arrived, schedules, the two root connections, and what an
 * `_entities` fetch for many people costs in SQL.
 */

const TODAY = todayInStockholm();
const daysFromToday = (days: number) => addDays(TODAY, days);
const slot = (weekday: string, startTime: string, endTime: string) => ({ weekday, startTime, endTime });

/** Providers referenced by id below; each delivers one agency's services. */
const SFI_KISTA = 1;
const SFI_HAGERSTEN = 2;
const RODA_KORSET = 3;
const LERNIA = 4;
const STUDIEFRAMJANDET = 5;

async function insertAgenciesAndProviders(db: Knex): Promise<void> {
  await db('agencies').insert([
    { code: 'ARBETSFORMEDLINGEN', name: 'Arbetsförmedlingen' },
    { code: 'MIGRATIONSVERKET', name: 'Migrationsverket' },
    { code: 'SFI', name: 'Sfi i Stockholms stad' },
    { code: 'ETABLERING_STOCKHOLM', name: 'Etablering Stockholm' },
  ]);
  await db('providers').insert([
    { id: SFI_KISTA, name: 'Sfi Kista', kind: 'SFI_SCHOOL', agency_code: 'SFI', organisation_number: '212000-0142' },
    { id: SFI_HAGERSTEN, name: 'Sfi Hägersten', kind: 'SFI_SCHOOL', agency_code: 'SFI', organisation_number: '212000-0142' },
    { id: RODA_KORSET, name: 'Röda Korset', kind: 'ESTABLISHMENT_SERVICE', agency_code: 'ETABLERING_STOCKHOLM', organisation_number: '802002-8711' },
    { id: LERNIA, name: 'Lernia', kind: 'COMPLEMENTARY_ACTOR', agency_code: 'ARBETSFORMEDLINGEN', organisation_number: '556573-0239' },
    { id: STUDIEFRAMJANDET, name: 'Studiefrämjandet Stockholm', kind: 'COURSE_PROVIDER', agency_code: 'ETABLERING_STOCKHOLM', organisation_number: '802005-6068' },
  ]);
}

async function freshDb(): Promise<Knex> {
  const db = createDb('sqlite::memory:');
  await migrateToLatest(db, migrations);
  await insertAgenciesAndProviders(db);
  return db;
}

/** Columns every scheduled row needs, with a plain default schedule. */
function scheduled(start_date: string, end_date: string | null, schedule: object[] = [slot('MONDAY', '09:00', '12:00')]) {
  return { start_date, end_date, hours_per_week: 3, schedule: JSON.stringify(schedule) };
}

describe('partners over SQLite', () => {
  let schema: GraphQLSchema;
  let db: Knex;
  beforeAll(() => {
    schema = subgraphSchema('partners', resolvers);
  });

  /** A fresh database for the enclosing block, with the rows `insert` adds; tests there only read. */
  function withDatabase(insert: (db: Knex) => Promise<void> = async () => undefined): void {
    beforeAll(async () => {
      db = await freshDb();
      await insert(db);
    });
    afterAll(() => db.destroy());
  }

  /** One operation as one request; fails the test on any error. */
  async function query(source: string, variableValues?: Record<string, unknown>): Promise<any> {
    const result = await runOperation(schema, createContext(testScope(db, DISTRICT_CALLER)), source, variableValues);
    expect(result.errors).toBeUndefined();
    return result.data;
  }

  const PERSON_ENTITIES = /* GraphQL */ `
    query ($representations: [_Any!]!, $on: Date) {
      _entities(representations: $representations) {
        ... on Person {
          personnummer
          municipalityReceptionDate
          newlyArrived(on: $on)
          jobSeekerRegistrations { id }
          residencePermits { id }
          sfiEnrolments { id }
          providerAssignments { id }
        }
      }
    }
  `;
  /**
   * People as the gateway hands them over, with a shared-planning consent naming every
   * agency (the caller, the city's test user, reads other agencies' records only by one).
   */
  const SHARING = [{ purpose: 'SHARED_PLANNING', parties: ['SOCIAL_SERVICES', 'ARBETSFORMEDLINGEN', 'MIGRATIONSVERKET', 'SFI', 'ETABLERING_PROVIDER'], active: true }];
  const representationsOf = (people: string[]) => people.map((personnummer) => ({ __typename: 'Person', personnummer, sharingConsents: SHARING }));

  describe('Person.newlyArrived', () => {
    const RECEIVED_ON = '2023-03-10';
    const received = makePersonnummer('1990-06-01', 101);
    const receivedLastWeek = makePersonnummer('1991-06-01', 102);
    const receivedNextMonth = makePersonnummer('1992-06-01', 103);
    const neverReceived = makePersonnummer('1993-06-01', 104);

    withDatabase(async (db) => {
      await db('municipality_receptions').insert([
        { personnummer: received, received_on: RECEIVED_ON },
        { personnummer: receivedLastWeek, received_on: daysFromToday(-7) },
        { personnummer: receivedNextMonth, received_on: daysFromToday(30) },
      ]);
    });

    it.each([
      ['on the day of reception', RECEIVED_ON, true],
      ['the last day before three years', '2026-03-09', true],
      ['exactly three years after reception', '2026-03-10', false],
      ['later than three years', '2027-01-01', false],
      ['before the reception', '2023-03-09', false],
    ])('%s (%s) → %s', async (_, on, expected) => {
      const { _entities } = await query(PERSON_ENTITIES, { representations: representationsOf([received]), on });
      expect(_entities[0]).toMatchObject({ municipalityReceptionDate: RECEIVED_ON, newlyArrived: expected });
    });

    it('defaults to today: a reception last week counts, one next month does not yet, none never does', async () => {
      const { _entities } = await query(PERSON_ENTITIES, {
        representations: representationsOf([receivedLastWeek, receivedNextMonth, neverReceived]),
      });
      expect(_entities.map((p: any) => p.newlyArrived)).toEqual([true, false, false]);
      expect(_entities[1].municipalityReceptionDate).toBe(daysFromToday(30));
    });

    it('resolves a person without any partner record, with no query for the person itself', async () => {
      const { _entities } = await query(PERSON_ENTITIES, { representations: representationsOf([neverReceived]) });
      expect(_entities[0]).toEqual({
        personnummer: neverReceived,
        municipalityReceptionDate: null,
        newlyArrived: false,
        jobSeekerRegistrations: [],
        residencePermits: [],
        sfiEnrolments: [],
        providerAssignments: [],
      });
      const bare = await countStatements(db, () =>
        query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { personnummer } } }`, {
          r: representationsOf([neverReceived]),
        }),
      );
      expect(bare).toBe(0);
    });
  });

  describe('schedules and planned activities', () => {
    const jobSeeker = makePersonnummer('1988-02-14', 201);

    withDatabase(async (db) => {
      const [registrationId] = await db('job_seeker_registrations').insert({
        personnummer: jobSeeker,
        registered_on: '2026-01-08',
        office: 'Arbetsförmedlingen Stockholm Kista',
        programme: 'ESTABLISHMENT_PROGRAMME',
        programme_from: '2026-01-15',
        programme_to: null,
        programme_extent_percent: 100,
      });
      await db('planned_activities').insert([
        {
          registration_id: registrationId,
          kind: 'CIVIC_ORIENTATION',
          title: 'Samhällsorientering modul 2',
          provider_id: null,
          ...scheduled('2026-02-03', '2026-03-31', [slot('TUESDAY', '09:00', '12:00'), slot('THURSDAY', '13:00', '15:30')]),
          hours_per_week: 5.5,
        },
        {
          registration_id: registrationId,
          kind: 'WORK_PLACEMENT',
          title: 'Arbetspraktik lager',
          provider_id: LERNIA,
          ...scheduled('2026-01-20', null, []),
        },
      ]);
    });

    it('parses each schedule column into weekly slots, activities by start date', async () => {
      const { _entities } = await query(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
          jobSeekerRegistrations { office programme programmeFrom programmeTo programmeExtentPercent
            plannedActivities { kind title startDate endDate hoursPerWeek provider { name } schedule { weekday startTime endTime } } }
        } } }`,
        { r: representationsOf([jobSeeker]) },
      );
      const [registration] = _entities[0].jobSeekerRegistrations;
      expect(registration).toMatchObject({ programme: 'ESTABLISHMENT_PROGRAMME', programmeFrom: '2026-01-15', programmeTo: null });
      expect(registration.plannedActivities).toEqual([
        { kind: 'WORK_PLACEMENT', title: 'Arbetspraktik lager', startDate: '2026-01-20', endDate: null, hoursPerWeek: 3, provider: { name: 'Lernia' }, schedule: [] },
        {
          kind: 'CIVIC_ORIENTATION',
          title: 'Samhällsorientering modul 2',
          startDate: '2026-02-03',
          endDate: '2026-03-31',
          hoursPerWeek: 5.5,
          provider: null,
          schedule: [slot('TUESDAY', '09:00', '12:00'), slot('THURSDAY', '13:00', '15:30')],
        },
      ]);
    });
  });

  describe('agencies and providers', () => {
    withDatabase();

    it('lists agencies and providers by name, and resolves both as entities', async () => {
      const answer = await query(
        `query ($r: [_Any!]!) {
          agencies { code providers { name } }
          providers(kind: SFI_SCHOOL) { id name agency { code } }
          provider(id: "3") { name kind organisationNumber agency { name } }
          unknown: provider(id: "999") { id }
          _entities(representations: $r) { ... on Agency { name } ... on Provider { name } }
        }`,
        { r: [{ __typename: 'Agency', code: 'SFI' }, { __typename: 'Provider', id: String(LERNIA) }] },
      );
      expect(answer.agencies).toEqual([
        { code: 'ARBETSFORMEDLINGEN', providers: [{ name: 'Lernia' }] },
        { code: 'ETABLERING_STOCKHOLM', providers: [{ name: 'Röda Korset' }, { name: 'Studiefrämjandet Stockholm' }] },
        { code: 'MIGRATIONSVERKET', providers: [] },
        { code: 'SFI', providers: [{ name: 'Sfi Hägersten' }, { name: 'Sfi Kista' }] },
      ]);
      expect(answer.providers).toEqual([
        { id: String(SFI_HAGERSTEN), name: 'Sfi Hägersten', agency: { code: 'SFI' } },
        { id: String(SFI_KISTA), name: 'Sfi Kista', agency: { code: 'SFI' } },
      ]);
      expect(answer.provider).toEqual({
        name: 'Röda Korset',
        kind: 'ESTABLISHMENT_SERVICE',
        organisationNumber: '802002-8711',
        agency: { name: 'Etablering Stockholm' },
      });
      expect(answer.unknown).toBeNull();
      expect(answer._entities).toEqual([{ name: 'Sfi i Stockholms stad' }, { name: 'Lernia' }]);
    });
  });

  /**
   * Both root connections share their order (newest start first, id breaking ties), their
   * "active" filter and their paging rules, so one table of cases covers both.
   */
  describe.each([
    {
      field: 'sfiEnrolments',
      filterType: 'SfiEnrolmentFilter',
      // The two January enrolments start on the same day, so the id has to break the tie.
      rows: {
        autumn: { school_id: SFI_KISTA, course: 'A', study_path: 1, ...scheduled('2025-08-18', '2025-12-19') },
        openEnded: { school_id: SFI_KISTA, course: 'B', study_path: 1, ...scheduled('2026-01-12', null) },
        endsMarch1: { school_id: SFI_HAGERSTEN, course: 'B', study_path: 1, ...scheduled('2026-01-12', '2026-03-01') },
        startsMarch2: { school_id: SFI_HAGERSTEN, course: 'C', study_path: 1, ...scheduled('2026-03-02', '2026-06-12') },
        nextAutumn: { school_id: SFI_KISTA, course: 'D', study_path: 1, ...scheduled('2026-08-17', '2026-12-18') },
      },
      filters: [
        [{ schoolId: String(SFI_KISTA) }, ['nextAutumn', 'openEnded', 'autumn']],
        [{ course: 'B' }, ['endsMarch1', 'openEnded']],
        [{ schoolId: String(SFI_HAGERSTEN), course: 'B' }, ['endsMarch1']],
      ] as [object, string[]][],
    },
    {
      field: 'providerAssignments',
      filterType: 'ProviderAssignmentFilter',
      rows: {
        autumn: { provider_id: RODA_KORSET, service: 'MENTORSHIP', ...scheduled('2025-08-18', '2025-12-19') },
        openEnded: { provider_id: RODA_KORSET, service: 'HEALTH_SUPPORT', ...scheduled('2026-01-12', null) },
        endsMarch1: { provider_id: STUDIEFRAMJANDET, service: 'WORKING_LIFE_INTRODUCTION', ...scheduled('2026-01-12', '2026-03-01') },
        startsMarch2: { provider_id: STUDIEFRAMJANDET, service: 'WORKPLACE_LANGUAGE_SUPPORT', ...scheduled('2026-03-02', '2026-06-12') },
        nextAutumn: { provider_id: RODA_KORSET, service: 'MENTORSHIP', ...scheduled('2026-08-17', '2026-12-18') },
      },
      filters: [
        [{ providerId: String(RODA_KORSET) }, ['nextAutumn', 'openEnded', 'autumn']],
        [{ service: 'MENTORSHIP' }, ['nextAutumn', 'autumn']],
        [{ providerId: String(STUDIEFRAMJANDET), service: 'WORKPLACE_LANGUAGE_SUPPORT' }, ['startsMarch2']],
      ] as [object, string[]][],
    },
  ])('Query.$field', ({ field, filterType, rows, filters }) => {
    const NEWEST_FIRST = ['nextAutumn', 'startsMarch2', 'endsMarch1', 'openEnded', 'autumn'];
    const names = new Map<string, string>();
    const table = field === 'sfiEnrolments' ? 'sfi_enrolments' : 'provider_assignments';
    const listQuery = `query ($filter: ${filterType}, $first: Int, $after: String) {
      list: ${field}(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
      }
    }`;

    withDatabase(async (db) => {
      for (const [name, row] of Object.entries(rows)) {
        const [id] = await db(table).insert({ personnummer: makePersonnummer('1985-01-01', 301), ...row });
        names.set(String(id), name);
      }
    });

    /**
     * The list as the data module pages it, unnarrowed: through the API a school or provider
     * sees only its own rows (tested in partners-writes.e2e.test.ts), but the filters and
     * cursors are the same for every caller.
     */
    async function list(variables: { filter?: object; first?: number; after?: string | null }) {
      const everyone = (q: Knex.QueryBuilder) => q;
      const args = { first: variables.first, after: variables.after };
      const page =
        field === 'sfiEnrolments'
          ? await data.listSfiEnrolments(db, variables.filter as never, args, everyone)
          : await data.listProviderAssignments(db, variables.filter as never, args, everyone);
      const edges = page.edges.map((e: { cursor: string; node: { id: number } }) => ({ cursor: e.cursor, node: { id: String(e.node.id) } }));
      return { totalCount: await page.totalCount(), pageInfo: page.pageInfo, edges, names: edges.map((e) => names.get(e.node.id)!) };
    }

    it('lists the newest start first, id breaking ties, and counts all', async () => {
      const page = await list({});
      expect(page.names).toEqual(NEWEST_FIRST);
      expect(page.totalCount).toBe(5);
      expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[4].cursor });
    });

    it.each([
      ...filters,
      // Active from: still running on or after the day; the last day and an open end both count.
      [{ activeFrom: '2026-03-01' }, ['nextAutumn', 'startsMarch2', 'endsMarch1', 'openEnded']],
      [{ activeFrom: '2026-03-02' }, ['nextAutumn', 'startsMarch2', 'openEnded']],
      // Active to: started on or before the day.
      [{ activeTo: '2026-03-02' }, ['startsMarch2', 'endsMarch1', 'openEnded', 'autumn']],
      [{ activeTo: '2026-01-11' }, ['autumn']],
      [{ activeFrom: '2026-03-02', activeTo: '2026-03-02' }, ['startsMarch2', 'openEnded']],
      [{ activeFrom: '2026-07-01', activeTo: '2026-08-16' }, ['openEnded']],
    ])('filters by %j', async (filter, expected) => {
      const page = await list({ filter });
      expect(page.names).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
    });

    it('continues after a cursor, also between rows that start on the same day', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await list({ first: 2, after });
        seen.push(...page.names);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages += 1;
      } while (after && pages < 10);
      expect(seen).toEqual(NEWEST_FIRST);
      expect(pages).toBe(3);

      // A page ending on the first of the two January rows must not skip or repeat the second.
      const firstThree = await list({ first: 3 });
      expect(firstThree.names).toEqual(NEWEST_FIRST.slice(0, 3));
      const rest = await list({ first: 3, after: firstThree.pageInfo.endCursor, filter: { activeTo: '2026-12-31' } });
      expect(rest.names).toEqual(['openEnded', 'autumn']);
      expect(rest.pageInfo.hasNextPage).toBe(false);
    });

    it.each([
      ['a page larger than 100', { first: 101 }, `${field}.first`],
      ['a negative page size', { first: -1 }, `${field}.first`],
      ['a cursor it did not make', { after: 'not-a-cursor' }, `${field}.after`],
      ['a cursor of the wrong shape', { after: Buffer.from('["2026-01-12"]').toString('base64url') }, `${field}.after`],
    ])('refuses %s as bad user input', async (_, variables, badField) => {
      const result = await runOperation(schema, createContext(testScope(db)), listQuery, variables);
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: badField });
    });
  });

  describe('_entities for many people', () => {
    const PEOPLE = Array.from({ length: 10 }, (_, i) => makePersonnummer(`1980-01-${String(i + 1).padStart(2, '0')}`, 400 + i));

    withDatabase(async (db) => {
      // Every person has the same shape of records, so 3 people and 10 reach every edge alike.
      for (const [i, personnummer] of PEOPLE.entries()) {
        await db('municipality_receptions').insert({ personnummer, received_on: daysFromToday(-100 - i) });
        await db('residence_permits').insert([
          { personnummer, kind: 'TEMPORARY_REFUGEE', granted_on: '2024-05-02', valid_until: '2027-05-01' },
          { personnummer, kind: 'PERMANENT', granted_on: '2026-02-10', valid_until: null },
        ]);
        for (const registered_on of ['2024-06-03', '2025-09-01']) {
          const [registrationId] = await db('job_seeker_registrations').insert({
            personnummer,
            registered_on,
            office: 'Arbetsförmedlingen Stockholm City',
            programme: 'ESTABLISHMENT_PROGRAMME',
            programme_from: registered_on,
            programme_to: null,
            programme_extent_percent: 100,
          });
          await db('planned_activities').insert([
            { registration_id: registrationId, kind: 'ASSESSMENT', title: 'Kartläggning', provider_id: null, ...scheduled(registered_on, null) },
            { registration_id: registrationId, kind: 'LABOUR_MARKET_TRAINING', title: 'Truckkort', provider_id: LERNIA, ...scheduled(registered_on, null) },
          ]);
        }
        await db('sfi_enrolments').insert([
          { personnummer, school_id: SFI_KISTA, course: 'B', study_path: 2, ...scheduled('2024-08-19', '2025-06-13') },
          { personnummer, school_id: SFI_HAGERSTEN, course: 'C', study_path: 2, ...scheduled('2025-08-18', null) },
        ]);
        await db('provider_assignments').insert([
          { personnummer, provider_id: RODA_KORSET, service: 'MENTORSHIP', ...scheduled('2025-01-13', '2025-06-30') },
          { personnummer, provider_id: STUDIEFRAMJANDET, service: 'WORKING_LIFE_INTRODUCTION', ...scheduled('2025-09-01', null) },
        ]);
      }
    });

    const PROVIDER = `id name kind organisationNumber agency { code name providers { id name } }`;
    const SLOTS = `startDate endDate hoursPerWeek schedule { weekday startTime endTime }`;
    const EVERYTHING = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Person {
            personnummer
            municipalityReceptionDate
            newlyArrived
            residencePermits { id kind grantedOn validUntil }
            jobSeekerRegistrations {
              id registeredOn office programme programmeFrom programmeTo programmeExtentPercent
              plannedActivities { id kind title provider { ${PROVIDER} } ${SLOTS} }
            }
            sfiEnrolments { id course studyPath person { personnummer } school { ${PROVIDER} } ${SLOTS} }
            providerAssignments { id service person { personnummer } provider { ${PROVIDER} } ${SLOTS} }
          }
        }
      }
    `;

    it('costs the same number of SQL statements for 3 people as for 10', async () => {
      let three: any;
      let ten: any;
      const forThree = await countStatements(db, async () => {
        three = await query(EVERYTHING, { representations: representationsOf(PEOPLE.slice(0, 3)) });
      });
      const forTen = await countStatements(db, async () => {
        ten = await query(EVERYTHING, { representations: representationsOf(PEOPLE) });
      });
      console.log(`partners SQL statements: _entities for 3 people ${forThree}, for 10 people ${forTen}`);
      expect(forTen).toBe(forThree);

      expect(three._entities).toHaveLength(3);
      expect(ten._entities.map((p: any) => p.personnummer)).toEqual(PEOPLE);
      const person = ten._entities[9];
      expect(person).toMatchObject({ municipalityReceptionDate: daysFromToday(-109), newlyArrived: true });
      expect(person.residencePermits.map((p: any) => p.kind)).toEqual(['PERMANENT', 'TEMPORARY_REFUGEE']);
      expect(person.jobSeekerRegistrations.map((r: any) => r.registeredOn)).toEqual(['2025-09-01', '2024-06-03']);
      expect(person.jobSeekerRegistrations[0].plannedActivities.map((a: any) => a.provider?.name ?? null)).toEqual([null, 'Lernia']);
      expect(person.sfiEnrolments.map((e: any) => [e.course, e.school.name, e.person.personnummer])).toEqual([
        ['C', 'Sfi Hägersten', PEOPLE[9]],
        ['B', 'Sfi Kista', PEOPLE[9]],
      ]);
      expect(person.providerAssignments.map((a: any) => a.provider.agency.code)).toEqual([
        'ETABLERING_STOCKHOLM',
        'ETABLERING_STOCKHOLM',
      ]);
      expect(person.providerAssignments[0].provider.agency.providers.map((p: any) => p.name)).toEqual([
        'Röda Korset',
        'Studiefrämjandet Stockholm',
      ]);
    });
  });
});
