import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** A service started with bad configuration stops at once with one line naming the variable. */

const tsx = require.resolve('tsx/cli');
const root = path.join(__dirname, '..', '..', '..');

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

  it('names the subgraph whose URL does not answer', async () => {
    const closedPort = await freePort();
    const url = `http://127.0.0.1:${closedPort}/graphql`;
    const { status, stderr } = start('gateway/index.ts', {
      GATEWAY_PORT: '0',
      STADSDEL_URL: url,
      JOBBTORG_URL: url,
      PARTNERS_URL: url,
      GATEWAY_STARTUP_TIMEOUT_MS: '300',
    });
    expect(status).toBe(1);
    expect(stderr).toContain(`gateway: cannot start: stadsdel at ${url} does not answer (ECONNREFUSED); check STADSDEL_URL`);
    expect(stderr.split('\n')).toHaveLength(1);
  });
});

/** A port nothing listens on: taken from the system, then released. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
