import http from 'node:http';
import { AddressInfo } from 'node:net';
import { maskedMessage } from '../../../lib/error-masking';
import { describeEachDialect } from '../../helpers/dialects';
import { Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Production shows the system's failures as a code and a service name, and logs the whole
 * error under the request's id (the x-request-id response header); errors the caller
 * caused keep their message. Development shows every message.
 */

type Behaviour = 'http500' | 'brokenJson';

/** Stands in for the partners subgraph, failing the way it is told to. */
async function failingSubgraph(): Promise<{ url: string; behave: (b: Behaviour) => void; close: () => Promise<void> }> {
  let behaviour: Behaviour = 'http500';
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (behaviour === 'http500') {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Error: connect ECONNREFUSED mysql://etk:hemligt@10.1.2.3:3306 select * from residence_permits');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data": {"providers": [{"name": "Hemlig skola", "internal": "http://10.1.2.3/');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    behave: (b) => {
      behaviour = b;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** What the services write to the console while `work` runs. */
async function logsOf(work: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  const spies = (['error', 'warn', 'info', 'log'] as const).map((m) => jest.spyOn(console, m).mockImplementation(capture));
  try {
    await work();
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
  return lines.join('\n');
}

async function queryWithId(stack: Stack, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token()}` },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId: response.headers.get('x-request-id'), status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

// Nothing of what failed may reach the client: no address, SQL, driver message or body.
const LEAKS = /127\.0\.0\.1|10\.1\.2\.3|mysql|select|sqlite|\bER_[A-Z]|no such table|doesn't exist|hemlig|ECONNREFUSED|stack|at \w+ \(/i;

describeEachDialect('error masking in production', (dialect) => {
  let stack: Stack;
  let partners: Awaited<ReturnType<typeof failingSubgraph>>;
  beforeAll(async () => {
    partners = await failingSubgraph();
    stack = await startStack({ dialect, people: 0, environment: 'production', gatewayUrlOverrides: { partners: partners.url } });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    await partners?.close();
  });

  it('masks an internal error of a subgraph (a SQL failure) and logs it in full under the request id', async () => {
    const db = stack.subgraphs.stadsdel.db;
    await db.schema.renameTable('districts', 'districts_moved');
    let answer!: Awaited<ReturnType<typeof queryWithId>>;
    const logs = await logsOf(async () => {
      answer = await queryWithId(stack, `{ districts { name } }`);
    }).finally(() => db.schema.renameTable('districts_moved', 'districts'));
    expect(answer.errors).toEqual([
      { message: maskedMessage('stadsdel'), path: ['districts'], extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'stadsdel' } },
    ]);
    expect(JSON.stringify(answer)).not.toMatch(LEAKS);
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The subgraph logs the SQL error under the same id the gateway gave the client.
    expect(logs).toContain(`request ${answer.requestId}`);
    // Under jest, better-sqlite3's error may come from another test file's realm and reach
    // graphql-js as a plain value; its code still names the failure.
    expect(logs).toMatch(/no such table: districts|districts_moved|districts' doesn't exist|SQLITE_ERROR/);
  });

  it('masks a subgraph that answers HTTP 500', async () => {
    partners.behave('http500');
    let answer!: Awaited<ReturnType<typeof queryWithId>>;
    const logs = await logsOf(async () => {
      answer = await queryWithId(stack, `{ providers { name } }`);
    });
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([{ message: maskedMessage('partners'), extensions: { code: 'SUBGRAPH_ERROR', serviceName: 'partners' } }]);
    expect(JSON.stringify(answer)).not.toMatch(LEAKS);
    expect(logs).toContain(`request ${answer.requestId}: SUBGRAPH_ERROR in partners: the partners service answered HTTP 500`);
    expect(logs).toContain(partners.url); // where it failed, for whoever reads the log
    expect(logs).not.toMatch(/hemligt|residence_permits/); // but not the body it sent
  });

  it('masks a subgraph that answers broken JSON', async () => {
    partners.behave('brokenJson');
    let answer!: Awaited<ReturnType<typeof queryWithId>>;
    const logs = await logsOf(async () => {
      answer = await queryWithId(stack, `{ providers { name } }`);
    });
    expect(answer.errors).toEqual([{ message: maskedMessage('partners'), extensions: { code: 'SUBGRAPH_ERROR', serviceName: 'partners' } }]);
    expect(JSON.stringify(answer)).not.toMatch(LEAKS);
    expect(logs).toContain(`request ${answer.requestId}: SUBGRAPH_ERROR in partners: the partners service sent an answer that is not GraphQL JSON`);
    expect(logs).not.toMatch(/Hemlig skola/);
  });

  it('keeps the message and field of errors the caller caused', async () => {
    const bad = await queryWithId(stack, `query($p: Personnummer!) { person(personnummer: $p) { givenName } }`, { p: '19900101-0000' });
    expect(bad.errors?.[0]).toMatchObject({
      message: 'person.personnummer has a wrong check digit (Luhn)',
      extensions: { code: 'BAD_USER_INPUT', field: 'person.personnummer' },
    });
    const aliases = Array.from({ length: 21 }, (_, i) => `d${i}: districts { name }`).join(' ');
    const limit = await queryWithId(stack, `{ ${aliases} }`);
    expect(limit.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 20 });
    expect(limit.errors?.[0].message).toMatch(/aliases/i);

    const anonymous = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ districts { name } }"}' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await anonymous.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/bearer token is required/) });
  });

  it('names a subgraph that is down, and nothing else about it', async () => {
    await stack.stopSubgraph('jobbtorg');
    let answer!: Awaited<ReturnType<typeof queryWithId>>;
    const logs = await logsOf(async () => {
      answer = await queryWithId(stack, `{ jobbtorgUnit(code: "KISTA") { name } }`);
    });
    expect(answer.errors).toEqual([
      { message: 'the jobbtorg service is not available', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'jobbtorg' } },
    ]);
    expect(JSON.stringify(answer)).not.toMatch(LEAKS);
    expect(logs).toContain(`request ${answer.requestId}: SUBGRAPH_UNAVAILABLE in jobbtorg`);
  });
});

describe('errors in development', () => {
  let stack: Stack;
  let partners: Awaited<ReturnType<typeof failingSubgraph>>;
  beforeAll(async () => {
    partners = await failingSubgraph();
    stack = await startStack({ dialect: 'sqlite', people: 0, gatewayUrlOverrides: { partners: partners.url } });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    await partners?.close();
  });

  it('keep their full message', async () => {
    const db = stack.subgraphs.stadsdel.db;
    await db.schema.renameTable('districts', 'districts_moved');
    let sql!: Awaited<ReturnType<typeof queryWithId>>;
    await logsOf(async () => {
      sql = await queryWithId(stack, `{ districts { name } }`);
    }).finally(() => db.schema.renameTable('districts_moved', 'districts'));
    expect(sql.errors?.[0].message).toMatch(/no such table: districts|SQLITE_ERROR/);
    expect(sql.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', serviceName: 'stadsdel' });

    let http500!: Awaited<ReturnType<typeof queryWithId>>;
    await logsOf(async () => {
      http500 = await queryWithId(stack, `{ providers { name } }`);
    });
    expect(http500.errors?.[0]).toMatchObject({ message: 'the partners service answered HTTP 500', extensions: { code: 'SUBGRAPH_ERROR' } });
  });
});
