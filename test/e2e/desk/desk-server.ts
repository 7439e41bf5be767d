import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { DESK_DIST, DeskConfig } from '../../../gateway/pages';
import { listen } from '../../../lib/service';
import { Stack } from '../../helpers/stack';

/**
 * The desk as the browser tests get it. In development the gateway serves it itself, at
 * its `/`, with the development sign-in (`deskOf`). In production the desk is static files
 * behind any web server with a `config.json` beside them (`serveDesk`), calling the
 * gateway's `/graphql` from its own origin, which the gateway lets in by `CORS_ORIGINS`.
 */

const ROOT = path.join(__dirname, '..', '..', '..');

/** The desk the stack's gateway serves in development: at the gateway's own `/`. */
export function deskOf(stack: Stack): { url: string } {
  return { url: new URL('/', stack.gatewayUrl).toString() };
}

function newestFile(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const file = path.join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestFile(file) : fs.statSync(file).mtimeMs);
  }, 0);
}

/**
 * Builds the desk when `desk/dist/` is missing or older than its sources (`npm test` builds
 * it first, so there this finds it fresh). A lock keeps two test files from building at once.
 */
export function ensureDeskBuild(): void {
  const desk = path.join(ROOT, 'desk');
  const index = path.join(DESK_DIST, 'index.html');
  // The desk's sources, and lib/, whose pure modules it bundles.
  const sources = Math.max(newestFile(path.join(desk, 'src')), newestFile(path.join(ROOT, 'lib')), fs.statSync(path.join(desk, 'index.html')).mtimeMs, fs.statSync(path.join(desk, 'vite.config.mts')).mtimeMs);
  const fresh = () => fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources;
  if (fresh()) return;
  const lock = path.join(desk, '.build-lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      execFileSync('sleep', ['1']);
    }
  }
  try {
    if (!fresh()) {
      execFileSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--config', path.join(desk, 'vite.config.mts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    }
  } finally {
    fs.rmdirSync(lock);
  }
}

/**
 * Serves the desk's build on an ephemeral port of the loopback, as a plain web server does:
 * the files, and `config.json`, asked of `config` at each request, so a test can start the
 * desk before what its configuration names (an OpenID provider sending users back to it).
 */
export async function serveDesk(config: () => DeskConfig): Promise<{ url: string; origin: string; stop: () => Promise<void> }> {
  const app = express();
  app.get('/config.json', (_req, res) => {
    res.json(config());
  });
  app.use(express.static(DESK_DIST));
  const httpServer = http.createServer(app);
  const { port } = await listen(httpServer, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      httpServer.closeAllConnections();
      httpServer.close(() => resolve());
    }),
  };
}
