import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { listen } from '../lib/service';
import { launchChromium } from '../test/e2e/desk/browser';

/**
 * `npm run bench:desk`: the desk's two figures (issue 12), measured, not asserted.
 *  1. The initial route's JavaScript, gzipped: the entry chunk of `desk/dist/index.html` and
 *     every chunk it imports statically (Vite's manifest), i.e. what a browser must load
 *     before the sign-in page shows; the lazy views come after. Aim: ≤ 250 kB.
 *  2. The time from data to a drawn timeline, in Chromium, for a person with 20 activities
 *     over 26 weeks (`desk/bench/`): from handing the plan to the desk's Timeline to the
 *     frame that shows it drawn. Aim: ≤ 300 ms.
 */

const ROOT = path.join(__dirname, '..');
const CONFIG = path.join(ROOT, 'desk', 'vite.config.mts');
const BENCH_CONFIG = path.join(ROOT, 'desk', 'bench', 'vite.config.mts');
const VITE = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
const ROUNDS = 15;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

function viteBuild(config: string, env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [VITE, 'build', '--config', config, '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
}

function gzipped(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

async function initialRoute(): Promise<{ files: string[]; bytes: number; raw: number }> {
  viteBuild(CONFIG);
  const dist = path.join(ROOT, 'desk', 'dist');
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'));
  if (!entry) throw new Error('the manifest names no index.html entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit(entry);
  const files = [...seen].map((key) => manifest[key].file);
  return {
    files,
    bytes: files.reduce((sum, file) => sum + gzipped(path.join(dist, file)), 0),
    raw: files.reduce((sum, file) => sum + fs.statSync(path.join(dist, file)).size, 0),
  };
}

async function timelineTimes(): Promise<number[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
  try {
    viteBuild(BENCH_CONFIG, { DESK_BENCH_OUT: outDir });
    const server = http.createServer(express().use(express.static(outDir)));
    const { port } = await listen(server, 0, '127.0.0.1');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (error) => console.error(`the benchmark page failed: ${error.message}`));
      page.on('crash', () => console.error('the benchmark page crashed'));
      await page.goto(`http://127.0.0.1:${port}/bench/timeline.html`);
      // Run in the page, where the benchmark page defines drawTimeline().
      await page.waitForFunction('typeof window.drawTimeline === "function"');
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) times.push(await page.evaluate<number>('window.drawTimeline()'));
      const bars = await page.locator('.vis-item.bar').count();
      if (bars !== 20) throw new Error(`the benchmark timeline drew ${bars} bars, not 20`);
      return times;
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const route = await initialRoute();
  console.log(`initial route JavaScript: ${(route.bytes / 1000).toFixed(1)} kB gzipped (${(route.raw / 1000).toFixed(1)} kB minified) in ${route.files.length} files: ${route.files.join(', ')} (aim ≤ 250 kB)`);
  const times = await timelineTimes();
  const [first, ...warm] = times;
  console.log(
    `data to drawn timeline, 20 activities over 26 weeks: first ${first.toFixed(0)} ms, then median ${median(warm).toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms over ${warm.length} rounds (aim ≤ 300 ms)`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
