import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Knex } from 'knex';
import { FlushReport } from '../lib/audit/batch';
import { appendToChain, auditActionsMigration, AuditChain, auditChainsMigration, AuditEntry, auditMigration, startChain, verifyAuditLog } from '../lib/audit/log';
import { createDb, dropMysqlDatabase, ensureMysqlDatabase } from '../lib/db';
import { migrateToLatest } from '../lib/migrations';

/**
 * `npm run bench:audit [-- --dialect mysql]`: how many requests' audit rows one process
 * appends per second when C requesters answer at once, each with the rows of a list of N
 * people, and how long each request waits for its rows to be committed. Two contestants,
 * interleaved in rounds on the same database so that neither gets the warmer cache or the
 * emptier table:
 *
 * - `per request`: one transaction and one step of the chain per request, every request
 *   taking its turn at the head row — the shape of the log before group commit;
 * - `group commit`: the requests answering while a step is written share the next step
 *   (`AuditChain`, what the subgraphs run);
 * - with `--replicas R` on MySQL, `R chains`: the requesters split over R processes' chains,
 *   each with its own connection pool, group-committing side by side on one database.
 *
 * Not a test: it prints, and judges nothing. SQLite in a temporary file, or MariaDB/MySQL
 * at MYSQL_URL (default mysql://root@127.0.0.1:3306) in a database it creates and drops.
 */

const { values: args } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    concurrency: { type: 'string', default: '50' },
    entries: { type: 'string', default: '50' },
    requests: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    replicas: { type: 'string', default: '1' },
  },
});

const CONCURRENCY = Number(args.concurrency);
const ENTRIES = Number(args.entries);
const REQUESTS = Number(args.requests);
const ROUNDS = Number(args.rounds);
const REPLICAS = Number(args.replicas);

interface Contestant {
  name: string;
  /** Appends one request's entries for the `requester`-th requester; resolves when they are committed. */
  append: (entries: AuditEntry[], requester: number) => Promise<void>;
  flushes: FlushReport[];
}

interface RoundResult {
  seconds: number;
  waits: number[];
  flushes: FlushReport[];
}

let requestNumber = 0;

/** One request's entries: a list of `ENTRIES` people, as the recorder drains them. */
function requestEntries(): AuditEntry[] {
  requestNumber += 1;
  const requestId = `bench-${requestNumber}`;
  const at = new Date();
  return Array.from({ length: ENTRIES }, () => ({
    at,
    organisation: 'JOBBTORG:VARBERG',
    user: 'coach.varberg',
    personKey: randomBytes(32).toString('hex'),
    recordType: 'Case',
    fields: ['enrolledOn', 'person', 'targetGroup'],
    operationName: 'Cases',
    requestId,
    outcome: 'ALLOWED',
    action: 'READ',
  }));
}

