import { RecordPolicy, WriteActions } from '../../lib/audit/instrument';
import DataLoader from 'dataloader';
import { Knex } from 'knex';
import { AuditSubject, requireAuditScope } from '../../lib/audit/queries';
import { AuditRecorder } from '../../lib/audit/recorder';
import { requireScope, ScopePolicy } from '../../lib/auth/scopes';
import {
  districtsServedBy,
  mayReadSocialServicesRecord,
  mayRecordReferralOutcome,
  mayWriteSocialServicesRecord,
  PARTY_OF,
  PersonAccessFacts,
  seesProtectedIdentity,
  SocialServicesRecord,
} from '../../lib/auth/rules';
import { forbidden, notFound } from '../../lib/errors';
import { Caller } from '../../lib/identity';
import { addDays, todayInStockholm } from '../../lib/scalars/calendar';
import { exportStatistics, requireStatisticsScope } from '../../lib/statistics/scope';
import { isConsentActive } from './rules/consent';
import { Loaders } from './loaders';
import { ConsentPartyRow, ConsentRow, PersonRow, ReferralRow } from './models';

/**
 * The access matrix (lib/auth/rules.ts) applied to the districts' records: single records
 * are checked against the person's facts, lists are narrowed in SQL to the people the
 * caller has a matter with. A refusal looks like absence — null, an empty list, NOT_FOUND —
 * and is written to the audit log as DENIED.
 */

/** A referral is open with Jobbtorg until Jobbtorg closes the case it led to, or it is withdrawn or missed. */
export function isOpenWithJobbtorg(referral: Pick<ReferralRow, 'status' | 'jobbtorg_closed_on'>): boolean {
  return referral.status === 'BOOKED' || (referral.status === 'ENROLLED' && referral.jobbtorg_closed_on === null);
}

/** Where the access facts are read from: the request's loaders, which the records' own fields read too. */
export interface AccessFactSources {
  person: DataLoader<string | number, Pick<PersonRow, 'district_code'> | null, string>;
  referralsOfPerson: DataLoader<string | number, Pick<ReferralRow, 'district_code' | 'status' | 'jobbtorg_closed_on'>[], string>;
  consentsOfPerson: DataLoader<string | number, Pick<ConsentRow, 'id' | 'valid_from' | 'valid_to' | 'withdrawn_at'>[], string>;
  partiesOfConsent: DataLoader<string | number, Pick<ConsentPartyRow, 'party'>[], string>;
}

/**
 * The access facts of many people at once: one batch of each loader however many records a
 * response holds, so every record's check resolves in the same round and the loaders after
 * it still batch whole lists. The rows are the loaders' own, so a person's referrals and
 * consents that a response also shows (`sharingConsents`, which the partners' records
 * require) are read once, not once for the check and once for the field.
 */
export function accessFactsLoader(sources: AccessFactSources): DataLoader<string, PersonAccessFacts | null> {
  return new DataLoader(async (keys) => {
    const today = todayInStockholm();
    const [people, referrals, consents] = await Promise.all([sources.person.loadMany(keys), sources.referralsOfPerson.loadMany(keys), sources.consentsOfPerson.loadMany(keys)]);
    const active = keys.map((_, i) => loaded(consents[i]).filter((c) => isConsentActive(c, today)));
    const consentIds = active.flat().map((c) => c.id);
    const parties = await sources.partiesOfConsent.loadMany(consentIds);
    const partiesOf = new Map(consentIds.map((id, j) => [id, loaded(parties[j])]));
    return keys.map((_, i) => {
      const person = loaded(people[i]);
      if (!person) return null;
      return {
        districtCode: person.district_code,
        referrals: loaded(referrals[i]).map((r) => ({ districtCode: r.district_code, open: isOpenWithJobbtorg(r) })),
        consentedParties: new Set(active[i].flatMap((c) => partiesOf.get(c.id)!.map((p) => p.party))),
      };
    });
  });
}

