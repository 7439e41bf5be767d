import fs from 'node:fs';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { Browser, chromium, Page } from 'playwright-core';
import { ensureBuilt, GRAPHIQL_BUILD } from '../../../scripts/web-builds';
import { Stack, startStack } from '../../helpers/stack';
import { STACK_START_TIMEOUT_MS } from '../../helpers/timeouts';

/**
 * GraphiQL as a developer opens it, in Debian's Chromium driven by playwright-core, on a
 * machine without a network: every request that leaves the loopback is refused and counted.
 * In CI it always runs (`.ci/run` installs Chromium; a missing one fails the test); elsewhere
 * without Chromium it is declared skipped, saying why.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The flags a closed network needs: no background connections, no first-run work. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = path.join(__dirname, '..', '..', '..', 'test-artifacts', 'gateway');

const inBrowser = fs.existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
const skipped = inBrowser === describe ? '' : ` — skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`;

/** Whom a request to the gateway acts as, by the payload of its bearer token. */
function caller(authorization: string | undefined): Record<string, unknown> {
  const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!bearer) throw new Error('the request carries no bearer token');
  return decodeJwt(bearer);
}

inBrowser(`GraphiQL in a browser without a network${skipped}`, () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];

  beforeAll(async () => {
    const outcome = await ensureBuilt(GRAPHIQL_BUILD, (line) => process.stdout.write(`${line}\n`));
    expect(['fresh', 'built']).toContain(outcome);
    stack = await startStack({ dialect: 'sqlite', people: 200 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort('internetdisconnected');
    });
    await page.goto(`${new URL(stack.gatewayUrl).origin}/graphiql`);
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  // The editor tools hold the variables' editor too, hidden while the headers show.
  const headers = () => page.locator('.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden) .view-lines');
  /** Runs the operation in the editor; its request's Authorization header, once GraphiQL shows the answer. */
  const run = async (operationName: string) => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().postDataJSON()?.operationName === operationName),
      page.getByRole('button', { name: /Execute query/i }).click(),
    ]);
    const answer = JSON.stringify(await response.json(), null, 2).split('\n')[1].trim();
    await page.locator('.result-window').getByText(answer).first().waitFor();
    return response.request().headers().authorization;
  };

  it('opens with the persona list at hand, signed in as the coach, the token under Headers', async () => {
    await page.getByRole('button', { name: /Jobbcoach, Jobbtorg Vårberg/ }).waitFor();
    expect(await page.locator('[data-persona]').count()).toBe(8);
    expect(await page.locator('[data-persona="jobbtorgCoach"]').getAttribute('aria-pressed')).toBe('true');
    await headers().getByText('"Authorization"').waitFor();
    // Monaco draws spaces as no-break spaces.
    expect((await headers().innerText()).replace(/\s+/g, ' ')).toMatch(/\{ "Authorization": "Bearer ey/);
  });

  it('runs the first query as the coach, and reads the schema for its docs', async () => {
    const request = await run('Someone');
    expect(caller(request)).toMatchObject({ org: 'JOBBTORG:VARBERG', sub: 'coach.varberg' });
    const result = await page.locator('.result-window').innerText();
    expect(result).toContain('"cases"');
    expect(result).toContain('"personnummer"');
    expect(result).not.toContain('"errors"');
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await page.getByText('Root Types').waitFor();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png') });
  });

  it('sends another persona’s token once that one is chosen', async () => {
    await page.getByRole('button', { name: /Show Personas/i }).click();
    await page.locator('[data-persona="districtOfficer"]').click();
    await page.getByRole('status').getByText(/Socialsekreterare, Skärholmen/).waitFor();
    const request = await run('Someone');
    expect(caller(request)).toMatchObject({ org: 'DISTRICT:SKH', sub: 'handlaggare.skh' });
  });

  it('asked nothing of any host but this one', () => {
    expect(outside).toEqual([]);
  });
});
