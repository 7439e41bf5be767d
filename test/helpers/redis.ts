import { spawnSync } from 'node:child_process';

/**
 * The Redis the rate-limit tests share budgets in: `REDIS_URL` (`.ci/run` sets it when a
 * server answers locally), else the local one when it answers on 127.0.0.1:6379, else ''
 * and those tests are declared skipped, saying so.
 */
export const REDIS_URL = process.env.REDIS_URL || (answersLocally(6379) ? 'redis://127.0.0.1:6379' : '');

/** Whether something accepts a TCP connection on 127.0.0.1:`port`; asked in a child, since a test file's blocks are declared synchronously. */
function answersLocally(port: number): boolean {
  const probe = `require('net').connect(${port}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 2_000 }).status === 0;
}