/** What `loadMany` gave for one key, or the error it gave instead, thrown. */
function loaded<T>(value: T | Error): T {
  if (value instanceof Error) throw value;
  return value;
}

export function createAccess(caller: Caller, audit: AuditRecorder, loaders: Loaders) {
  return {
    /** Whether the caller may read `record` about the person; a refusal is audited under `typeName`. */
    async mayRead(personnummer: string, record: SocialServicesRecord, typeName: string): Promise<boolean> {
      const facts = await loaders.accessFacts.load(personnummer);
      if (!facts) return false;
      const allowed = mayReadSocialServicesRecord(caller.organisation, record, facts);
      if (!allowed) audit.note(personnummer, typeName, 'read', 'DENIED');
      return allowed;
    },

    /** Whether the caller may see who the person is: may read them, and for a protected identity is their district. */
    async mayIdentify(person: Pick<PersonRow, 'personnummer' | 'protected_identity' | 'district_code'>): Promise<boolean> {
      if (!(await this.mayRead(person.personnummer, 'PERSON', 'Person'))) return false;
      return !person.protected_identity || seesProtectedIdentity(caller.organisation, person.district_code);
    },

    /**
     * The person a write is about, if the caller may write for them; otherwise NOT_FOUND on
     * `field`, as for someone who does not exist, and a DENIED audit entry.
     */
    async writablePerson(personnummer: string, field: string, typeName: string): Promise<void> {
      const facts = await loaders.accessFacts.load(personnummer);
      if (facts && mayWriteSocialServicesRecord(caller.organisation, facts)) return;
      if (facts) audit.note(personnummer, typeName, 'write', 'DENIED');
      throw notFound(field);
    },

    /** Refuses anyone but Jobbtorg a notice of what became of a referral; `what` says which, after "only Jobbtorg". */
    recordsReferralOutcome(what: string): void {
      if (!mayRecordReferralOutcome(caller.organisation)) throw forbidden(`only Jobbtorg ${what}`);
    },

    /** Refuses a caller without `statistics:read` the districts' follow-up figures; `typeName` and `field` name what was asked in the audit log. */
    statistics(typeName: string, field: string): void {
      requireStatisticsScope({ caller, audit }, typeName, field);
    },

    /** Refuses a caller without `statistics:read` the report as a file, and logs the export, allowed or refused. */
    statisticsExport(typeName: string, field: string): void {
      exportStatistics({ caller, audit }, typeName, field);
    },

    /** Refuses, as FORBIDDEN naming the scope, and audits a read without `records:read` or a change without `records:write`. */
    records(scope: 'records:read' | 'records:write', typeName: string, field: string, personnummer: string | null): void {
      requireScope({ caller, audit }, scope, typeName, field, personnummer);
    },

    /** Refuses, and audits, an auditor's question from a caller without `audit:read`. */
    auditLog(subject: AuditSubject, field: string): void {
      requireAuditScope({ caller, audit }, subject, field);
    },

    /** Narrows a query on `persons` to the people the caller has a matter with. */
    scopePersons: (query: Knex.QueryBuilder): Knex.QueryBuilder => scopeByPerson(query, caller, 'persons.personnummer', 'persons.district_code', 'PERSON'),

    /** Narrows a query on `income_support_decisions` the same way, for decisions. */
    scopeDecisions: (query: Knex.QueryBuilder): Knex.QueryBuilder =>
      scopeByPerson(query, caller, 'income_support_decisions.personnummer', 'income_support_decisions.district_code', 'DECISION'),

    /** Narrows a query on `referrals`: a district its own, Jobbtorg those from the districts it serves. */
    scopeReferrals: (query: Knex.QueryBuilder): Knex.QueryBuilder => {
      const { organisation } = caller;
      if (organisation.kind === 'DISTRICT') return query.where('referrals.district_code', organisation.id!);
      if (organisation.kind === 'JOBBTORG') {
        const served = districtsServedBy(organisation);
        return served === null ? query : query.whereIn('referrals.district_code', [...served]);
      }
      return query.whereRaw('1 = 0');
    },
  };
}

