import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { jwksOf, mintToken, TokenClaims, TokenOptions } from '../../lib/auth/development';
import { internalVerifier } from '../../lib/auth/internal-token';
import { generatePrivateJwk, PrivateJwk, publicJwkOf, signingKeyOf } from '../../lib/auth/keys';
import { PERSONAS, PersonaName } from '../../lib/auth/personas';
import { DEFAULT_AUDIENCE, DEVELOPMENT_ISSUER, SUBGRAPH_NAMES, SubgraphName, TrustedProxies } from '../../lib/config';
import { dropMysqlDatabase } from '../../lib/db';
import { Logger } from '../../lib/logging';
import { listen, Service } from '../../lib/service';
import { prepareDatabase, SubgraphDefinition } from '../../lib/subgraph';
import { AuthenticationOptions } from '../../gateway/authentication';
import { createGateway, DevelopmentPages } from '../../gateway/gateway';
import { SUPERGRAPH_PATH } from '../../schema/subgraphs';
import { SEEDERS } from '../../seed';
import { jobbtorg } from '../../subgraphs/jobbtorg/server';
import { partners } from '../../subgraphs/partners/server';
import { stadsdel } from '../../subgraphs/stadsdel/server';
import { Dialect, MYSQL_URL } from './dialects';

const DEFINITIONS: Record<SubgraphName, SubgraphDefinition> = { stadsdel, jobbtorg, partners };

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface RunningSubgraph {
  url: string;
  /** Its `/metrics`, on a port apart from the API's. */
  metricsUrl: string;
  db: Knex;
  service: Service;
  /** SQL statements this subgraph has run since the last `resetCounts()`. */
  statements: () => number;
}

/** Who a test request acts as: a persona, other claims, a raw token, or none at all. */
export interface AsCaller {
  as?: PersonaName | TokenClaims;
  /** Sends this token instead (null: no Authorization header). */
  token?: string | null;
  headers?: Record<string, string>;
}

/** Who acts when a test does not say: an internal city user with read and write scopes. */
export const TEST_CALLER: TokenClaims = { org: 'CITY:TEST', sub: 'test.runner', scope: 'records:read records:write' };

/** An officer of a district's social services, who reads and writes for the district's residents. */
export function districtOfficer(code: string, user = `handlaggare.${code.toLowerCase()}`): AsCaller {
  return { as: { org: `DISTRICT:${code}`, sub: user, scope: 'records:read records:write' } };
}

export interface Stack {
  gatewayUrl: string;
  /** The gateway's `/metrics`, on a port apart from the API's. */
  gatewayMetricsUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** The development issuer's key, which the gateway trusts: tests mint good and bad tokens with it. */
  issuerJwk: PrivateJwk;
  /** The gateway's own signing key, for tests of what subgraphs accept. */
  gatewayJwk: PrivateJwk;
  /** A token the gateway accepts, for a persona or claims. */
  token(as?: PersonaName | TokenClaims, options?: TokenOptions): Promise<string>;
  query<T = any>(query: string, variables?: Record<string, unknown>, caller?: AsCaller): Promise<GraphQLResponse<T>>;
  resetCounts(): void;
  /** Stops a subgraph's HTTP service (to test partial answers); its database stays. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  dialect: Dialect;
  /** People to seed (the deterministic generator); 0 seeds reference data only. */
  people?: number;
  environment?: 'development' | 'production';
  subgraphTimeoutMs?: number;
  /** Points the gateway at another URL for a subgraph, e.g. one that never answers. */
  gatewayUrlOverrides?: Partial<Record<SubgraphName, string>>;
  /**
   * Whose tokens the gateway accepts, e.g. a local OpenID provider's (test/helpers/oidc-provider.ts);
   * default the stack's own development issuer, whose key `token()` signs with.
   */
  authentication?: AuthenticationOptions;
  /** The builds the gateway serves in development; default the repository's (desk/dist, gateway/graphiql/dist). */
  pages?: Pick<DevelopmentPages, 'deskDir' | 'graphiqlDir'>;
  /** The browser origins the gateway lets call it in production (`CORS_ORIGINS`). */
  corsOrigins?: readonly string[];
  /** The proxies whose `X-Forwarded-For` the gateway believes (`TRUST_PROXY`); default none. */
  trustProxy?: TrustedProxies;
  /** Where every service logs; default warnings and errors on the console. */
  logger?: Logger;
}

