// Kiosk mode (issue 5) in real headless Chromium: the attract loop, pause on
// input and resume on idle, WebGL context loss (restored, and never restored),
// an offline reload served by the service worker, and a shortened soak.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, launchBrowser, recordPage, waitForMapIdle, waitForReady, READY_TIMEOUT_MS, type PageLog } from './harness';
import { runSoak } from '../../scripts/soakCore';
import type { KioskSnapshot } from '../../src/ui/kioskLoop.svelte';

type KioskState = KioskSnapshot;

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function openKiosk(query: string, reducedMotion: 'reduce' | 'no-preference' = 'reduce'): Promise<{ page: Page; log: PageLog }> {
  // One kiosk at a time: an earlier test's tour would compete for the 2 CPU cores.
  for (const c of contexts.splice(0)) await c.close().catch(() => {});
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion, serviceWorkers: 'allow' });
  contexts.push(context);
  const page = await context.newPage();
  const log = recordPage(page);
  await page.goto(`${baseURL()}?kiosk&${query}`, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
  await waitForReady(page);
  return { page, log };
}

const state = (page: Page): Promise<KioskState> =>
  page.evaluate(() => (window as unknown as { sitmap: { kiosk: { state(): KioskState } } }).sitmap.kiosk.state());

async function until(page: Page, what: string, cond: (s: KioskState) => boolean, timeout = 30_000): Promise<KioskState> {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await state(page);
    if (cond(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; kiosk state ${JSON.stringify(s)}`);
    await page.waitForTimeout(50);
  }
}

const captionText = (page: Page) => page.locator('[data-testid="kiosk-caption"]').innerText();

/**
 * Draws a frame and reads back a grid of canvas pixels inside the 'render'
 * event (before the drawing buffer is cleared): how many distinct colours the
 * map shows. A blank or lost canvas gives 0 or 1.
 */
async function distinctColours(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const map = (window as unknown as { sitmap: { map: import('maplibre-gl').Map } }).sitmap.map;
        const timer = setTimeout(() => reject(new Error('no render within 10 s')), 10_000);
        map.once('render', () => {
          clearTimeout(timer);
          const canvas = map.getCanvas();
          const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
          if (!gl || gl.isContextLost()) return resolve(0);
          const seen = new Set<string>();
          const px = new Uint8Array(4);
          for (let i = 1; i < 12; i++) {
            for (let j = 1; j < 12; j++) {
              gl.readPixels(Math.floor((gl.drawingBufferWidth * i) / 12), Math.floor((gl.drawingBufferHeight * j) / 12), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
              if (px[3] > 0) seen.add(px.join(','));
            }
          }
          resolve(seen.size);
        });
        map.triggerRepaint();
      }),
  );
}

function loseContext(page: Page, restoreAfterMs: number | null): Promise<void> {
  return page.evaluate((ms) => {
    const canvas = (window as unknown as { sitmap: { map: import('maplibre-gl').Map } }).sitmap.map.getCanvas();
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
    const ext = gl.getExtension('WEBGL_lose_context');
    if (!ext) throw new Error('WEBGL_lose_context is not available');
    ext.loseContext();
    if (ms !== null) setTimeout(() => ext.restoreContext(), ms);
  }, restoreAfterMs);
}

function noErrors(log: PageLog): void {
  expect(log.pageErrors, log.pageErrors.join('\n')).toEqual([]);
  expect(log.consoleErrors, log.consoleErrors.join('\n')).toEqual([]);
}

describe('kiosk mode', () => {
  it('fills the screen with the map, keeps the window.sitmap contract, and tours by itself with a changing caption', async () => {
    const { page, log } = await openKiosk('step=1.5&idle=30&theme=dark');
    expect(await page.locator('.panels').count()).toBe(0);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(0);
    expect(await page.locator('[data-testid="kiosk-fullscreen"]').isVisible()).toBe(true);
    const box = await page.locator('[data-testid="map"]').boundingBox();
    expect(box!.width).toBe(1280);
    expect(box!.height).toBeGreaterThan(400);
    const api = await page.evaluate(() => {
      const s = (window as unknown as { sitmap: { features(): unknown[]; select: unknown; selected(): string | null } }).sitmap;
      return { n: s.features().length, select: typeof s.select, selected: s.selected() };
    });
    expect(api.n).toBeGreaterThan(10);
    expect(api.select).toBe('function');

    const first = await until(page, 'the first step', (s) => s.advances >= 1 && s.featureId !== null);
    expect(first.steps).toBeGreaterThan(5);
    const cap1 = await captionText(page);
    const mark = await page.locator('[data-testid="kiosk-caption"] mark').first().innerText();
    expect(mark.length).toBeGreaterThan(1);
    const pair = await page.evaluate(() => {
      const s = (window as unknown as { sitmap: { selected(): string | null; kiosk: { state(): KioskState } } }).sitmap;
      return { selected: s.selected(), step: s.kiosk.state().featureId };
    });
    expect(pair.selected).toBe(pair.step);
    const fontPx = await page.locator('[data-testid="kiosk-caption"] blockquote').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(32);

    const later = await until(page, 'two more steps', (s) => s.advances >= first.advances + 2);
    expect(later.featureId).not.toBe(first.featureId);
    expect(later.step).toBe((first.step + later.advances - first.advances) % first.steps);
    expect(await captionText(page)).not.toBe(cap1);
    expect(later.paused).toBe(false);
    noErrors(log);
  });

  it('shows bad URL values as a notice and keeps the defaults', async () => {
    const { page, log } = await openKiosk('step=-4&theme=neon');
    const notices = await page.locator('[data-testid="kiosk-notices"]').innerText();
    expect(notices).toMatch(/step=-4/);
    expect(notices).toMatch(/theme=neon/);
    const p = await page.evaluate(() => (window as unknown as { sitmap: { kiosk: { params(): { stepSeconds: number; theme: string } } } }).sitmap.kiosk.params());
    expect([p.stepSeconds, p.theme]).toEqual([12, 'dark']);
    noErrors(log);
  });

  it('pauses on input, lets a tap select a feature with its excerpts, and resumes after the idle timeout', async () => {
    const { page, log } = await openKiosk('step=0.8&idle=3');
    await until(page, 'the first step', (s) => s.advances >= 1);
    // Tap Baku on the map.
    const pt = await page.evaluate(() => {
      const s = (window as unknown as { sitmap: { map: import('maplibre-gl').Map; features(): { id: string; geometry: { coordinates: [number, number] } }[] } }).sitmap;
      const baku = s.features().find((f) => f.id === 'place:baku')!;
      s.map.jumpTo({ center: baku.geometry.coordinates, zoom: 7 });
      const p = s.map.project(baku.geometry.coordinates);
      const r = s.map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await page.mouse.click(pt.x, pt.y);
    const paused = await until(page, 'the pause', (s) => s.paused);
    const selected = await page.evaluate(() => (window as unknown as { sitmap: { selected(): string | null } }).sitmap.selected());
    expect(selected).toMatch(/baku/);
    await expect.poll(() => page.locator('[data-testid="kiosk-caption"] [data-feature-id]').first().getAttribute('data-feature-id')).toBe(selected);
    expect(await page.locator('[data-testid="kiosk-caption"] mark').count()).toBeGreaterThan(0);
    // Keys keep it paused (and restart the idle countdown): no advance for well over a step.
    for (let i = 0; i < 3; i++) {
      await page.waitForTimeout(700);
      await page.keyboard.press('ArrowLeft');
    }
    const still = await state(page);
    expect(still.paused).toBe(true);
    expect(still.advances).toBe(paused.advances);
    const resumed = await until(page, 'the resume after idle', (s) => !s.paused && s.resumes === 1, 20_000);
    expect(resumed.resumes).toBe(1);
    await until(page, 'the tour to advance again', (s) => s.advances > paused.advances);
    noErrors(log);
  });

  it('redraws the map within 2 s after a lost WebGL context is restored', async () => {
    const { page, log } = await openKiosk('step=20&idle=60');
    await waitForMapIdle(page);
    const before = await distinctColours(page);
    expect(before).toBeGreaterThan(2);
    await loseContext(page, 300);
    await until(page, 'the context loss to be seen', (s) => s.contextLosses === 1, 5000);
    await page.waitForFunction(
      () => {
        const c = (window as unknown as { sitmap: { map: import('maplibre-gl').Map } }).sitmap.map.getCanvas();
        const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext;
        return !gl.isContextLost();
      },
      undefined,
      { timeout: 5000, polling: 20 },
    );
    // Within 2 s of the restore the map draws again (more than the clear colour);
    // on software WebGL the GeoJSON is re-tiled in the workers, so the full
    // picture takes a few seconds more: it must come back completely.
    const t0 = Date.now();
    let colours = 0;
    while (colours < 2 && Date.now() - t0 < 2000) colours = await distinctColours(page);
    expect(colours, `distinct colours 2 s after restore`).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => distinctColours(page), { timeout: 15_000, interval: 250 })
      .toBeGreaterThanOrEqual(Math.max(3, Math.floor(before * 0.7)));
    const s = await state(page);
    expect(s.rebuilds).toBe(0);
    noErrors(log);
  });

  it('rebuilds the map without a page reload when the context never comes back', async () => {
    const { page, log } = await openKiosk('step=20&idle=60');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const oldMapId = await page.evaluate(() => (window as unknown as { sitmap: { map: object } }).sitmap.map === undefined);
    expect(oldMapId).toBe(false);
    await page.evaluate(() => ((window as unknown as { oldMap: unknown; sitmap: { map: unknown } }).oldMap = (window as unknown as { sitmap: { map: unknown } }).sitmap.map));
    await loseContext(page, null);
    await until(page, 'a rebuilt, ready map', (s) => s.rebuilds === 1 && s.mapReady, 45_000);
    await waitForReady(page);
    const same = await page.evaluate(() => {
      const w = window as unknown as { oldMap: unknown; marker: number; sitmap: { map: unknown } };
      return { sameMap: w.oldMap === w.sitmap.map, marker: w.marker };
    });
    expect(same).toEqual({ sameMap: false, marker: 42 });
    await waitForMapIdle(page);
    expect(await distinctColours(page)).toBeGreaterThan(2);
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    noErrors(log);
  });

  it('reloads while offline from the service worker cache and still renders map and caption', async () => {
    const { page, log } = await openKiosk('step=2&idle=60');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r(), { once: true }));
      }
    });
    await page.context().setOffline(true);
    await page.reload({ waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    await waitForReady(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await until(page, 'the first step offline', (s) => s.advances >= 1 && s.featureId !== null);
    expect((await captionText(page)).length).toBeGreaterThan(20);
    await waitForMapIdle(page);
    expect(await distinctColours(page)).toBeGreaterThan(2);
    noErrors(log);
    await page.context().setOffline(false);
  });

  it('a shortened soak (50 steps, 3 pause/resume cycles): no errors, bounded heap, stable DOM', async () => {
    const { page, log } = await openKiosk('step=0.2&idle=0.5');
    const r = await runSoak(page, { steps: 50, cycles: 3, samples: 5, timeoutMs: 150_000 });
    expect(r.advances).toBeGreaterThanOrEqual(50);
    expect(r.resumes).toBeGreaterThanOrEqual(3);
    expect(r.consoleErrors).toEqual([]);
    expect(r.pageErrors).toEqual([]);
    expect(r.unhandledRejections).toBe(0);
    expect(r.rebuilds).toBe(0);
    // 50 steps are under two tour loops: GC timing and MapLibre's caches make
    // single samples noisy by several percent, so 25 % (not the soak's 10 %)
    // separates noise from a leak that grows with every step.
    expect(r.heapGrowthPct).toBeLessThan(25);
    expect(Math.abs(r.domNodesLast - r.domNodesFirst)).toBeLessThan(60);
    noErrors(log);
  }, 180_000);
});
