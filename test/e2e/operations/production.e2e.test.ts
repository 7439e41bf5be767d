import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { jwksOf, mintToken } from '../../../lib/auth/development';
import { generatePrivateJwk, publicJwkOf } from '../../../lib/auth/keys';
import { describeEachDialect } from '../../helpers/dialects';
import { ProcessStack, startProcesses } from '../../helpers/processes';
import { postGraphQL } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * Production runs the build: `npm run build` once, then every service from `dist/` on plain
 * node (no TypeScript loader) with APP_ENV=production and real keys — the identity
 * provider's served as a JWKS, as the city's would be. It answers, its probes say so, and
 * its metrics are on their own port.
 */

const root = path.join(__dirname, '..', '..', '..');
const ISSUER = 'https://idp.test.example';

describeEachDialect('the production build', (dialect) => {
  let stack: ProcessStack;
  let jwks: http.Server;
  let token: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/build.ts'], { cwd: root, stdio: 'pipe' });
    const issuerJwk = await generatePrivateJwk();
    const gatewayJwk = await generatePrivateJwk();
    const checkpointJwk = await generatePrivateJwk();
    jwks = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwksOf(issuerJwk))));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    stack = await startProcesses({
      dialect,
      from: 'dist',
      env: {
        APP_ENV: 'production',
        GATEWAY_PUBLIC_KEY: JSON.stringify(publicJwkOf(gatewayJwk)),
        GATEWAY_SIGNING_KEY: JSON.stringify(gatewayJwk),
        AUDIT_SECRET: randomBytes(32).toString('hex'),
        AUDIT_SIGNING_KEY: JSON.stringify(checkpointJwk),
        AUTH_ISSUER: ISSUER,
        AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      },
    });
    token = await mintToken(issuerJwk, { org: 'DISTRICT:BR', sub: 'handlaggare.br', scope: 'records:read' }, { issuer: ISSUER });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    jwks?.closeAllConnections();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('holds beside the compiled JavaScript the files it reads at run time', () => {
    // startProcesses ran `node dist/…/index.js`, no loader; these are what those read beside themselves.
    for (const file of ['dist/gateway/index.js', 'dist/subgraphs/stadsdel/schema.graphql', 'dist/schema/shared.graphql', 'dist/schema/supergraph.graphql', 'dist/subgraphs/jobbtorg/peers/PlanItemFields.graphql', 'dist/operations/partners/sfi']) {
      expect(fs.existsSync(path.join(root, file))).toBe(true);
    }
  });

  it('answers a query with a token from the identity provider', async () => {
    const answer = await postGraphQL(stack.gatewayUrl, '{ districts { code name } }', {}, { authorization: `Bearer ${token}` });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.districts.length).toBeGreaterThan(0);
  });

  it('is live and ready, gateway and subgraphs', async () => {
    for (const service of Object.values(stack.services)) {
      expect((await fetch(`${service.origin}/live`)).status).toBe(200);
      expect((await fetch(`${service.origin}/ready`)).status).toBe(200);
    }
  });

  it('serves /metrics on its own port only', async () => {
    const { gateway, stadsdel } = stack.services;
    for (const service of [gateway, stadsdel]) {
      expect(new URL(service.metricsUrl).port).not.toBe(new URL(service.origin).port);
      const metrics = await fetch(service.metricsUrl);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('etk_graphql_requests_total');
      expect((await fetch(`${service.origin}/metrics`)).status).toBe(404);
    }
  });
});
