import fs from 'node:fs';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DocumentNode, parse } from 'graphql';
import { Knex } from 'knex';
import { checkpointChains } from './audit/checkpoint';
import { checkpointSignerFor } from './audit/checkpoint-keys';
import { scheduleCheckpoints } from './audit/checkpoint-schedule';
import { auditPersonRecords, auditWriteActions, RecordPolicy, WriteActions } from './audit/instrument';
import { AuditChain, processChainId } from './audit/log';
import { AuditRecorder, auditPlugin } from './audit/recorder';
import { internalVerifier, InternalVerifier } from './auth/internal-token';
import { enforceRecordScopes, RecordScopeAccess, ScopePolicy } from './auth/scopes';
import { developmentKey, developmentSecret, publicJwkOf } from './auth/keys';
import { AppEnvironment, ConfigError, loadLogConfig, loadMetricsPort, loadSubgraphConfig, SubgraphName } from './config';
import { createDb, ensureMysqlDatabase } from './db';
import { unauthenticated } from './errors';
import { Caller } from './identity';
import { consoleLogger, Logger, redact } from './logging';
import { migrateToLatest, Migrations } from './migrations';
import { buildService, listen, listenForMetrics, Service } from './service';
import { ServiceMetrics } from './telemetry/metrics';

/** Reads a subgraph's SDL file, the source of truth for its schema. */
export function loadTypeDefs(schemaPaths: readonly string[]): DocumentNode {
  return parse(schemaPaths.map((file) => fs.readFileSync(file, 'utf8')).join('\n'));
}

/** What a subgraph process is given besides its database: its environment and its peers. */
export interface SubgraphRuntime {
  environment: AppEnvironment;
  /** Checks that a request carries the gateway's signed identity. */
  verifier: InternalVerifier;
  /** Every subgraph's URL, for a write that needs facts another subgraph owns. */
  subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** The secret the audit log hashes personnummer with. */
  auditSecret: string;
  /** The audit chain this process appends to (`AUDIT_CHAIN_ID`); null or absent: its own, `host:pid`. */
  auditChainId?: string | null;
  /** Where the subgraph logs (`LOG_LEVEL`, `LOG_FORMAT`); default warnings and errors on the console. */
  logger?: Logger;
}

/** What one request brings to a subgraph's context function. */
export interface RequestScope {
  db: Knex;
  /** Who is asking, as the gateway verified it. */
  caller: Caller;
  /** The gateway's token for this request, passed on unchanged when asking a peer subgraph. */
  gatewayToken: string;
  subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** This request's audit entries, written before the response leaves. */
  audit: AuditRecorder;
}

export interface SubgraphServiceOptions<C> {
  name: SubgraphName;
  typeDefs: DocumentNode;
  resolvers: unknown;
  db: Knex;
  createContext: (scope: RequestScope) => C;
  /** The types that hold records about people: every read and write of them is audited, and needs its scope. */
  recordPolicy: RecordPolicy;
  /** The root queries that read no one's records (the rest need `records:read`). */
  scopePolicy: ScopePolicy;
  /** Whether each mutation creates or updates, for the audit log. */
  writeActions: WriteActions;
  runtime: SubgraphRuntime;
}

/**
 * The caller named by the gateway's token in `Authorization`. Anything else — no token, a
 * token the gateway did not sign, one past its lifetime — is refused before any resolver runs.
 */
export async function authenticateGatewayRequest(
  authorization: string | undefined,
  verifier: InternalVerifier,
): Promise<{ caller: Caller; gatewayToken: string }> {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) throw unauthenticated('subgraphs answer only requests signed by the gateway');
  try {
    return { caller: await verifier.verify(token), gatewayToken: token };
  } catch {
    throw unauthenticated('subgraphs answer only requests signed by the gateway');
  }
}

/** What every subgraph's context holds: the request's audit entries and an access module that checks the records scopes. */
export interface SubgraphContext {
  audit: AuditRecorder;
  access: RecordScopeAccess;
}

/** A subgraph's HTTP service over its own database. Builds, never listens. */
export async function buildSubgraphService<C extends SubgraphContext>(options: SubgraphServiceOptions<C>): Promise<Service> {
  // The scope check wraps the audit note, so a field refused for want of a scope is logged as DENIED only;
  // the write's action wraps both, so a refused write is logged as the write it was.
  const schema = auditWriteActions(
    enforceRecordScopes(
      auditPersonRecords(buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }), options.recordPolicy),
      options.recordPolicy,
      options.scopePolicy,
    ),
    options.writeActions,
  );
  const { environment, verifier, subgraphUrls, auditSecret, auditChainId, logger } = options.runtime;
  const metrics = new ServiceMetrics(options.name);
  metrics.databasePool(options.db);
  const auditChain = new AuditChain(options.db, auditChainId ?? processChainId(), { onFlush: metrics.auditCommits() });
  await auditChain.start();
  return buildService<C>({
    name: options.name,
    metrics,
    logger,
    apollo: { schema },
    context: async ({ req }) => {
      const { caller, gatewayToken } = await authenticateGatewayRequest(req.headers.authorization, verifier);
      return options.createContext({ db: options.db, caller, gatewayToken, subgraphUrls, audit: new AuditRecorder(caller, auditSecret) });
    },
    environment,
    // Only the gateway calls a subgraph, server to server: no browser origin needs it in production.
    allowedOrigins: environment === 'development' ? 'any' : [],
    // Apollo's inline traces serve GraphOS usage reporting, which this system does not use; its
    // cache control works out a cache policy field by field, for answers no one caches (every
    // one is a person's records, for one caller).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), auditPlugin<C>(auditChain, auditSecret)],
    health: async () => {
      await options.db.raw('select 1');
      return { healthy: true };
    },
  });
}

