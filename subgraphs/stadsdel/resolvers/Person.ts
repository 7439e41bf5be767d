import { loadExisting } from '../../../lib/loaders';
import type { PersonResolvers } from '../__generated__/resolvers-types';
import { sharingConsents, stadsdelPlanItems } from '../plan-items';

export const Person: PersonResolvers = {
  __resolveReference: ({ personnummer }, { loaders }) => loaders.person.load(personnummer),
  givenName: (p) => p.given_name,
  familyName: (p) => p.family_name,
  birthDate: (p) => p.birth_date,
  district: (p, _, { loaders }) => loadExisting(loaders.district, p.district_code, 'district'),
  protectedIdentity: (p) => Boolean(p.protected_identity),
  incomeSupportDecisions: async (p, { from, to }, { loaders }) =>
    (await loaders.decisionsOfPerson.load(p.personnummer)).filter(
      (d) => (!from || d.month >= from) && (!to || d.month <= to),
    ),
  referrals: (p, _, { loaders }) => loaders.referralsOfPerson.load(p.personnummer),
  threePartyMeetings: (p, _, { loaders }) => loaders.threePartyMeetingsOfPerson.load(p.personnummer),
  consents: (p, _, { loaders }) => loaders.consentsOfPerson.load(p.personnummer),
  stadsdelPlanItems: (p, _, { loaders }) => stadsdelPlanItems(loaders, p.personnummer),
  sharingConsents: (p, _, { loaders }) => sharingConsents(loaders, p.personnummer),
};
