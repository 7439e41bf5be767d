import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { mintToken } from '../../../lib/auth/development';
import { PrivateJwk } from '../../../lib/auth/keys';
import { PERSONAS, PersonaName } from '../../../lib/auth/personas';
import { listen } from '../../../lib/service';

/**
 * The desk as a browser gets it in these tests: its built files (`desk/dist/`), the
 * `config.json` the serving side writes, `/graphql` passed on to the stack's gateway, and —
 * in development only — the development sign-in endpoints `/dev/personas` and `/dev/token`
 * of the interface agreed with the gateway (issue 12), minted with the stack's issuer key.
 * It stands in for the gateway's own serving of the desk until that lands.
 */

const ROOT = path.join(__dirname, '..', '..', '..');
export const DESK_DIST = path.join(ROOT, 'desk', 'dist');

export interface DeskConfigFile {
  graphqlUrl: string;
  mode: 'development' | 'production';
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

export interface DeskServerOptions {
  gatewayUrl: string;
  config: Omit<DeskConfigFile, 'graphqlUrl'>;
  /** The key development tokens are minted with; only in development. */
  issuerJwk?: PrivateJwk;
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

/** Serves the desk on an ephemeral port of the loopback; `stop()` closes it. */
export async function serveDesk(options: DeskServerOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = express();
  const config: DeskConfigFile = { graphqlUrl: 'graphql', ...options.config };
  app.get('/config.json', (_req, res) => {
    res.json(config);
  });
  if (options.config.mode === 'development') {
    const jwk = options.issuerJwk;
    if (!jwk) throw new Error('serveDesk: development needs the issuer key for /dev/token');
    app.get('/dev/personas', (_req, res) => {
      res.json(Object.entries(PERSONAS).map(([name, p]) => ({ name, title: p.title, org: p.org })));
    });
    app.post('/dev/token', express.json(), async (req, res) => {
      const name = req.body?.persona as PersonaName;
      if (!(name in PERSONAS)) {
        res.status(400).json({ error: 'unknown persona' });
        return;
      }
      const seconds = 8 * 3600;
      res.json({ token: await mintToken(jwk, PERSONAS[name], { seconds }), expiresAt: new Date(Date.now() + seconds * 1000).toISOString() });
    });
  }
  app.post('/graphql', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    const headers: Record<string, string> = { 'content-type': req.get('content-type') ?? 'application/json' };
    const authorization = req.get('authorization');
    if (authorization) headers.authorization = authorization;
    try {
      const answer = await fetch(options.gatewayUrl, { method: 'POST', headers, body: req.body });
      res.status(answer.status).type(answer.headers.get('content-type') ?? 'application/json').send(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.status(502).end();
    }
  });
  app.use(express.static(DESK_DIST));
  const httpServer = http.createServer(app);
  const { port } = await listen(httpServer, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise<void>((resolve) => {
      httpServer.closeAllConnections();
      httpServer.close(() => resolve());
    }),
  };
}
