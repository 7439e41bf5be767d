import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { Pool } from 'undici';
import { signInternalToken } from '../../lib/auth/internal-token';
import { developmentKey, signingKeyOf } from '../../lib/auth/keys';
import { parseOrganisation } from '../../lib/auth/organisations';
import { SubgraphName } from '../../lib/config';
import { outcomeOf, Outcome, poolFor, postJson, Send } from './driver';
import { LOAD_CALLER, LoadOperation } from './operations';

/**
 * The floor of `npm run bench:load`: what an operation costs with no gateway at all. The
 * query plan's fetches are recorded once — each subgraph request a stock gateway sends for
 * the operation, with its entity representations, and which fetches ran side by side —
 * and then replayed straight to the subgraphs, stage after stage, with one internal token
 * signed every few seconds. That is the subgraphs' work and the hops, and nothing else.
 */

interface RecordedFetch {
  url: string;
  body: string;
}

/** Fetches that ran at once; the next stage needs their answers. */
type Stage = RecordedFetch[];

/** The fetches a stock gateway makes for `operation`, in stages. */
export async function recordPlan(supergraphPath: string, subgraphUrls: Record<SubgraphName, string>, keysDir: string, operation: LoadOperation): Promise<Stage[]> {
  const signingKey = await signingKeyOf(await developmentKey(keysDir, 'gateway'));
  const caller = internalCaller();
  const recorded: { fetch: RecordedFetch; answeredBefore: number }[] = [];
  let answered = 0;
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource({
        url: subgraphUrls[name as SubgraphName],
        fetcher: (async (url: string, init: RequestInit) => {
          recorded.push({ fetch: { url, body: String(init.body) }, answeredBefore: answered });
          const response = await fetch(url, init);
          answered += 1;
          return response;
        }) as unknown as RemoteGraphQLDataSource['fetcher'],
        async willSendRequest({ request }) {
          request.http!.headers.set('authorization', `Bearer ${await signInternalToken(signingKey, caller)}`);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  await server.start();
  try {
    const result = await server.executeOperation({ query: operation.query, variables: operation.variables });
    const body = result.body.kind === 'single' ? result.body.singleResult : undefined;
    if (!body || body.errors) throw new Error(`${operation.name}: ${JSON.stringify(body?.errors ?? 'no single result')}`);
  } finally {
    await server.stop();
  }
  // A fetch that started before any of a stage's answers came is part of that stage.
  const stages = new Map<number, Stage>();
  for (const { fetch, answeredBefore } of recorded) stages.set(answeredBefore, [...(stages.get(answeredBefore) ?? []), fetch]);
  return [...stages.keys()].sort((a, b) => a - b).map((k) => stages.get(k)!);
}

function internalCaller() {
  return {
    organisation: parseOrganisation(LOAD_CALLER.org)!,
    user: LOAD_CALLER.sub,
    scopes: (LOAD_CALLER.scope ?? '').split(' '),
    requestId: randomUUID(),
    operationName: null,
    purpose: null,
    caseReference: null,
  };
}

/** Replays `stages` against the subgraphs; a token is signed every 10 s, well inside its 30 s life. */
export async function floorSender(stages: Stage[], keysDir: string, connections: number): Promise<{ send: Send; close: () => Promise<void> }> {
  const signingKey = await signingKeyOf(await developmentKey(keysDir, 'gateway'));
  let authorization = `Bearer ${await signInternalToken(signingKey, internalCaller())}`;
  const refresh = setInterval(async () => (authorization = `Bearer ${await signInternalToken(signingKey, internalCaller())}`), 10_000);
  const pools = new Map<string, Pool>();
  for (const fetch of stages.flat()) if (!pools.has(fetch.url)) pools.set(fetch.url, poolFor(fetch.url, connections));
  const send: Send = async () => {
    for (const stage of stages) {
      const outcomes = await Promise.all(stage.map(async (f) => outcomeOf(await postJson(pools.get(f.url)!, f.url, f.body, { authorization }))));
      const failed = outcomes.find((o): o is Exclude<Outcome, 'ok'> => o !== 'ok');
      if (failed) return failed;
    }
    return 'ok';
  };
  return {
    send,
    close: async () => {
      clearInterval(refresh);
      await Promise.all([...pools.values()].map((p) => p.close()));
    },
  };
}
