/**
 * The tracing variables, read apart from lib/config.ts: lib/telemetry/register.ts runs before
 * any module tracing patches is loaded, and lib/config.ts loads knex (through lib/db.ts).
 * So this file imports nothing.
 */

/** The services, as their entry points are named. */
const SERVICES = ['gateway', 'stadsdel', 'jobbtorg', 'partners'] as const;

export interface TelemetryConfig {
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: the OTLP/HTTP collector's base URL traces go to; null: no traces. */
  readonly otlpEndpoint: string | null;
  /** `OTEL_SERVICE_NAME`, else the service the entry point runs (gateway, stadsdel, …). */
  readonly serviceName: string;
}

/**
 * Which service a process runs, from its command line: the entry point's path
 * (`gateway/index.ts`, `dist/subgraphs/stadsdel/index.js`) or the launcher's argument
 * (`scripts/start-subgraph.ts jobbtorg`).
 */
export function serviceNameOf(argv: readonly string[]): string {
  const words = argv.slice(1).flatMap((arg) => arg.split(/[\\/]/));
  return SERVICES.find((name) => words.includes(name)) ?? 'etableringskedjan';
}

export function loadTelemetryConfig(argv: readonly string[], env: Record<string, string | undefined> = process.env): TelemetryConfig {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '';
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new Error(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  }
  return Object.freeze({ otlpEndpoint: endpoint || null, serviceName: env.OTEL_SERVICE_NAME || serviceNameOf(argv) });
}
