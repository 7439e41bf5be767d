import http from 'node:http';
import { AddressInfo } from 'node:net';
import { internalVerifier } from '../../../lib/auth/internal-token';
import { publicJwkOf } from '../../../lib/auth/keys';
import { Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * The gateway passes on no client header but `traceparent`: a proxy in front of the
 * partners subgraph records what the gateway sends it, and forwards the request.
 */

/** Headers any HTTP client sends on its own; anything else the gateway sends must be named here. */
const TRANSPORT = new Set(['host', 'connection', 'content-type', 'content-length', 'accept', 'accept-encoding', 'accept-language', 'user-agent', 'sec-fetch-mode']);

describe('headers the gateway forwards to a subgraph', () => {
  let stack: Stack;
  let proxy: http.Server;
  let target = '';
  const seen: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    proxy = http.createServer(async (req, res) => {
      seen.push(req.headers);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const { host: _host, connection: _connection, 'content-length': _length, ...headers } = req.headers as Record<string, string>;
      const answer = await fetch(target, { method: req.method, headers, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
    stack = await startStack({ dialect: 'sqlite', people: 0, gatewayUrlOverrides: { partners: url } });
    target = stack.subgraphs.partners.url;
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('are traceparent and the gateway’s own authorization, nothing else the client sent', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const clientToken = await stack.token();
    const answer = await stack.query(`{ providers { name } }`, undefined, {
      token: clientToken,
      headers: {
        traceparent,
        cookie: 'session=abc123',
        'x-forwarded-for': '203.0.113.7',
        'x-custom-header': 'from-the-client',
        'x-request-id': 'chosen-by-the-client',
        tracestate: 'vendor=secret',
      },
    });
    expect(answer.errors).toBeUndefined();
    expect(seen).toHaveLength(1);
    const [headers] = seen;

    expect(headers.traceparent).toBe(traceparent);
    const forwarded = /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1];
    expect(forwarded).toBeDefined();
    expect(forwarded).not.toBe(clientToken);
    const verifier = await internalVerifier(publicJwkOf(stack.gatewayJwk));
    await expect(verifier.verify(forwarded!)).resolves.toMatchObject({ organisation: 'CITY:TEST', user: 'test.runner' });

    const unexpected = Object.keys(headers).filter((name) => !TRANSPORT.has(name) && name !== 'traceparent' && name !== 'authorization');
    expect(unexpected).toEqual([]);
    expect(JSON.stringify(headers)).not.toMatch(/abc123|203\.0\.113\.7|from-the-client|chosen-by-the-client|vendor=secret/);
  });

  it('leave traceparent out when the client sends none', async () => {
    seen.length = 0;
    await stack.query(`{ providers { name } }`);
    expect(seen[0].traceparent).toBeUndefined();
    expect(seen[0].authorization).toMatch(/^Bearer /);
  });
});
