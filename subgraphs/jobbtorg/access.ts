import { RecordPolicy, WriteActions } from '../../lib/audit/instrument';
import { Knex } from 'knex';
import { AuditSubject, requireAuditScope } from '../../lib/audit/queries';
import { AuditRecorder } from '../../lib/audit/recorder';
import { requireScope, ScopePolicy } from '../../lib/auth/scopes';
import { jobbtorgUnitsOf, mayActOnPlanConflict, mayReadCase, mayReadSharedPlan, maySeePlanConflict, mayWriteCase, PARTY_OF } from '../../lib/auth/rules';
import { forbidden, notFound } from '../../lib/errors';
import { Caller } from '../../lib/identity';
import { Agency, AGENCIES } from '../../lib/plan/activity';
import { SharingConsent, visibleAgencies } from '../../lib/plan/items';
import { exportStatistics, requireStatisticsScope } from '../../lib/statistics/scope';
import { Loaders } from './loaders';
import { StoredCase, StoredPlanConflict } from './models';
import type { ExternalPlanFacts } from './plan';

/**
 * The access matrix (lib/auth/rules.ts) applied to Jobbtorg's cases: lists narrowed in
 * SQL, single cases null for a caller who may not read them, writes NOT_FOUND for a case
 * the caller may not change — all as if the case did not exist — and every refusal
 * audited as DENIED. The shared plan shows a reader the agencies its organisation may see,
 * and a conflict only to a reader who sees all of it; only an agency involved acts on it.
 */
export function createAccess(caller: Caller, audit: AuditRecorder, loaders: Loaders) {
  const deny = (c: StoredCase, what: string) => audit.note(c.personnummer, 'Case', what, 'DENIED');
  return {
    /** The case if the caller may read it, else null. */
    readable(c: StoredCase | null): StoredCase | null {
      if (!c) return null;
      if (mayReadCase(caller.organisation, c)) return c;
      deny(c, 'read');
      return null;
    },

    /** The cases among `cases` the caller may read. */
    readableAll(cases: StoredCase[]): StoredCase[] {
      return cases.filter((c) => this.readable(c) !== null);
    },

    /** Refuses, as NOT_FOUND on `field`, a write to a case the caller may not change. */
    async writableCase(id: string | number, field: string): Promise<void> {
      const c = await loaders.case.load(String(id));
      if (c && mayWriteCase(caller.organisation, c)) return;
      if (c) deny(c, 'write');
      throw notFound(field);
    },

    /** Refuses a write to an intervention whose case the caller may not change. */
    async writableIntervention(id: string, field: string): Promise<void> {
      const caseId = await loaders.caseOfIntervention.load(id);
      if (caseId === null) throw notFound(field);
      await this.writableCase(caseId, field);
    },

    /** Refuses enrolment at a unit the caller does not work at. */
    enrolsAt(unitCode: string): void {
      if (!mayWriteCase(caller.organisation, { unit_code: unitCode })) throw forbidden('is not a unit you enrol at', 'input.unitCode');
    },

    /** Narrows a query on `cases` to those the caller may read. */
    scopeCases: (query: Knex.QueryBuilder): Knex.QueryBuilder => {
      const { organisation } = caller;
      if (organisation.kind === 'DISTRICT') return query.where('cases.district_code', organisation.id!);
      if (organisation.kind !== 'JOBBTORG') return query.whereRaw('1 = 0');
      const units = jobbtorgUnitsOf(organisation);
      return units === null ? query : query.whereIn('cases.unit_code', [...units]);
    },

    /** Whether the caller may see the person's shared plan at all; a refusal is audited. */
    mayReadPlan(personnummer: string, assignedProviderIds: readonly string[]): boolean {
      if (mayReadSharedPlan(caller.organisation, assignedProviderIds)) return true;
      audit.note(personnummer, 'Person', 'sharedPlan', 'DENIED');
      return false;
    },

    /** The agencies whose activities the caller sees in a plan, given the person's consents. */
    visibleAgencies(consents: readonly SharingConsent[]) {
      return visibleAgencies(caller.organisation, consents);
    },

    /** Whether the caller may see the person's plan at all, for a list that leaves out those it may not (not a refusal). */
    seesPlanOf(assignedProviderIds: readonly string[]): boolean {
      return mayReadSharedPlan(caller.organisation, assignedProviderIds);
    },

    /** Whether the caller sees a conflict of the person whole: the plan, and every agency involved (lib/auth/rules.ts). */
    seesPlanConflict(agencies: readonly string[], facts: Pick<ExternalPlanFacts, 'sharingConsents' | 'assignedProviderIds'>): boolean {
      return this.seesPlanOf(facts.assignedProviderIds) && maySeePlanConflict(agencies, this.visibleAgencies(facts.sharingConsents));
    },

    /** The agency the caller acts for in a shared plan; null for an organisation that plans nothing (Migrationsverket, the city). */
    planParty(): Agency | null {
      const party = PARTY_OF[caller.organisation.kind];
      return (AGENCIES as readonly string[]).includes(party ?? '') ? (party as Agency) : null;
    },

    /**
     * The agency acting on a conflict: one involved in it that sees all of it. Anyone else
     * gets NOT_FOUND on `input.id`, as for a conflict that does not exist, and the refusal is audited.
     */
    actsOnPlanConflict(conflict: StoredPlanConflict, facts: Pick<ExternalPlanFacts, 'sharingConsents' | 'assignedProviderIds'>): Agency {
      const party = this.planParty();
      const visible = this.visibleAgencies(facts.sharingConsents);
      if (party && this.seesPlanOf(facts.assignedProviderIds) && mayActOnPlanConflict(caller.organisation, conflict.agencies, visible)) return party;
      audit.note(conflict.personnummer, 'PlanConflict', 'act', 'DENIED');
      throw notFound('input.id');
    },

    /**
     * Whose conflicts the caller's inbox covers: Jobbtorg its units' aspirants, from its own
     * cases (`CASES`); a district its residents and a partner agency the people whose
     * shared-planning consent names it, which stadsdel knows (`STADSDEL`); nobody else's (null).
     */
    inboxPeople(): 'CASES' | 'STADSDEL' | null {
      if (caller.organisation.kind === 'JOBBTORG') return 'CASES';
      return this.planParty() === null ? null : 'STADSDEL';
    },

    /** Refuses a caller without `statistics:read` Jobbtorg's follow-up figures; `typeName` and `field` name what was asked in the audit log. */
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
  };
}