/**
 * The `build` function of a subgraph: its SDL file, resolvers and context over whatever
 * database and environment the caller (entry point or test) chooses.
 */
export function subgraphBuilder<C extends SubgraphContext>(
  name: SubgraphName,
  schemaPaths: readonly string[],
  resolvers: unknown,
  createContext: (scope: RequestScope) => C,
  recordPolicy: RecordPolicy,
  scopePolicy: ScopePolicy,
  writeActions: WriteActions,
): (db: Knex, runtime: SubgraphRuntime) => Promise<Service> {
  const typeDefs = loadTypeDefs(schemaPaths);
  return (db, runtime) => buildSubgraphService({ name, typeDefs, resolvers, db, createContext, recordPolicy, scopePolicy, writeActions, runtime });
}

/** What a subgraph's entry point hands to `runSubgraph`. */
export interface SubgraphDefinition {
  name: SubgraphName;
  migrations: Migrations;
  /** Writes the reference data every database of the subgraph holds (districts, units, agencies), once. */
  insertReferenceData: (db: Knex) => Promise<void>;
  build: (db: Knex, runtime: SubgraphRuntime) => Promise<Service>;
}

/**
 * Made-up people for development and tests (the generator in `seed/`): handed to
 * `prepareDatabase` and `runSubgraph` by whoever wants them, never by a subgraph itself, so a
 * production entry point cannot fill a real database with them.
 */
export interface PeopleSeeder {
  /** Whether people have been seeded already (reference data alone does not count). */
  isSeeded: (db: Knex) => Promise<boolean>;
  seedPeople: (db: Knex, options: { people: number }) => Promise<void>;
}

/** Migrates, writes the reference data, seeds an empty database with people when asked, and returns the db. */
export async function prepareDatabase(
  definition: SubgraphDefinition,
  databaseUrl: string,
  seeding?: { seeder: PeopleSeeder; people: number },
): Promise<Knex> {
  await ensureMysqlDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    await migrateToLatest(db, definition.migrations);
    await definition.insertReferenceData(db);
    if (seeding && seeding.people > 0 && !(await seeding.seeder.isSeeded(db))) {
      await seeding.seeder.seedPeople(db, { people: seeding.people });
    }
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * The entry point of a subgraph process: configuration from the environment, database
 * ready, listening, and a clean stop on SIGINT/SIGTERM. Any failure is one line and exit 1.
 * With a `seeder` (the development launcher's), an empty database gets `SEED_PEOPLE` people.
 */
export async function runSubgraph(definition: SubgraphDefinition, seeder?: PeopleSeeder): Promise<void> {
  try {
    const config = loadSubgraphConfig(definition.name);
    const logging = loadLogConfig();
    const metricsPort = loadMetricsPort(definition.name);
    const started = Date.now();
    const db = await prepareDatabase(definition, config.databaseUrl, seeder && { seeder, people: config.seedPeople });
    const gatewayKey = config.gatewayPublicJwk ?? publicJwkOf(await developmentKey(config.keysDir, 'gateway'));
    const service = await definition.build(db, {
      environment: config.environment,
      verifier: await internalVerifier(gatewayKey),
      subgraphUrls: config.subgraphUrls,
      auditSecret: config.auditSecret ?? (await developmentSecret(config.keysDir, 'audit')),
      auditChainId: config.auditChainId,
      logger: consoleLogger(logging),
    });
    // Before listening, so a key that does not load stops the start.
    const signer = await checkpointSignerFor(config);
    console.log(`${definition.name}: metrics ${await listenForMetrics(service.metricsServer, metricsPort, config.host)}`);
    const { url } = await listen(service.httpServer, config.port, config.host);
    console.log(`${definition.name}: ready at ${url} (${Date.now() - started} ms)`);
    const checkpoints = scheduleCheckpoints(
      () => checkpointChains(db, { subgraph: definition.name, signer, dir: config.auditCheckpointDir }),
      config.auditCheckpointIntervalMs,
      (error) => console.error(redact(`${definition.name}: audit checkpoint failed: ${error.message}`)),
    );
    const stop = async () => {
      await service.stop();
      await checkpoints.stop();
      await db.destroy();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error);
    console.error(redact(`${definition.name}: cannot start: ${message}`));
    process.exit(1);
  }
}
