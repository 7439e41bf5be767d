import { CATEGORY_NAMES, categoryOf, DEFAULT_FULL_TIME_HOURS, PROGRAMME_NAMES } from '../../lib/plan/activity';
import { planItemOf, PlanItem, writtenBy } from '../../lib/plan/items';
import { activityStatus } from '../../lib/plan/status';
import { Loaders } from './loaders';
import { StoredRegistration } from './models';
import { partRecordOf, planItemIdOf } from './rules/programme-part';

/**
 * The partner agencies' activities of one person as items of the shared plan:
 * Arbetsförmedlingen's programmes and planned activities, Sfi courses, Etablering Stockholm
 * assignments. What is part of a programme says so (`partOf`): Arbetsförmedlingen's own
 * activities of a registration in a programme, and the records it recorded as parts.
 */
export async function partnersPlanItems(loaders: Loaders, personnummer: string, today: string): Promise<PlanItem[]> {
  const [registrations, sfi, assignments] = await Promise.all([
    loaders.registrationsOfPerson.load(personnummer),
    loaders.sfiEnrolmentsOfPerson.load(personnummer),
    loaders.assignmentsOfPerson.load(personnummer),
  ]);
  const [activities, parts] = await Promise.all([
    Promise.all(registrations.map((r) => loaders.activitiesOfRegistration.load(r.id))),
    Promise.all(registrations.map((r) => loaders.partsOfRegistration.load(r.id))),
  ]);
  const programmes = registrations.filter((r) => r.programme !== 'NONE');
  const programmeOf = new Map(programmes.map((r) => [r.id, programmeItemId(r.id)]));
  // Each record a programme names as its part, by its plan item's id.
  const partOf = new Map(
    parts.flat().flatMap((p) => {
      const programme = programmeOf.get(p.registration_id);
      const { kind, recordId } = partRecordOf(p);
      return programme ? [[planItemIdOf(kind, recordId), programme] as const] : [];
    }),
  );
  const providerName = async (id: number | null) => (id === null ? null : ((await loaders.provider.load(id))?.name ?? null));
  return Promise.all([
    ...programmes.map(async (r) => programmeItemOf(r, today)),
    ...activities.flat().map(async (a) =>
      planItemOf(
        a,
        {
          id: `partners:activity:${a.id}`,
          agency: 'ARBETSFORMEDLINGEN',
          kind: a.kind,
          title: a.title,
          provider: await providerName(a.provider_id),
          partOf: programmeOf.get(a.registration_id) ?? null,
        },
        today,
      ),
    ),
    ...sfi.map(async (e) => {
      const id = planItemIdOf('SFI_ENROLMENT', e.id);
      const title = `Sfi kurs ${e.course}`;
      return planItemOf(e, { id, agency: 'SFI', kind: 'SFI_COURSE', title, provider: await providerName(e.school_id), partOf: partOf.get(id) ?? null }, today);
    }),
    ...assignments.map(async (a) => {
      const id = planItemIdOf('PROVIDER_ASSIGNMENT', a.id);
      const name = CATEGORY_NAMES[categoryOf('ETABLERING_PROVIDER', a.service)];
      const title = name[0].toUpperCase() + name.slice(1);
      const provider = await providerName(a.provider_id);
      return planItemOf(a, { id, agency: 'ETABLERING_PROVIDER', kind: a.service, title, provider, partOf: partOf.get(id) ?? null }, today);
    }),
  ]);
}

/** The plan item of a registration's programme. */
export function programmeItemId(registrationId: number): string {
  return `partners:programme:${registrationId}`;
}

/**
 * A registration's programme as an item of the plan: Arbetsförmedlingen plans the person for
 * its extent of full time in every week it runs. `hoursPerWeek` says what that is at 40 hours;
 * the rules count `extentPercent` of the reader's full time.
 */
export function programmeItemOf(r: StoredRegistration, today: string): PlanItem {
  const from = r.programme_from!;
  return {
    id: programmeItemId(r.id),
    agency: 'ARBETSFORMEDLINGEN',
    kind: r.programme,
    category: categoryOf('ARBETSFORMEDLINGEN', r.programme as never),
    title: PROGRAMME_NAMES[r.programme],
    provider: null,
    startDate: from,
    endDate: r.programme_to,
    hoursPerWeek: (r.programme_extent_percent * DEFAULT_FULL_TIME_HOURS) / 100,
    schedule: [],
    status: activityStatus({ start_date: from, end_date: r.programme_to, ended_on: null }, today),
    extentPercent: r.programme_extent_percent,
    partOf: null,
    ...writtenBy(r),
  };
}
