import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SUBGRAPH_NAMES } from '../lib/config';
import { Contestant, gatewayContestant, loadToken, startContestants, startOurGateway } from './load/contestants';
import { combine, errorSamples, outcomeOf, percentile, poolFor, postJson, run, RunResult } from './load/driver';
import { benchOperations, CASE_LIST, FIRST_CASE, LoadOperation } from './load/operations';
import { cpuMs, databaseServerPid, LoadDialect, LoadStack, rssMb, startLoadStack } from './load/processes';

/**
 * `npm run bench:load [-- --dialect mysql] [--seconds 10] [--rounds 3] [--connections 50] [--profile DIR]
 *   [--only NAME-PART] [--contestants ours,stock,floor] [--no-per-case] [--baseline DIR]`:
 * the gateway under load beside a stock `@apollo/gateway` and beside no gateway at all (the
 * floor), on the same three subgraphs with the default seed (2 000 people), the same
 * caller's token and the same documents (scripts/load/operations.ts). Contestants take turns,
 * operation by operation, in rounds whose order rotates, so none gets the warmer or the
 * quieter machine. Then the per-case cost: the case list at 10, 50 and 100 cases.
 *
 * Prints requests/s, p50/p99, errors and timeouts (10 s) per contestant and operation, the
 * ratios of ours to stock and to the floor, the CPU time a request cost each process (on
 * MySQL the database server's too), and each process's RSS. Not a test: it judges
 * nothing. `--profile DIR` runs our gateway and the subgraphs with `--cpu-prof`, each into
 * DIR/<name>/. `--only` keeps the operations whose name holds it, `--contestants` those named.
 */

const { values: args } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    profile: { type: 'string' },
    only: { type: 'string' },
    contestants: { type: 'string', default: 'ours,stock,floor' },
    'no-per-case': { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});

const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
/**
 * The per-case runs use fewer connections: 10, as the issue's did (what a case adds to an
 * answer behind nine others on two cores), and 1 (what it adds to an answer alone).
 */
const PER_CASE_CONNECTIONS = [10, 1];
const PER_CASE_SIZES = [10, 50, 100];

function row(name: string, r: ReturnType<typeof combine>): string {
  return [
    `  ${name.padEnd(7)}`,
    `${r.rate.toFixed(0).padStart(6)} req/s`,
    `p50 ${r.p50.toFixed(1).padStart(7)} ms`,
    `p99 ${r.p99.toFixed(1).padStart(7)} ms`,
    `${String(r.errors).padStart(4)} errors`,
    `${String(r.timeouts).padStart(4)} timeouts`,
    `(${r.requests} requests)`,
  ].join('  ');
}

/** A run, and the CPU time each process that served it used meanwhile (ms). */
interface Measured extends RunResult {
  cpuMs: Map<string, number>;
}

interface Server {
  name: string;
  pid: number | undefined;
}

/**
 * What serves each contestant besides its own gateway, by name and pid: this stack's
 * subgraphs — the baseline's own, for "before" — and on MySQL the database server.
 */
const backends = new Map<string, Server[]>();

async function measure(contestant: Contestant, operation: LoadOperation, connections: number, seconds: number): Promise<Measured> {
  const serving = [...(contestant.process ? [{ name: 'gateway', pid: contestant.process.child.pid }] : []), ...backends.get(contestant.name)!];
  const { send, close } = await contestant.sender(operation, connections);
  try {
    const before = serving.map((p) => cpuMs(p.pid));
    const result = await run(send, connections, seconds);
    return { ...result, cpuMs: new Map(serving.map((p, i) => [p.name, cpuMs(p.pid) - before[i]])) };
  } finally {
    await close();
  }
}

/** What one answered request cost each serving process in CPU, over `results`: "gateway 3.1 · stadsdel 5.0 …" ms. */
function cpuPerRequest(results: readonly Measured[]): string {
  const requests = results.reduce((sum, r) => sum + r.latencies.length, 0);
  const names = [...results[0].cpuMs.keys()];
  const each = names.map((name) => [name, results.reduce((sum, r) => sum + (r.cpuMs.get(name) ?? 0), 0) / requests] as const);
  const total = each.reduce((sum, [, ms]) => sum + ms, 0);
  return `${each.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(' · ')} = ${total.toFixed(1)} ms`;
}

