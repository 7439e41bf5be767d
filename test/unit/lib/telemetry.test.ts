import { loadTelemetryConfig, serviceNameOf } from '../../../lib/telemetry/config';
import { redactAttributes } from '../../../lib/telemetry/redaction';
import { outcomeOf } from '../../../lib/telemetry/requests';
import { loadLogConfig, loadMetricsPort } from '../../../lib/config';

/** The pure parts of lib/telemetry: which service a process is, the span redaction, outcomes, settings. */

describe('telemetry', () => {
  it('names the service by its entry point', () => {
    expect(serviceNameOf(['node', 'gateway/index.ts'])).toBe('gateway');
    expect(serviceNameOf(['node', '/srv/dist/subgraphs/partners/index.js'])).toBe('partners');
    expect(serviceNameOf(['node', 'scripts/start-subgraph.ts', 'jobbtorg'])).toBe('jobbtorg');
    expect(serviceNameOf(['node', 'scripts/seed.ts'])).toBe('etableringskedjan');
    expect(loadTelemetryConfig(['node', 'gateway/index.ts'], { OTEL_SERVICE_NAME: 'etk-gateway-2' }).serviceName).toBe('etk-gateway-2');
  });

  it('exports traces only when OTEL_EXPORTER_OTLP_ENDPOINT is set, to an http(s) URL', () => {
    expect(loadTelemetryConfig(['node', 'gateway/index.ts'], {}).otlpEndpoint).toBeNull();
    expect(loadTelemetryConfig(['node'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).otlpEndpoint).toBe('http://collector:4318');
    expect(() => loadTelemetryConfig(['node'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/);
  });

  it('redacts personnummer and tokens from span attributes and drops query strings', () => {
    const attributes: Record<string, unknown> = {
      'url.full': 'http://gw/graphql?variables={"p":"199001012389"}',
      'url.query': 'variables=%7B%7D',
      'exception.message': "select * from persons where personnummer = '19900101-2389'",
      'graphql.source': 'query { person(personnummer: "*") { givenName } }',
      list: ['Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlLWxvbmctZW5vdWdo', 'ok'],
      'http.response.status_code': 200,
    };
    redactAttributes(attributes);
    expect(attributes).toEqual({
      'url.full': 'http://gw/graphql',
      'url.query': '[query]',
      'exception.message': "select * from persons where personnummer = '[personnummer]'",
      'graphql.source': 'query { person(personnummer: "*") { givenName } }',
      list: ['Bearer [token]', 'ok'],
      'http.response.status_code': 200,
    });
  });

  it("judges a response's outcome by its errors' codes", () => {
    expect(outcomeOf(undefined)).toEqual({ outcome: 'ok', refusalCodes: [] });
    expect(outcomeOf([{ extensions: { code: 'QUERY_TOO_DEEP' } }, { extensions: { code: 'QUERY_TOO_DEEP' } }])).toEqual({ outcome: 'refused', refusalCodes: ['QUERY_TOO_DEEP'] });
    expect(outcomeOf([{ extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }])).toEqual({ outcome: 'error', refusalCodes: ['FORBIDDEN'] });
    expect(outcomeOf([{}])).toEqual({ outcome: 'error', refusalCodes: [] });
  });

  it('reads the metrics port and the log settings', () => {
    expect(loadMetricsPort('gateway', {})).toBe(9400);
    expect(loadMetricsPort('partners', {})).toBe(9403);
    expect(loadMetricsPort('stadsdel', { STADSDEL_METRICS_PORT: '0' })).toBe(0);
    expect(loadMetricsPort('jobbtorg', { JOBBTORG_METRICS_PORT: 'off' })).toBeNull();
    expect(() => loadMetricsPort('gateway', { GATEWAY_METRICS_PORT: 'nine' })).toThrow(/GATEWAY_METRICS_PORT must be a port number/);
    expect(loadLogConfig({})).toEqual({ level: 'info', format: 'json' });
    expect(loadLogConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'pretty' })).toEqual({ level: 'debug', format: 'pretty' });
    expect(() => loadLogConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
  });
});
