import { Knex } from 'knex';
import { addDays, stockholmInstant, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, GraphQLResponse, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Jobbtorg's mutations through the gateway: enrolment from a district's referral, the job
 * plan and the jobbgaranti, interventions, closure and feedback the district reads on its
 * referral. People are added straight to the stadsdel database as the population register
 * would; consents and referrals go through stadsdel's mutations. Every refusal is read back
 * from the jobbtorg database to show that nothing was written.
 */

const CASE = 'id version status coach targetGroup reportingGroup enrolledOn unit { code } jobbgaranti { deadline planEstablishedOn status } closure { closedOn reason note }';
const INTERVENTION = 'id version kind title startDate endDate endedOn hoursPerWeek schedule { weekday startTime endTime } provider { id } status';

/** A mutation `name(input: $input, idempotencyKey: $key) { fields }`. */
const mutation = (name: string, inputType: string, fields: string) => /* GraphQL */ `
  mutation ${name[0].toUpperCase()}${name.slice(1)}($input: ${inputType}!, $key: String) {
    ${name}(input: $input, idempotencyKey: $key) { ${fields} }
  }
`;

const ENROL = mutation('enrolInJobbtorg', 'EnrolInJobbtorgInput', CASE);
const ESTABLISH = mutation('establishJobPlan', 'EstablishJobPlanInput', `${CASE} jobPlan { id goal establishedOn }`);
const ADD = mutation('addIntervention', 'AddInterventionInput', INTERVENTION);
const CHANGE = mutation('changeIntervention', 'ChangeInterventionInput', INTERVENTION);
const END = mutation('endIntervention', 'EndInterventionInput', INTERVENTION);
const CLOSE = mutation('closeCase', 'CloseCaseInput', `${CASE} jobPlan { interventions { id version endedOn } }`);
const FEEDBACK = mutation('giveFeedback', 'GiveFeedbackInput', 'id sentBy sentAt message case { id }');

const CONSENT = /* GraphQL */ `
  mutation($p: Personnummer!) {
    recordConsent(input: { personnummer: $p, parties: [SOCIAL_SERVICES, JOBBTORG], purpose: REFERRAL, validFrom: "2026-01-01" }) { id }
  }
`;
const REFER = /* GraphQL */ `
  mutation($p: Personnummer!, $reason: ReferralReason!) { referToJobbtorg(input: { personnummer: $p, reason: $reason }) { id } }
`;
const REFERRAL = /* GraphQL */ `
  query($p: Personnummer!) {
    person(personnummer: $p) {
      referrals { id status jobbtorgCase { id status } feedback { message sentBy } }
      currentJobbtorgCase { id }
    }
  }
`;

/** Jobbtorg Vårberg's coach: Vårberg serves Älvsjö (AV), where these people live. */
const COACH: AsCaller = { as: 'jobbtorgCoach' };
/** Jobbtorg as a whole, which works every unit's cases. */
const CENTRAL: AsCaller = { as: { org: 'JOBBTORG', sub: 'samordnare', scope: 'records:read records:write' } };
const TODAY = todayInStockholm();

describeEachDialect('jobbtorg writes', (dialect) => {
  let stack: Stack;
  let jobbtorg: Knex;
  let serial = 300;

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
    jobbtorg = stack.subgraphs.jobbtorg.db;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  /** A person the district has referred (consent first), with the referral's id. */
  async function referred(birthDate = '1984-02-20', district = 'AV', reason = 'UNEMPLOYMENT'): Promise<{ p: string; referralId: string }> {
    const p = makePersonnummer(birthDate, serial++);
    await stack.subgraphs.stadsdel.db('persons').insert({
      personnummer: p, given_name: 'Test', family_name: 'Aspirant', birth_date: birthDate, district_code: district, protected_identity: false,
    });
    expect((await stack.query(CONSENT, { p }, districtOfficer(district))).errors).toBeUndefined();
    const referral = await stack.query(REFER, { p, reason }, districtOfficer(district));
    expect(referral.errors).toBeUndefined();
    return { p, referralId: referral.data.referToJobbtorg.id };
  }

  async function run(operation: string, input: Record<string, unknown>, key?: string, as: AsCaller = COACH): Promise<GraphQLResponse> {
    return stack.query(operation, { input, key }, as);
  }

  /** As if the district had referred them on `day`: the register's history, written straight to stadsdel. */
  async function referredOn(referralId: string, day: string): Promise<void> {
    await stack.subgraphs.stadsdel.db('referrals').where({ id: referralId }).update({ referred_at: stockholmInstant(day, '09:00') });
  }

  /** A person enrolled at Vårberg, on a day after the referral was made (backdated when `over.enrolledOn` is in the past). */
  async function enrolled(over: Record<string, unknown> = {}, birthDate?: string) {
    const { p, referralId } = await referred(birthDate);
    if (typeof over.enrolledOn === 'string' && over.enrolledOn < TODAY) await referredOn(referralId, over.enrolledOn);
    const answer = await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: TODAY, ...over });
    expect(answer.errors).toBeUndefined();
    return { p, referralId, case: answer.data.enrolInJobbtorg };
  }

  async function planned(enrolledOn = TODAY) {
    const { case: c, p, referralId } = await enrolled({ enrolledOn });
    const answer = await run(ESTABLISH, { caseId: c.id, establishedOn: TODAY, goal: 'WORK' });
    expect(answer.errors).toBeUndefined();
    return { p, referralId, case: answer.data.establishJobPlan };
  }

  const casesNow = async () => Number((await jobbtorg('cases').count({ n: '*' }))[0].n);
  /** What Älvsjö's officer, whose residents these are, sees of the person's referrals. */
  const referralOf = async (p: string) => (await stack.query(REFERRAL, { p }, districtOfficer('AV'))).data.person;

  function expectRefused(answer: GraphQLResponse, code: string, field: string): void {
    expect(answer.data?.[Object.keys(answer.data ?? {})[0]] ?? null).toBeNull();
    expect(answer.errors?.[0].extensions).toMatchObject({ code, field });
  }

  describe('enrolment', () => {
    it('opens a case from a referral, and the district sees the referral enrolled', async () => {
      const { p, referralId } = await referred('2003-06-01');
      const answer = await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: TODAY });
      expect(answer.errors).toBeUndefined();
      const opened = answer.data.enrolInJobbtorg;
      expect(opened).toMatchObject({
        version: 1,
        status: 'OPEN',
        coach: 'coach.varberg',
        targetGroup: 'YOUTH',
        reportingGroup: 'YOUTH_16_24',
        enrolledOn: TODAY,
        unit: { code: 'VARBERG' },
        jobbgaranti: { planEstablishedOn: null, status: 'PENDING' },
        closure: null,
      });
      expect(opened.jobbgaranti.deadline > TODAY).toBe(true);
      expect(await referralOf(p)).toEqual({
        referrals: [{ id: referralId, status: 'ENROLLED', jobbtorgCase: { id: opened.id, status: 'OPEN' }, feedback: [] }],
        currentJobbtorgCase: { id: opened.id },
      });
    });

    it('takes an override of the target group that fits, and a named coach', async () => {
      const { referralId } = await referred('1975-10-10', 'AV', 'OTHER_REASONS');
      const answer = await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: TODAY, coach: 'coach.varberg.02', targetGroup: 'UNEMPLOYED' });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.enrolInJobbtorg).toMatchObject({ targetGroup: 'UNEMPLOYED', reportingGroup: 'OTHER_OVER_24', coach: 'coach.varberg.02' });
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['a unit that does not serve the district', { unitCode: 'FARSTA' }, 'BAD_USER_INPUT', 'input.unitCode'],
      ['an unknown unit', { unitCode: 'NOWHERE' }, 'NOT_FOUND', 'input.unitCode'],
      ['YOUTH for an adult', { targetGroup: 'YOUTH' }, 'BAD_USER_INPUT', 'input.targetGroup'],
      ['REFUGEE for someone not newly arrived', { targetGroup: 'REFUGEE' }, 'BAD_USER_INPUT', 'input.targetGroup'],
      ['an enrolment tomorrow', { enrolledOn: addDays(TODAY, 1) }, 'BAD_USER_INPUT', 'input.enrolledOn'],
      ['an enrolment dated a week before the referral was made', { enrolledOn: addDays(TODAY, -7) }, 'BAD_USER_INPUT', 'input.enrolledOn'],
      ['an unknown referral', { referralId: '999999' }, 'NOT_FOUND', 'input.referralId'],
    ])('refuses %s, and writes nothing anywhere', async (_, over, code, field) => {
      const { p, referralId } = await referred();
      const before = await casesNow();
      // Jobbtorg as a whole may enrol at any unit, so the unit's own rules decide.
      expectRefused(await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: TODAY, ...over }, undefined, CENTRAL), code, field);
      expect(await casesNow()).toBe(before);
      expect((await referralOf(p)).referrals).toEqual([expect.objectContaining({ status: 'BOOKED', jobbtorgCase: null })]);
    });

    it('enrols on a day after a referral made earlier, and names the referral\u2019s day when refusing one before it', async () => {
      // Two days ago, so its jobbgaranti is not yet due (the breaches below are the late plan's alone).
      const { referralId } = await referred();
      await referredOn(referralId, addDays(TODAY, -2));
      const before = await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: addDays(TODAY, -3) });
      expectRefused(before, 'BAD_USER_INPUT', 'input.enrolledOn');
      expect(before.errors?.[0].message).toContain(`before the referral was made on ${addDays(TODAY, -2)}`);
      const answer = await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: addDays(TODAY, -2) });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.enrolInJobbtorg).toMatchObject({ enrolledOn: addDays(TODAY, -2) });
    });

    it('refuses enrolment at a unit the coach does not work at, and by anyone but Jobbtorg', async () => {
      const { p, referralId } = await referred();
      const before = await casesNow();
      const kista: AsCaller = { as: { org: 'JOBBTORG:KISTA', sub: 'coach.kista', scope: 'records:read records:write' } };
      expectRefused(await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: TODAY }, undefined, kista), 'FORBIDDEN', 'input.unitCode');
      expectRefused(await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: TODAY }, undefined, districtOfficer('AV')), 'FORBIDDEN', 'input.unitCode');
      expect(await casesNow()).toBe(before);
      expect((await referralOf(p)).referrals[0].status).toBe('BOOKED');
    });

    it('refuses an adult at a youth branch', async () => {
      const { referralId } = await referred('1980-01-01', 'RK');
      const before = await casesNow();
      // Kista, which serves Rinkeby-Kista, may see the referral; its youth branch takes no adults.
      const kista: AsCaller = { as: { org: 'JOBBTORG:KISTA', sub: 'coach.kista', scope: 'records:read records:write' } };
      expectRefused(await run(ENROL, { referralId, unitCode: 'KISTA_UNGDOM', enrolledOn: TODAY }, undefined, kista), 'BAD_USER_INPUT', 'input.unitCode');
      expect(await casesNow()).toBe(before);
    });

    it('refuses a referral enrolled already, and a second open case for the person', async () => {
      const { p, referralId, case: first } = await enrolled();
      expectRefused(await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: TODAY }), 'CONFLICT', 'input.referralId');
      // The district may refer again once the first referral is enrolled; Jobbtorg still holds one open case.
      const again = await stack.query(REFER, { p, reason: 'UNEMPLOYMENT' }, districtOfficer('AV'));
      expect(again.errors).toBeUndefined();
      const before = await casesNow();
      expectRefused(
        await run(ENROL, { referralId: again.data.referToJobbtorg.id, unitCode: 'VARBERG', enrolledOn: TODAY }),
        'CONFLICT',
        'input.referralId',
      );
      expect(await casesNow()).toBe(before);
      expect(await jobbtorg('cases').where({ personnummer: p }).select('id')).toEqual([{ id: Number(first.id) }]);
    });

    it('takes the notice to stadsdel back when the case cannot be written after it', async () => {
      // The last write of an enrolment with a key marks the key used, after stadsdel was told;
      // a trigger makes exactly that write fail, as a failed commit would.
      const trigger = 'fail_after_notice';
      const sqlite = dialect === 'sqlite';
      await jobbtorg.raw(
        sqlite
          ? "CREATE TRIGGER ?? BEFORE UPDATE ON idempotency_keys BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
          : "CREATE TRIGGER ?? BEFORE UPDATE ON idempotency_keys FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'",
        [trigger],
      );
      const { p, referralId } = await referred();
      const before = await casesNow();
      try {
        const failed = await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: TODAY }, 'enrol-fails-late');
        expect(failed.errors).toBeDefined();
      } finally {
        await jobbtorg.raw('DROP TRIGGER ??', [trigger]);
      }
      expect(await casesNow()).toBe(before);
      expect((await referralOf(p)).referrals).toEqual([expect.objectContaining({ status: 'BOOKED', jobbtorgCase: null })]);
      // Nothing is left half-done: the same referral enrols now.
      expect((await run(ENROL, { referralId, unitCode: 'VARBERG', enrolledOn: TODAY })).errors).toBeUndefined();
    });

    it('enrols once for a retried key, and refuses the key for another request', async () => {
      const { referralId } = await referred();
      const input = { referralId, unitCode: 'VARBERG', enrolledOn: TODAY };
      const first = await run(ENROL, input, 'enrol-retry');
      const retry = await run(ENROL, input, 'enrol-retry');
      expect(first.errors).toBeUndefined();
      expect(retry.errors).toBeUndefined();
      expect(retry.data.enrolInJobbtorg.id).toBe(first.data.enrolInJobbtorg.id);
      expect(await jobbtorg('cases').where({ referral_id: referralId }).count({ n: '*' })).toEqual([{ n: 1 }]);
      expectRefused(await run(ENROL, { ...input, coach: 'someone.else' }, 'enrol-retry'), 'CONFLICT', 'idempotencyKey');
    });
  });

  describe('job plan and jobbgaranti', () => {
    it('keeps the promise with a plan in time, once per case', async () => {
      const { case: opened } = await enrolled();
      const without = await stack.query(`{ casesWithoutPlan(filter: { unitCode: "VARBERG" }, first: 100) { edges { node { id jobbgaranti { deadline } } } } }`, {}, COACH);
      expect(without.data.casesWithoutPlan.edges.map((e: any) => e.node.id)).toContain(opened.id);

      const answer = await run(ESTABLISH, { caseId: opened.id, establishedOn: TODAY, goal: 'STUDIES' });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.establishJobPlan).toMatchObject({
        version: 2,
        jobbgaranti: { planEstablishedOn: TODAY, status: 'KEPT' },
        jobPlan: { goal: 'STUDIES', establishedOn: TODAY },
      });
      const still = await stack.query(`{ casesWithoutPlan(first: 100) { edges { node { id } } } }`, {}, COACH);
      expect(still.data.casesWithoutPlan.edges.map((e: any) => e.node.id)).not.toContain(opened.id);

      expectRefused(await run(ESTABLISH, { caseId: opened.id, establishedOn: TODAY, goal: 'WORK' }), 'CONFLICT', 'input.caseId');
      expect(await jobbtorg('job_plans').where({ case_id: opened.id }).select('goal')).toEqual([{ goal: 'STUDIES' }]);
    });

    it('records a late plan as a broken promise, listed among the breaches', async () => {
      const { case: late } = await planned(addDays(TODAY, -21));
      expect(late.jobbgaranti).toMatchObject({ planEstablishedOn: TODAY, status: 'BREACHED' });
      const breaches = await stack.query(
        `query($from: Date!, $to: Date!) { jobbgarantiBreaches(filter: { districtCode: "AV", from: $from, to: $to }) { totalCount edges { node { id } } } }`,
        { from: addDays(TODAY, -30), to: TODAY },
        COACH,
      );
      expect(breaches.errors).toBeUndefined();
      expect(breaches.data.jobbgarantiBreaches.edges.map((e: any) => e.node.id)).toEqual([late.id]);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['a plan before enrolment', { establishedOn: addDays(TODAY, -1) }, 'BAD_USER_INPUT', 'input.establishedOn'],
      ['an unknown case', { caseId: '999999' }, 'NOT_FOUND', 'input.caseId'],
    ])('refuses %s, and writes nothing', async (_, over, code, field) => {
      const { case: opened } = await enrolled();
      expectRefused(await run(ESTABLISH, { caseId: opened.id, establishedOn: TODAY, goal: 'WORK', ...over }), code, field);
      expect(await jobbtorg('job_plans').where({ case_id: opened.id }).count({ n: '*' })).toEqual([{ n: 0 }]);
      expect(await jobbtorg('cases').where({ id: opened.id }).first()).toMatchObject({ version: 1 });
    });
  });

  describe('interventions', () => {
    const course = (caseId: string, over: Record<string, unknown> = {}) => ({
      caseId,
      kind: 'VOCATIONAL_COURSE',
      title: 'Truckkort A+B',
      providerId: '11',
      startDate: TODAY,
      endDate: addDays(TODAY, 28),
      hoursPerWeek: 6,
      schedule: [
        { weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' },
        { weekday: 'WEDNESDAY', startTime: '09:00', endTime: '12:00' },
      ],
      ...over,
    });

    it('adds, changes from the version read, refuses a stale change, and ends', async () => {
      const { case: c } = await planned();
      const added = await run(ADD, course(c.id));
      expect(added.errors).toBeUndefined();
      const id = added.data.addIntervention.id;
      expect(added.data.addIntervention).toMatchObject({ version: 1, provider: { id: '11' }, hoursPerWeek: 6, endedOn: null });

      const changed = await run(CHANGE, { id, version: 1, title: 'Truckkort A', hoursPerWeek: 3, schedule: [{ weekday: 'FRIDAY', startTime: '13:00', endTime: '16:00' }] });
      expect(changed.errors).toBeUndefined();
      expect(changed.data.changeIntervention).toMatchObject({ version: 2, title: 'Truckkort A', schedule: [{ weekday: 'FRIDAY' }] });

      expectRefused(await run(CHANGE, { id, version: 1, title: 'Lost update' }), 'CONFLICT', 'input.version');
      expectRefused(await run(CHANGE, { id, version: 2, endDate: addDays(TODAY, -1) }), 'BAD_USER_INPUT', 'input.endDate');
      expect(await jobbtorg('interventions').where({ id }).first()).toMatchObject({ title: 'Truckkort A', version: 2, changed_by: 'coach.varberg' });
      // Who wrote it last goes with it to the shared plan; Jobbtorg as a whole changes the title.
      expect((await run(CHANGE, { id, version: 2, title: 'Truckkort A' }, undefined, CENTRAL)).errors).toBeUndefined();
      expect(await jobbtorg('interventions').where({ id }).first()).toMatchObject({ title: 'Truckkort A', version: 3, changed_by: 'samordnare' });

      const ended = await run(END, { id, version: 3, endedOn: TODAY });
      expect(ended.errors).toBeUndefined();
      expect(ended.data.endIntervention).toMatchObject({ version: 4, endedOn: TODAY });
      expect(await jobbtorg('interventions').where({ id }).first()).toMatchObject({ changed_by: 'coach.varberg' });
      expectRefused(await run(END, { id, version: 4, endedOn: TODAY }), 'CONFLICT', 'input.id');
    });

    it('refuses an intervention ending before it starts, added or changed', async () => {
      const { case: c } = await planned();
      expectRefused(await run(ADD, course(c.id, { endDate: addDays(TODAY, -1) })), 'BAD_USER_INPUT', 'input.endDate');
      const { id } = (await run(ADD, course(c.id))).data.addIntervention;
      expectRefused(await run(CHANGE, { id, version: 1, startDate: addDays(TODAY, 29) }), 'BAD_USER_INPUT', 'input.startDate');
      expect(await jobbtorg('interventions').where({ id }).first()).toMatchObject({ version: 1 });

    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['an end before the start', { endDate: addDays(TODAY, -1) }, 'BAD_USER_INPUT', 'input.endDate'],
      ['a start before enrolment', { startDate: addDays(TODAY, -1) }, 'BAD_USER_INPUT', 'input.startDate'],
      ['a schedule that does not add up', { hoursPerWeek: 10 }, 'BAD_USER_INPUT', 'input.schedule'],
      ['overlapping slots', { schedule: [{ weekday: 'MONDAY', startTime: '09:00', endTime: '12:00' }, { weekday: 'MONDAY', startTime: '11:00', endTime: '14:00' }] }, 'BAD_USER_INPUT', 'input.schedule[1]'],
      ['an unknown case', { caseId: '999999' }, 'NOT_FOUND', 'input.caseId'],
    ])('refuses %s, and writes nothing', async (_, over, code, field) => {
      const { case: c } = await planned();
      expectRefused(await run(ADD, course(c.id, over)), code, field);
      expect(await jobbtorg('interventions').count({ n: '*' }).whereIn('plan_id', jobbtorg('job_plans').select('id').where({ case_id: c.id }))).toEqual([{ n: 0 }]);
    });

    it('needs a plan first', async () => {
      const { case: c } = await enrolled();
      expectRefused(await run(ADD, course(c.id)), 'CONFLICT', 'input.caseId');
    });
  });

  describe('closure and feedback', () => {
    it('closes a case, ending what still runs; then refuses changes but takes feedback the district reads', async () => {
      const { p, case: c } = await planned();
      const running = (await run(ADD, { caseId: c.id, kind: 'ACTIVE_JOB_SEARCH', title: 'Jobbsök', startDate: TODAY, hoursPerWeek: 10 })).data.addIntervention;

      expectRefused(await run(CLOSE, { id: c.id, version: 1, closedOn: TODAY, reason: 'WORK' }), 'CONFLICT', 'input.version');
      expect(await jobbtorg('cases').where({ id: c.id }).first()).toMatchObject({ status: 'OPEN', version: 2 });

      const closed = await run(CLOSE, { id: c.id, version: 2, closedOn: TODAY, reason: 'WORK', note: 'Lagerarbetare, tillsvidare.' });
      expect(closed.errors).toBeUndefined();
      expect(closed.data.closeCase).toMatchObject({
        status: 'CLOSED',
        version: 3,
        closure: { closedOn: TODAY, reason: 'WORK', note: 'Lagerarbetare, tillsvidare.' },
        jobPlan: { interventions: [{ id: running.id, version: 2, endedOn: TODAY }] },
      });

      expectRefused(await run(CLOSE, { id: c.id, version: 3, closedOn: TODAY, reason: 'OTHER' }), 'CONFLICT', 'input.id');
      expectRefused(await run(ADD, { caseId: c.id, kind: 'MATCHING', title: 'Matchning', startDate: TODAY, hoursPerWeek: 4 }), 'CONFLICT', 'input.caseId');
      expectRefused(await run(CHANGE, { id: running.id, version: 2, title: 'Later' }), 'CONFLICT', 'input.id');
      expect(await jobbtorg('cases').where({ id: c.id }).first()).toMatchObject({ closure_reason: 'WORK', version: 3 });

      const sent = await run(FEEDBACK, { caseId: c.id, message: 'Har fått anställning på lager från måndag.' }, 'feedback-1');
      const retried = await run(FEEDBACK, { caseId: c.id, message: 'Har fått anställning på lager från måndag.' }, 'feedback-1');
      expect(sent.errors).toBeUndefined();
      expect(sent.data.giveFeedback).toMatchObject({ sentBy: 'coach.varberg', case: { id: c.id } });
      expect(retried.data.giveFeedback.id).toBe(sent.data.giveFeedback.id);
      expect((await referralOf(p)).referrals[0]).toMatchObject({
        jobbtorgCase: { id: c.id, status: 'CLOSED' },
        feedback: [{ message: 'Har fått anställning på lager från måndag.', sentBy: 'coach.varberg' }],
      });
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['an empty message', { message: '  ' }, 'BAD_USER_INPUT', 'input.message'],
      ['an unknown case', { caseId: '999999' }, 'NOT_FOUND', 'input.caseId'],
    ])('refuses feedback with %s, and writes nothing', async (_, over, code, field) => {
      const { case: c } = await enrolled();
      expectRefused(await run(FEEDBACK, { caseId: c.id, message: 'Hej', ...over }), code, field);
      expect(await jobbtorg('feedback').where({ case_id: c.id }).count({ n: '*' })).toEqual([{ n: 0 }]);
    });

    it('refuses a closure before enrolment, and writes nothing', async () => {
      const { case: c } = await enrolled();
      expectRefused(await run(CLOSE, { id: c.id, version: 1, closedOn: addDays(TODAY, -1), reason: 'UNKNOWN' }), 'BAD_USER_INPUT', 'input.closedOn');
      expect(await jobbtorg('cases').where({ id: c.id }).first()).toMatchObject({ status: 'OPEN', closed_on: null, version: 1 });
    });
  });
});
