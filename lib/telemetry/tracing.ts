import { Context, context as activeContext, propagation, SpanKind, trace } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KnexInstrumentation } from '@opentelemetry/instrumentation-knex';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, Sampler, SamplingDecision, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { RedactingSpanProcessor } from './redaction';

/**
 * OpenTelemetry traces for one process: HTTP in and out (Node's fetch is undici), GraphQL
 * execution, knex's SQL; @apollo/gateway adds its own spans (plan, fetch per subgraph) once
 * a provider is registered. Context travels as W3C `traceparent`, so a trace starts at the
 * client and runs through the gateway and every subgraph to their SQL.
 *
 * What may never land in a span: a personnummer, a name, a token. So GraphQL spans carry no
 * variable values and documents only with their literals masked, HTTP spans no headers, SQL
 * spans the statement with `?` placeholders but never its bindings; RedactingSpanProcessor
 * then redacts whatever still looks like a personnummer or a token.
 */

/** Paths probed every few seconds: a span each would bury the traces that matter. */
const UNTRACED_PATHS = new Set(['/live', '/ready', '/health', '/metrics']);

/**
 * A trace starts only where a request comes in (a server span): parsing the schema and the
 * registered operations at start-up, migrations, timers would each be a trace of one span.
 * Within a trace every span is kept (ParentBasedSampler follows the parent's decision).
 */
const requestsOnly: Sampler = {
  shouldSample: (_context: Context, _traceId: string, _name: string, kind: SpanKind) => ({
    decision: kind === SpanKind.SERVER ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD,
  }),
  toString: () => 'RequestsOnly',
};

export interface TracingOptions {
  serviceName: string;
  /** Where spans go: an OTLP exporter in production, an in-memory one in a test. */
  exporter: SpanExporter;
  /** Export at once, span by span (tests), instead of in batches. */
  processor?: (exporter: SpanExporter) => SpanProcessor;
}

/** Registers the provider and the instrumentations; before the modules they patch are loaded. */
export function startTracing(options: TracingOptions): NodeTracerProvider {
  const exporting = options.processor ? options.processor(options.exporter) : new BatchSpanProcessor(options.exporter);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    sampler: new ParentBasedSampler({ root: requestsOnly }),
    spanProcessors: [new RedactingSpanProcessor(exporting)],
  });
  // The default propagators: W3C trace context (`traceparent`) and baggage.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]) }),
      new UndiciInstrumentation({ ignoreRequestHook: (request) => UNTRACED_PATHS.has(request.path.split('?')[0]) }),
      // allowValues false: documents with their literals masked, no variable values.
      new GraphQLInstrumentation({ allowValues: false, ignoreTrivialResolveSpans: true, mergeItems: true }),
      new KnexInstrumentation(),
    ],
  });
  return provider;
}

/** Traces exported by OTLP to `endpoint` (`OTEL_EXPORTER_OTLP_ENDPOINT`, the collector's base URL). */
export function otlpExporter(endpoint: string): SpanExporter {
  return new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
}

/** The active trace's id, or else the one a valid `traceparent` header names; null without either. */
export function traceIdOf(traceparent: string | undefined): string | null {
  const span = trace.getActiveSpan();
  if (span && trace.isSpanContextValid(span.spanContext())) return span.spanContext().traceId;
  const match = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceparent ?? '');
  return match && !/^0+$/.test(match[1]) ? match[1] : null;
}

/**
 * The trace context a subgraph fetch carries. With tracing on, the HTTP client's
 * instrumentation writes the fetch span's own `traceparent`; without it, the client's is
 * passed on as it came, so the subgraphs still log the client's trace id.
 */
export function forwardTraceContext(headers: { set(name: string, value: string): void }, clientTraceparent: string | undefined): void {
  const carrier: Record<string, string> = {};
  propagation.inject(activeContext.active(), carrier);
  if (carrier.traceparent) return;
  if (clientTraceparent) headers.set('traceparent', clientTraceparent);
}
