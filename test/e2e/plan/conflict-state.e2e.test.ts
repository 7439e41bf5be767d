import { addDays, mondayOf, todayInStockholm } from '../../../lib/scalars/calendar';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, GraphQLResponse, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * A conflict of the shared plan, from found to settled, through the gateway: two agencies'
 * plans collide, both find it in their inbox under the same id, one acknowledges it, a
 * record changes and it reads as resolved by that change; another is accepted by both and
 * stays accepted until one of its records changes; a reader whose consent does not cover one
 * of the agencies sees neither that conflict nor its history, and cannot act on it.
 *
 * The person's consents: Jobbtorg, Sfi and social services share plans; Jobbtorg and
 * Arbetsförmedlingen share plans. So Jobbtorg sees every agency, Sfi does not see
 * Arbetsförmedlingen, and Arbetsförmedlingen does not see Sfi.
 */

const DISTRICT: AsCaller = { as: 'districtOfficer' };
const COACH: AsCaller = { as: 'jobbtorgCoach' };
const AF: AsCaller = { as: 'afOfficer' };
const SFI: AsCaller = { as: 'sfiTeacher' };

const TODAY = todayInStockholm();
const NEXT_MONDAY = addDays(mondayOf(TODAY), 7);
const WINDOW = { from: NEXT_MONDAY, to: addDays(NEXT_MONDAY, 27) };

const CONFLICT_FIELDS = /* GraphQL */ `
  id kind activityIds agencies otherAgencies state version note expectedSettledOn acceptedBy acceptanceReason
  person { personnummer }
  resolvedBy { recordId agency version changedBy }
  history { version event state agency organisation user note reason change { recordId agency version changedBy } }
`;

const PLAN = /* GraphQL */ `
  query Plan($p: Personnummer!, $from: Date!, $to: Date!) {
    person(personnummer: $p) { sharedPlan(from: $from, to: $to) { conflicts { ${CONFLICT_FIELDS} } } }
  }
`;

const INBOX = /* GraphQL */ `
  query Inbox($state: [PlanConflictState!]) {
    planConflictInbox(filter: { state: $state }, first: 100) { totalCount edges { node { ${CONFLICT_FIELDS} } } }
  }
`;

const ACKNOWLEDGE = /* GraphQL */ `
  mutation Ack($input: AcknowledgePlanConflictInput!, $key: String) {
    acknowledgePlanConflict(input: $input, idempotencyKey: $key) { ${CONFLICT_FIELDS} }
  }
`;

const ACCEPT = /* GraphQL */ `
  mutation Accept($input: AcceptPlanConflictInput!, $key: String) {
    acceptPlanConflict(input: $input, idempotencyKey: $key) { ${CONFLICT_FIELDS} }
  }
`;

const WITHDRAW = /* GraphQL */ `
  mutation Withdraw($input: WithdrawPlanConflictAcceptanceInput!) {
    withdrawPlanConflictAcceptance(input: $input) { ${CONFLICT_FIELDS} }
  }
`;

interface ConflictView {
  id: string;
  kind: string;
  activityIds: string[];
  state: string;
  version: number;
  history: { event: string; state: string; user: string | null }[];
  [field: string]: unknown;
}

