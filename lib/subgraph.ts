import fs from 'node:fs';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DocumentNode, parse } from 'graphql';
import { Knex } from 'knex';
import { AppEnvironment, ConfigError, loadSubgraphConfig, SubgraphName } from './config';
import { createDb, ensureMysqlDatabase } from './db';
import { migrateToLatest, Migrations } from './migrations';
import { buildService, listen, Service } from './service';

/** Reads a subgraph's SDL file, the source of truth for its schema. */
export function loadTypeDefs(schemaPath: string): DocumentNode {
  return parse(fs.readFileSync(schemaPath, 'utf8'));
}

export interface SubgraphServiceOptions<C> {
  typeDefs: DocumentNode;
  resolvers: unknown;
  db: Knex;
  createContext: (db: Knex) => C;
  environment: AppEnvironment;
}

/** A subgraph's HTTP service over its own database. Builds, never listens. */
export function buildSubgraphService<C extends object>(options: SubgraphServiceOptions<C>): Promise<Service> {
  const schema = buildSubgraphSchema({
    typeDefs: options.typeDefs,
    resolvers: options.resolvers as GraphQLResolverMap<unknown>,
  });
  return buildService<C>({
    apollo: { schema },
    context: async () => options.createContext(options.db),
    environment: options.environment,
    // Apollo's inline traces serve GraphOS usage reporting, which this system does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
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
export function subgraphBuilder<C extends object>(
  schemaPath: string,
  resolvers: unknown,
  createContext: (db: Knex) => C,
): (db: Knex, environment: AppEnvironment) => Promise<Service> {
  const typeDefs = loadTypeDefs(schemaPath);
  return (db, environment) => buildSubgraphService({ typeDefs, resolvers, db, createContext, environment });
}

/** What a subgraph's entry point hands to `runSubgraph`. */
export interface SubgraphDefinition {
  name: SubgraphName;
  migrations: Migrations;
  seedReferenceData: (db: Knex) => Promise<void>;
  isSeeded: (db: Knex) => Promise<boolean>;
  seedPeople: (db: Knex, options: { people: number }) => Promise<void>;
  build: (db: Knex, environment: AppEnvironment) => Promise<Service>;
}

/** Migrates, seeds an empty database (reference data always, people when asked), and returns the db. */
export async function prepareDatabase(definition: SubgraphDefinition, databaseUrl: string, seedPeople: number): Promise<Knex> {
  await ensureMysqlDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    await migrateToLatest(db, definition.migrations);
    await definition.seedReferenceData(db);
    if (seedPeople > 0 && !(await definition.isSeeded(db))) {
      await definition.seedPeople(db, { people: seedPeople });
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
 */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  try {
    const config = loadSubgraphConfig(definition.name);
    const started = Date.now();
    const db = await prepareDatabase(definition, config.databaseUrl, config.seedPeople);
    const service = await definition.build(db, config.environment);
    const { url } = await listen(service.httpServer, config.port, config.host);
    console.log(`${definition.name}: ready at ${url} (${Date.now() - started} ms)`);
    const stop = async () => {
      await service.stop();
      await db.destroy();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error);
    console.error(`${definition.name}: cannot start: ${message}`);
    process.exit(1);
  }
}
