import { loadTelemetryConfig } from './config';
import { otlpExporter, startTracing } from './tracing';

/**
 * Imported first by every entry point (gateway/index.ts, subgraphs/<name>/index.ts,
 * scripts/start-subgraph.ts), before the modules tracing patches (http, graphql, knex) are
 * loaded; so it imports nothing of the application. Traces are exported only when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set; without it nothing is registered and nothing recorded.
 */
const config = loadTelemetryConfig(process.argv);
if (config.otlpEndpoint) startTracing({ serviceName: config.serviceName, exporter: otlpExporter(config.otlpEndpoint) });
