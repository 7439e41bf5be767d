import http from 'node:http';
import { Knex } from 'knex';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FlushReport } from '../audit/batch';

/**
 * One service's Prometheus metrics, in a registry of its own (tests run four services in
 * one process), served at `/metrics` on a port apart from the API (`metricsServer`), so that
 * API clients never reach them. Labels hold only names this code chose or bounded ones —
 * never a value a caller sent but the operation name, whose distinct values are capped.
 */

/** Seconds, from a millisecond to a minute: requests, subgraph fetches, audit commits. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** At most this many operation names get a label of their own; the rest share `other`. */
const MAX_OPERATION_NAMES = 200;

/** How a request ended: answered without errors, refused for the caller's fault, failed. */
export type Outcome = 'ok' | 'refused' | 'error';

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly requestSeconds: Histogram<'operation' | 'outcome'>;
  private readonly refusals: Counter<'code'>;
  private readonly fetchSeconds: Histogram<'subgraph' | 'outcome'>;
  private readonly fetchErrors: Counter<'subgraph'>;

  constructor(readonly service: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({ name: 'etk_graphql_requests_total', help: 'GraphQL requests by operation name and outcome (ok, refused, error)', labelNames: ['operation', 'outcome'], registers });
    this.requestSeconds = new Histogram({ name: 'etk_graphql_request_duration_seconds', help: 'GraphQL request latency by operation name and outcome', labelNames: ['operation', 'outcome'], buckets: LATENCY_BUCKETS, registers });
    this.refusals = new Counter({ name: 'etk_refusals_total', help: 'Requests refused, by the error code (limits, authentication, allowlist, rate limit, input)', labelNames: ['code'], registers });
    this.fetchSeconds = new Histogram({ name: 'etk_subgraph_fetch_duration_seconds', help: "The gateway's fetches from each subgraph, by outcome", labelNames: ['subgraph', 'outcome'], buckets: LATENCY_BUCKETS, registers });
    this.fetchErrors = new Counter({ name: 'etk_subgraph_fetch_errors_total', help: 'Subgraph fetches that failed (no answer, HTTP error, not GraphQL) or answered with errors', labelNames: ['subgraph'], registers });
  }

  /** A finished GraphQL request. */
  request(operationName: string | null, outcome: Outcome, seconds: number, refusalCodes: readonly string[]): void {
    const operation = this.operationLabel(operationName);
    this.requests.inc({ operation, outcome });
    this.requestSeconds.observe({ operation, outcome }, seconds);
    for (const code of refusalCodes) this.refusals.inc({ code });
  }

  /** One fetch from a subgraph, as the gateway saw it. */
  subgraphFetch(subgraph: string, ok: boolean, seconds: number): void {
    this.fetchSeconds.observe({ subgraph, outcome: ok ? 'ok' : 'error' }, seconds);
    if (!ok) this.fetchErrors.inc({ subgraph });
  }

  /**
   * The audit log's group commits, for a service that writes it (a subgraph): the observer
   * to hand the chain as its `onFlush` (lib/audit/batch.ts's report).
   */
  auditCommits(): (report: FlushReport) => void {
    const registers = [this.registry];
    const seconds = new Histogram({ name: 'etk_audit_commit_duration_seconds', help: 'Audit group commits: one transaction and chain step each', labelNames: ['outcome'], buckets: LATENCY_BUCKETS, registers });
    const entries = new Histogram({ name: 'etk_audit_batch_entries', help: 'Audit entries per group commit', buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000], registers });
    const requests = new Histogram({ name: 'etk_audit_batch_requests', help: 'Requests whose entries share one group commit', buckets: [1, 2, 3, 5, 10, 20, 50, 100], registers });
    return (report) => {
      seconds.observe({ outcome: report.ok ? 'ok' : 'error' }, report.durationMs / 1000);
      entries.observe(report.items);
      requests.observe(report.callers);
    };
  }

  /** The connections of a knex pool, read whenever `/metrics` is asked. */
  databasePool(db: Knex): void {
    const pool = () => (db.client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } }).pool;
    new Gauge({
      name: 'etk_db_pool_connections',
      help: 'Database pool connections: used, free, and requests waiting for one (pending)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const current = pool();
        this.set({ state: 'used' }, current?.numUsed() ?? 0);
        this.set({ state: 'free' }, current?.numFree() ?? 0);
        this.set({ state: 'pending' }, current?.numPendingAcquires() ?? 0);
      },
    });
  }

  private operationLabel(name: string | null): string {
    if (!name) return 'anonymous';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES || !/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) return 'other';
    this.operations.add(name);
    return name;
  }
}

/** An HTTP server that answers `GET /metrics` from `registry` and 404 to everything else. Never listens by itself. */
export function metricsServer(registry: Registry): http.Server {
  return http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable'),
    );
  });
}
