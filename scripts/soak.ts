// npm run soak [-- --steps 500 --cycles 20 --step 0.2 --idle 0.5 --samples 10]
// Runs the built kiosk (builds dist/ first if missing) in headless Chromium at
// accelerated timing and prints heap-after-GC, DOM node count and console
// errors at intervals, then the totals against the targets (heap growth
// < 10 % first→last sample, 0 errors, stable DOM). Prints figures; exits 0
// unless it cannot run.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { runSoak } from './soakCore';
import { assertChromium, CHROMIUM_ARGS } from './chromium';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

async function main(): Promise<void> {
  const steps = arg('steps', 500);
  const cycles = arg('cycles', 20);
  const step = arg('step', 0.2);
  const idle = arg('idle', 0.5);
  const samples = arg('samples', 10);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = process.env.SITMAP_DIST || 'dist';
  if (!existsSync(resolve(root, outDir, 'index.html'))) {
    console.log(`${outDir}/ is missing: building…`);
    execFileSync('npx', ['vite', 'build', '--outDir', outDir], { cwd: root, stdio: 'inherit' });
  }
  const port = await freePort();
  const server = await preview({
    root,
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  const browser = await chromium.launch({
    executablePath: assertChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const url = `http://127.0.0.1:${port}/?kiosk&step=${step}&idle=${idle}`;
    console.log(`soak: ${url}: ${steps} tour steps, ${cycles} pause/resume cycles`);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { sitmap?: { ready?: boolean } }).sitmap?.ready === true, undefined, {
      timeout: 90_000,
    });
    const r = await runSoak(page, { steps, cycles, samples, log: (l) => console.log(l) });
    const ok = (b: boolean) => (b ? 'ok' : 'OVER TARGET');
    console.log('--- soak summary ---');
    console.log(`tour advances ${r.advances}, pause/resume cycles ${r.resumes}, map rebuilds ${r.rebuilds}`);
    console.log(`heap growth first→last sample: ${r.heapGrowthPct.toFixed(1)} % (target < 10 %) ${ok(r.heapGrowthPct < 10)}`);
    console.log(`console errors: ${r.consoleErrors.length}, page errors: ${r.pageErrors.length}, unhandled rejections: ${r.unhandledRejections} (target 0) ${ok(r.consoleErrors.length + r.pageErrors.length + r.unhandledRejections === 0)}`);
    console.log(`DOM nodes first→last: ${r.domNodesFirst} → ${r.domNodesLast} ${ok(Math.abs(r.domNodesLast - r.domNodesFirst) <= 50)}`);
    for (const e of [...r.consoleErrors, ...r.pageErrors].slice(0, 10)) console.log(`  error: ${e}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error('soak could not run:', e);
  process.exit(1);
});
