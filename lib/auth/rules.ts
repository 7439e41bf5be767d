import { JOBBTORG_UNITS } from '../reference/units';
import type { Caller } from '../identity';
import { Organisation } from './organisations';

/**
 * Who may read and write what: the access matrix of docs/access-matrix.md as plain
 * functions. Each subgraph gathers the facts about a person from its own tables and asks
 * these; nothing here does I/O or parses: the caller's organisation arrives parsed from the
 * token. Access follows the case: an organisation reads the people it has an open matter
 * with, not the register.
 */

/**
 * The scopes a token carries, each letting it do one kind of thing (docs/access-matrix.md):
 * read a person's records, change them, read the aggregate follow-up figures, read the audit
 * log. The organisation decides whose records; the scope whether to read or write at all.
 */
export type Scope = 'records:read' | 'records:write' | 'statistics:read' | 'audit:read';

/** Whether the caller's token carries `scope`. */
export function hasScope(caller: Pick<Caller, 'scopes'>, scope: Scope): boolean {
  return caller.scopes.includes(scope);
}

/** The kinds of record the districts' social services keep (the stadsdel subgraph). */
export type SocialServicesRecord = 'PERSON' | 'DECISION' | 'CONSENT' | 'REFERRAL' | 'MEETING';

/** What stadsdel knows about a person that decides who may read their records. */
export interface PersonAccessFacts {
  /** The district the person lives in (folkbokförd). */
  districtCode: string;
  /** Their referrals to Jobbtorg: from which district, and whether still open with Jobbtorg. */
  referrals: readonly { districtCode: string; open: boolean }[];
  /** The parties named by the person's consents that apply today, whatever their purpose. */
  consentedParties: ReadonlySet<string>;
}

/** The parties a consent can name (stadsdel's `Party`; test/unit/schema/codegen-enums.test.ts holds them equal). */
export type Party = 'SOCIAL_SERVICES' | 'JOBBTORG' | 'ARBETSFORMEDLINGEN' | 'MIGRATIONSVERKET' | 'SFI' | 'ETABLERING_PROVIDER';

/** The consent party each kind of organisation reads as (consents name parties, not users). */
export const PARTY_OF: Readonly<Record<Organisation['kind'], Party | null>> = {
  DISTRICT: 'SOCIAL_SERVICES',
  JOBBTORG: 'JOBBTORG',
  AF: 'ARBETSFORMEDLINGEN',
  MIGRATIONSVERKET: 'MIGRATIONSVERKET',
  SFI: 'SFI',
  PROVIDER: 'ETABLERING_PROVIDER',
  CITY: null,
};

/**
 * The districts a Jobbtorg organisation serves: a unit its own (a main unit with its
 * branches'), Jobbtorg as a whole every district (null).
 */
export function districtsServedBy(organisation: Organisation): ReadonlySet<string> | null {
  if (organisation.kind !== 'JOBBTORG' || organisation.id === null) return null;
  const units = JOBBTORG_UNITS.filter((u) => u.code === organisation.id || u.parent_code === organisation.id);
  return new Set(units.flatMap((u) => u.districts));
}

/** Whether Jobbtorg (the unit, if named) has an open referral or case for the person. */
export function hasOpenJobbtorgMatter(organisation: Organisation, facts: PersonAccessFacts): boolean {
  const served = districtsServedBy(organisation);
  return facts.referrals.some((r) => r.open && (served === null || served.has(r.districtCode)));
}

/**
 * May `organisation` read this kind of social-services record about the person?
 * - The district the person lives in: everything.
 * - Jobbtorg, while it has an open referral or case for the person from a district it
 *   serves: the person, their decisions, referrals and three-party meetings — not the
 *   consents, which are social services' own.
 * - A partner agency the person has consented to share with: the person's name and birth
 *   date only; never decisions, referrals, meetings or consents.
 * - Anyone else, the city's analysts and auditors included: nothing.
 */
export function mayReadSocialServicesRecord(organisation: Organisation, record: SocialServicesRecord, facts: PersonAccessFacts): boolean {
  switch (organisation.kind) {
    case 'DISTRICT':
      return organisation.id === facts.districtCode;
    case 'JOBBTORG':
      return record !== 'CONSENT' && hasOpenJobbtorgMatter(organisation, facts);
    case 'AF':
    case 'MIGRATIONSVERKET':
    case 'SFI':
    case 'PROVIDER':
      return record === 'PERSON' && facts.consentedParties.has(PARTY_OF[organisation.kind]!);
    case 'CITY':
      return false;
  }
}

/** Only the district the person lives in records decisions, consents, referrals and meetings for them. */
export function mayWriteSocialServicesRecord(organisation: Organisation, facts: Pick<PersonAccessFacts, 'districtCode'>): boolean {
  return organisation.kind === 'DISTRICT' && organisation.id === facts.districtCode;
}

/**
 * Protected identity (skyddade personuppgifter): who the person is and where they live is
 * shown to their own district only.
 */
export function seesProtectedIdentity(organisation: Organisation, districtCode: string): boolean {
  return organisation.kind === 'DISTRICT' && organisation.id === districtCode;
}

