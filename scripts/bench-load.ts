import os from 'node:os';
import { parseArgs } from 'node:util';
import { SUBGRAPH_NAMES } from '../lib/config';
import { Contestant, startContestants } from './load/contestants';
import { combine, errorSamples, outcomeOf, percentile, poolFor, postJson, run, RunResult } from './load/driver';
import { benchOperations, CASE_LIST, FIRST_CASE, LoadOperation } from './load/operations';
import { LoadDialect, rssMb, startLoadStack } from './load/processes';

/**
 * `npm run bench:load [-- --dialect mysql] [--seconds 10] [--rounds 3] [--connections 50] [--profile DIR]`:
 * the gateway under load beside a stock `@apollo/gateway` and beside no gateway at all (the
 * floor), on the same three subgraphs with the default seed (2 000 people), the same
 * caller's token and the same documents (scripts/load/operations.ts). Contestants take turns,
 * operation by operation, in rounds whose order rotates, so none gets the warmer or the
 * quieter machine. Then the per-case cost: the case list at 10, 50 and 100 cases.
 *
 * Prints requests/s, p50/p99, errors and timeouts (10 s) per contestant and operation, the
 * ratios of ours to stock and to the floor, and each process's RSS. Not a test: it judges
 * nothing. `--profile DIR` runs our gateway with `--cpu-prof` into DIR.
 */

const { values: args } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    profile: { type: 'string' },
  },
});

const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
/** The per-case runs use fewer connections, as the issue's did: the list's cost, not the queue's. */
const PER_CASE_CONNECTIONS = 10;
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

async function measure(contestant: Contestant, operation: LoadOperation, connections: number, seconds: number): Promise<RunResult> {
  const { send, close } = await contestant.sender(operation, connections);
  try {
    return await run(send, connections, seconds);
  } finally {
    await close();
  }
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
  const stack = await startLoadStack(dialect);
  try {
    const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [];
    const { ours, stock, floor, token } = await startContestants(stack, profile);
    const contestants = [ours, stock, floor];
    const processes = [...SUBGRAPH_NAMES.map((n) => stack.subgraphs[n]), ours.process!, stock.process!];
    const peakRss = new Map<string, number>(processes.map((p) => [p.name, rssMb(p.child.pid)]));
    const startRss = new Map(peakRss);
    const sampleRss = () => processes.forEach((p) => peakRss.set(p.name, Math.max(peakRss.get(p.name)!, rssMb(p.child.pid))));

    const operations = benchOperations(await somePerson(ours.process!.url, token));
    console.log(
      `bench:load on ${dialect}: ${os.cpus().length} cores, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s a contestant and operation, ` +
        `started in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
    );
    // Warm-up, uncounted: plans cached, connections open, the JIT done with the hot paths.
    for (const operation of operations) for (const c of contestants) await measure(c, operation, CONNECTIONS, 2);
    sampleRss();

    const results = new Map<string, RunResult[]>();
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
      console.log(`  ours/stock ${(figures.ours.rate / figures.stock.rate).toFixed(2)}×, ours/floor ${(figures.ours.rate / figures.floor.rate).toFixed(2)}× the rate`);
    }

    console.log(`\nper-case cost: the case list at ${PER_CASE_SIZES.join(' / ')} cases, ${PER_CASE_CONNECTIONS} connections, ${SECONDS} s each, p50:`);
    for (const c of contestants) {
      const p50s: number[] = [];
      const rates: number[] = [];
      let failed = 0;
      for (const first of PER_CASE_SIZES) {
        const result = await measure(c, { name: `${first} cases`, query: CASE_LIST, variables: { first } }, PER_CASE_CONNECTIONS, SECONDS);
        p50s.push(percentile([...result.latencies].sort((a, b) => a - b), 50));
        rates.push(result.latencies.length / result.seconds);
        failed += result.errors + result.timeouts;
      }
      sampleRss();
      const perCase = (p50s[2] - p50s[0]) / (PER_CASE_SIZES[2] - PER_CASE_SIZES[0]);
      console.log(
        `  ${c.name.padEnd(7)}  p50 ${p50s.map((p) => p.toFixed(1)).join(' → ')} ms  (${rates.map((r) => r.toFixed(0)).join(' / ')} req/s)  ` +
          `${perCase.toFixed(2)} ms a case  ${failed} errors+timeouts`,
      );
    }

    if (errorSamples.size) console.log(`\nerrors seen:\n${[...errorSamples].map((e) => `  ${e}`).join('\n')}`);
    console.log('\nRSS per process, MB (at start → peak during the runs):');
    for (const p of processes) console.log(`  ${p.name.padEnd(9)} ${startRss.get(p.name)!.toFixed(0).padStart(5)} → ${peakRss.get(p.name)!.toFixed(0).padStart(5)}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:load: ${error.stack ?? error.message}`);
  process.exit(1);
});
