import { consoleLogger, prettyLine, redactingLogger, Logger } from '../../../lib/logging';

/** The services' logger: JSON lines, the level it is given, the access line's fields, and redaction as the last step. */

const PNR = '199001012389';
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZw';

function capture(level: 'info' | 'warn' = 'info', format: 'json' | 'pretty' = 'json'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: consoleLogger({ level, format, write: (line) => void lines.push(line) }), lines };
}

describe('the services logger', () => {
  it('writes one JSON object a line, with level, time and message', () => {
    const { logger, lines } = capture();
    logger.info('gateway started');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), msg: 'gateway started' });
  });

  it('drops what is below its level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error(new Error('d'));
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['warn', 'error']);
    expect(JSON.parse(lines[1]).msg).toMatch(/^Error: d\n\s+at /);
  });

  it('writes the access line with its fields', () => {
    const { logger, lines } = capture();
    logger.access!({ requestId: 'r-1', traceId: '0af7651916cd43dd8448eb211c80319c', operationName: 'Person', status: 200, durationMs: 12.5, organisation: 'DISTRICT:BR' });
    expect(JSON.parse(lines[0])).toEqual({
      level: 'info',
      time: expect.any(String),
      msg: 'request',
      kind: 'access',
      requestId: 'r-1',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      operationName: 'Person',
      status: 200,
      durationMs: 12.5,
      organisation: 'DISTRICT:BR',
    });
  });

  it('never writes a personnummer or a token, in a message, an error or an access line', () => {
    const { logger, lines } = capture();
    logger.error(`select * from persons where personnummer = '${PNR}'`);
    logger.warn(new Error(`Bearer ${TOKEN} refused for ${PNR.slice(2, 8)}-${PNR.slice(8)}`));
    logger.access!({ requestId: PNR, traceId: null, operationName: TOKEN, status: 401, durationMs: 1, organisation: null });
    const written = lines.join('\n');
    for (const form of [PNR, PNR.slice(2), `${PNR.slice(2, 8)}-${PNR.slice(8)}`, TOKEN]) expect(written).not.toContain(form);
    expect(written).toContain('[personnummer]');
    expect(written).toContain('[token]');
    expect(lines.every((l) => JSON.parse(l))).toBeTruthy();
  });

  it('writes one readable line each with LOG_FORMAT=pretty, redacted after formatting', () => {
    const { logger, lines } = capture('info', 'pretty');
    logger.access!({ requestId: 'r-2', traceId: null, operationName: 'Person', status: 200, durationMs: 3, organisation: 'JOBBTORG' });
    logger.info(`asked about ${PNR}`);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  request requestId=r-2 traceId=null operationName=Person status=200 durationMs=3 organisation=JOBBTORG kind=access$/);
    expect(lines[1]).toMatch(/INFO  asked about \[personnummer\]$/);
    expect(prettyLine('not json')).toBe('not json');
  });

  it('redacts through any logger it wraps, access lines too', () => {
    const seen: string[] = [];
    const plain: Logger = { debug: () => undefined, info: (m) => void seen.push(String(m)), warn: () => undefined, error: () => undefined };
    const logger = redactingLogger(plain);
    logger.info(`token ${TOKEN}`);
    logger.access!({ requestId: PNR, traceId: null, operationName: null, status: 200, durationMs: 1, organisation: null });
    expect(seen.join('\n')).not.toContain(PNR);
    expect(seen.join('\n')).not.toContain(TOKEN);
    expect(JSON.parse(seen[1])).toEqual(expect.objectContaining({ requestId: '[personnummer]', status: 200 }));
  });
});
