import { mayReadPartnerRecord, PartnerAgency } from '../../../lib/auth/rules';
import { isNewlyArrived } from '../../../lib/domain';
import { todayInStockholm } from '../../../lib/scalars/calendar';
import type { PersonResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import type { PersonRef } from '../models';
import { partnersPlanItems } from '../plan-items';

/**
 * Whether the caller may read `owner`'s records about the person: the agency itself, or a
 * reader the person's consent (brought by the gateway) names together with it. A refusal
 * is audited as DENIED; the field then answers as if there were nothing.
 */
function mayRead(p: PersonRef, owner: PartnerAgency, { caller, audit }: Context, field: string): boolean {
  if (mayReadPartnerRecord(caller.organisation, owner, p.sharingConsents ?? [], caller.purpose ?? null)) return true;
  audit.note(p.personnummer, 'Person', field, 'DENIED');
  return false;
}

/** A person is known here by personnummer (and the consents the gateway brings); one without partner records has empty lists. */
export const Person: PersonResolvers = {
  __resolveReference: (representation) => representation,
  jobSeekerRegistrations: (p, _, c) =>
    mayRead(p, 'ARBETSFORMEDLINGEN', c, 'jobSeekerRegistrations') ? c.loaders.registrationsOfPerson.load(p.personnummer) : [],
  residencePermits: (p, _, c) => (mayRead(p, 'MIGRATIONSVERKET', c, 'residencePermits') ? c.loaders.permitsOfPerson.load(p.personnummer) : []),
  municipalityReceptionDate: async (p, _, c) =>
    mayRead(p, 'MIGRATIONSVERKET', c, 'municipalityReceptionDate') ? ((await c.loaders.receptionOfPerson.load(p.personnummer))?.received_on ?? null) : null,
  municipalityReception: (p, _, c) =>
    mayRead(p, 'MIGRATIONSVERKET', c, 'municipalityReception') ? c.loaders.receptionOfPerson.load(p.personnummer) : null,
  newlyArrived: async (p, { on }, c) =>
    mayRead(p, 'MIGRATIONSVERKET', c, 'newlyArrived')
      ? isNewlyArrived((await c.loaders.receptionOfPerson.load(p.personnummer))?.received_on ?? null, on ?? todayInStockholm())
      : null,
  sfiEnrolments: (p, _, c) => (mayRead(p, 'SFI', c, 'sfiEnrolments') ? c.loaders.sfiEnrolmentsOfPerson.load(p.personnummer) : []),
  providerAssignments: (p, _, c) =>
    mayRead(p, 'ETABLERING_PROVIDER', c, 'providerAssignments') ? c.loaders.assignmentsOfPerson.load(p.personnummer) : [],
  partnersPlanItems: (p, _, { loaders }) => partnersPlanItems(loaders, p.personnummer, todayInStockholm()),
  assignedProviderIds: async (p, _, { loaders }) => [
    ...new Set((await loaders.assignmentsOfPerson.load(p.personnummer)).map((a) => String(a.provider_id))),
  ],
  afProgrammes: async (p, _, { loaders }) =>
    (await loaders.registrationsOfPerson.load(p.personnummer)).map((r) => ({
      id: `partners:registration:${r.id}`,
      programme: r.programme,
      from: r.programme_from,
      to: r.programme_to,
      extentPercent: r.programme_extent_percent,
    })),
};
