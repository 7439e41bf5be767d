// First: tracing patches http, graphql and knex as they load (lib/telemetry/register.ts).
import '../lib/telemetry/register';
import fs from 'node:fs';
import { jwksOf, developmentIssuerKey } from '../lib/auth/development';
import { developmentKey, signingKeyOf } from '../lib/auth/keys';
import { ConfigError, loadGatewayConfig, loadLogConfig, loadMetricsPort } from '../lib/config';
import { batchedLines } from '../lib/batched-output';
import { consoleLogger, redact } from '../lib/logging';
import { listen, listenForMetrics } from '../lib/service';
import { createGateway } from './gateway';
import { waitForSubgraphs } from './health';

/** The gateway process: configuration from the environment, subgraphs answering, listening. */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logging = loadLogConfig();
  const metricsPort = loadMetricsPort('gateway');
  if (!fs.existsSync(config.supergraphPath)) {
    throw new ConfigError(`SUPERGRAPH_PATH names no file: ${config.supergraphPath} (run npm run compose)`);
  }
  const supergraphSdl = fs.readFileSync(config.supergraphPath, 'utf8');
  await waitForSubgraphs(config.subgraphUrls, config.startupTimeoutMs);
  // Development stands in for the city's identity provider with a local issuer key.
  const issuerJwk = config.auth.jwksUrl ? undefined : await developmentIssuerKey(config.keysDir);
  const keys = issuerJwk ? { jwks: jwksOf(issuerJwk) } : { jwksUrl: config.auth.jwksUrl! };
  const service = await createGateway({
    ...config,
    supergraphSdl,
    authentication: { issuer: config.auth.issuer, audience: config.auth.audience, keys },
    signingKey: await signingKeyOf(config.signingJwk ?? (await developmentKey(config.keysDir, 'gateway'))),
    development: { issuerJwk },
    // One write for the lines of a turn of the event loop, not one a line: an access line a request.
    logger: consoleLogger({ ...logging, write: batchedLines() }),
  });
  console.log(`gateway: metrics ${await listenForMetrics(service.metricsServer, metricsPort, config.host)}`);
  const { url } = await listen(service.httpServer, config.port, config.host);
  console.log(`gateway: ready at ${url}`);
  const stop = async () => {
    await service.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(redact(`gateway: cannot start: ${error.message}`));
  process.exit(1);
});
