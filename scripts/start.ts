import { ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import { developmentIssuerKey, mintToken } from '../lib/auth/development';
import { PERSONAS } from '../lib/auth/personas';
import { ConfigError, loadGatewayConfig, SUBGRAPH_NAMES } from '../lib/config';
import { BuildOutcome, DESK_BUILD, ensureBuilt, GRAPHIQL_BUILD } from './web-builds';
import { SERVICE_NODE_FLAGS } from './service-flags';

/**
 * `npm start`: the three subgraphs and the gateway as four processes, as they would run on
 * separate hosts, configured by the same environment. In development it first builds the
 * desk and GraphiQL where they are missing or stale (scripts/web-builds.ts), while the
 * services start. Prints the URLs once the gateway is ready; Ctrl-C stops all four; if one
 * dies, the others are stopped too.
 */

const started = Date.now();
const services = [
  ...SUBGRAPH_NAMES.map((name) => ({ name, args: ['scripts/start-subgraph.ts', name] })),
  { name: 'gateway', args: ['gateway/index.ts'] },
];
const children: ChildProcess[] = [];
let stopping = false;
const development = isDevelopment();

/** The gateway's GraphQL URL, once its process says it listens. */
let gatewayReady: (url: string) => void;
const gatewayUrl = new Promise<string>((resolve) => (gatewayReady = resolve));

function prefixLines(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void {
  readline.createInterface({ input: stream }).on('line', (line) => {
    out.write(`[${name.padEnd(8)}] ${line}\n`);
    if (name === 'gateway' && line.startsWith('gateway: ready at ')) gatewayReady(line.slice('gateway: ready at '.length));
  });
}

/** Whether the pages are served; a configuration fault is the gateway's to name when it starts, in one line. */
function isDevelopment(): boolean {
  try {
    return loadGatewayConfig().environment === 'development';
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

function builder(name: string): (line: string) => void {
  return (line) => process.stdout.write(`[${name.padEnd(8)}] ${line}\n`);
}

/** The desk and GraphiQL, built one after the other (two cores, and the subgraphs are seeding). */
async function buildPages(): Promise<{ desk: BuildOutcome; graphiql: BuildOutcome } | null> {
  if (!development) return null;
  const graphiql = await ensureBuilt(GRAPHIQL_BUILD, builder('graphiql'));
  const desk = await ensureBuilt(DESK_BUILD, builder('desk'));
  return { desk, graphiql };
}

/** What to open, once the gateway answers and the pages are built. */
async function readyMessage(url: string, pages: { desk: BuildOutcome; graphiql: BuildOutcome } | null): Promise<string> {
  const readyIn = ((Date.now() - started) / 1000).toFixed(1);
  const origin = new URL(url).origin;
  const shown = (outcome: BuildOutcome, page: string, what: string, script: string) =>
    outcome === 'fresh' || outcome === 'built' ? `${page}   ${what}` : `not built: run npm run ${script}`;
  const pageLines = pages
    ? `  The desk:  ${shown(pages.desk, `${origin}/`, '(sign in as a persona)', DESK_BUILD.script)}\n` +
      `  GraphiQL:  ${shown(pages.graphiql, `${origin}/graphiql/`, '(works offline; pick a persona on its left)', GRAPHIQL_BUILD.script)}\n` +
      `  Sandbox:   ${url}   (Apollo's explorer, needs the internet)\n`
    : '';
  return `\nThe supergraph is ready in ${readyIn} s: ${url}\n${pageLines}Ctrl-C stops all four services.\n${await developmentTokens()}\n`;
}

/**
 * In development, a ready bearer token per typical role, so Sandbox works at once: paste one
 * as the `Authorization` header. Nothing in production, where the identity provider issues them.
 */
async function developmentTokens(): Promise<string> {
  const config = loadGatewayConfig();
  if (config.environment !== 'development' || config.auth.jwksUrl) return '';
  const key = await developmentIssuerKey(config.keysDir);
  const lines = await Promise.all(
    Object.entries(PERSONAS).map(
      async ([name, persona]) => `\n  ${persona.title} (${persona.org}; npm run token -- --persona ${name}):\n    Bearer ${await mintToken(key, persona)}\n`,
    ),
  );
  return `\nDevelopment tokens, valid 8 hours (Sandbox: Connection settings → Headers → Authorization; npm run token makes others):\n${lines.join('')}`;
}

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

for (const service of services) {
  // tsx loaded in the service's own process (not tsx's CLI, which would start the service as a child of its own, without these flags).
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, '--import', 'tsx', ...service.args], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  prefixLines(service.name, child.stdout!, process.stdout);
  prefixLines(service.name, child.stderr!, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${service.name.padEnd(8)}] stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the others`);
      stopAll(1);
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit();
  });
  children.push(child);
}

void Promise.all([gatewayUrl, buildPages()])
  .then(([url, pages]) => readyMessage(url, pages))
  .then((message) => process.stdout.write(message));

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