/**
 * Only Jobbtorg tells the districts what became of a referral — that it enrolled the person,
 * that it closed the case — and only Jobbtorg takes either notice back.
 */
export function mayRecordReferralOutcome(organisation: Organisation): boolean {
  return organisation.kind === 'JOBBTORG';
}

/** A Jobbtorg case as the rules need it: where it is and who referred it. */
export interface CaseAccessFacts {
  unit_code: string;
  district_code: string;
}

/** The units whose cases a Jobbtorg organisation works: a unit its own and its branches', Jobbtorg as a whole all (null). */
export function jobbtorgUnitsOf(organisation: Organisation): ReadonlySet<string> | null {
  if (organisation.id === null) return null;
  return new Set(JOBBTORG_UNITS.filter((u) => u.code === organisation.id || u.parent_code === organisation.id).map((u) => u.code));
}

/**
 * May `organisation` read a Jobbtorg case (with its plan, interventions, closure and
 * feedback)? Jobbtorg the cases of its units; the district that referred the person the
 * cases of its referrals, to follow what became of them. Nobody else: partner agencies
 * see Jobbtorg's activities only in the shared plan, where consent decides.
 */
export function mayReadCase(organisation: Organisation, facts: CaseAccessFacts): boolean {
  if (organisation.kind === 'DISTRICT') return organisation.id === facts.district_code;
  return mayWriteCase(organisation, facts);
}

/** Only Jobbtorg changes a case: the unit it is at (or that unit's main unit), or Jobbtorg as a whole. */
export function mayWriteCase(organisation: Organisation, facts: Pick<CaseAccessFacts, 'unit_code'>): boolean {
  if (organisation.kind !== 'JOBBTORG') return false;
  const units = jobbtorgUnitsOf(organisation);
  return units === null || units.has(facts.unit_code);
}

/** The agencies whose records the partners subgraph keeps, as consents name them. */
export type PartnerAgency = Exclude<Party, 'SOCIAL_SERVICES' | 'JOBBTORG'>;

/** A consent as a subgraph that does not own consents receives it through `@requires`. */
export interface ConsentFact {
  purpose: string;
  parties: readonly string[];
  active: boolean;
}

/**
 * The purposes under which another party may read an agency's records: plans and studies
 * for shared planning; Migrationsverket's word on residence and reception also for a
 * referral, where it decides whether the person is newly arrived.
 */
const READ_PURPOSES: Readonly<Record<PartnerAgency, ReadonlySet<string>>> = {
  ARBETSFORMEDLINGEN: new Set(['SHARED_PLANNING']),
  SFI: new Set(['SHARED_PLANNING']),
  ETABLERING_PROVIDER: new Set(['SHARED_PLANNING']),
  MIGRATIONSVERKET: new Set(['SHARED_PLANNING', 'REFERRAL']),
};

/**
 * May `organisation` read a partner agency's records about a person? The agency itself
 * (Arbetsförmedlingen, Migrationsverket, any Sfi school, any provider) reads its own kind;
 * anyone else only where a consent of the person that applies today names both the reader
 * and the agency for a purpose that covers the read. The consents come from stadsdel
 * through `@requires`, never from the client.
 */
export function mayReadPartnerRecord(
  organisation: Organisation,
  owner: PartnerAgency,
  consents: readonly ConsentFact[],
  statedPurpose: string | null = null,
): boolean {
  const party = PARTY_OF[organisation.kind];
  if (party === null) return false;
  if (party === owner) return true;
  // A caller who states why it reads (x-etk-purpose) is held to consents for that purpose.
  const purposes = statedPurpose === null ? READ_PURPOSES[owner] : new Set([...READ_PURPOSES[owner]].filter((p) => p === statedPurpose));
  return consents.some((c) => c.active && purposes.has(c.purpose) && c.parties.includes(party) && c.parties.includes(owner));
}

/**
 * May `organisation` see a person's shared plan at all? A provider only the plans of people
 * assigned to it; everyone else does, and sees in it the agencies a consent lets them
 * (`visibleAgencies` in lib/plan/items.ts).
 */
export function mayReadSharedPlan(organisation: Organisation, assignedProviderIds: readonly string[]): boolean {
  return organisation.kind !== 'PROVIDER' || assignedProviderIds.includes(organisation.id!);
}

/**
 * May a reader see a conflict of a person's shared plan, its state, note and history? Only
 * when it sees every agency the conflict involves (`visible`: the agencies it sees in that
 * person's plan, `visibleAgencies` in lib/plan/items.ts), so a conflict never tells it of an
 * activity or fact it may not see.
 */
export function maySeePlanConflict(agencies: readonly string[], visible: ReadonlySet<string>): boolean {
  return agencies.every((a) => visible.has(a));
}

/**
 * May `organisation` act on a conflict (acknowledge, accept, withdraw its acceptance)? Only
 * an agency involved in it, and only while it sees all of it.
 */
export function mayActOnPlanConflict(organisation: Organisation, agencies: readonly string[], visible: ReadonlySet<string>): boolean {
  const party = PARTY_OF[organisation.kind];
  return party !== null && agencies.includes(party) && maySeePlanConflict(agencies, visible);
}
