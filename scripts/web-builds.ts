import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/**
 * The browser builds the gateway serves in development, which `npm start` makes first when
 * they are missing or older than their sources: the desk (`npm run desk:build`, the desk's
 * own script) and GraphiQL (`npm run graphiql:build`, gateway/graphiql/).
 */

const ROOT = path.join(__dirname, '..');

export interface WebBuild {
  /** What it is called in what `npm start` prints. */
  name: string;
  /** The root package.json script that makes it. */
  script: string;
  /** Folders (their `dist/` and `node_modules/` aside) and files whose change calls for a new build. */
  sources: string[];
  /** The page the build writes, whose age is the build's. */
  output: string;
}

/** A dependency upgrade changes what is bundled, so the lock file is a source of both. */
const LOCK = 'package-lock.json';

export const DESK_BUILD: WebBuild = { name: 'desk', script: 'desk:build', sources: ['desk', LOCK], output: 'desk/dist/index.html' };

export const GRAPHIQL_BUILD: WebBuild = {
  name: 'GraphiQL',
  script: 'graphiql:build',
  sources: ['gateway/graphiql', LOCK],
  output: 'gateway/graphiql/dist/index.html',
};

export type BuildOutcome = 'fresh' | 'built' | 'no script' | 'failed';

/** The newest modification time among `sources`, 0 when none exists. */
function newestSource(sources: string[]): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of fs.readdirSync(file)) if (entry !== 'dist' && entry !== 'node_modules') visit(path.join(file, entry));
  };
  for (const source of sources) visit(path.join(ROOT, source));
  return newest;
}

export function isStale(build: WebBuild): boolean {
  const output = fs.statSync(path.join(ROOT, build.output), { throwIfNoEntry: false });
  return !output || output.mtimeMs < newestSource(build.sources);
}

function hasScript(script: string): boolean {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return Boolean(manifest.scripts?.[script]);
}

/**
 * Builds `build` when it is stale, its output going to `log` line by line. A failed build is
 * told, not thrown: the API runs without its pages.
 */
export async function ensureBuilt(build: WebBuild, log: (line: string) => void): Promise<BuildOutcome> {
  if (!hasScript(build.script)) {
    log(`${build.name} not built: run npm run ${build.script}`);
    return 'no script';
  }
  if (!isStale(build)) return 'fresh';
  log(`building the ${build.name} (npm run ${build.script}) …`);
  const child = spawn('npm', ['run', '--silent', build.script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  readline.createInterface({ input: child.stdout }).on('line', log);
  readline.createInterface({ input: child.stderr }).on('line', log);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code === 0) return 'built';
  log(`${build.name} not built: npm run ${build.script} failed (exit ${code}); the gateway runs without it`);
  return 'failed';
}