/**
 * The case list at PER_CASE_SIZES cases: what one more case costs each contestant, at p50,
 * and in CPU time over all the processes serving it.
 */
async function perCaseCost(contestants: Contestant[], sampleRss: () => void): Promise<void> {
  for (const connections of PER_CASE_CONNECTIONS) await perCaseCostAt(connections, contestants, sampleRss);
}

async function perCaseCostAt(connections: number, contestants: Contestant[], sampleRss: () => void): Promise<void> {
  console.log(`\nper-case cost: the case list at ${PER_CASE_SIZES.join(' / ')} cases, ${connections} connection${connections === 1 ? '' : 's'}, ${SECONDS} s each, p50:`);
  for (const c of contestants) {
    const p50s: number[] = [];
    const rates: number[] = [];
    const cpus: number[] = [];
    const runs: Measured[] = [];
    let failed = 0;
    for (const first of PER_CASE_SIZES) {
      const result = await measure(c, { name: `${first} cases`, query: CASE_LIST, variables: { first } }, connections, SECONDS);
      p50s.push(percentile([...result.latencies].sort((a, b) => a - b), 50));
      rates.push(result.latencies.length / result.seconds);
      cpus.push([...result.cpuMs.values()].reduce((sum, ms) => sum + ms, 0) / result.latencies.length);
      runs.push(result);
      failed += result.errors + result.timeouts;
    }
    sampleRss();
    const span = PER_CASE_SIZES[2] - PER_CASE_SIZES[0];
    console.log(
      `  ${c.name.padEnd(7)}  p50 ${p50s.map((p) => p.toFixed(1)).join(' → ')} ms  (${rates.map((r) => r.toFixed(0)).join(' / ')} req/s)  ` +
        `${((p50s[2] - p50s[0]) / span).toFixed(2)} ms a case  ${failed} errors+timeouts`,
    );
    const perProcess = [...runs[0].cpuMs.keys()].map((name) => {
      const [fewest, most] = [runs[0], runs[2]].map((r) => r.cpuMs.get(name)! / r.latencies.length);
      return `${name} ${((most - fewest) / span).toFixed(3)}`;
    });
    console.log(`  ${' '.repeat(7)}  CPU ${cpus.map((ms) => ms.toFixed(1)).join(' → ')} ms a request: ${((cpus[2] - cpus[0]) / span).toFixed(3)} ms CPU a case (${perProcess.join(' · ')})`);
  }
}

/**
 * `--baseline DIR`: another commit's checkout (with its own node_modules), as a stack and a
 * gateway of its own beside this one's — "before", measured in the same rounds as "ours", so
 * that before and after are a ratio from one run on one machine, not figures from two runs.
 */
async function baselineContestant(dialect: LoadDialect, root: string, stacks: LoadStack[]): Promise<Contestant> {
  if (!fs.existsSync(path.join(root, 'node_modules'))) throw new Error(`--baseline ${root}: no node_modules there (npm ci in it first)`);
  const stack = await startLoadStack(dialect, { root, label: 'before' });
  stacks.push(stack);
  return gatewayContestant('before', await startOurGateway(stack), await loadToken(stack));
}

/** The personnummer of someone the load's caller may read, asked through our gateway. */
async function somePerson(url: string, token: string): Promise<string> {
  const pool = poolFor(url, 1);
  const answer = await postJson(pool, url, JSON.stringify({ query: FIRST_CASE }), { authorization: `Bearer ${token}` });
  await pool.close();
  if (outcomeOf(answer) !== 'ok' || typeof answer === 'string') throw new Error(`cannot find a person to read: ${JSON.stringify(answer)}`);
  return answer.json.data.cases.edges[0].node.person.personnummer;
}

