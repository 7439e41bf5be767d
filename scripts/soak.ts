import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SUBGRAPH_NAMES } from '../lib/config';
import { gatewayContestant, loadToken, startOurGateway } from './load/contestants';
import { errorSamples, outcomeOf, poolFor, postJson, Send } from './load/driver';
import { benchOperations, FIRST_CASE, LOAD_CALLER } from './load/operations';
import { LoadDialect, rssMb, startLoadStack } from './load/processes';

/**
 * `npm run soak [-- --minutes 10] [--dialect mysql] [--connections 50]`: our gateway and the
 * three subgraphs (default seed) under steady load for N minutes, reads and writes mixed —
 * of every five requests, one of each of the three reads of `bench:load` (a person from one
 * subgraph, from three, a page of 50 cases) and two writes (feedback on a case, which
 * jobbtorg audits and commits). Prints each minute's requests and errors and every process's
 * RSS, and at the end the growth from minute 2 (after warm-up) to the last. Not a test.
 */

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    dialect: { type: 'string', default: 'sqlite' },
    connections: { type: 'string', default: '50' },
  },
});

const MINUTES = Number(args.minutes);
const CONNECTIONS = Number(args.connections);

const FEEDBACK = /* GraphQL */ `
  mutation LoadFeedback($caseId: ID!, $message: String!) { giveFeedback(input: { caseId: $caseId, message: $message }) { id } }
`;

async function main(): Promise<void> {
  const dialect = args.dialect as LoadDialect;
  const stack = await startLoadStack(dialect);
  try {
    const gateway = await startOurGateway(stack);
    const processes = [...SUBGRAPH_NAMES.map((n) => stack.subgraphs[n]), gateway];
    const reader = gatewayContestant('reads', gateway, await loadToken(stack));
    const writerToken = await loadToken(stack, { ...LOAD_CALLER, scope: 'records:read records:write' });

    // A case to write feedback on: the first newly arrived refugee's, as the reads use.
    const pool = poolFor(gateway.url, CONNECTIONS);
    const first = await postJson(pool, gateway.url, JSON.stringify({ query: FIRST_CASE }), { authorization: `Bearer ${writerToken}` });
    if (typeof first === 'string' || outcomeOf(first) !== 'ok') throw new Error(`cannot find a case to write on: ${JSON.stringify(first)}`);
    const { id: caseId, person } = first.json.data.cases.edges[0].node;

    const reads = await Promise.all(benchOperations(person.personnummer).map((o) => reader.sender(o, CONNECTIONS)));
    let written = 0;
    const write: Send = async () => {
      written += 1;
      const body = JSON.stringify({ query: FEEDBACK, variables: { caseId, message: `Uppföljning ${written} under belastning.` } });
      return outcomeOf(await postJson(pool, gateway.url, body, { authorization: `Bearer ${writerToken}` }));
    };
    const mix: Send[] = [reads[0].send, write, reads[1].send, write, reads[2].send];

    console.log(`soak on ${dialect}: ${MINUTES} minutes, ${CONNECTIONS} connections, reads and writes 3:2`);
    const rssAt = new Map<number, Map<string, number>>();
    let requests = 0;
    let errors = 0;
    let timeouts = 0;
    let next = 0;
    const until = performance.now() + MINUTES * 60_000;
    const loop = async () => {
      while (performance.now() < until) {
        const outcome = await mix[next++ % mix.length]();
        requests += 1;
        if (outcome === 'error') errors += 1;
        if (outcome === 'timeout') timeouts += 1;
      }
    };
    let minute = 0;
    let lastRequests = 0;
    const ticker = setInterval(() => {
      minute += 1;
      const rss = new Map(processes.map((p) => [p.name, rssMb(p.child.pid)]));
      rssAt.set(minute, rss);
      console.log(
        `  minute ${String(minute).padStart(2)}: ${((requests - lastRequests) / 60).toFixed(0).padStart(5)} req/s, ${errors} errors, ${timeouts} timeouts so far; RSS MB ` +
          processes.map((p) => `${p.name} ${rss.get(p.name)!.toFixed(0)}`).join(', '),
      );
      lastRequests = requests;
    }, 60_000);
    await Promise.all(Array.from({ length: CONNECTIONS }, loop));
    clearInterval(ticker);
    // The last minute's tick and the end of the load race; the end is sampled either way.
    if (minute < MINUTES) {
      minute = MINUTES;
      rssAt.set(minute, new Map(processes.map((p) => [p.name, rssMb(p.child.pid)])));
    }
    await Promise.all(reads.map((r) => r.close()));
    await pool.close();

    console.log(`\n${requests} requests (${written} writes), ${errors} errors, ${timeouts} timeouts`);
    if (errorSamples.size) console.log(`errors seen:\n${[...errorSamples].map((e) => `  ${e}`).join('\n')}`);
    const from = rssAt.get(2);
    const to = rssAt.get(minute);
    if (from && to && minute > 2) {
      console.log(`RSS from minute 2 to minute ${minute}:`);
      for (const p of processes) {
        const growth = ((to.get(p.name)! - from.get(p.name)!) / from.get(p.name)!) * 100;
        console.log(`  ${p.name.padEnd(9)} ${from.get(p.name)!.toFixed(0).padStart(5)} → ${to.get(p.name)!.toFixed(0).padStart(5)} MB  ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %`);
      }
    }
    // One minute's RSS swings with the garbage collector by more than a slow leak would add:
    // the highest of each third of the run shows a trend where two single readings may not.
    if (minute >= 8) {
      const thirds = [0, 1, 2].map((i) => [...rssAt.keys()].filter((m) => m >= 2 && Math.floor(((m - 2) * 3) / (minute - 1)) === i));
      console.log(`RSS, highest in minutes ${thirds.map((t) => `${t[0]}–${t[t.length - 1]}`).join(' / ')}:`);
      for (const p of processes) {
        const highs = thirds.map((t) => Math.max(...t.map((m) => rssAt.get(m)!.get(p.name)!)));
        console.log(`  ${p.name.padEnd(9)} ${highs.map((h) => h.toFixed(0).padStart(5)).join(' / ')} MB`);
      }
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(`soak: ${error.stack ?? error.message}`);
  process.exit(1);
});
