import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { SUBGRAPH_NAMES, SubgraphName } from '../../lib/config';
import { dropMysqlDatabase } from '../../lib/db';

/**
 * The processes `npm run bench:load` and `npm run soak` measure: the three subgraphs and
 * the gateways, each a Node process of its own as in production (so each has its own RSS
 * and event loop), started from the environment like `npm start` does, on free ports,
 * with their keys and SQLite files in a temporary DATA_DIR — or, with `mysql`, databases
 * of their own on MYSQL_URL, dropped at the end.
 */

export type LoadDialect = 'sqlite' | 'mysql';

export interface LoadProcess {
  name: string;
  /** The GraphQL URL it said it listens at. */
  url: string;
  child: ChildProcess;
}

export interface LoadStack {
  dataDir: string;
  subgraphs: Record<SubgraphName, LoadProcess>;
  /** Starts a further process (a gateway) with the stack's environment and the subgraphs' URLs. */
  startProcess(name: string, args: string[], env?: Record<string, string>, nodeArgs?: string[]): Promise<LoadProcess>;
  stop(): Promise<void>;
}

/** A port nothing listens on now, for a process that must be told its port before it starts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The resident set of a process in MB, from /proc (Linux), or NaN where there is none. */
export function rssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * The CPU time a process has used, user and system, in ms, from /proc (Linux), or NaN where
 * there is none. Over a run, divided by its requests, it is what a request costs a process:
 * a figure the machine's other load moves far less than a rate.
 */
export function cpuMs(pid: number | undefined): number {
  try {
    // The command name, in parentheses, may hold spaces: count the fields after it.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * The pid of the MySQL server on this machine (`mariadbd` or `mysqld`), if one runs here: a
 * MySQL run spends CPU in it too, which the services' own figures leave out. It serves
 * whoever else uses it meanwhile, so its figure is an upper bound.
 */
export function databaseServerPid(): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (['mariadbd', 'mysqld'].includes(fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) return Number(entry);
    } catch {
      // The process ended while the list was read.
    }
  }
  return undefined;
}

/** Linux's USER_HZ, the unit of /proc's CPU times, which is 100 on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Runs a script under Node with tsx loaded in-process (not tsx's CLI, whose child would hide the real pid). */
function spawnService(name: string, args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[], log: fs.WriteStream, cwd: string): Promise<LoadProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
    cwd,
  });
  return new Promise((resolve, reject) => {
    const onLine = (line: string) => {
      log.write(`[${name}] ${line}\n`);
      const ready = / ready at (\S+)/.exec(line);
      if (ready) resolve({ name, url: ready[1].split(' ')[0], child });
    };
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready; see ${log.path}`)));
  });
}

export interface LoadStackOptions {
  /** More environment for every process of the stack. */
  env?: Record<string, string>;
  /** Each subgraph's Node arguments (e.g. `--cpu-prof`, to see where a subgraph's time goes under load). */
  subgraphNodeArgs?: (name: SubgraphName) => string[];
  /**
   * The checkout the stack runs from, with its own node_modules; default this one. Another
   * commit's checkout makes a stack of that commit, to measure beside this one.
   */
  root?: string;
  /** Tells this stack's MySQL databases from another's of the same run. */
  label?: string;
}

/**
 * The Node flags a checkout starts its services with (scripts/service-flags.ts), so that each
 * stack runs as its own `npm start` would; none for a commit from before there were any.
 */
async function serviceFlagsOf(root: string): Promise<string[]> {
  const file = path.resolve(root, 'scripts', 'service-flags.ts');
  if (!fs.existsSync(file)) return [];
  return ((await import(file)) as { SERVICE_NODE_FLAGS: string[] }).SERVICE_NODE_FLAGS;
}

/** Starts the three subgraphs on `dialect`. */
export async function startLoadStack(dialect: LoadDialect, options: LoadStackOptions = {}): Promise<LoadStack> {
  const { env: extraEnv = {}, subgraphNodeArgs = () => [], root = process.cwd(), label = 'load' } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'etk-load-'));
  const log = fs.createWriteStream(path.join(dataDir, 'processes.log'));
  const ports = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (n) => [n, await freePort()]))) as Record<SubgraphName, number>;
  const mysqlUrls: string[] = [];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ENV: 'development',
    DATA_DIR: dataDir,
    // The same caller sends every request: its budget must not be what is measured.
    RATE_LIMIT_CALLER_PER_MINUTE: '1000000',
    RATE_LIMIT_ORGANISATION_PER_MINUTE: '10000000',
    ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`${n.toUpperCase()}_PORT`, String(ports[n])])),
    // Nothing here reads /metrics, and a running `npm start` holds the default metrics ports.
    ...Object.fromEntries(['GATEWAY', ...SUBGRAPH_NAMES.map((n) => n.toUpperCase())].map((n) => [`${n}_METRICS_PORT`, 'off'])),
    ...extraEnv,
  };
  delete env.REDIS_URL;
  if (dialect === 'mysql') {
    const server = new URL(process.env.MYSQL_URL || 'mysql://root@127.0.0.1:3306');
    for (const name of SUBGRAPH_NAMES) {
      server.pathname = `/etk_${label}_${process.pid}_${name}`;
      env[`${name.toUpperCase()}_DATABASE_URL`] = server.toString();
      mysqlUrls.push(server.toString());
    }
  }
  const started: LoadProcess[] = [];
  const stop = async () => {
    await Promise.all(
      started.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.child.exitCode !== null) return resolve();
            p.child.once('exit', () => resolve());
            p.child.kill('SIGTERM');
          }),
      ),
    );
    for (const url of mysqlUrls) await dropMysqlDatabase(url);
    log.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const serviceFlags = await serviceFlagsOf(root);
  const startProcess = async (name: string, args: string[], more: Record<string, string> = {}, nodeArgs: string[] = []) => {
    const p = await spawnService(name, args, { ...env, ...more }, [...serviceFlags, ...nodeArgs], log, root);
    started.push(p);
    return p;
  };
  try {
    const subgraphs = Object.fromEntries(
      await Promise.all(SUBGRAPH_NAMES.map(async (n) => [n, await startProcess(n, ['scripts/start-subgraph.ts', n], {}, subgraphNodeArgs(n))] as const)),
    );
    return { dataDir, subgraphs: subgraphs as Record<SubgraphName, LoadProcess>, startProcess, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
