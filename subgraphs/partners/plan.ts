import { CATEGORY_NAMES, categoryOf } from '../../lib/plan/activity';
import { planItemOf, PlanItem } from '../../lib/plan/items';
import { Loaders } from './loaders';

/**
 * The partner agencies' activities of one person as items of the shared plan:
 * Arbetsförmedlingen's planned activities, Sfi courses, Etablering Stockholm assignments.
 */
export async function partnersPlanItems(loaders: Loaders, personnummer: string, today: string): Promise<PlanItem[]> {
  const [registrations, sfi, assignments] = await Promise.all([
    loaders.registrationsOfPerson.load(personnummer),
    loaders.sfiEnrolmentsOfPerson.load(personnummer),
    loaders.assignmentsOfPerson.load(personnummer),
  ]);
  const activities = (await Promise.all(registrations.map((r) => loaders.activitiesOfRegistration.load(r.id)))).flat();
  const providerName = async (id: number | null) => (id === null ? null : ((await loaders.provider.load(id))?.name ?? null));
  return Promise.all([
    ...activities.map(async (a) =>
      planItemOf(a, { id: `partners:activity:${a.id}`, agency: 'ARBETSFORMEDLINGEN', kind: a.kind, title: a.title, provider: await providerName(a.provider_id) }, today),
    ),
    ...sfi.map(async (e) =>
      planItemOf(e, { id: `partners:sfi:${e.id}`, agency: 'SFI', kind: 'SFI_COURSE', title: `Sfi kurs ${e.course}`, provider: await providerName(e.school_id) }, today),
    ),
    ...assignments.map(async (a) => {
      const name = CATEGORY_NAMES[categoryOf('ETABLERING_PROVIDER', a.service)];
      const title = name[0].toUpperCase() + name.slice(1);
      return planItemOf(a, { id: `partners:assignment:${a.id}`, agency: 'ETABLERING_PROVIDER', kind: a.service, title, provider: await providerName(a.provider_id) }, today);
    }),
  ]);
}
