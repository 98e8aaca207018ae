// Issue 3 in real headless Chromium: inspector on a click, measuring Baku→Yerevan
// through the UI, a "within 25 km" query highlighting features, and the
// window.sitmap.query/measure/within answers including bad input.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, openApp, READY_TIMEOUT_MS, waitForMapIdle, type PageLog } from './harness';

const R = 6371.0088;
function haversine(a: number[], b: number[]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
    Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

let browser: Browser;
let page: Page;
let log: PageLog;

async function coordsOf(id: string): Promise<[number, number]> {
  return page.evaluate((fid) => {
    const f = ((window as any).sitmap.features() as any[]).find((x) => x.id === fid);
    return f.geometry.coordinates as [number, number];
  }, id);
}

/** Clicks the map canvas at a [lng, lat]. */
async function clickAt(lngLat: [number, number]): Promise<void> {
  const p = await page.evaluate((ll) => {
    const map = (window as any).sitmap.map;
    const pt = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + pt.x, y: r.top + pt.y };
  }, lngLat);
  await page.mouse.click(p.x, p.y);
}

async function fit(bounds: [[number, number], [number, number]]): Promise<void> {
  await page.evaluate((b) => (window as any).sitmap.map.fitBounds(b, { padding: 80, duration: 0 }), bounds);
  await waitForMapIdle(page);
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  log = await openApp(page);
  await waitForMapIdle(page);
}, READY_TIMEOUT_MS * 2);

afterAll(async () => {
  await browser?.close();
});

