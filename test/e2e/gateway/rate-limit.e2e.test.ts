import fs from 'node:fs';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { jwksOf, mintToken, TokenClaims } from '../../../lib/auth/development';
import { signingKeyOf } from '../../../lib/auth/keys';
import { DEFAULT_AUDIENCE, DEVELOPMENT_ISSUER, SUBGRAPH_NAMES, SubgraphName } from '../../../lib/config';
import { Logger } from '../../../lib/logging';
import { listen } from '../../../lib/service';
import { createGateway } from '../../../gateway/gateway';
import { RateLimits } from '../../../gateway/rate-limit';
import { SUPERGRAPH_PATH } from '../../../schema/subgraphs';
import { describeEachDialect } from '../../helpers/dialects';
import { REDIS_URL } from '../../helpers/redis';
import { Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Rate limits through the real gateway (gateway/rate-limit.ts): a caller's and an
 * organisation's budget a minute, counted in root fields (aliases each one), refused 429
 * with `Retry-After` before any subgraph runs a statement; in Redis, one budget for every
 * replica; with Redis unreachable, open or closed as configured, and logged. Each replica
 * is a gateway built here over the stack's subgraphs, with the limits the test names.
 */

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

interface Replica {
  url: string;
  lines: string[];
  stop: () => Promise<void>;
}

const DISTRICTS = '{ districts { code } }';
const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `d${i}: districts { code }`).join(' ')} }`;

describeEachDialect('rate limits at the gateway', (dialect) => {
  let stack: Stack;
  const replicas: Replica[] = [];
  beforeAll(async () => {
    stack = await startStack({ dialect, people: 0 });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await stack?.stop();
  });

  /** A gateway over the stack's subgraphs with these limits, logging into `lines`. */
  async function replica(rateLimits: Partial<RateLimits>): Promise<Replica> {
    const lines: string[] = [];
    const record = (message?: unknown) => lines.push(String(message));
    const logger: Logger = { debug: () => undefined, info: record, warn: record, error: record };
    const gateway = await createGateway({
      supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.subgraphs[n].url])) as Record<SubgraphName, string>,
      subgraphTimeoutMs: 10_000,
      environment: 'development',
      authentication: { issuer: DEVELOPMENT_ISSUER, audience: DEFAULT_AUDIENCE, keys: { jwks: jwksOf(stack.issuerJwk) } },
      signingKey: await signingKeyOf(stack.gatewayJwk),
      rateLimits,
      logger,
    });
    const { url } = await listen(gateway.httpServer, 0, '127.0.0.1');
    const running = { url, lines, stop: () => gateway.stop() };
    replicas.push(running);
    return running;
  }

  /** A caller of its own for each test, so that no test spends another's budget. */
  const caller = (org: string, user = 'anna'): TokenClaims => ({ org, sub: user, scope: 'records:read records:write' });
  const uniqueOrg = () => `CITY:RATE${randomBytes(3).toString('hex').toUpperCase()}`;

  async function post(url: string, as: TokenClaims, query: string): Promise<Answer> {
    const token = await mintToken(stack.issuerJwk, as);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
  }

  function expectAnswered(answer: Answer): void {
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  }

  function statements(): number {
    return SUBGRAPH_NAMES.reduce((sum, name) => sum + stack.subgraphs[name].statements(), 0);
  }

  /** `query` refused 429 RATE_LIMITED with a Retry-After in seconds, and no subgraph ran a statement for it. */
  async function expectLimited(url: string, as: TokenClaims, query: string, budget: RegExp): Promise<void> {
    stack.resetCounts();
    const answer = await post(url, as, query);
    expect(answer.status).toBe(429);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0].extensions?.code).toBe('RATE_LIMITED');
    expect(answer.body.errors![0].message).toMatch(budget);
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
    expect(answer.body.errors![0].extensions?.retryAfter).toBe(Number(answer.retryAfter));
    expect(statements()).toBe(0);
  }

  it('refuses a caller over its budget a minute with 429 and Retry-After, before any subgraph', async () => {
    const gateway = await replica({ callerPerMinute: 5, organisationPerMinute: 100 });
    const anna = caller(uniqueOrg());
    for (let i = 0; i < 5; i++) expectAnswered(await post(gateway.url, anna, DISTRICTS));
    await expectLimited(gateway.url, anna, DISTRICTS, /5 points a minute for one caller/);
  });

  it('counts each root field, aliases included', async () => {
    const gateway = await replica({ callerPerMinute: 5, organisationPerMinute: 100 });
    const org = uniqueOrg();
    expectAnswered(await post(gateway.url, caller(org, 'anna'), aliased(3)));
    await expectLimited(gateway.url, caller(org, 'anna'), aliased(3), /for one caller/);
    // One operation of six aliases is over a budget of five on its own.
    await expectLimited(gateway.url, caller(org, 'bo'), aliased(6), /for one caller/);
  });

  it("refuses an organisation over its budget, whichever of its callers asks, and no other organisation's", async () => {
    const gateway = await replica({ callerPerMinute: 5, organisationPerMinute: 8 });
    const org = uniqueOrg();
    expectAnswered(await post(gateway.url, caller(org, 'anna'), aliased(5)));
    expectAnswered(await post(gateway.url, caller(org, 'bo'), aliased(3)));
    await expectLimited(gateway.url, caller(org, 'cecilia'), DISTRICTS, /8 points a minute for one organisation/);
    expectAnswered(await post(gateway.url, caller(uniqueOrg(), 'anna'), DISTRICTS));
  });

  /** A port on which nothing listens: one the system gave out and took back. */
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it('answers while Redis is unreachable when set to fail open, and logs it', async () => {
    const gateway = await replica({ callerPerMinute: 1, redisUrl: `redis://127.0.0.1:${await closedPort()}`, onRedisFailure: 'open' });
    const anna = caller(uniqueOrg());
    expectAnswered(await post(gateway.url, anna, DISTRICTS));
    expectAnswered(await post(gateway.url, anna, DISTRICTS));
    expect(gateway.lines.filter((l) => /rate limit: Redis is unreachable .*failing open/.test(l))).toHaveLength(1);
  });

  it('refuses with 503 while Redis is unreachable when set to fail closed, before any subgraph, and logs it', async () => {
    const gateway = await replica({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, onRedisFailure: 'closed' });
    stack.resetCounts();
    const answer = await post(gateway.url, caller(uniqueOrg()), DISTRICTS);
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('5');
    expect(answer.body.errors?.[0].extensions?.code).toBe('RATE_LIMIT_UNAVAILABLE');
    expect(statements()).toBe(0);
    expect(gateway.lines.some((l) => /rate limit: Redis is unreachable .*failing closed/.test(l))).toBe(true);
  });

  (REDIS_URL ? describe : describe.skip)(
    REDIS_URL ? 'shared through Redis' : 'shared through Redis — skipped: no REDIS_URL and nothing answers on 127.0.0.1:6379',
    () => {
      it('holds one budget for two replicas', async () => {
        // Keys of their own, so that other runs sharing this Redis spend nothing of it.
        const shared = { callerPerMinute: 4, organisationPerMinute: 100, redisUrl: REDIS_URL, keyPrefix: `etk:test:${randomBytes(4).toString('hex')}` };
        const [a, b] = [await replica(shared), await replica(shared)];
        const anna = caller(uniqueOrg());
        for (const gateway of [a, b, a, b]) expectAnswered(await post(gateway.url, anna, DISTRICTS));
        // Each replica has answered only two of the four; alone, each would answer two more.
        await expectLimited(a.url, anna, DISTRICTS, /4 points a minute for one caller/);
        await expectLimited(b.url, anna, DISTRICTS, /4 points a minute for one caller/);
        expect([...a.lines, ...b.lines].filter((l) => /rate limit/.test(l))).toEqual([]);
      });
    },
  );
});
