import { districtsServedBy, mayReadSocialServicesRecord, mayWriteSocialServicesRecord, PersonAccessFacts, seesProtectedIdentity, SocialServicesRecord } from '../../../lib/auth/access';
import { parseOrganisation } from '../../../lib/auth/organisations';

/** The access matrix for the districts' records (docs/access-matrix.md), row by row. */

const RECORDS: SocialServicesRecord[] = ['PERSON', 'DECISION', 'CONSENT', 'REFERRAL', 'MEETING'];

const facts = (over: Partial<PersonAccessFacts> = {}): PersonAccessFacts => ({
  districtCode: 'SKH',
  referrals: [],
  consentedParties: new Set(),
  ...over,
});
const openReferral = (districtCode = 'SKH') => ({ referrals: [{ districtCode, open: true }] });

const table: [string, string, Partial<PersonAccessFacts>, SocialServicesRecord[]][] = [
  ['the district the person lives in', 'DISTRICT:SKH', {}, RECORDS],
  ['another district', 'DISTRICT:RK', {}, []],
  ['Jobbtorg with no referral', 'JOBBTORG:VARBERG', {}, []],
  ['the unit serving the district, with an open referral', 'JOBBTORG:VARBERG', openReferral(), ['PERSON', 'DECISION', 'REFERRAL', 'MEETING']],
  ['Jobbtorg as a whole, with an open referral', 'JOBBTORG', openReferral(), ['PERSON', 'DECISION', 'REFERRAL', 'MEETING']],
  ['a unit that does not serve the district', 'JOBBTORG:KISTA', openReferral(), []],
  ['a main unit through its branch’s district', 'JOBBTORG:KISTA', openReferral('ST'), ['PERSON', 'DECISION', 'REFERRAL', 'MEETING']],
  ['Jobbtorg once the case is closed', 'JOBBTORG:VARBERG', { referrals: [{ districtCode: 'SKH', open: false }] }, []],
  ['Arbetsförmedlingen without consent', 'AF', {}, []],
  ['Arbetsförmedlingen with consent', 'AF', { consentedParties: new Set(['ARBETSFORMEDLINGEN']) }, ['PERSON']],
  ['Sfi with a consent naming others', 'SFI:1', { consentedParties: new Set(['ARBETSFORMEDLINGEN']) }, []],
  ['a provider with consent', 'PROVIDER:5', { consentedParties: new Set(['ETABLERING_PROVIDER']) }, ['PERSON']],
  ['Migrationsverket with consent', 'MIGRATIONSVERKET', { consentedParties: new Set(['MIGRATIONSVERKET']) }, ['PERSON']],
  ['the city’s analysts', 'CITY:ANALYS', { consentedParties: new Set(['JOBBTORG']), ...openReferral() }, []],
  ['an organisation the system does not know', 'NASA', {}, []],
];

describe('reading the districts’ records', () => {
  it.each(table)('%s', (_, organisation, over, allowed) => {
    const readable = RECORDS.filter((record) => mayReadSocialServicesRecord(organisation, record, facts(over)));
    expect(readable).toEqual(allowed);
  });
});

describe('writing them', () => {
  it.each([
    ['DISTRICT:SKH', true],
    ['DISTRICT:RK', false],
    ['JOBBTORG:VARBERG', false],
    ['AF', false],
    ['CITY:ANALYS', false],
  ])('%s may write: %s', (organisation, allowed) => {
    expect(mayWriteSocialServicesRecord(organisation, { districtCode: 'SKH' })).toBe(allowed);
  });
});

describe('protected identity', () => {
  it('shows only to the person’s own district', () => {
    expect(seesProtectedIdentity('DISTRICT:SKH', 'SKH')).toBe(true);
    for (const other of ['DISTRICT:RK', 'JOBBTORG', 'AF', 'CITY:LOGGKONTROLL']) expect(seesProtectedIdentity(other, 'SKH')).toBe(false);
  });
});

describe('the districts a Jobbtorg organisation serves', () => {
  it('is a unit’s own and its branches’, or every district for Jobbtorg as a whole', () => {
    expect([...districtsServedBy(parseOrganisation('JOBBTORG:KISTA')!)!].sort()).toEqual(['RK', 'ST']);
    expect([...districtsServedBy(parseOrganisation('JOBBTORG:KISTA_LUNDA')!)!]).toEqual(['ST']);
    expect(districtsServedBy(parseOrganisation('JOBBTORG')!)).toBeNull();
  });
});
