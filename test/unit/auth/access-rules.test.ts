import {
  districtsServedBy,
  mayActOnPlanConflict,
  mayReadSharedPlan,
  maySeePlanConflict,
  mayReadSocialServicesRecord,
  mayRecordReferralOutcome,
  mayWriteSocialServicesRecord,
  PersonAccessFacts,
  seesProtectedIdentity,
  SocialServicesRecord,
} from '../../../lib/auth/rules';
import { Organisation } from '../../../lib/auth/organisations';
import { org } from '../../helpers/organisations';

/** The access matrix for the districts' records (docs/access-matrix.md), row by row. */

const RECORDS: SocialServicesRecord[] = ['PERSON', 'DECISION', 'CONSENT', 'REFERRAL', 'MEETING'];

const facts = (over: Partial<PersonAccessFacts> = {}): PersonAccessFacts => ({
  districtCode: 'SKH',
  referrals: [],
  consentedParties: new Set(),
  ...over,
});
const openReferral = (districtCode = 'SKH') => ({ referrals: [{ districtCode, open: true }] });

const table: [string, Organisation, Partial<PersonAccessFacts>, SocialServicesRecord[]][] = [
  ['the district the person lives in', org('DISTRICT', 'SKH'), {}, RECORDS],
  ['another district', org('DISTRICT', 'RK'), {}, []],
  ['Jobbtorg with no referral', org('JOBBTORG', 'VARBERG'), {}, []],
  ['the unit serving the district, with an open referral', org('JOBBTORG', 'VARBERG'), openReferral(), ['PERSON', 'DECISION', 'REFERRAL', 'MEETING']],
  ['Jobbtorg as a whole, with an open referral', org('JOBBTORG'), openReferral(), ['PERSON', 'DECISION', 'REFERRAL', 'MEETING']],
  ['a unit that does not serve the district', org('JOBBTORG', 'KISTA'), openReferral(), []],
  ['a main unit through its branch’s district', org('JOBBTORG', 'KISTA'), openReferral('ST'), ['PERSON', 'DECISION', 'REFERRAL', 'MEETING']],
  ['Jobbtorg once the case is closed', org('JOBBTORG', 'VARBERG'), { referrals: [{ districtCode: 'SKH', open: false }] }, []],
  ['Arbetsförmedlingen without consent', org('AF'), {}, []],
  ['Arbetsförmedlingen with consent', org('AF'), { consentedParties: new Set(['ARBETSFORMEDLINGEN']) }, ['PERSON']],
  ['Sfi with a consent naming others', org('SFI', '1'), { consentedParties: new Set(['ARBETSFORMEDLINGEN']) }, []],
  ['a provider with consent', org('PROVIDER', '5'), { consentedParties: new Set(['ETABLERING_PROVIDER']) }, ['PERSON']],
  ['Migrationsverket with consent', org('MIGRATIONSVERKET'), { consentedParties: new Set(['MIGRATIONSVERKET']) }, ['PERSON']],
  ['the city’s analysts', org('CITY', 'ANALYS'), { consentedParties: new Set(['JOBBTORG']), ...openReferral() }, []],
];

describe('reading the districts’ records', () => {
  it.each(table)('%s', (_, organisation, over, allowed) => {
    const readable = RECORDS.filter((record) => mayReadSocialServicesRecord(organisation, record, facts(over)));
    expect(readable).toEqual(allowed);
  });
});

describe('writing them', () => {
  it.each([
    [org('DISTRICT', 'SKH'), true],
    [org('DISTRICT', 'RK'), false],
    [org('JOBBTORG', 'VARBERG'), false],
    [org('AF'), false],
    [org('CITY', 'ANALYS'), false],
  ])('%j may write: %s', (organisation, allowed) => {
    expect(mayWriteSocialServicesRecord(organisation, { districtCode: 'SKH' })).toBe(allowed);
  });
});

describe('protected identity', () => {
  it('shows only to the person’s own district', () => {
    expect(seesProtectedIdentity(org('DISTRICT', 'SKH'), 'SKH')).toBe(true);
    for (const other of [org('DISTRICT', 'RK'), org('JOBBTORG'), org('AF'), org('CITY', 'LOGGKONTROLL')]) expect(seesProtectedIdentity(other, 'SKH')).toBe(false);
  });
});

describe('the districts a Jobbtorg organisation serves', () => {
  it('is a unit’s own and its branches’, or every district for Jobbtorg as a whole', () => {
    expect([...districtsServedBy(org('JOBBTORG', 'KISTA'))!].sort()).toEqual(['RK', 'ST']);
    expect([...districtsServedBy(org('JOBBTORG', 'KISTA_LUNDA'))!]).toEqual(['ST']);
    expect(districtsServedBy(org('JOBBTORG'))).toBeNull();
  });
});

describe('what became of a referral', () => {
  it('is told by Jobbtorg, a unit or the whole, and by no one else', () => {
    for (const jobbtorg of [org('JOBBTORG'), org('JOBBTORG', 'KISTA')]) expect(mayRecordReferralOutcome(jobbtorg)).toBe(true);
    for (const other of [org('DISTRICT', 'SKH'), org('AF'), org('PROVIDER', '5'), org('CITY', 'ANALYS')]) expect(mayRecordReferralOutcome(other)).toBe(false);
  });
});

describe('the shared plan', () => {
  it('shows to a provider only for people assigned to it, and to everyone else', () => {
    expect(mayReadSharedPlan(org('PROVIDER', '5'), ['3', '5'])).toBe(true);
    expect(mayReadSharedPlan(org('PROVIDER', '5'), ['3'])).toBe(false);
    for (const other of [org('JOBBTORG', 'KISTA'), org('DISTRICT', 'SKH'), org('AF'), org('SFI', '1')]) expect(mayReadSharedPlan(other, [])).toBe(true);
  });
});

describe('a conflict of the shared plan', () => {
  const visible = new Set(['JOBBTORG', 'SFI', 'SOCIAL_SERVICES']);
  it.each([
    ['an involved agency that sees every agency of it sees it and acts on it', org('SFI', '1'), ['JOBBTORG', 'SFI'], true, true],
    ['one that sees it but is not involved sees it, and may not act', org('DISTRICT', 'SKH'), ['JOBBTORG', 'SFI'], true, false],
    ['one that does not see an agency of it neither sees nor acts, even involved', org('JOBBTORG', 'VARBERG'), ['JOBBTORG', 'ARBETSFORMEDLINGEN'], false, false],
    ['the city never acts', org('CITY', 'ANALYS'), ['JOBBTORG'], true, false],
  ])('%s', (_, organisation, agencies, sees, acts) => {
    expect(maySeePlanConflict(agencies, visible)).toBe(sees);
    expect(mayActOnPlanConflict(organisation, agencies, visible)).toBe(acts);
  });
});
