import { ApolloServerPlugin } from '@apollo/server';
import { formatOrganisation } from '../auth/organisations';
import { Caller } from '../identity';
import { AuditAction, AuditChain, AuditEntry, AuditOutcome, personKey } from './log';

/**
 * Collects one request's audit entries — one per person, record type, outcome and action,
 * with every field read — and writes them before the response leaves. A list of 50 people
 * is 50 entries, noted without waiting for anything and written in one statement. Each
 * entry carries what the caller said of the request (purpose, case) and where it came from.
 */
export class AuditRecorder {
  private readonly entries = new Map<
    string,
    { personnummer: string | null; recordType: string; outcome: AuditOutcome; action: AuditAction; fields: Set<string> }
  >();
  /** The action of the write under way (`acting`); reads note READ. */
  private action: AuditAction = 'READ';
  /** How many refusals were noted, so a write can tell whether its refusal already was. */
  private denials = 0;

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

  /**
   * Notes that `field` of a `recordType` record about `personnummer` was read, written or
   * refused; the action is the write under way (`acting`) unless given.
   */
  note(personnummer: string | null, recordType: string, field: string, outcome: AuditOutcome = 'ALLOWED', action: AuditAction = this.action): void {
    const key = `${personnummer ?? ''}\u0000${recordType}\u0000${outcome}\u0000${action}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { personnummer, recordType, outcome, action, fields: new Set() };
      this.entries.set(key, entry);
    }
    entry.fields.add(field);
    if (outcome === 'DENIED') this.denials += 1;
  }

  /**
   * Runs `work` as `action`: what it notes, a refusal included, is noted as that action.
   * A mutation's root fields run one after another, so one write is under way at a time;
   * the fields read of what it returns resolve after it, as reads.
   */
  async acting<T>(action: AuditAction, work: () => Promise<T> | T): Promise<T> {
    const before = this.action;
    this.action = action;
    try {
      return await work();
    } finally {
      this.action = before;
    }
  }

  /** How many refusals this request has noted so far. */
  get deniedSoFar(): number {
    return this.denials;
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
      action: e.action,
      purpose: this.caller.purpose ?? null,
      caseReference: this.caller.caseReference ?? null,
      clientAddress: this.caller.clientAddress ?? null,
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
