import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServerOptions, BaseContext } from '@apollo/server';
import { Organisation, OrganisationKind } from '../lib/auth/organisations';
import { operationNotRegistered } from '../lib/errors';

/**
 * Registered operations. The operations partner agencies run live as `.graphql` files
 * under `operations/partners/<agency>/`, reviewed like code. In production an agency's
 * user may run only its agency's files — sent as the exact text, or by the text's sha256
 * as an Apollo persisted query (`extensions.persistedQuery.sha256Hash`, no `query`
 * needed) — so a leaked partner token cannot explore the graph or ask new questions.
 * The city's own organisations (districts, Jobbtorg, city functions) may run any
 * operation. The refusal happens in the context function, with the identity, before the
 * document is even parsed; no subgraph is called.
 */

/** Where the registered operations live: a folder per partner kind. */
export const OPERATIONS_DIR = path.join(__dirname, '..', 'operations', 'partners');

/** The organisation kinds held to registered operations, and each one's folder under `OPERATIONS_DIR`. */
export const PARTNER_FOLDERS: Readonly<Partial<Record<OrganisationKind, string>>> = Object.freeze({
  AF: 'af',
  MIGRATIONSVERKET: 'migrationsverket',
  SFI: 'sfi',
  PROVIDER: 'provider',
});

export interface RegisteredOperation {
  /** The sha256 of the file's text, hex: what a client sends as the persisted query hash. */
  id: string;
  /** The file, relative to `OPERATIONS_DIR`. */
  file: string;
  text: string;
  /** Who may run it. */
  kinds: OrganisationKind[];
}

export type OperationRegistry = ReadonlyMap<string, RegisteredOperation>;

/** The id of an operation's text, as Apollo's persisted queries compute it. */
export function operationId(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Every `.graphql` file of every partner folder, by id. A missing folder registers nothing. */
export function loadRegisteredOperations(dir: string = OPERATIONS_DIR): OperationRegistry {
  const registry = new Map<string, RegisteredOperation>();
  for (const [kind, folder] of Object.entries(PARTNER_FOLDERS) as [OrganisationKind, string][]) {
    const kindDir = path.join(dir, folder);
    if (!fs.existsSync(kindDir)) continue;
    for (const name of fs.readdirSync(kindDir).filter((f) => f.endsWith('.graphql')).sort()) {
      const text = fs.readFileSync(path.join(kindDir, name), 'utf8');
      const id = operationId(text);
      const known = registry.get(id);
      if (known) known.kinds.push(kind);
      else registry.set(id, { id, file: path.join(folder, name), text, kinds: [kind] });
    }
  }
  return registry;
}

/** What a request asks to run, from a POST body or a GET query string; the rest is not read. */
interface RequestedOperation {
  query?: unknown;
  extensions?: unknown;
}

function persistedHash(extensions: unknown): string | undefined {
  let value = extensions;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value); // a GET request carries extensions as JSON text
    } catch {
      return undefined;
    }
  }
  const hash = (value as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash.toLowerCase() : undefined;
}

/**
 * Throws OPERATION_NOT_REGISTERED unless `organisation` may run what `request` asks: any
 * operation for the city's own organisations, a registered one of its own for a partner.
 * The text decides when it is sent (Apollo then checks that a hash sent with it matches);
 * otherwise the hash.
 */
export function admitOperation(registry: OperationRegistry, organisation: Organisation, request: unknown): void {
  const { kind } = organisation;
  if (!PARTNER_FOLDERS[kind]) return;
  // A batch (an array) is refused whole: Apollo does not accept batches here either.
  const asked = (Array.isArray(request) ? {} : ((request ?? {}) as RequestedOperation));
  const id = typeof asked.query === 'string' && asked.query !== '' ? operationId(asked.query) : persistedHash(asked.extensions);
  const registered = id === undefined ? undefined : registry.get(id);
  if (!registered?.kinds.includes(kind)) throw operationNotRegistered(kind, PARTNER_FOLDERS[kind]!);
}

type PersistedQueryCache = NonNullable<Exclude<ApolloServerOptions<BaseContext>['persistedQueries'], false | undefined>['cache']>;

/**
 * Apollo's persisted-query cache with the registered operations always in it, so a client
 * may send only the hash of one. Other operations are remembered as Apollo's own cache
 * would (automatic persisted queries), at most `capacity`, oldest first out.
 */
export function registeredQueryCache(registry: OperationRegistry, capacity = 1000): PersistedQueryCache {
  const remembered = new Map<string, string>();
  // Apollo prefixes its keys (`apq:`); the hash is what ends the key.
  const hashOf = (key: string) => /[0-9a-f]{64}$/.exec(key)?.[0];
  return {
    async get(key) {
      const hash = hashOf(key);
      return (hash && registry.get(hash)?.text) ?? remembered.get(key);
    },
    async set(key, value) {
      remembered.delete(key);
      remembered.set(key, value);
      if (remembered.size > capacity) remembered.delete(remembered.keys().next().value!);
    },
    async delete(key) {
      return remembered.delete(key);
    },
  };
}
