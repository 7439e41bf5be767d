import { PlanItem, SharingConsent } from '../../lib/plan/items';
import { fromDbDateTime, stockholmWallClock, todayInStockholm } from '../../lib/scalars/calendar';
import { WEEKDAYS } from '../../lib/schedule';
import { isConsentActive } from './rules/consent';
import { Loaders } from './loaders';

/**
 * What the district hands to the shared plan: its three-party meetings as one-off items,
 * and the person's consents, which decide which agencies' plans a reader may see.
 */

/** How long a three-party meeting takes on the plan. */
const MEETING_MINUTES = 60;

export async function stadsdelPlanItems(loaders: Loaders, personnummer: string, today = todayInStockholm()): Promise<PlanItem[]> {
  const meetings = await loaders.threePartyMeetingsOfPerson.load(personnummer);
  return meetings.map((m) => {
    const starts = new Date(fromDbDateTime(m.starts_at));
    const { day, time } = stockholmWallClock(starts);
    const end = stockholmWallClock(new Date(starts.getTime() + MEETING_MINUTES * 60_000)).time;
    const weekday = WEEKDAYS[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7];
    return {
      id: `stadsdel:meeting:${m.id}`,
      agency: 'SOCIAL_SERVICES',
      kind: 'THREE_PARTY_MEETING',
      category: 'MEETING',
      title: `Trepartssamtal med ${m.third_party}`,
      provider: null,
      startDate: day,
      endDate: day,
      hoursPerWeek: MEETING_MINUTES / 60,
      schedule: [{ weekday, startTime: time, endTime: end }],
      status: day < today ? 'COMPLETED' : day === today ? 'ONGOING' : 'PLANNED',
      extentPercent: null,
      partOf: null,
      // A meeting is scheduled once and never changed; the table keeps who holds it, not who wrote it.
      version: 1,
      changedBy: null,
    };
  });
}

export async function sharingConsents(loaders: Loaders, personnummer: string, today = todayInStockholm()): Promise<SharingConsent[]> {
  const consents = await loaders.consentsOfPerson.load(personnummer);
  return Promise.all(
    consents.map(async (c) => ({
      purpose: c.purpose,
      parties: (await loaders.partiesOfConsent.load(c.id)).map((p) => p.party),
      active: isConsentActive(c, today),
    })),
  );
}
