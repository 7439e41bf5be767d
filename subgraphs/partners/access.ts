import { RecordPolicy, WriteActions } from '../../lib/audit/instrument';
import { Knex } from 'knex';
import { AuditSubject, requireAuditScope } from '../../lib/audit/queries';
import { AuditRecorder } from '../../lib/audit/recorder';
import { requireScope, ScopePolicy } from '../../lib/auth/scopes';
import { mayReadPartnerRecord, PartnerAgency } from '../../lib/auth/rules';
import { forbidden, notFound } from '../../lib/errors';
import { Caller } from '../../lib/identity';
import { PersonRef } from './models';

/**
 * The partner agencies' part of the access matrix (docs/access-matrix.md): each agency
 * records its own kind of record — Arbetsförmedlingen registrations and activities,
 * Migrationsverket permits and receptions, an Sfi school its own enrolments, a provider its
 * own assignments — and the lists of enrolments and assignments show a school or provider
 * its own. A change to another school's or provider's record is NOT_FOUND, as if unknown.
 * Another agency reads a person's records where the person's consent names both.
 */
export function createAccess(caller: Caller, audit: AuditRecorder) {
  const { organisation } = caller;
  const is = (kind: string, id?: string | number) => organisation.kind === kind && (id === undefined || organisation.id === String(id));
  const ownRows = (query: Knex.QueryBuilder, kind: 'SFI' | 'PROVIDER', column: string) =>
    organisation.kind === kind ? query.where(column, organisation.id!) : query.whereRaw('1 = 0');
  const require = (allowed: boolean, who: string, field?: string) => {
    if (!allowed) throw forbidden(`is recorded by ${who} only`, field);
  };
  return {
    /**
     * Whether the caller may read `owner`'s records about the person: the agency itself, or a
     * reader the person's consent (brought by the gateway) names together with it. A refusal
     * is audited as DENIED under `field`; the field then answers as if there were nothing.
     */
    mayRead(person: PersonRef, owner: PartnerAgency, field: string): boolean {
      if (mayReadPartnerRecord(caller.organisation, owner, person.sharingConsents ?? [], caller.purpose ?? null)) return true;
      audit.note(person.personnummer, 'Person', field, 'DENIED');
      return false;
    },

    /** Arbetsförmedlingen's records. */
    arbetsformedlingen: () => require(is('AF'), 'Arbetsförmedlingen'),
    /** Migrationsverket's records. */
    migrationsverket: () => require(is('MIGRATIONSVERKET'), 'Migrationsverket'),
    /** An enrolment at `schoolId`: that Sfi school's. */
    sfiSchool: (schoolId: string | number, field: string) => require(is('SFI', schoolId), 'the Sfi school itself', field),
    /** An assignment to `providerId`: that provider's. */
    provider: (providerId: string | number, field: string) => require(is('PROVIDER', providerId), 'the provider itself', field),

    /** A change to a stored enrolment or assignment: NOT_FOUND unless it is the caller's own. */
    async ownRecord(db: Knex, table: 'sfi_enrolments' | 'provider_assignments', id: string, field: string): Promise<void> {
      const column = table === 'sfi_enrolments' ? 'school_id' : 'provider_id';
      const row: { personnummer: string; owner: number } | undefined = /^\d{1,10}$/.test(id)
        ? await db(table).select({ personnummer: 'personnummer', owner: column }).where({ id }).first()
        : undefined;
      if (!row) throw notFound(field);
      if (is(table === 'sfi_enrolments' ? 'SFI' : 'PROVIDER', row.owner)) return;
      // Another school's or provider's record: refused as if unknown, and on the log under the person.
      audit.note(row.personnummer, table === 'sfi_enrolments' ? 'SfiEnrolment' : 'ProviderAssignment', 'write', 'DENIED');
      throw notFound(field);
    },

    /** Narrows the list of enrolments to the caller's school. */
    scopeSfiEnrolments: (query: Knex.QueryBuilder): Knex.QueryBuilder => ownRows(query, 'SFI', 'school_id'),

    /** Narrows the list of assignments to the caller's provider. */
    scopeProviderAssignments: (query: Knex.QueryBuilder): Knex.QueryBuilder => ownRows(query, 'PROVIDER', 'provider_id'),

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
 * The partners types that are records about one person; every read and write of them is
 * audited. Planned activities are read through their registration, which is logged.
 */
const byPersonnummer = { personOf: (record: { personnummer?: string }) => record.personnummer };

export const recordPolicy: RecordPolicy = {
  Person: byPersonnummer,
  JobSeekerRegistration: byPersonnummer,
  ResidencePermit: byPersonnummer,
  MunicipalityReception: byPersonnummer,
  SfiEnrolment: byPersonnummer,
  ProviderAssignment: byPersonnummer,
};

/** The root queries that read no one's records; every other needs `records:read` (lib/auth/scopes.ts). */
export const scopePolicy: ScopePolicy = {
  queriesAboutNoOne: {
    agencies: 'reference data',
    provider: 'reference data',
    providers: 'reference data',
  },
};

/** Whether each mutation creates or updates, for the audit log (lib/audit/instrument.ts). */
export const writeActions: WriteActions = {
  registerJobSeeker: 'CREATE',
  changeJobSeekerRegistration: 'UPDATE',
  addPlannedActivity: 'CREATE',
  changePlannedActivity: 'UPDATE',
  endPlannedActivity: 'UPDATE',
  addProgrammePart: 'UPDATE',
  removeProgrammePart: 'UPDATE',
  recordResidencePermit: 'CREATE',
  // A reception given with the version it is based on changes the one recorded.
  recordMunicipalityReception: (args) => (args.input?.version != null ? 'UPDATE' : 'CREATE'),
  enrolInSfi: 'CREATE',
  changeSfiEnrolment: 'UPDATE',
  assignProvider: 'CREATE',
  changeProviderAssignment: 'UPDATE',
};
