import { ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import { developmentIssuerKey, mintToken } from '../lib/auth/development';
import { PERSONAS } from '../lib/auth/personas';
import { loadGatewayConfig, SUBGRAPH_NAMES } from '../lib/config';

/**
 * `npm start`: the three subgraphs and the gateway as four processes, as they would run on
 * separate hosts, configured by the same environment. Prints the gateway URL once it is
 * ready; Ctrl-C stops all four; if one dies, the others are stopped too.
 */

const tsx = require.resolve('tsx/cli');
const started = Date.now();
const services = [
  ...SUBGRAPH_NAMES.map((name) => ({ name, args: ['scripts/start-subgraph.ts', name] })),
  { name: 'gateway', args: ['gateway/index.ts'] },
];
const children: ChildProcess[] = [];
let stopping = false;

function prefixLines(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void {
  readline.createInterface({ input: stream }).on('line', (line) => {
    out.write(`[${name.padEnd(8)}] ${line}\n`);
    if (name === 'gateway' && line.startsWith('gateway: ready at ')) {
      const url = line.slice('gateway: ready at '.length);
      const readyIn = ((Date.now() - started) / 1000).toFixed(1);
      void developmentTokens().then((tokens) =>
        out.write(
          `\nThe supergraph is ready in ${readyIn} s: ${url}\n` +
            'Open it in a browser for Apollo Sandbox. Ctrl-C stops all four services.\n' +
            tokens +
            '\n',
        ),
      );
    }
  });
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
  const child = spawn(process.execPath, [tsx, ...service.args], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
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

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
