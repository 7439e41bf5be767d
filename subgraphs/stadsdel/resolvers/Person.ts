import { SocialServicesRecord } from '../../../lib/auth/rules';
import { loadExisting } from '../../../lib/loaders';
import type { Context } from '../context';
import type { PersonRow } from '../models';
import type { PersonResolvers } from '../__generated__/resolvers-types';
import { sharingConsents, stadsdelPlanItems } from '../plan';

/**
 * Who the person is shows to those who may read the person (and, for a protected identity,
 * to their own district only); their records show to those who may read that kind of
 * record. Otherwise a field is null or an empty list, as if there were nothing.
 */
/** A list of one kind of the person's records, empty for a caller who may not read that kind. */
const records =
  <R>(record: SocialServicesRecord, load: (p: PersonRow, c: Context) => Promise<R[]>) =>
  async (p: PersonRow, _: unknown, context: Context): Promise<R[]> =>
    (await context.access.mayRead(p.personnummer, record, 'Person')) ? load(p, context) : [];

export const Person: PersonResolvers = {
  __resolveReference: ({ personnummer }, { loaders }) => loaders.person.load(personnummer),
  givenName: async (p, _, { access }) => ((await access.mayIdentify(p)) ? p.given_name : null),
  familyName: async (p, _, { access }) => ((await access.mayIdentify(p)) ? p.family_name : null),
  birthDate: async (p, _, { access }) => ((await access.mayIdentify(p)) ? p.birth_date : null),
  district: async (p, _, { access, loaders }) => ((await access.mayIdentify(p)) ? loadExisting(loaders.district, p.district_code, 'district') : null),
  protectedIdentity: async (p, _, { access }) => ((await access.mayIdentify(p)) ? Boolean(p.protected_identity) : null),
  incomeSupportDecisions: async (p, { from, to }, context) =>
    (await records('DECISION', (person, { loaders }) => loaders.decisionsOfPerson.load(person.personnummer))(p, null, context)).filter(
      (d) => (!from || d.month >= from) && (!to || d.month <= to),
    ),
  referrals: records('REFERRAL', (p, { loaders }) => loaders.referralsOfPerson.load(p.personnummer)),
  threePartyMeetings: records('MEETING', (p, { loaders }) => loaders.threePartyMeetingsOfPerson.load(p.personnummer)),
  consents: records('CONSENT', (p, { loaders }) => loaders.consentsOfPerson.load(p.personnummer)),
  stadsdelPlanItems: (p, _, { loaders }) => stadsdelPlanItems(loaders, p.personnummer),
  sharingConsents: (p, _, { loaders }) => sharingConsents(loaders, p.personnummer),
};
