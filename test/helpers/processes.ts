import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { randomBytes } from 'node:crypto';
import { ServiceName, SUBGRAPH_NAMES, SubgraphName } from '../../lib/config';
import { dropMysqlDatabase } from '../../lib/db';
import { Dialect } from './dialects';
import { databaseUrlFor } from './stack';

/**
 * The four services as separate processes, started the way an operator starts them: from
 * source through tsx (the development path, `npm start`) or from the build in `dist/` with
 * plain node (`npm run start:prod`). Each on free ports of its own, API and metrics; on
 * fresh databases that `stop()` removes. For what only a real process shows: tracing
 * registered before the modules load, the exporter, the production build.
 */

const root = path.join(__dirname, '..', '..');
const tsx = require.resolve('tsx/cli');


export interface RunningProcess {
  /** The API's origin (`http://127.0.0.1:port`). */
  origin: string;
  /** Where its `/metrics` is served, apart from the API. */
  metricsUrl: string;
  /** Everything it wrote, stdout and stderr. */
  output: string[];
}

export interface ProcessStack {
  services: Record<ServiceName, RunningProcess>;
  gatewayUrl: string;
  dataDir: string;
  /** Each subgraph's database, for a test to look up what was seeded. */
  databaseUrls: Record<SubgraphName, string>;
  stop(): Promise<void>;
}

export interface ProcessStackOptions {
  dialect: Dialect;
  /** `source`: tsx on the TypeScript, subgraphs through the development launcher, which seeds; `dist`: node on the build. */
  from: 'source' | 'dist';
  /** Variables every process gets (APP_ENV, keys, OTEL_*…). */
  env?: Record<string, string>;
  /** Variables for one process only. */
  envOf?: Partial<Record<ServiceName, Record<string, string>>>;
}

/** A port nothing listens on: taken from the system, then released. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function commandOf(name: ServiceName, from: 'source' | 'dist'): string[] {
  if (from === 'dist') return [path.join('dist', name === 'gateway' ? 'gateway' : `subgraphs/${name}`, 'index.js')];
  return name === 'gateway' ? [tsx, 'gateway/index.ts'] : [tsx, 'scripts/start-subgraph.ts', name];
}

/** Starts one process and resolves once it says it is ready; rejects with its output if it exits first. */
function startProcess(name: ServiceName, command: string[], env: Record<string, string>): { child: ChildProcess; ready: Promise<RunningProcess> } {
  const child = spawn(process.execPath, command, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const ready = new Promise<RunningProcess>((resolve, reject) => {
    let metricsUrl = '';
    const onLine = (line: string) => {
      output.push(line);
      const metrics = new RegExp(`^${name}: metrics at (\\S+)`).exec(line);
      if (metrics) metricsUrl = metrics[1];
      const listening = new RegExp(`^${name}: ready at (\\S+)`).exec(line);
      if (listening) resolve({ origin: new URL(listening[1]).origin, metricsUrl, output });
    };
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output.join('\n')}`)));
  });
  return { child, ready };
}

export async function startProcesses(options: ProcessStackOptions): Promise<ProcessStack> {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'etk-processes-'));
  const children: ChildProcess[] = [];
  const databases = SUBGRAPH_NAMES.map((name) => databaseUrlFor(options.dialect, name, dataDir, runId));
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    if (options.dialect === 'mysql') for (const url of databases) await dropMysqlDatabase(url);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const names: ServiceName[] = [...SUBGRAPH_NAMES, 'gateway'];
    const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, { api: await freePort(), metrics: await freePort() }] as const)));
    const shared: Record<string, string> = {
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      SEED_PEOPLE: '5',
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(names.flatMap((n) => [[`${n.toUpperCase()}_PORT`, String(ports[n].api)], [`${n.toUpperCase()}_METRICS_PORT`, String(ports[n].metrics)]])),
      ...Object.fromEntries(SUBGRAPH_NAMES.map((n, i) => [`${n.toUpperCase()}_DATABASE_URL`, databases[i]])),
      ...options.env,
    };
    const services = {} as Record<ServiceName, RunningProcess>;
    // The subgraphs first, together; the gateway waits for them anyway, but its output is clearer after.
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const { child, ready } = startProcess(name, commandOf(name, options.from), { ...shared, ...options.envOf?.[name] });
        children.push(child);
        services[name] = await ready;
      }),
    );
    const gateway = startProcess('gateway', commandOf('gateway', options.from), { ...shared, ...options.envOf?.gateway });
    children.push(gateway.child);
    services.gateway = await gateway.ready;
    const databaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((n, i) => [n, databases[i]])) as Record<SubgraphName, string>;
    return { services, gatewayUrl: `${services.gateway.origin}/graphql`, dataDir, databaseUrls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