describeEachDialect('a conflict of the shared plan, from found to settled', (dialect) => {
  let stack: Stack;
  const p = makePersonnummer('1984-02-17', 781);
  const ids = { case: '', placement: '', placementVersion: 1, sfi: '', sfiVersion: 1, afActivity: '', afVersion: 1 };

  async function ok(query: string, variables: Record<string, unknown>, as: AsCaller): Promise<any> {
    const answer: GraphQLResponse = await stack.query(query, variables, as);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }
  const conflictsAs = async (as: AsCaller): Promise<ConflictView[]> => (await ok(PLAN, { p, ...WINDOW }, as)).person.sharedPlan.conflicts;
  const inboxOf = async (as: AsCaller, state?: string[]): Promise<ConflictView[]> =>
    (await ok(INBOX, { state }, as)).planConflictInbox.edges.map((e: { node: ConflictView }) => e.node).filter((c: ConflictView) => (c.person as { personnummer: string }).personnummer === p);
  const byKind = (conflicts: ConflictView[], kind: string) => conflicts.find((c) => c.kind === kind);

  beforeAll(async () => {
    stack = await startStack({ dialect, people: 120 });
    await stack.subgraphs.stadsdel.db('persons').insert({
      personnummer: p, given_name: 'Hodan', family_name: 'Warsame', birth_date: '1984-02-17', district_code: 'SKH', protected_identity: false,
    });
    const consent = `mutation($p: Personnummer!, $from: Date!, $parties: [Party!]!) { recordConsent(input: { personnummer: $p, purpose: SHARED_PLANNING, validFrom: $from, parties: $parties }) { id } }`;
    await ok(consent, { p, from: TODAY, parties: ['SOCIAL_SERVICES', 'JOBBTORG', 'SFI'] }, DISTRICT);
    await ok(consent, { p, from: TODAY, parties: ['JOBBTORG', 'ARBETSFORMEDLINGEN'] }, DISTRICT);
    await ok(`mutation($p: Personnummer!) { recordConsent(input: { personnummer: $p, purpose: REFERRAL, validFrom: "2026-01-01", parties: [SOCIAL_SERVICES, JOBBTORG] }) { id } }`, { p }, DISTRICT);
    const referral = await ok(`mutation($p: Personnummer!) { referToJobbtorg(input: { personnummer: $p, reason: UNEMPLOYMENT }) { id } }`, { p }, DISTRICT);
    const opened = await ok(
      `mutation($r: ID!, $on: Date!) { enrolInJobbtorg(input: { referralId: $r, unitCode: "VARBERG", enrolledOn: $on }) { id } }`,
      { r: referral.referToJobbtorg.id, on: TODAY },
      COACH,
    );
    ids.case = opened.enrolInJobbtorg.id;
    await ok(`mutation($c: ID!, $on: Date!) { establishJobPlan(input: { caseId: $c, establishedOn: $on, goal: WORK }) { id } }`, { c: ids.case, on: TODAY }, COACH);
    // Jobbtorg: a placement on Tuesday mornings; Sfi: Tuesday and Thursday mornings; AF: a placement of its own on Fridays.
    const placement = await ok(
      `mutation($c: ID!, $from: Date!, $to: Date!) { addIntervention(input: { caseId: $c, kind: WORK_PLACEMENT, title: "Praktik på bibliotek", startDate: $from, endDate: $to, hoursPerWeek: 3, schedule: [{ weekday: TUESDAY, startTime: "09:00", endTime: "12:00" }] }) { id version } }`,
      { c: ids.case, ...WINDOW },
      COACH,
    );
    ids.placement = placement.addIntervention.id;
    const sfi = await ok(
      `mutation($p: Personnummer!, $from: Date!) { enrolInSfi(input: { personnummer: $p, schoolId: "1", course: B, studyPath: 2, startDate: $from, hoursPerWeek: 6, schedule: [{ weekday: TUESDAY, startTime: "09:00", endTime: "12:00" }, { weekday: THURSDAY, startTime: "09:00", endTime: "12:00" }] }) { id version } }`,
      { p, from: NEXT_MONDAY },
      SFI,
    );
    ids.sfi = sfi.enrolInSfi.id;
    ids.sfiVersion = sfi.enrolInSfi.version;
    const registration = await ok(
      `mutation($p: Personnummer!, $on: Date!) { registerJobSeeker(input: { personnummer: $p, registeredOn: $on, office: "Arbetsförmedlingen Skärholmen", programme: NONE, programmeExtentPercent: 0 }) { id } }`,
      { p, on: TODAY },
      AF,
    );
    const activity = await ok(
      `mutation($r: ID!, $from: Date!, $to: Date!) { addPlannedActivity(input: { registrationId: $r, kind: WORK_PLACEMENT, title: "Arbetspraktik i butik", startDate: $from, endDate: $to, hoursPerWeek: 3, schedule: [{ weekday: FRIDAY, startTime: "13:00", endTime: "16:00" }] }) { id version } }`,
      { r: registration.registerJobSeeker.id, ...WINDOW },
      AF,
    );
    ids.afActivity = activity.addPlannedActivity.id;
    ids.afVersion = activity.addPlannedActivity.version;
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  let overlap: ConflictView;
  let duplicate: ConflictView;

  it('puts the collision in both agencies’ inboxes under the same id, found once', async () => {
    const coach = await inboxOf(COACH);
    const sfi = await inboxOf(SFI);
    overlap = byKind(coach, 'SLOT_OVERLAP')!;
    duplicate = byKind(coach, 'DUPLICATE_KIND')!;
    expect(overlap).toMatchObject({ agencies: ['JOBBTORG', 'SFI'], otherAgencies: ['SFI'], state: 'OPEN', version: 1 });
    expect(overlap.id).toMatch(/^c_[0-9a-f]{16}$/);
    expect(overlap.history).toEqual([expect.objectContaining({ event: 'FOUND', state: 'OPEN', user: null })]);
    expect(sfi.map((c) => c.id)).toEqual([overlap.id]);
    expect(sfi[0]).toMatchObject({ otherAgencies: ['JOBBTORG'], state: 'OPEN', version: 1 });
    // The plan names the same conflicts by the same ids, whichever window it is read over.
    const longer = (await ok(PLAN, { p, from: WINDOW.from, to: addDays(WINDOW.to, 60) }, COACH)).person.sharedPlan.conflicts;
    expect(longer.map((c: ConflictView) => c.id).sort()).toEqual([overlap.id, duplicate.id].sort());
  });

  it('lets an involved agency acknowledge it, with a note, once per version', async () => {
    const input = { id: overlap.id, version: 1, note: 'Vi flyttar praktiken till eftermiddagar.', expectedSettledOn: addDays(TODAY, 14) };
    const acknowledged = (await ok(ACKNOWLEDGE, { input, key: 'ack-1' }, COACH)).acknowledgePlanConflict;
    expect(acknowledged).toMatchObject({ id: overlap.id, state: 'ACKNOWLEDGED', version: 2, note: input.note, expectedSettledOn: input.expectedSettledOn });
    expect(acknowledged.history.map((h: { event: string }) => h.event)).toEqual(['FOUND', 'ACKNOWLEDGED']);
    expect(acknowledged.history[1]).toMatchObject({ agency: 'JOBBTORG', organisation: 'JOBBTORG:VARBERG', user: 'coach.varberg', note: input.note });
    // A retry with the key returns the same; the same version again is stale.
    expect((await ok(ACKNOWLEDGE, { input, key: 'ack-1' }, COACH)).acknowledgePlanConflict.version).toBe(2);
    const stale = await stack.query(ACKNOWLEDGE, { input }, COACH);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const early = await stack.query(ACKNOWLEDGE, { input: { ...input, version: 2, expectedSettledOn: addDays(TODAY, -1) } }, SFI);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expectedSettledOn' });
    // Sfi reads the same state.
    expect(byKind(await inboxOf(SFI), 'SLOT_OVERLAP')).toMatchObject({ state: 'ACKNOWLEDGED', version: 2, note: input.note });
  });

  it('refuses, as unknown, an agency that is not involved or does not see all of it, and writes nothing', async () => {
    // Arbetsförmedlingen is not involved in the overlap and sees no Sfi activity.
    const notInvolved = await stack.query(ACKNOWLEDGE, { input: { id: overlap.id, version: 2 } }, AF);
    // Sfi's consent does not cover Arbetsförmedlingen: the duplicate is not Sfi's to know of.
    const notVisible = await stack.query(ACKNOWLEDGE, { input: { id: duplicate.id, version: 1 } }, SFI);
    const unknown = await stack.query(ACKNOWLEDGE, { input: { id: 'c_0000000000000000', version: 1 } }, SFI);
    for (const answer of [notInvolved, notVisible, unknown]) {
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(answer.errors?.[0].message).toBe(unknown.errors?.[0].message);
    }
    expect((await inboxOf(COACH)).map((c) => [c.id, c.version])).toEqual(expect.arrayContaining([[overlap.id, 2], [duplicate.id, 1]]));
  });

  it('shows a reader without consent for one of the agencies neither that conflict nor its history', async () => {
    const sfiPlan = await conflictsAs(SFI);
    expect(sfiPlan.map((c) => c.id)).toEqual([overlap.id]);
    expect(JSON.stringify(sfiPlan)).not.toContain(duplicate.id);
    expect(JSON.stringify(await inboxOf(SFI))).not.toContain(`partners:activity:${ids.afActivity}`);
    const afPlan = await conflictsAs(AF);
    expect(afPlan.map((c) => c.id)).toEqual([duplicate.id]);
    expect(JSON.stringify(await inboxOf(AF))).not.toContain(overlap.id);
    // The district sees Jobbtorg and Sfi, but is in neither conflict and has no consent for Arbetsförmedlingen.
    expect(await inboxOf(DISTRICT)).toEqual([]);
    expect((await conflictsAs(DISTRICT)).map((c) => c.id)).toEqual([overlap.id]);
  });

  it('is accepted once both agencies accept it, and stays accepted while its records stand', async () => {
    const first = (await ok(ACCEPT, { input: { id: duplicate.id, version: 1, reason: 'Praktiken hos Arbetsförmedlingen kompletterar vår.' } }, COACH)).acceptPlanConflict;
    expect(first).toMatchObject({ state: 'OPEN', version: 2, acceptedBy: ['JOBBTORG'] });
    const again = await stack.query(ACCEPT, { input: { id: duplicate.id, version: 2, reason: 'Igen.' } }, COACH);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    const empty = await stack.query(ACCEPT, { input: { id: duplicate.id, version: 2, reason: '  ' } }, AF);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const both = (await ok(ACCEPT, { input: { id: duplicate.id, version: 2, reason: 'Två olika arbetsgivare, planerat så.' } }, AF)).acceptPlanConflict;
    expect(both).toMatchObject({ state: 'ACCEPTED', version: 3, acceptedBy: ['JOBBTORG', 'ARBETSFORMEDLINGEN'], acceptanceReason: 'Två olika arbetsgivare, planerat så.' });
    expect(byKind(await conflictsAs(COACH), 'DUPLICATE_KIND')).toMatchObject({ id: duplicate.id, state: 'ACCEPTED', version: 3 });
  });

  it('reads as resolved by the record that changed, and by whom, once the collision is gone', async () => {
    const { person } = await ok(`query($p: Personnummer!) { person(personnummer: $p) { sfiEnrolments { id version changedBy } } }`, { p }, SFI);
    const moved = await ok(
      `mutation($id: ID!, $v: Int!) { changeSfiEnrolment(input: { id: $id, version: $v, schedule: [{ weekday: WEDNESDAY, startTime: "09:00", endTime: "12:00" }, { weekday: THURSDAY, startTime: "09:00", endTime: "12:00" }] }) { version changedBy } }`,
      { id: ids.sfi, v: person.sfiEnrolments[0].version },
      SFI,
    );
    const change = { recordId: `partners:sfi:${ids.sfi}`, agency: 'SFI', version: moved.changeSfiEnrolment.version, changedBy: moved.changeSfiEnrolment.changedBy };
    expect(change.changedBy).toBe('sfi.kista');
    // Sfi's inbox is the first to read the plan since the change.
    const resolved = byKind(await inboxOf(SFI), 'SLOT_OVERLAP')!;
    expect(resolved).toMatchObject({ id: overlap.id, state: 'RESOLVED', version: 3, resolvedBy: change, note: null });
    expect(resolved.history.map((h) => [h.event, h.state])).toEqual([['FOUND', 'OPEN'], ['ACKNOWLEDGED', 'ACKNOWLEDGED'], ['RESOLVED', 'RESOLVED']]);
    expect(resolved.history[2]).toMatchObject({ agency: 'SFI', user: 'sfi.kista', change });
    expect(byKind(await inboxOf(COACH, ['RESOLVED']), 'SLOT_OVERLAP')).toMatchObject({ id: overlap.id, resolvedBy: change });
    // The plan no longer holds it; the accepted duplicate, whose records did not change, stays accepted.
    const plan = await conflictsAs(COACH);
    expect(plan.map((c) => [c.id, c.state])).toEqual([[duplicate.id, 'ACCEPTED']]);
    const cannot = await stack.query(ACCEPT, { input: { id: overlap.id, version: 3, reason: 'För sent.' } }, COACH);
    expect(cannot.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
  });

  it('opens an accepted conflict again when one of its records changes, and again when a resolved one comes back', async () => {
    const changed = await ok(
      `mutation($id: ID!, $v: Int!) { changePlannedActivity(input: { id: $id, version: $v, hoursPerWeek: 2, schedule: [{ weekday: FRIDAY, startTime: "13:00", endTime: "15:00" }] }) { version } }`,
      { id: ids.afActivity, v: ids.afVersion },
      AF,
    );
    expect(changed.changePlannedActivity.version).toBe(ids.afVersion + 1);
    const reopened = byKind(await inboxOf(AF), 'DUPLICATE_KIND')!;
    expect(reopened).toMatchObject({ id: duplicate.id, state: 'OPEN', version: 4, acceptedBy: [], acceptanceReason: null });
    expect(reopened.history.at(-1)).toMatchObject({ event: 'REOPENED', state: 'OPEN', change: { recordId: `partners:activity:${ids.afActivity}`, agency: 'ARBETSFORMEDLINGEN' } });

    // Sfi moves its lessons back: the overlap is there again, open, with its history.
    const { person } = await ok(`query($p: Personnummer!) { person(personnummer: $p) { sfiEnrolments { version } } }`, { p }, SFI);
    await ok(
      `mutation($id: ID!, $v: Int!) { changeSfiEnrolment(input: { id: $id, version: $v, schedule: [{ weekday: TUESDAY, startTime: "09:00", endTime: "12:00" }, { weekday: THURSDAY, startTime: "09:00", endTime: "12:00" }] }) { version } }`,
      { id: ids.sfi, v: person.sfiEnrolments[0].version },
      SFI,
    );
    const back = byKind(await conflictsAs(COACH), 'SLOT_OVERLAP')!;
    expect(back).toMatchObject({ id: overlap.id, state: 'OPEN', version: 4, resolvedBy: null });
    expect(back.history.map((h) => h.event)).toEqual(['FOUND', 'ACKNOWLEDGED', 'RESOLVED', 'REOPENED']);
  });

  it('lets an agency take its acceptance back', async () => {
    const reason = 'Placeringen ligger bredvid programmet med avsikt.';
    await ok(ACCEPT, { input: { id: duplicate.id, version: 4, reason } }, COACH);
    const accepted = (await ok(ACCEPT, { input: { id: duplicate.id, version: 5, reason } }, AF)).acceptPlanConflict;
    expect(accepted).toMatchObject({ state: 'ACCEPTED', version: 6 });
    const withdrawn = (await ok(WITHDRAW, { input: { id: duplicate.id, version: 6, reason: 'Vi ändrar oss.' } }, AF)).withdrawPlanConflictAcceptance;
    expect(withdrawn).toMatchObject({ state: 'OPEN', version: 7, acceptedBy: ['JOBBTORG'] });
    expect(withdrawn.history.at(-1)).toMatchObject({ event: 'ACCEPTANCE_WITHDRAWN', agency: 'ARBETSFORMEDLINGEN', reason: 'Vi ändrar oss.' });
    const twice = await stack.query(WITHDRAW, { input: { id: duplicate.id, version: 7 } }, AF);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
  });

  it('counts the people’s conflicts by kind and state for the coordinator, and how long settling took', async () => {
    const COUNTS = /* GraphQL */ `
      query Counts($from: Date!, $to: Date!, $state: [PlanConflictState!]) {
        peopleWithPlanConflicts(filter: { unitCode: "VARBERG", from: $from, to: $to, state: $state }, first: 100) {
          edges { node { person { personnummer } total byKind { kind count } byState { state count } } }
          summary { total byState { state count } medianOpenAgeDays oldestOpenAgeDays medianDaysToSettle }
        }
      }
    `;
    const mine = (data: any) => data.peopleWithPlanConflicts.edges.find((e: any) => e.node.person.personnummer === p)?.node;
    const all = await ok(COUNTS, WINDOW, COACH);
    expect(mine(all)).toEqual({
      person: { personnummer: p },
      total: 2,
      byKind: [{ kind: 'SLOT_OVERLAP', count: 1 }, { kind: 'DUPLICATE_KIND', count: 1 }],
      byState: [{ state: 'OPEN', count: 2 }],
    });
    expect(all.peopleWithPlanConflicts.summary.oldestOpenAgeDays).toBeGreaterThanOrEqual(0);
    const open = await ok(COUNTS, { ...WINDOW, state: ['OPEN'] }, COACH);
    expect(mine(open)).toMatchObject({ total: 2 });
    expect(open.peopleWithPlanConflicts.summary.byState).toEqual([{ state: 'OPEN', count: open.peopleWithPlanConflicts.summary.total }]);
    expect(mine(await ok(COUNTS, { ...WINDOW, state: ['ACCEPTED'] }, COACH))).toBeUndefined();
  });

  it('logs every read and change of a conflict’s state as a read of the person’s records', async () => {
    const log = await stack.subgraphs.jobbtorg.db('audit_log').where({ record_type: 'PlanConflict' }).select('operation_name', 'fields', 'outcome');
    const fields = log.map((r: { fields: string }) => r.fields).join(' ');
    expect(fields).toContain('mutation:acknowledgePlanConflict');
    expect(fields).toContain('mutation:acceptPlanConflict');
    expect(fields).toContain('history');
    expect(log.some((r: { outcome: string }) => r.outcome === 'DENIED')).toBe(true);
  });
});

describeEachDialect('the seeded history of conflicts', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 600 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(() => stack?.stop());

  it('reads as it was kept: every state, and the first reads move none of them', async () => {
    const db = stack.subgraphs.jobbtorg.db;
    const before: { id: string; state: string; version: number }[] = await db('plan_conflicts').select('id', 'state', 'version').orderBy('id');
    expect(new Set(before.map((c) => c.state))).toEqual(new Set(['OPEN', 'ACKNOWLEDGED', 'ACCEPTED', 'RESOLVED']));
    const CENTRAL: AsCaller = { as: { org: 'JOBBTORG', sub: 'samordnare', scope: 'records:read' } };
    const inbox = await stack.query(`{ planConflictInbox(first: 100) { totalCount edges { node { id state history { event } } } } }`, {}, CENTRAL);
    expect(inbox.errors).toBeUndefined();
    expect(inbox.data.planConflictInbox.totalCount).toBeGreaterThan(0);
    for (const unit of ['KISTA', 'FARSTA', 'VARBERG', 'ROSENLUNDSGATAN']) {
      const counts = await stack.query(
        `query($unit: ID!) { peopleWithPlanConflicts(filter: { unitCode: $unit, from: "2025-01-01", to: "2025-12-31" }) { summary { total } } }`,
        { unit },
        CENTRAL,
      );
      expect(counts.errors).toBeUndefined();
    }
    const after: { id: string; state: string; version: number }[] = await db('plan_conflicts').select('id', 'state', 'version').whereIn('id', before.map((c) => c.id)).orderBy('id');
    expect(after.map((c) => [c.id, c.state, Number(c.version)])).toEqual(before.map((c) => [c.id, c.state, Number(c.version)]));
  });
});