async function main(): Promise<void> {
  const dialect = args.dialect as LoadDialect;
  if (dialect !== 'sqlite' && dialect !== 'mysql') throw new Error(`--dialect is sqlite or mysql, got ${dialect}`);
  const startedAt = Date.now();
  const profile = (name: string) => (args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile, name)}`] : []);
  const stack = await startLoadStack(dialect, { subgraphNodeArgs: profile });
  const stacks: LoadStack[] = [stack];
  try {
    const { ours, stock, floor, token } = await startContestants(stack, profile('gateway'));
    const before = args.baseline ? await baselineContestant(dialect, args.baseline, stacks) : null;
    const wanted = [...args.contestants!.split(','), ...(before ? ['before'] : [])];
    const contestants = [ours, ...(before ? [before] : []), stock, floor].filter((c) => wanted.includes(c.name));
    const databaseServer = dialect === 'mysql' ? databaseServerPid() : undefined;
    const backendsOf = (s: LoadStack): Server[] => [
      ...SUBGRAPH_NAMES.map((n) => ({ name: n, pid: s.subgraphs[n].child.pid })),
      ...(databaseServer ? [{ name: 'mariadb', pid: databaseServer }] : []),
    ];
    for (const c of [ours, stock, floor]) backends.set(c.name, backendsOf(stack));
    const processes = [...SUBGRAPH_NAMES.map((n) => stack.subgraphs[n]), ours.process!, stock.process!];
    if (before) {
      backends.set(before.name, backendsOf(stacks[1]));
      processes.push(...SUBGRAPH_NAMES.map((n) => ({ ...stacks[1].subgraphs[n], name: `before:${n}` })), { ...before.process!, name: 'before:gateway' });
    }
    const peakRss = new Map<string, number>(processes.map((p) => [p.name, rssMb(p.child.pid)]));
    const startRss = new Map(peakRss);
    const sampleRss = () => processes.forEach((p) => peakRss.set(p.name, Math.max(peakRss.get(p.name)!, rssMb(p.child.pid))));

    const operations = benchOperations(await somePerson(ours.process!.url, token)).filter((o) => !args.only || o.name.includes(args.only));
    console.log(
      `bench:load on ${dialect}: ${os.cpus().length} cores, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s a contestant and operation, ` +
        `started in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
    );
    // Warm-up, uncounted: plans cached, connections open, the JIT done with the hot paths.
    for (const operation of operations) for (const c of contestants) await measure(c, operation, CONNECTIONS, 2);
    sampleRss();

    const results = new Map<string, Measured[]>();
    const key = (c: Contestant, o: LoadOperation) => `${o.name}\u0000${c.name}`;
    for (let round = 0; round < ROUNDS; round++) {
      for (const operation of operations) {
        const order = contestants.map((_, i) => contestants[(i + round) % contestants.length]);
        for (const c of order) {
          const result = await measure(c, operation, CONNECTIONS, SECONDS);
          results.set(key(c, operation), [...(results.get(key(c, operation)) ?? []), result]);
          sampleRss();
        }
      }
    }

    for (const operation of operations) {
      console.log(`\n${operation.name}, ${CONNECTIONS} connections:`);
      const figures = Object.fromEntries(contestants.map((c) => [c.name, combine(results.get(key(c, operation))!)]));
      for (const c of contestants) console.log(row(c.name, figures[c.name]));
      for (const c of contestants) console.log(`  ${c.name.padEnd(7)}  CPU a request: ${cpuPerRequest(results.get(key(c, operation))!)}`);
      const ratio = (a: string, b: string) => (figures[a] && figures[b] ? `${a}/${b} ${(figures[a].rate / figures[b].rate).toFixed(2)}×` : '');
      const ratios = [ratio('ours', 'before'), ratio('ours', 'stock'), ratio('ours', 'floor')].filter(Boolean);
      if (ratios.length) console.log(`  ${ratios.join(', ')} the rate`);
    }

    if (!args['no-per-case']) await perCaseCost(contestants, sampleRss);

    if (errorSamples.size) console.log(`\nerrors seen:\n${[...errorSamples].map((e) => `  ${e}`).join('\n')}`);
    console.log('\nRSS per process, MB (at start → peak during the runs):');
    for (const p of processes) console.log(`  ${p.name.padEnd(15)} ${startRss.get(p.name)!.toFixed(0).padStart(5)} → ${peakRss.get(p.name)!.toFixed(0).padStart(5)}`);
  } finally {
    for (const s of stacks) await s.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:load: ${error.stack ?? error.message}`);
  process.exit(1);
});
