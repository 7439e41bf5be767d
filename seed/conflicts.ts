import { createHash } from 'node:crypto';
import { CATEGORY_NAMES, categoryOf, JobbtorgCaseFacts } from '../lib/plan/activity';
import { Conflict, findConflicts } from '../lib/plan/conflicts';
import { conflictId, identityOf } from '../lib/plan/identity';
import { planItemOf, toPlannedItem } from '../lib/plan/items';
import { fingerprintOf, judgeOnOwnRecords, PlanRecords, recordsOf, SeenRecord } from '../lib/plan/settling';
import type { StoredAcceptance, StoredPlanConflict } from '../subgraphs/jobbtorg/models';
import { planConflictRowOf } from '../subgraphs/jobbtorg/data';
import { afterTransition, KEPT_AT_FULL_TIME_HOURS, newlyFound } from '../subgraphs/jobbtorg/plan-conflicts';
import { jobbgarantiStatus } from '../subgraphs/jobbtorg/rules/case';
import { programmeItemId, programmeItemOf } from '../subgraphs/partners/plan';
import { partRecordOf, planItemIdOf } from '../subgraphs/partners/rules/programme-part';
import { historyStep } from '../subgraphs/jobbtorg/rules/plan-conflict';
import { addDays } from './clock';
import { PersonContext } from './context';
import type { PlanConflictEventRow } from '../subgraphs/jobbtorg/models';

/**
 * The settled history of the shared plan's conflicts: what Jobbtorg would have kept had the
 * agencies read the person's plan all along. It is written with the rules Jobbtorg reads
 * with (lib/plan/settling.ts, subgraphs/jobbtorg/plan-conflicts.ts), over the person's
 * records as the subgraphs hand them to the plan, so the first read of the seeded world
 * finds every kept conflict as it was kept and changes nothing:
 *
 * - a conflict its records hold now (over the whole history) is OPEN, ACKNOWLEDGED or
 *   ACCEPTED (every involved agency accepted it as the records stand);
 * - a conflict its records held as planned, before an intervention ended early or with its
 *   case, is RESOLVED by that intervention, on the day it ended, by the coach.
 *
 * Which state a conflict has is drawn from its id, not from the seed's random stream, so
 * the rest of the world is the same with or without this history. Conflicts that involve a
 * three-party meeting are left to be found at the first read, as new ones.
 */

/** A number in [0, 1) drawn from `id` and `salt`: the same for the same conflict in every run. */
function draw(id: string, salt: string): number {
  return parseInt(createHash('sha256').update(`${salt}:${id}`).digest('hex').slice(0, 8), 16) / 2 ** 32;
}

/** Whole days in [0, n), drawn as `draw`. */
function daysDrawn(id: string, salt: string, n: number): number {
  return Math.floor(draw(id, salt) * n);
}

/** The person's records as the subgraphs hand them to the plan, on `today`; ended interventions as planned, when `asPlanned`. */
function planRecords(ctx: PersonContext, asPlanned: boolean): PlanRecords {
  const { jobbtorg, partners } = ctx.bundle;
  const today = ctx.until;
  const interventions = jobbtorg.interventions.map((i) =>
    planItemOf(asPlanned ? { ...i, ended_on: null } : i, { id: `jobbtorg:intervention:${i.id}`, agency: 'JOBBTORG', kind: i.kind, title: i.title, provider: null, partOf: null }, today),
  );
  // As the partners subgraph hands them over (subgraphs/partners/plan.ts): programmes as items, and what is part of one says so.
  const programmes = partners.job_seeker_registrations.filter((r) => r.programme !== 'NONE');
  const programmeOf = new Map(programmes.map((r) => [r.id, programmeItemId(r.id)]));
  const partOf = new Map(
    partners.programme_parts.flatMap((p) => {
      const programme = programmeOf.get(p.registration_id);
      const { kind, recordId } = partRecordOf(p);
      return programme ? [[planItemIdOf(kind, recordId), programme] as const] : [];
    }),
  );
  const activities = partners.planned_activities.map((a) =>
    planItemOf(a, { id: `partners:activity:${a.id}`, agency: 'ARBETSFORMEDLINGEN', kind: a.kind, title: a.title, provider: null, partOf: programmeOf.get(a.registration_id) ?? null }, today),
  );
  const sfi = partners.sfi_enrolments.map((e) => {
    const id = planItemIdOf('SFI_ENROLMENT', e.id);
    return planItemOf(e, { id, agency: 'SFI', kind: 'SFI_COURSE', title: `Sfi kurs ${e.course}`, provider: null, partOf: partOf.get(id) ?? null }, today);
  });
  const assignments = partners.provider_assignments.map((a) => {
    const id = planItemIdOf('PROVIDER_ASSIGNMENT', a.id);
    const title = CATEGORY_NAMES[categoryOf('ETABLERING_PROVIDER', a.service)];
    return planItemOf(a, { id, agency: 'ETABLERING_PROVIDER', kind: a.service, title, provider: null, partOf: partOf.get(id) ?? null }, today);
  });
  const cases: JobbtorgCaseFacts[] = jobbtorg.cases.map((c) => {
    const planEstablishedOn = jobbtorg.job_plans.find((p) => p.case_id === c.id)?.established_on ?? null;
    return {
      id: `jobbtorg:case:${c.id}`,
      enrolledOn: c.enrolled_on,
      jobbgaranti: { deadline: c.jobbgaranti_deadline, planEstablishedOn, status: jobbgarantiStatus(c.jobbgaranti_deadline, planEstablishedOn, today) },
      closure: c.closed_on && c.closure_reason ? { closedOn: c.closed_on, reason: c.closure_reason } : null,
    };
  });
  return {
    items: [...programmes.map((r) => programmeItemOf(r, today)), ...interventions, ...activities, ...sfi, ...assignments],
    context: { jobbtorgCases: cases },
    stamps: new Map([
      ...jobbtorg.cases.map((c) => [`jobbtorg:case:${c.id}`, { version: c.version ?? 1, changedBy: null }] as const),
      ...jobbtorg.interventions.map((i) => [`jobbtorg:intervention:${i.id}`, { version: i.version ?? 1, changedBy: null }] as const),
    ]),
  };
}

