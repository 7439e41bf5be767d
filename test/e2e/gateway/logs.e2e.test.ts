import http from 'node:http';
import { AddressInfo } from 'node:net';
import { describeEachDialect } from '../../helpers/dialects';
import { AsCaller, Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * No log line and no error message names a person or carries a token or a request body:
 * the error paths run with the console captured, and what the services wrote is searched.
 */

describeEachDialect('what the services log', (dialect) => {
  let stack: Stack;
  let echo: http.Server;
  const sentToPartners: string[] = [];

  beforeAll(async () => {
    // A partners subgraph that fails with HTTP 500 and quotes the request it got, headers and body.
    echo = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        sentToPartners.push(String(req.headers.authorization));
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`failed on ${JSON.stringify(req.headers)} ${body}`);
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const partners = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/graphql`;
    stack = await startStack({ dialect, people: 3, environment: 'production', gatewayUrlOverrides: { partners } });
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    echo.closeAllConnections();
    await new Promise((resolve) => echo.close(resolve));
  });

  it('carry no personnummer, token or request body on the error paths', async () => {
    const person = await stack.subgraphs.stadsdel.db('persons').orderBy('personnummer').first();
    const pnr: string = person.personnummer;
    const officer: AsCaller = { as: { org: `DISTRICT:${person.district_code}`, sub: 'logg.test', scope: 'records:read records:write' } };
    const token = await stack.token(officer.as);
    const asOfficer = { ...officer, token };
    const probe = `query LogsProbe($p: Personnummer!) { person(personnummer: $p) { givenName residencePermits { kind } } }`;
    const answers: unknown[] = [];
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    const spies = (['error', 'warn', 'info', 'log', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(capture));
    const db = stack.subgraphs.stadsdel.db;
    try {
      // A subgraph that answers HTTP 500 quoting the request.
      answers.push(await stack.query(probe, { p: pnr }, asOfficer));
      // The audit log cannot be written.
      await db.schema.renameTable('audit_log', 'audit_log_moved');
      answers.push(await stack.query(probe, { p: pnr }, asOfficer).finally(() => db.schema.renameTable('audit_log_moved', 'audit_log')));
      // A SQL failure on the person's row.
      await db.schema.renameTable('persons', 'persons_moved');
      answers.push(await stack.query(probe, { p: `${pnr.slice(2, 8)}-${pnr.slice(8)}` }, asOfficer).finally(() => db.schema.renameTable('persons_moved', 'persons')));
      // graphql-js quotes a variable's bad value in its message.
      answers.push(await stack.query(`query($b: Boolean!) { districts @include(if: $b) { name } }`, { b: pnr }, asOfficer));
      // A token that is nearly right.
      answers.push(await stack.query(probe, { p: pnr }, { token: `${token.slice(0, -4)}AAAA` }));
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    const logs = lines.join('\n');
    const shown = JSON.stringify(answers);

    // The paths ran: each failure is logged under a request id, and answered.
    expect(logs).toMatch(/request [0-9a-f-]{36}: SUBGRAPH_ERROR in partners/);
    expect(logs).toMatch(/audit log write failed \(request [0-9a-f-]{36}\)/);
    expect(shown).toContain('AUDIT_UNAVAILABLE');
    expect(shown).toContain('UNAUTHENTICATED');
    expect(shown).toContain('[personnummer]'); // the variable's bad value, redacted
    expect(sentToPartners.length).toBeGreaterThan(0);

    for (const text of [logs, shown]) {
      for (const form of [pnr, pnr.slice(2), `${pnr.slice(0, 8)}-${pnr.slice(8)}`, `${pnr.slice(2, 8)}-${pnr.slice(8)}`]) {
        expect(text).not.toContain(form);
      }
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.slice(0, -4));
      for (const forwarded of sentToPartners) expect(text).not.toContain(forwarded.replace(/^Bearer /, ''));
      expect(text).not.toContain('LogsProbe(');
      expect(text).not.toContain('personnummer: $p');
    }
  });
});
