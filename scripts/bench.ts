// `npm run bench`: prints figures and ratios for issue 2's performance targets. Not a test:
// it exits 0 whatever the figures are, and non-zero only when it cannot run.
//
//  Bytes: gzip bytes of everything a first visit loads (measured in Chromium, every response
//         body gzipped at level 9), against MapLibre's own JS + worker + CSS. Target <= 1.5.
//  Time:  navigation to map idle (window.sitmap.ready) against a bare MapLibre page built
//         here from scripts/bench/bare/ with the app's style builder and data. Median of
//         several alternating runs. Target <= 1.3.
//
// Builds go to .bench/ (git-ignored) and are removed at the end; dist/ is left alone.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { serveStatic } from './bench/static-server';
import { assertChromium, CHROMIUM_ARGS } from './chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = resolve(ROOT, '.bench');
const APP_OUT = join(WORK, 'app-dist');
const BARE_OUT = join(WORK, 'bare-dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const READY_TIMEOUT_MS = 90_000;
const VIEWPORT = { width: 1280, height: 800 };

const gz = (buf: Buffer | Uint8Array): number => gzipSync(buf, { level: 9 }).length;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A response's identity for byte counting: origin + path, query dropped. */
function keyOf(url: string): string {
  if (url.startsWith('data:') || url.startsWith('blob:')) return url.slice(0, 64);
  const u = new URL(url);
  return u.origin + u.pathname;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

async function buildBoth(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  console.log('building the app (vite.config.ts) into .bench/app-dist …');
  await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: APP_OUT, emptyOutDir: true },
  });
  console.log('building the bare MapLibre page (scripts/bench/bare) into .bench/bare-dist …');
  await build({
    root: resolve(ROOT, 'scripts/bench/bare'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir: BARE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  });
}

interface Visit {
  /** ms from navigation start to ready, measured in the page (performance.now()). */
  readyMs: number;
  /** url -> body bytes, for every response of the visit. */
  bodies: Map<string, Buffer>;
  /** The map canvas size in CSS px. */
  mapSize: { w: number; h: number };
}

async function visit(browser: Browser, url: string, readyExpr: string, keepBodies: boolean): Promise<Visit> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const bodies = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (keepBodies) {
    // Context-level, so requests of workers and service workers are seen too. Keyed by path:
    // a file fetched twice (e.g. by the page and a precaching service worker) counts once.
    const grab = (res: import('playwright-core').Response): void => {
      const key = keyOf(res.url());
      pending.push(
        res
          .body()
          .then((b) => {
            if (b.length >= (bodies.get(key)?.length ?? 0)) bodies.set(key, b);
          })
          .catch(() => undefined),
      );
    };
    context.on('response', grab);
    // Module workers (MapLibre's) may not hand their script body over: filled from disk below.
    page.on('worker', (w) => {
      if (!bodies.has(keyOf(w.url()))) bodies.set(keyOf(w.url()), Buffer.alloc(0));
    });
  }
  try {
    await page.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    const handle = await page.waitForFunction(`(${readyExpr}) ? performance.now() : false`, undefined, {
      timeout: READY_TIMEOUT_MS,
      polling: 'raf',
    });
    const readyMs = (await handle.jsonValue()) as number;
    const mapSize = await page.evaluate(() => {
      const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement | null;
      const r = c?.getBoundingClientRect();
      return { w: Math.round(r?.width ?? 0), h: Math.round(r?.height ?? 0) };
    });
    await Promise.all(pending);
    return { readyMs, bodies, mapSize };
  } catch (err) {
    throw new Error(`${url}: ${(err as Error).message}${errors.length ? `\npage errors: ${errors.join('\n')}` : ''}`);
  } finally {
    await context.close();
  }
}

/** Fill worker bodies (which Playwright does not hand over) from the build output on disk. */
function fillFromDisk(bodies: Map<string, Buffer>, origin: string, prefix: string, dir: string): void {
  for (const [url, body] of bodies) {
    if (body.length > 0 || !url.startsWith(origin + prefix)) continue;
    const file = join(dir, decodeURIComponent(new URL(url).pathname.slice(prefix.length)));
    if (existsSync(file)) bodies.set(url, readFileSync(file));
  }
}