/** `REQUESTS` requests from `CONCURRENCY` requesters at once, each waiting for its own before the next. */
async function round(contestant: Contestant): Promise<RoundResult> {
  const waits: number[] = [];
  const flushesBefore = contestant.flushes.length;
  let handedOut = 0;
  const requester = async (_: unknown, index: number) => {
    while (handedOut < REQUESTS) {
      handedOut += 1;
      const entries = requestEntries();
      const started = performance.now();
      await contestant.append(entries, index);
      waits.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, requester));
  return { seconds: (performance.now() - started) / 1000, waits, flushes: contestant.flushes.slice(flushesBefore) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function line(name: string, results: RoundResult[]): string {
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const waits = results.flatMap((r) => r.waits).sort((a, b) => a - b);
  const flushes = results.flatMap((r) => r.flushes);
  const requests = waits.length;
  const batchRequests = flushes.reduce((sum, f) => sum + f.callers, 0) / flushes.length;
  return [
    name.padEnd(14),
    `${(requests / seconds).toFixed(0).padStart(7)} appends/s`,
    `${((requests * ENTRIES) / seconds).toFixed(0).padStart(8)} rows/s`,
    `wait p50 ${percentile(waits, 50).toFixed(1).padStart(7)} ms`,
    `p99 ${percentile(waits, 99).toFixed(1).padStart(7)} ms`,
    `${String(flushes.length).padStart(6)} batches`,
    `mean batch ${batchRequests.toFixed(1).padStart(5)} requests (${(batchRequests * ENTRIES).toFixed(0)} rows)`,
  ].join('  ');
}

interface BenchDatabase {
  url: string;
  db: Knex;
  close: () => Promise<void>;
}

async function openBenchDatabase(dialect: string): Promise<BenchDatabase> {
  if (dialect === 'mysql') {
    const server = new URL(process.env.MYSQL_URL || 'mysql://root@127.0.0.1:3306');
    server.pathname = `/etk_bench_audit_${process.pid}`;
    const url = server.toString();
    await ensureMysqlDatabase(url);
    const db = createDb(url);
    return { url, db, close: async () => (await db.destroy(), await dropMysqlDatabase(url)) };
  }
  if (dialect !== 'sqlite') throw new Error(`--dialect is sqlite or mysql, got ${dialect}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etk-bench-audit-'));
  const url = `sqlite:${path.join(dir, 'audit.sqlite')}`;
  const db = createDb(url);
  return { url, db, close: async () => (await db.destroy(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/** `REPLICAS` processes' chains on one database, each with a pool of its own as a process has. */
function replicaContestant(url: string): { contestant: Contestant; close: () => Promise<void> } {
  const flushes: FlushReport[] = [];
  const pools = Array.from({ length: REPLICAS }, () => createDb(url));
  const chains = pools.map((pool, r) => new AuditChain(pool, `replica-${r + 1}`, { onFlush: (report) => flushes.push(report) }));
  return {
    contestant: { name: `${REPLICAS} chains`, append: (entries, requester) => chains[requester % REPLICAS].append(entries), flushes },
    close: async () => {
      for (const pool of pools) await pool.destroy();
    },
  };
}

async function main(): Promise<void> {
  const dialect = args.dialect ?? 'sqlite';
  const { url, db, close } = await openBenchDatabase(dialect);
  // SQLite serialises writers to a file, so replicas there would only measure its lock.
  if (REPLICAS > 1 && dialect !== 'mysql') throw new Error('--replicas needs --dialect mysql');
  const replicas = REPLICAS > 1 ? replicaContestant(url) : null;
  try {
    await migrateToLatest(db, { '004_audit_log': auditMigration, '005_audit_chains': auditChainsMigration, '006_audit_actions': auditActionsMigration });
    const perRequestFlushes: FlushReport[] = [];
    await startChain(db, 'per-request');
    const perRequest: Contestant = {
      name: 'per request',
      append: async (entries) => {
        const started = performance.now();
        await appendToChain(db, 'per-request', entries);
        perRequestFlushes.push({ callers: 1, items: entries.length, ok: true, durationMs: performance.now() - started });
      },
      flushes: perRequestFlushes,
    };
    const groupFlushes: FlushReport[] = [];
    const chain = new AuditChain(db, 'group-commit', { onFlush: (report) => groupFlushes.push(report) });
    const group: Contestant = { name: 'group commit', append: (entries) => chain.append(entries), flushes: groupFlushes };

    const contestants = replicas ? [perRequest, group, replicas.contestant] : [perRequest, group];

    console.log(
      `audit appends on ${dialect}: ${CONCURRENCY} requesters at once, ${ENTRIES} rows a request, ` +
        `${REQUESTS} requests a contestant a round, ${ROUNDS} rounds, ${os.cpus().length} cores`,
    );
    // A warm-up of each, uncounted: connections, statement caches, the first pages of the table.
    for (const contestant of contestants) await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => contestant.append(requestEntries(), i)));
    const results = new Map<Contestant, RoundResult[]>(contestants.map((c) => [c, []]));
    for (let r = 1; r <= ROUNDS; r += 1) {
      // Turn the order each round, so that no one always meets the larger table.
      for (const contestant of r % 2 ? contestants : [...contestants].reverse()) {
        const result = await round(contestant);
        results.get(contestant)!.push(result);
        console.log(`round ${r}  ${line(contestant.name, [result])}`);
      }
    }
    console.log('all rounds');
    for (const [contestant, rounds] of results) console.log(`         ${line(contestant.name, rounds)}`);
    const reports = await verifyAuditLog(db);
    console.log(`chains: ${reports.map((r) => `${r.chain} ${r.intact ? 'intact' : 'BROKEN'}, ${r.rows} rows`).join('; ')}`);
    if (reports.some((r) => !r.intact)) process.exitCode = 1;
  } finally {
    await replicas?.close();
    await close();
  }
}

main().catch((error: Error) => {
  console.error(error.stack);
  process.exit(1);
});