export type Access = ReturnType<typeof createAccess>;

/**
 * The jobbtorg types that are records about one person; every read and write of them is
 * audited. A case's plan, interventions, closure and feedback are read through the case; a
 * conflict's state and history through the conflict.
 */
const byPersonnummer = { personOf: (record: { personnummer?: string }) => record.personnummer };

export const recordPolicy: RecordPolicy = {
  Person: byPersonnummer,
  Case: byPersonnummer,
  PlanConflict: byPersonnummer,
};

/** The root queries that read no one's records; every other needs `records:read` (lib/auth/scopes.ts). */
export const scopePolicy: ScopePolicy = {
  queriesAboutNoOne: {
    jobbtorgUnits: 'reference data',
    jobbtorgUnit: 'reference data',
    followUp: 'aggregate figures, which check statistics:read',
    incomeSupportToWork: 'aggregate figures, which check statistics:read',
  },
};

/** Whether each mutation creates or updates, for the audit log (lib/audit/instrument.ts). */
export const writeActions: WriteActions = {
  enrolInJobbtorg: 'CREATE',
  establishJobPlan: 'CREATE',
  addIntervention: 'CREATE',
  changeIntervention: 'UPDATE',
  endIntervention: 'UPDATE',
  closeCase: 'UPDATE',
  acknowledgePlanConflict: 'UPDATE',
  acceptPlanConflict: 'UPDATE',
  withdrawPlanConflictAcceptance: 'UPDATE',
  giveFeedback: 'CREATE',
};