function bytesSection(app: Visit, bare: Visit, origin: string): void {
  console.log('\n== Bytes (gzip -9 of every response body of a first visit) ==');
  const rows = [...app.bodies].map(([url, body]) => ({
    name: url.startsWith(origin) ? new URL(url).pathname.replace(/^\/app\//, '') || 'index.html' : url,
    raw: body.length,
    gzip: gz(body),
  }));
  rows.sort((a, b) => b.gzip - a.gzip);
  for (const r of rows) console.log(`  ${pad(r.name, 52)} ${pad(kb(r.raw), 11)} raw  ${kb(r.gzip)} gzip`);
  const appTotal = rows.reduce((s, r) => s + r.gzip, 0);
  console.log(`  app first visit: ${rows.length} files, ${kb(appTotal)} gzip`);

  const loaded = new Set(rows.map((r) => r.name));
  const notLoaded = walk(APP_OUT)
    .map((f) => relative(APP_OUT, f))
    .filter((f) => !loaded.has(f));
  if (notLoaded.length) console.log(`  (in the build but not loaded on first visit: ${notLoaded.join(', ')})`);

  const ml = resolve(ROOT, 'node_modules/maplibre-gl/dist');
  const mlFiles = ['maplibre-gl.mjs', 'maplibre-gl-shared.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'].filter(
    (f) => existsSync(join(ml, f)),
  );
  let mlTotal = 0;
  console.log('  MapLibre reference (node_modules/maplibre-gl/dist):');
  for (const f of mlFiles) {
    const b = readFileSync(join(ml, f));
    const g = b.length ? gz(b) : 0;
    mlTotal += g;
    console.log(`    ${pad(f, 50)} ${pad(kb(b.length), 11)} raw  ${kb(g)} gzip`);
  }
  console.log(`    MapLibre JS + worker + CSS: ${kb(mlTotal)} gzip`);
  const bareTotal = [...bare.bodies.values()].reduce((s, b) => s + gz(b), 0);
  console.log(`  bare MapLibre page first visit (same data): ${kb(bareTotal)} gzip`);
  console.log(`  RATIO bytes app / MapLibre = ${(appTotal / mlTotal).toFixed(2)}  (target <= 1.5)`);
}

/** Issue 3's case: 100,000 random points within 10 km of the line of contact, naive Turf vs kd-tree. */
async function nearLineSection(): Promise<void> {
  console.log('\n== Point queries: 100,000 random points in the region within 10 km of the line of contact ==');
  let mod: typeof import('./bench/nearLine');
  try {
    mod = await import('./bench/nearLine');
  } catch (err) {
    console.log(`  (case not available: ${(err as Error).message})`);
    return;
  }
  const fc = JSON.parse(readFileSync(resolve(ROOT, 'data/features.json'), 'utf8'));
  const line = fc.features.find((f: { id: string }) => f.id === 'line:line-of-contact-1994');
  if (!line) {
    console.log('  (data/features.json has no line:line-of-contact-1994)');
    return;
  }
  const r = mod.benchNearLine(line);
  console.log(`  ${r.matches} of ${r.n} points within ${r.km} km (same set from both paths)`);
  console.log(`  naive Turf loop: ${r.naiveMs} ms; kd-tree query: ${r.indexedMs} ms (index build ${r.buildMs} ms, once)`);
  console.log(`  RATIO naive / indexed = ${r.ratio}x  (target >= 20x; ${r.ratioWithBuild}x counting the build)`);
}

async function main(): Promise<void> {
  const chromiumPath = assertChromium();
  for (const f of ['basemap', 'features', 'report', 'legend']) {
    if (!existsSync(resolve(ROOT, `data/${f}.json`))) throw new Error(`data/${f}.json is missing: run npm run data`);
  }
  await buildBoth();
  const server = await serveStatic({ '/app/': APP_OUT, '/bare/': BARE_OUT });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  try {
    const appUrl = `${server.origin}/app/`;
    const appReady = 'window.sitmap && window.sitmap.ready === true';
    const bareReady = 'window.bareReady === true';

    // First visit of each, with bodies (also a warm-up for the timings below).
    const appFirst = await visit(browser, appUrl, appReady, true);
    fillFromDisk(appFirst.bodies, server.origin, '/app/', APP_OUT);
    const bareUrl = `${server.origin}/bare/?w=${appFirst.mapSize.w}&h=${appFirst.mapSize.h}`;
    const bareFirst = await visit(browser, bareUrl, bareReady, true);
    fillFromDisk(bareFirst.bodies, server.origin, '/bare/', BARE_OUT);
    bytesSection(appFirst, bareFirst, server.origin);

    console.log(`\n== Time (navigation start -> map idle, headless Chromium, software WebGL; ${RUNS} runs each, alternating, fresh context per run) ==`);
    console.log(`  map canvas ${appFirst.mapSize.w}x${appFirst.mapSize.h} CSS px in both pages (viewport ${VIEWPORT.width}x${VIEWPORT.height})`);
    const appMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      appMs.push((await visit(browser, appUrl, appReady, false)).readyMs);
      bareMs.push((await visit(browser, bareUrl, bareReady, false)).readyMs);
    }
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`  app  (window.sitmap.ready): median ${median(appMs).toFixed(0)} ms  [${fmt(appMs)}]`);
    console.log(`  bare (first idle)         : median ${median(bareMs).toFixed(0)} ms  [${fmt(bareMs)}]`);
    console.log(`  RATIO time app / bare = ${(median(appMs) / median(bareMs)).toFixed(2)}  (target <= 1.3)`);
    await nearLineSection();
  } finally {
    await browser.close();
    await server.close();
    rmSync(WORK, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench could not run: ${(err as Error).message}`);
  rmSync(WORK, { recursive: true, force: true });
  process.exit(1);
});
