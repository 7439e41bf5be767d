import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core, which downloads no browser of its own. In CI
 * the browser tests always run (`.ci/run` installs Chromium when it is missing, and a
 * missing one fails them); on a developer's machine without Chromium they are declared
 * skipped, saying why.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = path.join(__dirname, '..', '..', '..', 'test-artifacts', 'desk');

/** The flags a closed network needs: no background connections, no first-run work. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function describeInBrowser(name: string, body: () => void): void {
  if (fs.existsSync(CHROMIUM_PATH) || process.env.CI) {
    describe(name, body);
    return;
  }
  describe.skip(`${name} — skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`, () => it.todo('runs in a browser'));
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/** Saves what the page shows as `test-artifacts/desk/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** The serious and critical accessibility violations axe finds on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * What `read` gives once it equals `expected`, or its last reading after `timeoutMs`, for the
 * caller's `expect` to report: the page draws after the answer comes, so a reading is
 * repeated until it settles.
 */
export async function settled<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
