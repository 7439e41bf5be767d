import { isIP } from 'node:net';
import path from 'node:path';
import { JWK } from 'jose';
import { CHAIN_ID } from './audit/log';
import { parseJwk, PrivateJwk } from './auth/keys';
import { parseDatabaseUrl } from './db';

/**
 * Every environment variable the services read is read here, and only entry points call
 * these functions; factories take the values, so tests can pass port 0 and temp databases.
 * A missing or malformed value throws a ConfigError whose message is one line naming it.
 * One exception: the tracing variables (`OTEL_*`) are read by lib/telemetry/config.ts,
 * because tracing must start before this module's imports (knex among them) are loaded.
 */

export const SUBGRAPH_NAMES = ['stadsdel', 'jobbtorg', 'partners'] as const;

/** Beside the code, not the working directory: `schema/` in the repository, `dist/schema/` in a build. */
const DEFAULT_SUPERGRAPH_PATH = path.join(__dirname, '..', 'schema', 'supergraph.graphql');
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  stadsdel: 4001,
  jobbtorg: 4002,
  partners: 4003,
};

export type AppEnvironment = 'development' | 'production';

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

function port(env: Env, name: string, fallback: number): number {
  const raw = read(env, name, String(fallback));
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535) throw new ConfigError(`${name} must be a port number 0–65535, got "${raw}"`);
  return value;
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name, String(fallback));
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number ${min}–${max}, got "${raw}"`);
  }
  return value;
}

function environment(env: Env): AppEnvironment {
  const value = read(env, 'APP_ENV', 'development');
  if (value !== 'development' && value !== 'production') {
    throw new ConfigError(`APP_ENV must be development or production, got "${value}"`);
  }
  return value;
}

function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = read(env, name, fallback);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  return url.toString();
}

/** The issuer's own `iss` and the gateway's `aud` for development tokens (`npm run token`). */
export const DEVELOPMENT_ISSUER = 'etk-development';
export const DEFAULT_AUDIENCE = 'etk-gateway';

function keysDir(env: Env): string {
  return path.join(read(env, 'DATA_DIR', 'data'), 'keys');
}

/** `<NAME>_HOST` or `HOST`: the address a service listens on. */
function listenHost(env: Env, name: SubgraphName | 'gateway'): string {
  return read(env, `${name.toUpperCase()}_HOST`, read(env, 'HOST', '127.0.0.1'));
}

/**
 * Each subgraph's URL: `<NAME>_URL`, or else where that subgraph listens by the same
 * environment (`<NAME>_HOST`/`HOST` and `<NAME>_PORT`), so that moving a port moves the URL
 * with it. A wildcard listen address is reached on the loopback.
 */
function subgraphUrls(env: Env): Readonly<Record<SubgraphName, string>> {
  const urls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => {
      const host = listenHost(env, name);
      const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      const listensOn = `http://${reachable}:${port(env, `${name.toUpperCase()}_PORT`, DEFAULT_PORTS[name])}/graphql`;
      return [name, httpUrl(env, `${name.toUpperCase()}_URL`, listensOn)];
    }),
  ) as Record<SubgraphName, string>;
  return Object.freeze(urls);
}

/**
 * A key from the environment, or null in development, where the key files under
 * `DATA_DIR/keys` stand in. Production must name every key.
 */