describe('analyst tools (issue 3)', () => {
  it('inspects a clicked point in Azerbaijan and marks it on the map', async () => {
    await fit([[46.6, 40.0], [47.6, 40.7]]);
    // Open country near Barda, away from towns and lines.
    const target: [number, number] = [47.25, 40.5];
    await clickAt(target);
    const panel = page.locator('[data-testid="inspector"]');
    await panel.waitFor({ timeout: 10_000 });
    await expect.poll(() => panel.locator('[data-field="country"]').textContent()).toBe('Azerbaijan');
    expect(await panel.locator('[data-field="held"]').textContent()).toBe('no');
    expect(await panel.locator('[data-field="nkao"]').textContent()).toBe('no');
    expect(await panel.locator('[data-field="km-loc"]').textContent()).toMatch(/^\d+(\.\d)? km \(\d+(\.\d)? mi\)$/);
    expect(await panel.locator('[data-field="nearest-mentioned"]').textContent()).toMatch(/km/);
    expect(await panel.textContent()).toContain('Natural Earth 1:10m');
    // Each line's precision is stated once: the line of contact's and the border's.
    const notes = await panel.locator('.precision li').allTextContents();
    expect(notes.map((t) => t.split(':')[0])).toEqual(['Line of contact', 'Border']);
    for (const t of notes) expect(t.match(/Natural Earth 1:10m/g)).toHaveLength(1);
    await waitForMapIdle(page);
    const marked = await page.evaluate(
      () => (window as any).sitmap.map.queryRenderedFeatures({ layers: ['inspect-point'] }).length,
    );
    expect(marked).toBeGreaterThan(0);
    // The same answer through the API.
    const api = await page.evaluate((p) => (window as any).sitmap.query(p), target);
    expect(api.country).toBe('Azerbaijan');
    const shown = Number((await panel.locator('[data-field="km-loc"]').textContent())!.split(' ')[0]);
    expect(Math.abs(shown - api.kmToLineOfContact)).toBeLessThan(1);
    // Miles toggle.
    await panel.getByLabel('Miles first').check();
    expect(await panel.locator('[data-field="km-loc"]').textContent()).toMatch(/mi \(/);
    await panel.getByLabel('Miles first').uncheck();
    await panel.getByRole('button', { name: 'Close the inspector' }).click();
  });

  it('measures Baku→Yerevan through the UI as a great circle, without selecting', async () => {
    const baku = await coordsOf('place:baku');
    const yerevan = await coordsOf('place:yerevan');
    await fit([
      [Math.min(baku[0], yerevan[0]), Math.min(baku[1], yerevan[1])],
      [Math.max(baku[0], yerevan[0]), Math.max(baku[1], yerevan[1])],
    ]);
    await page.evaluate(() => (window as any).sitmap.select(null));
    // Fold the map-overlay legend so it cannot cover Yerevan at the left edge.
    await page.evaluate(() => document.querySelector('details.legend-overlay')?.removeAttribute('open'));
    await page.getByTestId('measure-toggle').click();
    await clickAt(baku);
    await clickAt(yerevan);
    const total = page.getByTestId('measure-total');
    await total.waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await page.locator('.segments li').count())).toBe(1);
    const km = Number(await total.getAttribute('data-km'));
    const expected = haversine(baku, yerevan);
    expect(Math.abs(km - expected) / expected).toBeLessThan(0.005);
    // Clicks while measuring select nothing.
    expect(await page.evaluate(() => (window as any).sitmap.selected())).toBeNull();
    await waitForMapIdle(page);
    const drawn = await page.evaluate(() => (window as any).sitmap.map.queryRenderedFeatures({ layers: ['measure-path'] }).length);
    expect(drawn).toBeGreaterThan(0);
    // Keyboard: "a" adds a point at the centre, Backspace removes it, Esc clears.
    await page.locator('body').press('a');
    await expect.poll(async () => page.locator('.segments li').count()).toBe(2);
    // On the map: each segment's length at its midpoint, and the total; no point ring on path vertices.
    await waitForMapIdle(page);
    const onMap = await page.evaluate(() => {
      const map = (window as any).sitmap.map;
      const ids = (layer: string) =>
        [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f: any) => f.properties.id as string))].sort();
      return { labels: ids('measure-labels'), points: ids('measure-points') };
    });
    expect(onMap.labels).toEqual(['measure:label:segment:0', 'measure:label:segment:1', 'measure:label:total']);
    expect(onMap.points).toEqual(['measure:point:0', 'measure:point:1', 'measure:point:2']);
    await page.locator('body').press('Backspace');
    await expect.poll(async () => page.locator('.segments li').count()).toBe(1);
    await page.locator('body').press('Escape');
    await expect.poll(async () => total.count()).toBe(0);
    // Bad input in the UI: undo on an empty path shows a message, no crash.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => page.locator('.measure .error').textContent()).toMatch(/empty/);
    await page.getByTestId('measure-toggle').click();
  });

  it('lists and highlights everything within 25 km of Tartar', async () => {
    await page.evaluate(() => (window as any).sitmap.select('place:tartar'));
    if ((await page.getByTestId('measure-toggle').getAttribute('aria-pressed')) === 'true')
      await page.getByTestId('measure-toggle').click({ timeout: 5_000 });
    await page.locator('[role="tab"][data-tab="tools"]').click({ timeout: 10_000 });
    await page.getByTestId('within-km').fill('25');
    await page.getByTestId('within-run').click({ timeout: 10_000 });
    const list = page.getByTestId('within-results');
    await list.waitFor({ timeout: 10_000 });
    const ids = await list.locator('[data-feature-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-feature-id')));
    expect(ids).toContain('line:line-of-contact-1994');
    const api = await page.evaluate(() => (window as any).sitmap.within('place:tartar', 25));
    expect([...ids].sort()).toEqual([...api].sort());
    await fit([[46.6, 40.1], [47.4, 40.6]]);
    const highlighted = await page.evaluate(() =>
      (window as any).sitmap.map.queryRenderedFeatures({ layers: ['within-points', 'within-line', 'within-fill'] }).length,
    );
    expect(highlighted).toBeGreaterThan(0);
    // A click in the list selects that feature.
    await list.locator('[data-feature-id="line:line-of-contact-1994"]').click({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as any).sitmap.selected())).toBe('line:line-of-contact-1994');
    // Bad distance: a visible message.
    await page.getByTestId('within-km').fill('-3');
    await page.getByTestId('within-run').click();
    await expect.poll(() => page.getByTestId('within-error').textContent({ timeout: 2_000 }).catch(() => null), { timeout: 10_000 }).toMatch(/negative/);
  });

  it('toggles a distance band', async () => {
    await page.locator('[data-band-id="band:line-of-contact:25km"]').check();
    await fit([[45.8, 39.2], [47.6, 40.5]]);
    const n = await page.evaluate(() => (window as any).sitmap.map.queryRenderedFeatures({ layers: ['bands-fill'] }).length);
    expect(n).toBeGreaterThan(0);
    // The legend names the band drawn, and the band is labelled with its distance on the map.
    await expect
      .poll(() => page.getByTestId('bands-legend').textContent())
      .toContain('Distance bands around the line of contact: 25 km');
    const labels = await page.evaluate(() =>
      (window as any).sitmap.map.queryRenderedFeatures({ layers: ['bands-labels'] }).map((f: any) => f.properties.km),
    );
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels)).toEqual(new Set([25]));
    await page.locator('[data-band-id="band:line-of-contact:25km"]').uncheck();
    await expect.poll(() => page.getByTestId('bands-legend').count()).toBe(0);
  });

  it('answers window.sitmap.query/measure/within, and rejects bad input with a clear message', async () => {
    const r = await page.evaluate(() => {
      const s = (window as any).sitmap;
      const attempt = (f: () => unknown) => {
        try {
          f();
          return 'no error';
        } catch (e) {
          return `${(e as Error).name}: ${(e as Error).message}`;
        }
      };
      return {
        stepanakert: s.query([46.7528, 39.8177]),
        goris: s.query([46.33, 39.51]),
        caspian: s.query([50.5, 40.0]),
        measure: s.measure([[49.892, 40.378], [2.3522, 48.8566]]),
        within: s.within('line:line-of-contact-1994', 10),
        badLng: attempt(() => s.query([200, 40])),
        nan: attempt(() => s.query([Number.NaN, 40])),
        empty: attempt(() => s.measure([])),
        badKm: attempt(() => s.within('place:baku', Number.NaN)),
        badId: attempt(() => s.within('place:nowhere', 5)),
        stillReady: s.ready,
      };
    });
    expect(r.stepanakert.inNKAO1991).toBe(true);
    expect(r.stepanakert.inHeld1994to2020).toBe(true);
    expect(r.goris.country).toBe('Armenia');
    expect(r.caspian.country).toBeNull();
    expect(r.measure.segmentsKm).toHaveLength(1);
    const paris = haversine([49.892, 40.378], [2.3522, 48.8566]);
    expect(Math.abs(r.measure.totalKm - paris) / paris).toBeLessThan(0.005);
    expect(r.within).toContain('place:tartar');
    expect(r.badLng).toMatch(/GeoInputError: .*longitude 200 is outside −180..180/);
    expect(r.nan).toMatch(/GeoInputError: .*NaN/);
    expect(r.empty).toMatch(/GeoInputError: .*empty/);
    expect(r.badKm).toMatch(/GeoInputError: .*NaN/);
    expect(r.badId).toMatch(/GeoInputError: no feature with id/);
    expect(r.stillReady).toBe(true);
  });

  it('logged no console or page errors', () => {
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
  });
});
