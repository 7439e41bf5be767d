import { REQUEST_ID_HEADER } from '../../../gateway/gateway';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, districtOfficer, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The client's address the audit log records: the peer's, unless the peer is a proxy the
 * gateway was told to trust (`TRUST_PROXY`), whose `X-Forwarded-For` then names the client.
 * A client that writes the header itself must not choose what the log says.
 */

const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;
const FORWARDED = '203.0.113.7';
const AUDITOR: AsCaller = { as: 'auditor' };

async function addressesLogged(stack: Stack, user: string): Promise<(string | null)[]> {
  const officer = districtOfficer('SKH', user);
  const someone = await stack.subgraphs.stadsdel.db('persons').where({ district_code: 'SKH' }).orderBy('personnummer').first();
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await stack.token(officer.as!)}`,
      'x-forwarded-for': FORWARDED,
    },
    body: JSON.stringify({ query: 'query Look($p: Personnummer!) { person(personnummer: $p) { givenName } }', variables: { p: someone.personnummer } }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  const requestId = response.headers.get(REQUEST_ID_HEADER);
  const log = await stack.query(
    'query WhatRead($user: String!) { userAccessLog(organisation: "DISTRICT:SKH", user: $user) { entries { requestId clientAddress } } }',
    { user },
    AUDITOR,
  );
  expect(log.errors).toBeUndefined();
  const entries = log.data.userAccessLog.entries.filter((e: { requestId: string }) => e.requestId === requestId);
  expect(entries.length).toBeGreaterThan(0);
  return entries.map((e: { clientAddress: string | null }) => e.clientAddress);
}

describeEachDialect('the client address in the audit log', (dialect) => {
  describe('with no proxy trusted (the default)', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ dialect, people: 20 });
    }, STACK_START_TIMEOUT_MS);
    afterAll(() => stack?.stop());

    it('records the peer, whatever X-Forwarded-For the client sends', async () => {
      for (const address of await addressesLogged(stack, 'untrusting.officer')) expect(address).toMatch(LOOPBACK);
    });
  });

  describe('behind a trusted proxy', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ dialect, people: 20, trustProxy: ['loopback'] });
    }, STACK_START_TIMEOUT_MS);
    afterAll(() => stack?.stop());

    it('records the client the proxy names', async () => {
      for (const address of await addressesLogged(stack, 'proxied.officer')) expect(address).toBe(FORWARDED);
    });
  });
});
