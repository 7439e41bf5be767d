import { once } from 'node:events';
import { ApolloServerPlugin } from '@apollo/server';
import Redis from 'ioredis';
import { DocumentNode, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { formatOrganisation } from '../lib/auth/organisations';
import { rateLimited, rateLimitUnavailable } from '../lib/errors';
import { Caller } from '../lib/identity';
import { Logger } from '../lib/logging';
import { forEachSelection, fragmentsOf } from './cost';
import { OperationMemo } from './operation-memo';

/**
 * How much one caller, and one organisation, may ask of the gateway a minute, counted in
 * points: an operation costs one point a root field, aliases and fragments counted, so 50
 * operations of 20 aliases each spend what 1 000 plain ones do. A request over a budget is
 * answered 429 `RATE_LIMITED` with `Retry-After` after validation and before any subgraph
 * is called. The budgets live in this process (rate-limiter-flexible's memory store) unless
 * `redisUrl` names a Redis, which every replica of the gateway then shares.
 */
export interface RateLimits {
  /**
   * Points one caller (organisation and user) may spend a minute (`RATE_LIMIT_CALLER_PER_MINUTE`).
   * Default 300: a desk screen asks a handful of root fields; five a second, sustained for a
   * minute, is a script.
   */
  callerPerMinute: number;
  /**
   * Points one organisation's callers together may spend a minute (`RATE_LIMIT_ORGANISATION_PER_MINUTE`).
   * Default 3 000: ten callers at their limit, so that one agency cannot spend the gateway for all.
   */
  organisationPerMinute: number;
  /** `REDIS_URL`: the Redis the replicas share the budgets in; null keeps them in this process. */
  redisUrl: string | null;
  /**
   * `RATE_LIMIT_ON_REDIS_FAILURE`: what a request gets while Redis cannot be reached, logged
   * when it starts and when it ends. `open` answers it unlimited, `closed` refuses it, 503
   * `RATE_LIMIT_UNAVAILABLE`.
   */
  onRedisFailure: 'open' | 'closed';
  /** The prefix of the Redis keys, so that deployments (or test runs) sharing one Redis keep apart budgets. */
  keyPrefix: string;
}

export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  callerPerMinute: 300,
  organisationPerMinute: 3_000,
  redisUrl: null,
  onRedisFailure: 'open',
  keyPrefix: 'etk:rate',
});

/** How long a refusal asks a caller to wait while Redis is unreachable. */
const UNAVAILABLE_RETRY_SECONDS = 5;

/** The points `operation` costs: its root fields, through fragments, aliases each counted; at least one. */
export function pointsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 1;
  const fragments = fragmentsOf(document);
  let fields = 0;
  // Validation has refused cycles of fragments; one spread twice at the root counts twice.
  const count = (selectionSet: SelectionSetNode): void =>
    forEachSelection(schema, root, selectionSet, () => (fields += 1), (fragment) => count(fragment.selectionSet), fragments);
  count(operation.selectionSet);
  return Math.max(1, fields);
}

/** The plugin that spends each operation's points from its caller's and organisation's budgets; it closes Redis when the server stops. */
export async function rateLimitPlugin<C extends { caller: Caller }>(overrides: Partial<RateLimits>, logger: Logger): Promise<ApolloServerPlugin<C>> {
  const limits = { ...DEFAULT_RATE_LIMITS, ...overrides };
  for (const name of ['callerPerMinute', 'organisationPerMinute'] as const) {
    if (!Number.isInteger(limits[name]) || limits[name] < 1) throw new Error(`rate limit ${name} must be a positive integer, not ${limits[name]}`);
  }
  let failing = false;
  const outage = (error: Error) => {
    if (failing) return;
    failing = true;
    logger.error(`rate limit: Redis is unreachable (${error.message}); failing ${limits.onRedisFailure} until it answers again`);
  };
  const recovered = () => {
    if (!failing) return;
    failing = false;
    logger.warn('rate limit: Redis answers again; budgets are shared again');
  };
  const redis = limits.redisUrl ? await connect(limits.redisUrl, outage) : null;

  const store = (name: string, points: number): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `${limits.keyPrefix}:${name}`, points, duration: 60 })
      : new RateLimiterMemory({ keyPrefix: name, points, duration: 60 });
  const budgets = [
    { name: `${limits.callerPerMinute} points a minute for one caller`, limiter: store('caller', limits.callerPerMinute), key: (c: Caller) => `${formatOrganisation(c.organisation)}|${c.user}` },
    { name: `${limits.organisationPerMinute} points a minute for one organisation`, limiter: store('organisation', limits.organisationPerMinute), key: (c: Caller) => formatOrganisation(c.organisation) },
  ];

  const spend = async (caller: Caller, points: number): Promise<void> => {
    const results = await Promise.allSettled(budgets.map((b) => b.limiter.consume(b.key(caller), points)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes));
    if (failure) {
      outage(failure.reason instanceof Error ? failure.reason : new Error(String(failure.reason)));
      if (limits.onRedisFailure === 'closed') throw rateLimitUnavailable(UNAVAILABLE_RETRY_SECONDS);
      return;
    }
    if (redis) recovered();
    let over: { name: string; wait: number } | undefined;
    results.forEach((r, i) => {
      if (r.status !== 'rejected') return;
      const wait = Math.max(1, Math.ceil((r.reason as RateLimiterRes).msBeforeNext / 1000));
      if (!over || wait > over.wait) over = { name: budgets[i].name, wait };
    });
    if (over) throw rateLimited(over.name, over.wait);
  };

  // An operation's points depend on its document alone: counted once a document.
  const points = new OperationMemo<number>();

  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          redis?.disconnect();
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (operation) await spend(contextValue.caller, points.get(operation, '', () => pointsOf(schema, document, operation)));
        },
      };
    },
  };
}

/**
 * A Redis client that fails a command at once while disconnected (no offline queue), so an
 * outage costs a request no wait; it reconnects by itself. The first connection is awaited
 * briefly (until it is ready or fails), so that a replica that starts with Redis answers its
 * first request from it.
 */
async function connect(url: string, onError: (error: Error) => void): Promise<Redis> {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  redis.on('error', onError);
  await Promise.race([once(redis, 'ready'), once(redis, 'error'), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]).catch(() => undefined);
  return redis;
}