function jwk(env: Env, name: string, environment: AppEnvironment, mustBePrivate: boolean): JWK | null {
  const raw = read(env, name, '');
  if (!raw) {
    if (environment === 'production') throw new ConfigError(`${name} is required when APP_ENV is production`);
    return null;
  }
  try {
    return parseJwk(raw, name, mustBePrivate);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** A secret from the environment, or null in development, where a key file stands in. */
function secret(env: Env, name: string, environment: AppEnvironment): string | null {
  const raw = read(env, name, '');
  if (!raw) {
    if (environment === 'production') throw new ConfigError(`${name} is required when APP_ENV is production`);
    return null;
  }
  if (raw.length < 32) throw new ConfigError(`${name} must be at least 32 characters`);
  return raw;
}

/** `AUDIT_CHAIN_ID`, checked; null when unset, and the process appends to a chain of its own. */
function chainId(env: Env): string | null {
  const raw = read(env, 'AUDIT_CHAIN_ID', '');
  if (raw && !CHAIN_ID.test(raw)) throw new ConfigError(`AUDIT_CHAIN_ID must be 1–64 letters, digits and _ . : -, got "${raw}"`);
  return raw || null;
}

export interface SubgraphConfig {
  /** Which subgraph this is. */
  readonly name: SubgraphName;
  /** `<NAME>_HOST` or `HOST`: address to listen on. */
  readonly host: string;
  /** `<NAME>_PORT`: port to listen on (0 picks a free one). */
  readonly port: number;
  /** `<NAME>_DATABASE_URL`: `sqlite:<file>` or `mysql://user:pass@host:port/db`. */
  readonly databaseUrl: string;
  /** `SEED_PEOPLE`: how many people to seed into an empty database on start (0: none). */
  readonly seedPeople: number;
  /** `APP_ENV`: development or production. */
  readonly environment: AppEnvironment;
  /** `GATEWAY_PUBLIC_KEY`: the public JWK that verifies the gateway's tokens; null in development (key file). */
  readonly gatewayPublicJwk: JWK | null;
  /** `DATA_DIR`/keys: where development keys live. */
  readonly keysDir: string;
  /** `STADSDEL_URL`, `JOBBTORG_URL`, `PARTNERS_URL`: the other subgraphs, for the facts a write needs from them. */
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** `AUDIT_SECRET`: the key the audit log hashes personnummer with (32+ characters); null in development (key file). */
  readonly auditSecret: string | null;
  /** `AUDIT_CHAIN_ID`: the audit chain this process appends to; null: its own, `host:pid`. */
  readonly auditChainId: string | null;
  /** `AUDIT_SIGNING_KEY`: the private Ed25519 JWK the audit checkpoints are signed with; null in development (key file). */
  readonly auditSigningJwk: PrivateJwk | null;
  /** `AUDIT_CHECKPOINT_KEYS`: public JWKs (a JSON array) of earlier signing keys, that archived checkpoints still verify with. */
  readonly auditCheckpointKeys: readonly JWK[];
  /** `AUDIT_CHECKPOINT_INTERVAL_MS`: how often a running subgraph signs its chains' heads; 0: only on demand and at stop. */
  readonly auditCheckpointIntervalMs: number;
  /** `AUDIT_CHECKPOINT_DIR`: the folder each subgraph appends its checkpoints to, for the operator to archive. */
  readonly auditCheckpointDir: string;
  /** `AUDIT_RETENTION_DAYS`: how long audit entries are kept before `npm run audit:purge` may remove them. */
  readonly auditRetentionDays: number;
}

/** `AUDIT_CHECKPOINT_KEYS`: a JSON array of public Ed25519 JWKs, each with its `kid`; none when unset. */
function publicJwks(env: Env, name: string): readonly JWK[] {
  const raw = read(env, name, '');
  if (!raw) return [];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${name} must be a JSON array of public JWKs`);
  }
  if (!Array.isArray(list)) throw new ConfigError(`${name} must be a JSON array of public JWKs`);
  try {
    return Object.freeze(list.map((jwk) => parseJwk(JSON.stringify(jwk), name, false)));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}


export function loadSubgraphConfig(name: SubgraphName, env: Env = process.env): SubgraphConfig {
  const prefix = name.toUpperCase();
  const databaseVar = `${prefix}_DATABASE_URL`;
  const databaseUrl = read(env, databaseVar, `sqlite:${path.join(read(env, 'DATA_DIR', 'data'), `${name}.sqlite`)}`);
  try {
    parseDatabaseUrl(databaseUrl);
  } catch (error) {
    throw new ConfigError(`${databaseVar} ${(error as Error).message}, got "${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}"`);
  }
  return Object.freeze({
    name,
    host: listenHost(env, name),
    port: port(env, `${prefix}_PORT`, DEFAULT_PORTS[name]),
    databaseUrl,
    seedPeople: wholeNumber(env, 'SEED_PEOPLE', 2000, 0, 1_000_000),
    environment: environment(env),
    gatewayPublicJwk: jwk(env, 'GATEWAY_PUBLIC_KEY', environment(env), false),
    keysDir: keysDir(env),
    subgraphUrls: subgraphUrls(env),
    auditSecret: secret(env, 'AUDIT_SECRET', environment(env)),
    auditChainId: chainId(env),
    auditSigningJwk: jwk(env, 'AUDIT_SIGNING_KEY', environment(env), true) as PrivateJwk | null,
    auditCheckpointKeys: publicJwks(env, 'AUDIT_CHECKPOINT_KEYS'),
    auditCheckpointIntervalMs: wholeNumber(env, 'AUDIT_CHECKPOINT_INTERVAL_MS', 15 * 60_000, 0, 24 * 60 * 60_000),
    auditCheckpointDir: read(env, 'AUDIT_CHECKPOINT_DIR', path.join(read(env, 'DATA_DIR', 'data'), 'audit-checkpoints')),
    // Ten years by default; docs/audit-policy.md says why, and that the personuppgiftsansvarig sets it.
    auditRetentionDays: wholeNumber(env, 'AUDIT_RETENTION_DAYS', 3650, 1, 36_500),
  });
}

export interface GatewayConfig {
  /** `GATEWAY_HOST` or `HOST`: address to listen on. */
  readonly host: string;
  /** `GATEWAY_PORT`: port to listen on. */
  readonly port: number;
  /** `SUPERGRAPH_PATH`: the composed supergraph SDL to serve. */
  readonly supergraphPath: string;
  /** `STADSDEL_URL`, `JOBBTORG_URL`, `PARTNERS_URL`: each subgraph's GraphQL endpoint. */
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** `SUBGRAPH_TIMEOUT_MS`: how long one subgraph fetch may take. */
  readonly subgraphTimeoutMs: number;
  /** `GATEWAY_STARTUP_TIMEOUT_MS`: how long to wait at start for every subgraph to answer. */
  readonly startupTimeoutMs: number;
  /** `APP_ENV`: development or production. */
  readonly environment: AppEnvironment;
  /**
   * `AUTH_ISSUER`, `AUTH_AUDIENCE`, `AUTH_JWKS_URL`: whose bearer tokens are accepted. In
   * development without `AUTH_JWKS_URL`, the local development issuer (`npm run token`).
   */
  readonly auth: { readonly issuer: string; readonly audience: string; readonly jwksUrl: string | null };
  /** `GATEWAY_SIGNING_KEY`: the private JWK the gateway signs forwarded identity with; null in development (key file). */
  readonly signingJwk: PrivateJwk | null;
  /** `DATA_DIR`/keys: where development keys live. */
  readonly keysDir: string;
  /**
   * `CORS_ORIGINS`: the browser origins that may call the gateway in production, e.g. the
   * desk's (`https://desk.stad.example`), comma-separated; none by default. Development allows any.
   */
  readonly corsOrigins: readonly string[];
  /** `TRUST_PROXY`: which proxies in front of the gateway may name the client (`X-Forwarded-For`); see `trustedProxies`. */
  readonly trustProxy: TrustedProxies;
  /**
   * `RATE_LIMIT_CALLER_PER_MINUTE` (300), `RATE_LIMIT_ORGANISATION_PER_MINUTE` (3 000): the
   * points (root fields) one caller and one organisation may spend a minute; `REDIS_URL`: the
   * Redis the replicas share them in, else each process keeps its own; `RATE_LIMIT_ON_REDIS_FAILURE`
   * (`open`): whether requests are answered (`open`) or refused (`closed`) while Redis is unreachable.
   */
  readonly rateLimits: {
    readonly callerPerMinute: number;
    readonly organisationPerMinute: number;
    readonly redisUrl: string | null;
    readonly onRedisFailure: 'open' | 'closed';
  };
}

/** Comma-separated web origins (`https://host[:port]`, nothing after), each checked. */
function origins(env: Env, name: string): readonly string[] {
  const list = read(env, name, '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of list) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`${name} must list web origins like https://desk.example.se, got "${origin}"`);
    }
  }
  return Object.freeze(list);
}

/**
 * Express's `trust proxy`: a number of proxy hops, or the proxies' addresses (IP or CIDR,
 * or `loopback`, `linklocal`, `uniquelocal`). None by default: a client's own
 * `X-Forwarded-For` must not choose the address the audit log records.
 */
export type TrustedProxies = number | readonly string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustedProxies(env: Env): TrustedProxies {
  const raw = read(env, 'TRUST_PROXY', '').trim();
  if (/^\d{1,2}$/.test(raw) || raw === '') return raw === '' ? 0 : Number(raw);
  const list = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of list) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixFits = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && !(family && prefixFits && rest.length === 0)) {
      throw new ConfigError(`TRUST_PROXY must be a number of proxies or a list of addresses (10.0.0.0/8, loopback…), got "${entry}"`);
    }
  }
  return Object.freeze(list);
}

