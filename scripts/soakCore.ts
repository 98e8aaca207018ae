// The kiosk soak, reusable: drives an already opened /?kiosk page (accelerated
// timing) through N tour advances and M pause/resume cycles, sampling the JS
// heap after garbage collection, DOM node count and console errors at
// intervals. Used by scripts/soak.ts (npm run soak) and by the browser test
// (a shortened run with assertions).
import type { Page } from 'playwright-core';

export interface SoakOptions {
  /** Tour advances to run through (at least). */
  steps: number;
  /** Pause/resume cycles (simulated input, then idle). */
  cycles: number;
  /** Number of samples (first taken after the first interval of steps). */
  samples?: number;
  /**
   * Advances to run before the first sample (default: one full tour loop), so
   * that MapLibre's tile and label caches are warm and the samples show growth,
   * not warm-up.
   */
  warmupSteps?: number;
  /** Upper bound for the whole run. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface SoakSample {
  advances: number;
  resumes: number;
  /** JS heap used after a forced GC, bytes. */
  heapUsed: number;
  domNodes: number;
  consoleErrors: number;
  elapsedMs: number;
}

export interface SoakResult {
  samples: SoakSample[];
  /** (last - first) / first heap, in percent. */
  heapGrowthPct: number;
  consoleErrors: string[];
  pageErrors: string[];
  unhandledRejections: number;
  rebuilds: number;
  domNodesFirst: number;
  domNodesLast: number;
  advances: number;
  resumes: number;
}

interface KioskState {
  step: number;
  steps: number;
  paused: boolean;
  advances: number;
  resumes: number;
  rebuilds: number;
  unhandledRejections: number;
}

const kioskState = (page: Page): Promise<KioskState> =>
  page.evaluate(() => (window as unknown as { sitmap: { kiosk: { state(): KioskState } } }).sitmap.kiosk.state());

/** Runs the soak on a page already showing the kiosk (window.sitmap.kiosk present). */
export async function runSoak(page: Page, opts: SoakOptions): Promise<SoakResult> {
  const log = opts.log ?? (() => {});
  const samplesWanted = Math.max(2, opts.samples ?? 10);
  const deadline = Date.now() + (opts.timeoutMs ?? 30 * 60_000);
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  };
  const onPageError = (e: Error) => pageErrors.push(e.message);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const started = Date.now();
  const samples: SoakSample[] = [];

  const sample = async (): Promise<SoakSample> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const st = await kioskState(page);
    const s: SoakSample = {
      advances: st.advances,
      resumes: st.resumes,
      heapUsed: heap.usedSize,
      domNodes,
      consoleErrors: consoleErrors.length,
      elapsedMs: Date.now() - started,
    };
    log(
      `advances ${String(s.advances).padStart(5)}  resumes ${String(s.resumes).padStart(3)}  ` +
        `heap ${(s.heapUsed / 1048576).toFixed(2).padStart(7)} MB  DOM ${String(s.domNodes).padStart(5)}  ` +
        `errors ${s.consoleErrors}  t ${(s.elapsedMs / 1000).toFixed(0)} s`,
    );
    return s;
  };

  const waitFor = async (what: string, cond: (s: KioskState) => boolean): Promise<KioskState> => {
    for (;;) {
      const s = await kioskState(page);
      if (cond(s)) return s;
      if (Date.now() > deadline) throw new Error(`soak timed out waiting for ${what}`);
      await page.waitForTimeout(50);
    }
  };

  try {
    const before = await kioskState(page);
    const warmup = opts.warmupSteps ?? before.steps;
    log(`warm-up: ${warmup} tour steps`);
    const base = await waitFor('the warm-up', (x) => !x.paused && x.advances >= before.advances + warmup);
    const target = base.advances + opts.steps;
    const perSample = opts.steps / samplesWanted;
    const perCycle = opts.cycles > 0 ? opts.steps / opts.cycles : Infinity;
    let nextSample = base.advances + perSample;
    let nextCycle = base.advances + perCycle / 2;
    let cyclesDone = 0;
    const box = await page.locator('[data-testid="map"]').boundingBox();
    for (;;) {
      const s = await waitFor('the tour to advance', (x) => !x.paused && (x.advances >= nextSample || (cyclesDone < opts.cycles && x.advances >= nextCycle) || x.advances >= target));
      if (cyclesDone < opts.cycles && s.advances >= nextCycle) {
        // A person: a tap on the map (a click selects whatever is there), then walks away.
        if (cyclesDone % 2 === 0 && box) await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.5);
        else await page.keyboard.press('Shift');
        await waitFor('input to pause the tour', (x) => x.paused);
        await waitFor('idle to resume the tour', (x) => !x.paused && x.resumes > s.resumes);
        cyclesDone += 1;
        nextCycle += perCycle;
      }
      if (s.advances >= nextSample || s.advances >= target) {
        samples.push(await sample());
        nextSample += perSample;
      }
      if (s.advances >= target && cyclesDone >= opts.cycles) break;
    }
    const last = await kioskState(page);
    const first = samples[0];
    const end = samples[samples.length - 1];
    return {
      samples,
      heapGrowthPct: ((end.heapUsed - first.heapUsed) / first.heapUsed) * 100,
      consoleErrors,
      pageErrors,
      unhandledRejections: last.unhandledRejections,
      rebuilds: last.rebuilds,
      domNodesFirst: first.domNodes,
      domNodesLast: end.domNodes,
      advances: last.advances - base.advances,
      resumes: last.resumes - base.resumes,
    };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    await cdp.detach().catch(() => {});
  }
}
