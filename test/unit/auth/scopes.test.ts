import { GraphQLError } from 'graphql';
import { AuditRecorder } from '../../../lib/audit/recorder';
import { hasScope } from '../../../lib/auth/rules';
import { requireScope } from '../../../lib/auth/scopes';
import { Caller } from '../../../lib/identity';
import { makePersonnummer } from '../../../lib/scalars/personnummer';
import { org } from '../../helpers/organisations';

/** The scope check every access module asks: the rule, the refusal and its audit entry. */

const SECRET = 'a-test-secret-of-thirty-two-characters';
const READER: Caller = { organisation: org('DISTRICT', 'SKH'), user: 'handlaggare.skh', scopes: ['records:read'], requestId: 'r1', operationName: null };
const ANNA = makePersonnummer('1988-04-12', 901);

function refusal(work: () => void): GraphQLError {
  try {
    work();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('was not refused');
}

describe('scopes', () => {
  it('holds a caller to the scopes its token carries, each on its own', () => {
    expect(hasScope(READER, 'records:read')).toBe(true);
    expect(hasScope(READER, 'records:write')).toBe(false);
    expect(hasScope({ scopes: [] }, 'records:read')).toBe(false);
    expect(hasScope({ scopes: ['records:read records:write'] }, 'records:write')).toBe(false);
  });

  it('lets a caller with the scope through and logs nothing', () => {
    const audit = new AuditRecorder(READER, SECRET);
    requireScope({ caller: READER, audit }, 'records:read', 'Person', 'givenName', ANNA);
    expect(audit.size).toBe(0);
  });

  it('refuses a missing scope as FORBIDDEN naming it, logged DENIED under the person', () => {
    const audit = new AuditRecorder(READER, SECRET);
    const error = refusal(() => requireScope({ caller: READER, audit }, 'records:write', 'Mutation', 'recordConsent', ANNA));
    expect(error.message).toBe('Mutation.recordConsent needs the scope records:write');
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.recordConsent' });
    expect(audit.drain(SECRET)).toEqual([
      expect.objectContaining({ personKey: audit.personKey(ANNA), recordType: 'Mutation', fields: ['recordConsent'], outcome: 'DENIED' }),
    ]);
  });

  it('logs a refusal that concerns no one with no person key', () => {
    const audit = new AuditRecorder(READER, SECRET);
    refusal(() => requireScope({ caller: READER, audit }, 'statistics:read', 'Query', 'followUp'));
    expect(audit.drain(SECRET)).toEqual([expect.objectContaining({ personKey: null, recordType: 'Query', fields: ['followUp'], outcome: 'DENIED' })]);
  });
});