export type Access = ReturnType<typeof createAccess>;

/**
 * The SQL form of `mayReadSocialServicesRecord` for a list: the district its residents;
 * Jobbtorg people with an open referral from a district it serves; a partner agency people
 * whose consent that applies today names it (their names only); anyone else no one.
 */
function scopeByPerson(
  query: Knex.QueryBuilder,
  caller: Caller,
  personColumn: string,
  districtColumn: string,
  record: SocialServicesRecord,
): Knex.QueryBuilder {
  const { organisation } = caller;
  if (organisation.kind === 'CITY') return query.whereRaw('1 = 0');
  if (organisation.kind === 'DISTRICT') return query.where(districtColumn, organisation.id!);
  if (organisation.kind === 'JOBBTORG') {
    const served = districtsServedBy(organisation);
    return query.whereExists((referrals) =>
      referrals
        .select(1)
        .from('referrals')
        .whereRaw('referrals.personnummer = ??', [personColumn])
        .where((open) => open.where('referrals.status', 'BOOKED').orWhere((enrolled) => enrolled.where('referrals.status', 'ENROLLED').whereNull('referrals.jobbtorg_closed_on')))
        .modify((q) => (served === null ? q : q.whereIn('referrals.district_code', [...served]))),
    );
  }
  if (record !== 'PERSON') return query.whereRaw('1 = 0');
  const today = todayInStockholm();
  return query.whereExists((consents) =>
    consents
      .select(1)
      .from('consents')
      .join('consent_parties', 'consent_parties.consent_id', 'consents.id')
      .whereRaw('consents.personnummer = ??', [personColumn])
      .where('consent_parties.party', PARTY_OF[organisation.kind]!)
      .where('consents.valid_from', '<=', today)
      .where((to) => to.whereNull('consents.valid_to').orWhere('consents.valid_to', '>=', today))
      .where((w) => w.whereNull('consents.withdrawn_at').orWhere('consents.withdrawn_at', '>=', `${addDays(today, 1)} 00:00:00`)),
  );
}

/** The stadsdel types that are records about one person; every read and write of them is audited. */
const byPersonnummer = { personOf: (record: { personnummer?: string }) => record.personnummer };

export const recordPolicy: RecordPolicy = {
  Person: byPersonnummer,
  IncomeSupportDecision: byPersonnummer,
  Consent: byPersonnummer,
  Referral: byPersonnummer,
  ThreePartyMeeting: byPersonnummer,
};

/** The root queries that read no one's records; every other needs `records:read` (lib/auth/scopes.ts). */
export const scopePolicy: ScopePolicy = {
  queriesAboutNoOne: {
    districts: 'reference data',
    district: 'reference data',
    nextFreeInfoMeeting: 'the information meetings open to anyone, not who attends',
    personAccessLog: 'the auditors\' question, which checks audit:read',
    userAccessLog: 'the auditors\' question, which checks audit:read',
    unusualAccessVolume: 'the auditors\' question, which checks audit:read',
  },
};

/** Whether each mutation creates or updates, for the audit log (lib/audit/instrument.ts). */
export const writeActions: WriteActions = {
  // A decision that `replaces` the month's current one changes it.
  recordIncomeSupportDecision: (args) => (args.input?.replaces ? 'UPDATE' : 'CREATE'),
  recordConsent: 'CREATE',
  referToJobbtorg: 'CREATE',
  recordReferralEnrolment: 'UPDATE',
  recordReferralClosure: 'UPDATE',
  undoReferralEnrolment: 'UPDATE',
  undoReferralClosure: 'UPDATE',
  scheduleThreePartyMeeting: 'CREATE',
  withdrawConsent: 'UPDATE',
};
