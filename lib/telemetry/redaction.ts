import { Context } from '@opentelemetry/api';
import { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { redact } from '../logging';

/**
 * The last guard before a span leaves the process: whatever an instrumentation recorded, no
 * attribute, event or status may carry a personnummer or a token. The instrumentations are
 * configured not to record values, documents with literals or headers (lib/telemetry/tracing.ts);
 * this catches what slips through anyway — an error message quoting SQL bindings, a URL with
 * a query string — with the same patterns the logs are redacted with (lib/logging.ts).
 */

/** Attributes that hold a URL: their query string (GET /graphql?variables=…) is dropped. */
const URL_ATTRIBUTES = new Set(['http.url', 'http.target', 'url.full']);
/** Attributes that hold only a query string. */
const QUERY_ATTRIBUTES = new Set(['url.query']);

type Attributes = Record<string, unknown>;

function cleanValue(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    if (QUERY_ATTRIBUTES.has(key)) return '[query]';
    const withoutQuery = URL_ATTRIBUTES.has(key) ? value.replace(/\?.*$/s, '') : value;
    return redact(withoutQuery);
  }
  if (Array.isArray(value)) return value.map((item) => cleanValue(key, item));
  return value;
}

/** Redacts `attributes` in place (a span's are a plain object until it is exported). */
export function redactAttributes(attributes: Attributes | undefined): void {
  if (!attributes) return;
  for (const [key, value] of Object.entries(attributes)) attributes[key] = cleanValue(key, value);
}

/** Redacts every span that ends, then hands it to `next` (the exporting processor). */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    redactAttributes(span.attributes as Attributes);
    for (const event of span.events) {
      redactAttributes(event.attributes as Attributes | undefined);
    }
    if (span.status.message) (span.status as { message?: string }).message = redact(span.status.message);
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
