import { buildSchema, graphql } from 'graphql';
import { auditPersonRecords, auditWriteActions } from '../../../lib/audit/instrument';
import { personKey } from '../../../lib/audit/log';
import { AuditRecorder } from '../../../lib/audit/recorder';
import { forbidden } from '../../../lib/errors';
import { Caller } from '../../../lib/identity';
import { org } from '../../helpers/organisations';

/** Each entry's action: READ unless a mutation runs as CREATE or UPDATE, what the request said of itself, and where it came from. */

const CALLER: Caller = {
  organisation: org('DISTRICT', 'SKH'), user: 'handlaggare.skh', scopes: [], requestId: 'r1', operationName: 'Op',
  purpose: 'REFERRAL', caseReference: 'stadsdel:referral:9', clientAddress: '203.0.113.7',
};

const SDL = /* GraphQL */ `
  type Query { note(id: ID!): Note }
  type Note { personnummer: String! text: String! }
  input NoteInput { personnummer: String! text: String! replaces: ID }
  type Mutation { writeNote(input: NoteInput!): Note! refuseNote: Note }
`;

function schemaWith(refusal: (audit: AuditRecorder) => void) {
  const schema = buildSchema(SDL);
  const fields = schema.getMutationType()!.getFields();
  fields.writeNote.resolve = (_, { input }) => ({ personnummer: input.personnummer, text: input.text });
  fields.refuseNote.resolve = (_, __, { audit }) => {
    refusal(audit);
    return null;
  };
  schema.getQueryType()!.getFields().note.resolve = () => ({ personnummer: '199001021234', text: 'x' });
  auditPersonRecords(schema, { Note: { personOf: (n: { personnummer: string }) => n.personnummer } });
  return auditWriteActions(schema, { writeNote: (args) => (args.input.replaces ? 'UPDATE' : 'CREATE'), refuseNote: 'UPDATE' });
}

async function entriesOf(source: string) {
  const audit = new AuditRecorder(CALLER);
  const schema = schemaWith((a) => a.note('199001021234', 'Note', 'refused', 'DENIED'));
  const answer = await graphql({ schema, source, contextValue: { audit } });
  expect(answer.errors).toBeUndefined();
  return audit.drain('secret').map(({ recordType, fields, outcome, action }) => ({ recordType, fields, outcome, action }));
}

it('logs a write as its action, what it answers with as a read, and a read as READ', async () => {
  expect(await entriesOf(`mutation { writeNote(input: { personnummer: "199001021234", text: "a" }) { text } }`)).toEqual([
    { recordType: 'Note', fields: ['mutation:writeNote'], outcome: 'ALLOWED', action: 'CREATE' },
    { recordType: 'Note', fields: ['text'], outcome: 'ALLOWED', action: 'READ' },
  ]);
  expect((await entriesOf(`mutation { writeNote(input: { personnummer: "199001021234", text: "a", replaces: "1" }) { text } }`))[0].action).toBe('UPDATE');
  expect(await entriesOf(`{ note(id: "1") { text } }`)).toEqual([{ recordType: 'Note', fields: ['text'], outcome: 'ALLOWED', action: 'READ' }]);
});

it('logs a refusal during a write as that write, and each write of a request as its own', async () => {
  expect(await entriesOf(`mutation { refuseNote { text } a: writeNote(input: { personnummer: "199001021234", text: "a" }) { text } }`)).toEqual([
    { recordType: 'Note', fields: ['refused'], outcome: 'DENIED', action: 'UPDATE' },
    { recordType: 'Note', fields: ['mutation:writeNote'], outcome: 'ALLOWED', action: 'CREATE' },
    { recordType: 'Note', fields: ['text'], outcome: 'ALLOWED', action: 'READ' },
  ]);
});

it('logs a write FORBIDDEN without a note of its own under the person its input names, and one already noted once', async () => {
  const schema = buildSchema(SDL);
  schema.getMutationType()!.getFields().writeNote.resolve = (_, { input }, { audit }) => {
    if (input.text === 'noted') audit.note(input.personnummer, 'Note', 'write', 'DENIED');
    throw forbidden('is not yours to write');
  };
  auditWriteActions(schema, { writeNote: 'CREATE', refuseNote: 'UPDATE' });
  const run = async (text: string) => {
    const audit = new AuditRecorder(CALLER);
    const answer = await graphql({ schema, source: `mutation { writeNote(input: { personnummer: "199001021234", text: "${text}" }) { text } }`, contextValue: { audit } });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    return audit.drain('secret').map(({ personKey, recordType, fields, outcome, action }) => ({ personKey, recordType, fields, outcome, action }));
  };
  expect(await run('silent')).toEqual([{ personKey: personKey('199001021234', 'secret'), recordType: 'Mutation', fields: ['writeNote'], outcome: 'DENIED', action: 'CREATE' }]);
  expect(await run('noted')).toEqual([{ personKey: personKey('199001021234', 'secret'), recordType: 'Note', fields: ['write'], outcome: 'DENIED', action: 'CREATE' }]);
});

it('puts on every entry what the request said of itself and the address the gateway saw', () => {
  const audit = new AuditRecorder(CALLER);
  audit.note(null, 'Query', 'districts');
  expect(audit.drain('secret')).toEqual([
    expect.objectContaining({ action: 'READ', purpose: 'REFERRAL', caseReference: 'stadsdel:referral:9', clientAddress: '203.0.113.7', personKey: null }),
  ]);
});

it('refuses to start with a mutation not named, or one named that is not there', () => {
  expect(() => auditWriteActions(buildSchema(SDL), { writeNote: 'CREATE' })).toThrow(/Mutation\.refuseNote creates or updates/);
  expect(() => auditWriteActions(buildSchema(SDL), { writeNote: 'CREATE', refuseNote: 'UPDATE', gone: 'CREATE' })).toThrow(/Mutation\.gone/);
});