/** `REDIS_URL`, a `redis:` or `rediss:` URL; null when unset. */
function redisUrl(env: Env): string | null {
  const raw = read(env, 'REDIS_URL', '');
  if (!raw) return null;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got "${raw.replace(/\/\/[^@]*@/, '//…@')}"`);
  return raw;
}

function redisFailure(env: Env): 'open' | 'closed' {
  const value = read(env, 'RATE_LIMIT_ON_REDIS_FAILURE', 'open');
  if (value !== 'open' && value !== 'closed') throw new ConfigError(`RATE_LIMIT_ON_REDIS_FAILURE must be open or closed, got "${value}"`);
  return value;
}

export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const appEnvironment = environment(env);
  const jwksUrl = read(env, 'AUTH_JWKS_URL', '') ? httpUrl(env, 'AUTH_JWKS_URL', '') : null;
  if (appEnvironment === 'production' && (!jwksUrl || !read(env, 'AUTH_ISSUER', ''))) {
    throw new ConfigError('AUTH_JWKS_URL and AUTH_ISSUER are required when APP_ENV is production');
  }
  return Object.freeze({
    host: listenHost(env, 'gateway'),
    port: port(env, 'GATEWAY_PORT', DEFAULT_PORTS.gateway),
    supergraphPath: read(env, 'SUPERGRAPH_PATH', DEFAULT_SUPERGRAPH_PATH),
    subgraphUrls: subgraphUrls(env),
    subgraphTimeoutMs: wholeNumber(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 100, 600_000),
    startupTimeoutMs: wholeNumber(env, 'GATEWAY_STARTUP_TIMEOUT_MS', 120_000, 0, 600_000),
    environment: appEnvironment,
    auth: Object.freeze({
      issuer: read(env, 'AUTH_ISSUER', DEVELOPMENT_ISSUER),
      audience: read(env, 'AUTH_AUDIENCE', DEFAULT_AUDIENCE),
      jwksUrl,
    }),
    signingJwk: jwk(env, 'GATEWAY_SIGNING_KEY', appEnvironment, true) as PrivateJwk | null,
    keysDir: keysDir(env),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    trustProxy: trustedProxies(env),
    rateLimits: Object.freeze({
      callerPerMinute: wholeNumber(env, 'RATE_LIMIT_CALLER_PER_MINUTE', 300, 1, 1_000_000),
      organisationPerMinute: wholeNumber(env, 'RATE_LIMIT_ORGANISATION_PER_MINUTE', 3_000, 1, 10_000_000),
      redisUrl: redisUrl(env),
      onRedisFailure: redisFailure(env),
    }),
  });
}

/** The services, by the names their logs, metrics and traces carry. */
export type ServiceName = SubgraphName | 'gateway';

/** Default port of each service's `/metrics`, apart from its API so that API clients never reach it. */
export const DEFAULT_METRICS_PORTS: Record<ServiceName, number> = {
  gateway: 9400,
  stadsdel: 9401,
  jobbtorg: 9402,
  partners: 9403,
};

/** `<NAME>_METRICS_PORT`: where the service serves `/metrics`; `off`: nowhere (null). */
export function loadMetricsPort(name: ServiceName, env: Env = process.env): number | null {
  const variable = `${name.toUpperCase()}_METRICS_PORT`;
  if (read(env, variable, '') === 'off') return null;
  return port(env, variable, DEFAULT_METRICS_PORTS[name]);
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LogConfig {
  /** `LOG_LEVEL` (info): the least severe level written. */
  readonly level: LogLevel;
  /** `LOG_FORMAT` (json): JSON lines, or `pretty`, one readable line each, for development. */
  readonly format: 'json' | 'pretty';
}

export function loadLogConfig(env: Env = process.env): LogConfig {
  const level = read(env, 'LOG_LEVEL', 'info') as LogLevel;
  if (!LOG_LEVELS.includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  const format = read(env, 'LOG_FORMAT', 'json');
  if (format !== 'json' && format !== 'pretty') throw new ConfigError(`LOG_FORMAT must be json or pretty, got "${format}"`);
  return Object.freeze({ level, format });
}
