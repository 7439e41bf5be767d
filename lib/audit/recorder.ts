import { ApolloServerPlugin } from '@apollo/server';
import { formatOrganisation } from '../auth/organisations';
import { Caller } from '../identity';
import { AuditChain, AuditEntry, AuditOutcome, personKey } from './log';

/**
 * Collects one request's audit entries — one per person and record type, with every field
 * read — and writes them before the response leaves. A list of 50 people is 50 entries,
 * noted without waiting for anything and written in one statement.
 */
export class AuditRecorder {
  private readonly entries = new Map<string, { personnummer: string | null; recordType: string; outcome: AuditOutcome; fields: Set<string> }>();

  /** `secret`: the log's key, for `personKey`; the subgraph passes it, unit tests need not. */
  constructor(
    private readonly caller: Caller,
    private readonly secret?: string,
  ) {}

  /** The key this log names `personnummer` by, so the log can be searched for a person. */
  personKey(personnummer: string): string {
    if (this.secret === undefined) throw new Error('this audit recorder was made without the audit secret');
    return personKey(personnummer, this.secret);
  }

  /** Notes that `field` of a `recordType` record about `personnummer` was read, written or refused. */
  note(personnummer: string | null, recordType: string, field: string, outcome: AuditOutcome = 'ALLOWED'): void {
    const key = `${personnummer ?? ''}\u0000${recordType}\u0000${outcome}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { personnummer, recordType, outcome, fields: new Set() };
      this.entries.set(key, entry);
    }
    entry.fields.add(field);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entries as the log stores them; people as keyed hashes. */
  drain(secret: string, at = new Date()): AuditEntry[] {
    const drained = [...this.entries.values()].map((e) => ({
      at,
      organisation: formatOrganisation(this.caller.organisation),
      user: this.caller.user,
      personKey: e.personnummer === null ? null : personKey(e.personnummer, secret),
      recordType: e.recordType,
      fields: [...e.fields].sort(),
      operationName: this.caller.operationName,
      requestId: this.caller.requestId,
      outcome: e.outcome,
    }));
    this.entries.clear();
    return drained;
  }
}

/**
 * Writes the request's audit entries as the response is about to be sent, and sends it once
 * the step of the chain holding them is committed — shared with the requests answering at
 * the same moment. If that step fails, the response carries no data: a read that cannot be
 * accounted for is not given.
 */
export function auditPlugin<C extends { audit: AuditRecorder }>(chain: AuditChain, secret: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, logger }) {
          if (!contextValue.audit?.size) return;
          try {
            await chain.append(contextValue.audit.drain(secret));
          } catch (error) {
            logger.error(`audit log write failed (request ${(contextValue as { caller?: Caller }).caller?.requestId}): ${(error as Error).message}`);
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                errors: [{ message: 'the audit log could not be written, so no data is returned', extensions: { code: 'AUDIT_UNAVAILABLE' } }],
              } as typeof response.body.singleResult;
            }
            response.http.status = 503;
          }
        },
      };
    },
  };
}
