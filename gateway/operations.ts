import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServerOptions, BaseContext } from '@apollo/server';
import { ASTNode, DocumentNode, FieldNode, getOperationAST, Kind, parse, print, visit } from 'graphql';
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
  /**
   * The id standard clients send as `extensions.persistedQuery.sha256Hash`: the sha256 of
   * the document as Apollo Client and urql print it — parsed, `__typename` added to every
   * selection set below the root, printed by graphql-js (`typedDocumentOf`). The
   * manifest's id.
   */
  id: string;
  /** The file, relative to `OPERATIONS_DIR`. */
  file: string;
  /** The operation's name (the file is named after it). */
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The file as written, comments and all, for review. */
  text: string;
  /** The document whose sha256 is `id`: what the manifest publishes and a client sends. */
  body: string;
  /** The agency whose folder holds the file. */
  kind: OrganisationKind;
  /** Who may run it: every agency whose folder holds the same document (shared by those files). */
  kinds: OrganisationKind[];
}

/**
 * The registered operations, each findable by the two ids a client may compute: the one
 * with `__typename` added (Apollo Client, urql, the manifest) and the one of the plain
 * printed document (a client that adds nothing, e.g. a script sending the file's text).
 * Both are hashes of the normalised document, so layout and comments never matter.
 */
export interface OperationRegistry {
  /** One a file, in folder and file order. */
  readonly operations: readonly RegisteredOperation[];
  /** The operation `id` names, and the document text that hashes to it. */
  find(id: string): { operation: RegisteredOperation; document: string } | undefined;
}

/** The sha256 of a document's text, hex, as Apollo's persisted queries compute it. */
export function operationId(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A document as Apollo Client (and urql) send it: `__typename` added to every selection
 * set that is not an operation's root, selects no `__`-field already (`__typename` or
 * introspection) and is not `@export`ed, then printed — the rules of Apollo Client's
 * `addTypenameToDocument`, checked against it on every registered operation.
 */
export function typedDocumentOf(document: DocumentNode): string {
  const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
  const typed = visit(document, {
    SelectionSet(node, _key, parent) {
      if (parent && !Array.isArray(parent) && (parent as ASTNode).kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))) return undefined;
      const field = parent && !Array.isArray(parent) && (parent as ASTNode).kind === Kind.FIELD ? (parent as FieldNode) : null;
      if (field?.directives?.some((d) => d.name.value === 'export')) return undefined;
      return { ...node, selections: [...node.selections, typename] };
    },
  });
  return print(typed);
}

/** Every `.graphql` file of every partner folder. A missing folder registers nothing. */
export function loadRegisteredOperations(dir: string = OPERATIONS_DIR): OperationRegistry {
  const byId = new Map<string, { operation: RegisteredOperation; document: string }>();
  const operations: RegisteredOperation[] = [];
  for (const [kind, folder] of Object.entries(PARTNER_FOLDERS) as [OrganisationKind, string][]) {
    const kindDir = path.join(dir, folder);
    if (!fs.existsSync(kindDir)) continue;
    for (const file of fs.readdirSync(kindDir).filter((f) => f.endsWith('.graphql')).sort()) {
      const text = fs.readFileSync(path.join(kindDir, file), 'utf8');
      const document = parse(text, { noLocation: true });
      const body = typedDocumentOf(document);
      const definition = getOperationAST(document);
      if (!definition?.name) throw new Error(`operations/partners/${folder}/${file} must hold one named operation`);
      // The same document in several agencies' folders is one operation they may all run.
      const known = byId.get(operationId(body));
      if (known) known.operation.kinds.push(kind);
      const operation: RegisteredOperation = {
        id: operationId(body),
        file: path.join(folder, file),
        name: definition.name.value,
        type: definition.operation,
        text,
        body,
        kind,
        kinds: known?.operation.kinds ?? [kind],
      };
      operations.push(operation);
      if (known) continue;
      byId.set(operation.id, { operation, document: body });
      const plain = print(document);
      byId.set(operationId(plain), { operation, document: plain });
    }
  }
  return { operations, find: (id) => byId.get(id) };
}

/**
 * The manifest a partner agency's client is built with, in Apollo's persisted query manifest
 * format (`@apollo/generate-persisted-query-manifest` writes the same): the agency's
 * operations with the ids and bodies standard clients send.
 */
export function persistedQueryManifest(registry: OperationRegistry, kind: OrganisationKind): object {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: registry.operations.filter((o) => o.kind === kind).map(({ id, name, type, body }) => ({ id, name, type, body })),
  };
}

/** Where an agency's manifest is published, beside its operations. */
export function manifestPath(kind: OrganisationKind, dir: string = OPERATIONS_DIR): string {
  return path.join(dir, PARTNER_FOLDERS[kind]!, 'persisted-query-manifest.json');
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

/** The id of a document sent as text: its printed form's, so layout and comments do not count; none if it does not parse. */
function idOfText(query: string, maxTokens: number): string | undefined {
  try {
    return operationId(print(parse(query, { noLocation: true, maxTokens })));
  } catch {
    return undefined;
  }
}

/**
 * Throws OPERATION_NOT_REGISTERED unless `organisation` may run what `request` asks: any
 * operation for the city's own organisations, a registered one of its own for a partner.
 * A text sent decides (parsed within `maxTokens`, so an oversized one is refused unread;
 * Apollo then checks that a hash sent with it matches); otherwise the hash.
 */
export function admitOperation(registry: OperationRegistry, organisation: Organisation, request: unknown, maxTokens = 2000): void {
  const { kind } = organisation;
  if (!PARTNER_FOLDERS[kind]) return;
  // A batch (an array) is refused whole: Apollo does not accept batches here either.
  const asked = (Array.isArray(request) ? {} : ((request ?? {}) as RequestedOperation));
  const id = typeof asked.query === 'string' && asked.query !== '' ? idOfText(asked.query, maxTokens) : persistedHash(asked.extensions);
  const registered = id === undefined ? undefined : registry.find(id)?.operation;
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
      return (hash && registry.find(hash)?.document) ?? remembered.get(key);
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