/** Every conflict of the records over the history and the year after it. */
function conflictsOver(ctx: PersonContext, records: PlanRecords): Conflict[] {
  return findConflicts(records.items.map(toPlannedItem), records.context, { from: ctx.from, to: addDays(ctx.until, 364) }, { fullTimeHours: KEPT_AT_FULL_TIME_HOURS });
}

/** Who of each agency acts in the seed's history. */
function actorOf(ctx: PersonContext, agency: StoredAcceptance['agency']): { organisation: string; user: string } {
  const c = ctx.bundle.jobbtorg.cases[0];
  switch (agency) {
    case 'JOBBTORG':
      return { organisation: `JOBBTORG:${c?.unit_code ?? 'KISTA'}`, user: c?.coach ?? 'coach-kista-01' };
    case 'ARBETSFORMEDLINGEN':
      return { organisation: 'AF', user: 'af.handlaggare' };
    case 'SFI':
      return { organisation: `SFI:${ctx.bundle.partners.sfi_enrolments[0]?.school_id ?? 1}`, user: 'sfi.larare' };
    case 'ETABLERING_PROVIDER':
      return { organisation: `PROVIDER:${ctx.bundle.partners.provider_assignments[0]?.provider_id ?? 5}`, user: 'provider.coach' };
    case 'SOCIAL_SERVICES':
      return { organisation: `DISTRICT:${ctx.bundle.stadsdel.persons[0]?.district_code ?? 'SKH'}`, user: 'handlaggare' };
  }
}

const NOTES = ['Vi ser över schemat med deltagaren.', 'Kontaktar de andra aktörerna denna vecka.', 'Tas upp på nästa trepartssamtal.', 'Väntar på besked om kursstart.'];
const REASONS = ['Planerat så med avsikt: insatserna kompletterar varandra.', 'Deltagaren har valt båda; tiderna går att förena.', 'Överenskommet med deltagaren och handläggarna.'];

const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
const earliest = (a: string, b: string) => (a < b ? a : b);

/** A step of the history on a day of the seed's, by `actor`. */
function event(conflict: StoredPlanConflict, kind: PlanConflictEventRow['event'], when: string, actor: { agency?: SeenRecord['agency']; organisation?: string; user?: string } = {}, says: Partial<PlanConflictEventRow> = {}): PlanConflictEventRow {
  return historyStep(conflict, kind, new Date(when), { agency: actor.agency ?? null, organisation: actor.organisation ?? null, user: actor.user ?? null, ...says });
}