/** A fresh database for one subgraph of one run: a SQLite file under `dir`, or a MySQL database named by `runId`. */
export function databaseUrlFor(dialect: Dialect, name: SubgraphName, dir: string, runId: string): string {
  if (dialect === 'sqlite') return `sqlite:${path.join(dir, `${name}.sqlite`)}`;
  const server = new URL(MYSQL_URL);
  server.pathname = `/etk_test_${runId}_${name}`;
  return server.toString();
}

/**
 * The whole system in this process, as a client sees it: three subgraphs on their own
 * fresh databases and the gateway, each on an ephemeral port. `stop()` closes everything
 * in reverse and removes the databases.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etk-'));
  const cleanups: (() => Promise<void>)[] = [async () => fs.rmSync(dir, { recursive: true, force: true })];
  const environment = options.environment ?? 'development';
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  const stopped = new Set<SubgraphName>();
  const statementCounts = new Map<SubgraphName, number>(SUBGRAPH_NAMES.map((n) => [n, 0]));

  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  const issuerJwk = await generatePrivateJwk();
  const gatewayJwk = await generatePrivateJwk();
  const verifier = await internalVerifier(publicJwkOf(gatewayJwk));
  const auditSecret = randomBytes(32).toString('hex');
  // Filled in as the subgraphs listen; a subgraph reads it only when a request asks a peer.
  const subgraphUrls = {} as Record<SubgraphName, string>;

  try {
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const databaseUrl = databaseUrlFor(options.dialect, name, dir, runId);
        if (options.dialect === 'mysql') cleanups.push(() => dropMysqlDatabase(databaseUrl));
        const db = await prepareDatabase(DEFINITIONS[name], databaseUrl, { seeder: SEEDERS[name], people: options.people ?? 0 });
        cleanups.push(() => db.destroy());
        db.on('query', () => statementCounts.set(name, statementCounts.get(name)! + 1));
        const service = await DEFINITIONS[name].build(db, { environment, verifier, subgraphUrls, auditSecret, logger: options.logger });
        const { url } = await listen(service.httpServer, 0, '127.0.0.1');
        const metricsUrl = metricsUrlOf(await listen(service.metricsServer, 0, '127.0.0.1'));
        subgraphUrls[name] = url;
        cleanups.push(async () => {
          if (!stopped.has(name)) await service.stop();
        });
        subgraphs[name] = { url, metricsUrl, db, service, statements: () => statementCounts.get(name)! };
      }),
    );

    const gateway = await createGateway({
      supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: Object.fromEntries(
        SUBGRAPH_NAMES.map((n) => [n, options.gatewayUrlOverrides?.[n] ?? subgraphs[n].url]),
      ) as Record<SubgraphName, string>,
      subgraphTimeoutMs: options.subgraphTimeoutMs ?? 10_000,
      environment,
      authentication: options.authentication ?? { issuer: DEVELOPMENT_ISSUER, audience: DEFAULT_AUDIENCE, keys: { jwks: jwksOf(issuerJwk) } },
      signingKey: await signingKeyOf(gatewayJwk),
      // As gateway/index.ts does: development sign-in only while the development issuer is trusted.
      development: { issuerJwk: options.authentication ? undefined : issuerJwk, ...options.pages },
      corsOrigins: options.corsOrigins,
      trustProxy: options.trustProxy,
      logger: options.logger,
    });
    const { url: gatewayUrl } = await listen(gateway.httpServer, 0, '127.0.0.1');
    const gatewayMetricsUrl = metricsUrlOf(await listen(gateway.metricsServer, 0, '127.0.0.1'));
    cleanups.push(() => gateway.stop());

    const token = (as: PersonaName | TokenClaims = TEST_CALLER, tokenOptions?: TokenOptions) =>
      mintToken(issuerJwk, typeof as === 'string' ? PERSONAS[as] : as, tokenOptions);
    return {
      gatewayUrl,
      gatewayMetricsUrl,
      subgraphs,
      issuerJwk,
      gatewayJwk,
      token,
      query: async (query, variables, caller = {}) => {
        const bearer = caller.token === undefined ? await token(caller.as) : caller.token;
        const headers = { ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }), ...caller.headers };
        return postGraphQL(gatewayUrl, query, variables, headers);
      },
      resetCounts: () => SUBGRAPH_NAMES.forEach((n) => statementCounts.set(n, 0)),
      stopSubgraph: async (name) => {
        stopped.add(name);
        await subgraphs[name].service.stop();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function metricsUrlOf(listening: { port: number }): string {
  return `http://127.0.0.1:${listening.port}/metrics`;
}

/** A GraphQL POST as any client sends it. */
export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
  operationName?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}
