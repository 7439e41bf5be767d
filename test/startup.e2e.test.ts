import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** A service started with bad configuration stops at once with one line naming the variable. */

const tsx = require.resolve('tsx/cli');
const root = path.join(__dirname, '..');

function start(entry: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [tsx, entry], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('start-up', () => {
  it('refuses a malformed port, in one line', () => {
    const { status, stderr } = start('subgraphs/stadsdel/index.ts', { STADSDEL_PORT: 'forty' });
    expect(status).toBe(1);
    expect(stderr).toBe('stadsdel: cannot start: STADSDEL_PORT must be a port number 0–65535, got "forty"');
  });

  it('refuses a database URL of an unknown kind', () => {
    const { status, stderr } = start('subgraphs/partners/index.ts', { PARTNERS_DATABASE_URL: 'postgres://db/partners' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^partners: cannot start: PARTNERS_DATABASE_URL must start with sqlite: or mysql:\/\//);
  });

  it('names the subgraph whose URL does not answer', () => {
    const { status, stderr } = start('gateway/index.ts', {
      GATEWAY_PORT: '0',
      STADSDEL_URL: 'http://127.0.0.1:9/graphql',
      JOBBTORG_URL: 'http://127.0.0.1:9/graphql',
      PARTNERS_URL: 'http://127.0.0.1:9/graphql',
      GATEWAY_STARTUP_TIMEOUT_MS: '300',
    });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^gateway: cannot start: stadsdel at http:\/\/127\.0\.0\.1:9\/graphql does not answer \(ECONNREFUSED\); check STADSDEL_URL/);
    expect(stderr.split('\n')).toHaveLength(1);
  });
});