/** A conflict the records hold now, kept as found, and then acknowledged or accepted by a draw from its id. */
function stillThere(ctx: PersonContext, found: Conflict, records: PlanRecords): { conflict: StoredPlanConflict; events: PlanConflictEventRow[] } | null {
  const identity = identityOf(found);
  const id = conflictId(identity);
  const seen = recordsOf(identity, records);
  const judged = judgeOnOwnRecords(identity, records, KEPT_AT_FULL_TIME_HOURS);
  if (!seen || !judged) return null;
  const foundOn = earliest(addDays(judged.weeks[0], -daysDrawn(id, 'found', 14)), addDays(ctx.until, -daysDrawn(id, 'late', 10)));
  let conflict = newlyFound(ctx.bundle.stadsdel.persons[0].personnummer, found, judged, seen, at(foundOn));
  const events = [event(conflict, 'FOUND', conflict.foundAt)];
  const past = judged.weeks[judged.weeks.length - 1] < addDays(ctx.until, -56);
  const roll = draw(id, 'state');
  const acceptable = found.kind !== 'JOBBGARANTI_BREACHED' && found.kind !== 'SLOT_OVERLAP';
  // Past conflicts were settled more often than current ones are, and a broken jobbgaranti is only ever acknowledged.
  const accepts = acceptable && roll < (past ? 0.35 : 0.15);
  const acknowledges = !accepts && roll >= 0.55 && roll < 0.8;
  if (acknowledges) {
    const on = earliest(addDays(foundOn, 1 + daysDrawn(id, 'ack', 10)), ctx.until);
    const note = NOTES[daysDrawn(id, 'note', NOTES.length)];
    const expected = addDays(on, 14 + daysDrawn(id, 'expect', 21));
    const agency = conflict.agencies[daysDrawn(id, 'who', conflict.agencies.length)];
    conflict = { ...conflict, state: 'ACKNOWLEDGED', version: 2, changedAt: at(on, 10), note, expectedSettledOn: expected };
    events.push(event(conflict, 'ACKNOWLEDGED', conflict.changedAt, { agency, ...actorOf(ctx, agency) }, { note, expected_settled_on: expected }));
  }
  if (accepts) {
    const fingerprint = fingerprintOf(seen);
    const reason = REASONS[daysDrawn(id, 'reason', REASONS.length)];
    let on = addDays(foundOn, 2 + daysDrawn(id, 'accept', 20));
    for (const agency of conflict.agencies) {
      on = earliest(addDays(on, daysDrawn(`${id}:${agency}`, 'later', 6)), ctx.until);
      const when = at(on, 11);
      const acceptance: StoredAcceptance = { agency, ...actorOf(ctx, agency), at: when, reason, fingerprint };
      const acceptances = [...conflict.acceptances, acceptance];
      const all = acceptances.length === conflict.agencies.length;
      conflict = { ...conflict, version: conflict.version + 1, changedAt: when, acceptances, ...(all ? { state: 'ACCEPTED', acceptedFingerprint: fingerprint, settledAt: when } : {}) };
      events.push(event(conflict, 'ACCEPTED', when, { agency, ...actorOf(ctx, agency) }, { reason }));
    }
  }
  return { conflict, events };
}

/** A conflict the records held as planned and no longer hold, RESOLVED on the day the intervention that ended it ended. */
function resolvedByEnding(ctx: PersonContext, found: Conflict, planned: PlanRecords, actual: PlanRecords): { conflict: StoredPlanConflict; events: PlanConflictEventRow[] } | null {
  const identity = identityOf(found);
  const seen = recordsOf(identity, planned);
  const judged = judgeOnOwnRecords(identity, planned, KEPT_AT_FULL_TIME_HOURS);
  if (!seen || !judged || judgeOnOwnRecords(identity, actual, KEPT_AT_FULL_TIME_HOURS)) return null;
  const now = recordsOf(identity, actual)!;
  const ended = ctx.bundle.jobbtorg.interventions.find((i) => i.ended_on && found.activityIds.includes(`jobbtorg:intervention:${i.id}`));
  if (!ended || ended.ended_on! > ctx.until) return null;
  const id = conflictId(identity);
  const foundOn = earliest(addDays(judged.weeks[0], -daysDrawn(id, 'found', 14)), ended.ended_on!);
  const first = newlyFound(ctx.bundle.stadsdel.persons[0].personnummer, found, judged, seen, at(foundOn, 8));
  const events = [event(first, 'FOUND', first.foundAt)];
  const change = { ...now.find((r) => r.id === `jobbtorg:intervention:${ended.id}`)! };
  change.changedBy ??= actorOf(ctx, 'JOBBTORG').user;
  const resolved = afterTransition(first, { kind: 'RESOLVED', change }, null, seen, at(ended.ended_on!, 15));
  events.push(event(resolved, 'RESOLVED', resolved.changedAt, { agency: 'JOBBTORG', user: change.changedBy ?? undefined }, { record_id: change.id, record_version: change.version }));
  return { conflict: resolved, events };
}

/**
 * Adds the person's kept conflicts and their history to the bundle's jobbtorg slice. Only
 * for people with a Jobbtorg case: the agencies' collisions the seed plans are theirs.
 */
export function keepConflictHistory(ctx: PersonContext): void {
  if (!ctx.bundle.jobbtorg.cases.length) return;
  const actual = planRecords(ctx, false);
  const planned = planRecords(ctx, true);
  const now = conflictsOver(ctx, actual);
  const nowIds = new Set(now.map((c) => conflictId(c)));
  const kept = [
    ...now.map((c) => stillThere(ctx, c, actual)),
    ...conflictsOver(ctx, planned)
      .filter((c) => !nowIds.has(conflictId(c)))
      .map((c) => resolvedByEnding(ctx, c, planned, actual)),
  ].filter((k): k is NonNullable<typeof k> => k !== null);
  const ids = new Set<string>();
  for (const { conflict, events } of kept) {
    if (ids.has(conflict.id)) continue;
    ids.add(conflict.id);
    ctx.bundle.jobbtorg.plan_conflicts.push(planConflictRowOf(conflict));
    ctx.bundle.jobbtorg.plan_conflict_events.push(...events.map((e) => ({ id: ctx.ids.next('plan_conflict_events'), ...e })));
  }
}

