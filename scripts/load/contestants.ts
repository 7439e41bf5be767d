import path from 'node:path';
import { developmentIssuerKey, mintToken, TokenClaims } from '../../lib/auth/development';
import { SubgraphName } from '../../lib/config';
import { outcomeOf, poolFor, postJson, Send } from './driver';
import { floorSender, recordPlan } from './floor';
import { LOAD_CALLER, LoadOperation } from './operations';
import { freePort, LoadProcess, LoadStack } from './processes';

/**
 * Who `npm run bench:load` measures, on one stack: our gateway (gateway/index.ts, as
 * `npm start` runs it), the stock gateway (stock-gateway.ts) and the floor (floor.ts).
 */

export interface Contestant {
  name: string;
  /** The process whose RSS is its own; none for the floor, which is the subgraphs alone. */
  process?: LoadProcess;
  /** A sender of `operation` at up to `connections` at once. */
  sender(operation: LoadOperation, connections: number): Promise<{ send: Send; close: () => Promise<void> }>;
}

/** A gateway contestant: the same POST with the same caller token to its URL. */
export function gatewayContestant(name: string, process: LoadProcess, token: string): Contestant {
  return {
    name,
    process,
    async sender(operation, connections) {
      const pool = poolFor(process.url, connections);
      const body = JSON.stringify({ query: operation.query, variables: operation.variables });
      const headers = { authorization: `Bearer ${token}` };
      return { send: async () => outcomeOf(await postJson(pool, process.url, body, headers)), close: () => pool.close() };
    },
  };
}

export interface Contestants {
  ours: Contestant;
  stock: Contestant;
  floor: Contestant;
  /** The caller's token, which our gateway verifies. */
  token: string;
}

/** Our gateway as `npm start` runs it, on `stack`; `nodeArgs` go to its Node (e.g. --cpu-prof). */
export function startOurGateway(stack: LoadStack, nodeArgs: string[] = []): Promise<LoadProcess> {
  return freePort().then((port) => stack.startProcess('gateway', ['gateway/index.ts'], { GATEWAY_PORT: String(port) }, nodeArgs));
}

/** A token our gateway accepts for `claims`, from the stack's development issuer. */
export async function loadToken(stack: LoadStack, claims: TokenClaims = LOAD_CALLER): Promise<string> {
  return mintToken(await developmentIssuerKey(path.join(stack.dataDir, 'keys')), claims);
}

/** Starts both gateways on `stack` and returns the three contestants. `nodeArgs` go to our gateway (e.g. --cpu-prof). */
export async function startContestants(stack: LoadStack, nodeArgs: string[] = []): Promise<Contestants> {
  const ourGateway = await startOurGateway(stack, nodeArgs);
  const stockGateway = await stack.startProcess('stock', ['scripts/load/stock-gateway.ts'], { GATEWAY_PORT: String(await freePort()) });
  const keysDir = path.join(stack.dataDir, 'keys');
  const token = await loadToken(stack);
  const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([n, p]) => [n, p.url])) as Record<SubgraphName, string>;
  const floor: Contestant = {
    name: 'floor',
    async sender(operation, connections) {
      const stages = await recordPlan(path.join('schema', 'supergraph.graphql'), subgraphUrls, keysDir, operation);
      return floorSender(stages, keysDir, connections);
    },
  };
  return { ours: gatewayContestant('ours', ourGateway, token), stock: gatewayContestant('stock', stockGateway, token), floor, token };
}
