import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A stand-in for an OpenTelemetry collector: takes OTLP/HTTP JSON at `/v1/traces` and keeps
 * each body as it came (for searching) and its spans (for asserting on), so a test sees what
 * every process exported.
 */

export interface ReceivedSpan {
  service: string;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number; arrayValue?: { values: OtlpValue[] } };
type OtlpAttribute = { key: string; value: OtlpValue };

function valueOf(value: OtlpValue): unknown {
  if (value.arrayValue) return value.arrayValue.values.map(valueOf);
  return value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
}

function attributesOf(list: OtlpAttribute[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((a) => [a.key, valueOf(a.value)]));
}

export interface OtlpReceiver {
  endpoint: string;
  spans: ReceivedSpan[];
  /** Every body received, verbatim. */
  bodies: string[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      bodies.push(body);
      const parsed = JSON.parse(body) as {
        resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { scope: { name: string }; spans: (Omit<ReceivedSpan, 'attributes' | 'service' | 'scope'> & { attributes?: OtlpAttribute[] })[] }[] }[];
      };
      for (const resourceSpans of parsed.resourceSpans) {
        const service = String(attributesOf(resourceSpans.resource.attributes)['service.name']);
        for (const { scope, spans: list } of resourceSpans.scopeSpans) {
          for (const span of list) {
            spans.push({ service, scope: scope.name, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId, name: span.name, attributes: attributesOf(span.attributes) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
