import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { signInternalToken } from '../../lib/auth/internal-token';
import { developmentKey, signingKeyOf } from '../../lib/auth/keys';
import { parseOrganisation } from '../../lib/auth/organisations';
import { loadGatewayConfig, SubgraphName } from '../../lib/config';
import { LOAD_CALLER } from './operations';

/**
 * The stock contestant of `npm run bench:load`: `@apollo/gateway` in `@apollo/server`'s
 * standalone HTTP server, no plugins, nothing verified or limited, and only what the
 * subgraphs need to answer at all — the gateway's signed identity, signed for every fetch as
 * a plain `RemoteGraphQLDataSource` hook would, naming the bench's one caller. What our
 * gateway costs beyond this is what its checks and its HTTP front cost.
 */

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const signingKey = await signingKeyOf(await developmentKey(config.keysDir, 'gateway'));
  const organisation = parseOrganisation(LOAD_CALLER.org)!;
  const scopes = (LOAD_CALLER.scope ?? '').split(' ');
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource({
        url: config.subgraphUrls[name as SubgraphName],
        async willSendRequest({ request }) {
          const caller = { organisation, user: LOAD_CALLER.sub, scopes, requestId: randomUUID(), operationName: null, purpose: null, caseReference: null };
          request.http!.headers.set('authorization', `Bearer ${await signInternalToken(signingKey, caller)}`);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: config.port, host: '127.0.0.1' } });
  console.log(`stock gateway: ready at ${url}graphql`);
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

main().catch((error: Error) => {
  console.error(`stock gateway: cannot start: ${error.stack ?? error.message}`);
  process.exit(1);
});
