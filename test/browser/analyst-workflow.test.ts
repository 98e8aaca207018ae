// Issue 4 in real headless Chromium: timeline range, deep links, feed/map/timeline sync,
// search, export through window.sitmap, hostile hashes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launchBrowser, newPage, openApp, READY_TIMEOUT_MS, waitForMapIdle, waitForReady, type PageLog } from './harness';

const EXPECTED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

const sitEvents = (page: Page): Promise<{ event_id: string; feature_id: string; event_date: string; date_precision: string }[]> =>
  page.evaluate(() => (window as any).sitmap.events());

/** Feature ids the map draws right now (properties.id), over the whole world view. */
async function renderedIncidentIds(page: Page): Promise<string[]> {
  await waitForMapIdle(page);
  return page.evaluate(() => {
    const map = (window as any).sitmap.map;
    const found = map.queryRenderedFeatures() as any[];
    return [...new Set(found.map((f) => String(f.properties?.id)).filter((id) => id.startsWith('incident:')))].sort();
  });
}

async function feedIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="event-feed"] [role="option"]').evaluateAll((els) =>
    els.map((e) => (e as HTMLElement).dataset.featureId!).sort(),
  );
}

async function showWholeRegion(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).sitmap.map.fitBounds([[20, 36], [50.5, 58]], { padding: 10, duration: 0 }));
  await waitForMapIdle(page);
}

describe('analyst workflow in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    log = await openApp(page);
    await page.click('[data-tab="events"]');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a timeline range hides events outside it on the map, in the feed and in the counts', async () => {
    await showWholeRegion(page);
    const all = await sitEvents(page);
    expect(all.length).toBe(11);
    const before = await renderedIncidentIds(page);
    expect(before).toContain('incident:fighting-2020-09-27');
    expect(await feedIds(page)).toHaveLength(11);
    const countBefore = await page.locator('[data-testid="layer-panel"] [data-toggle="category:clashes"]').evaluate(
      (el) => el.closest('label')!.querySelector('.count')!.textContent,
    );

    // Drag on the strip across Sunday 27 only: the first quarter.
    const strip = page.locator('[data-testid="timeline"] .strip');
    const box = (await strip.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.05, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + 6, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toContain('t=2020-09-27..2020-09-27');

    // Sunday's fighting, plus the week-precision events (reported by the 30th, so they may
    // have happened on the 27th); not the day-precision events of the 28th–30th.
    const expected = all
      .filter((e) => e.event_date === '2020-09-27' || e.date_precision === 'week')
      .map((e) => e.feature_id)
      .sort();
    expect(expected).toContain('incident:fighting-2020-09-27');
    expect(expected).toContain('incident:cross-border-fire');
    expect(expected).not.toContain('incident:clashes-2020-09-30');
    expect(expected).not.toContain('incident:statement-erdogan-2020-09-28');
    const inRange = await sitEvents(page);
    expect(inRange.map((e) => e.feature_id).sort()).toEqual(expected);
    expect((await feedIds(page)).sort()).toEqual(expected);
    await expect.poll(async () => (await renderedIncidentIds(page)).sort(), { timeout: 15_000 }).toEqual(expected);
    // Reference geography stays.
    const towns = await page.evaluate(() => (window as any).sitmap.map.queryRenderedFeatures({ layers: ['capitals'] }).length);
    expect(towns).toBeGreaterThan(0);
    const countAfter = await page.locator('[data-testid="layer-panel"] [data-toggle="category:clashes"]').evaluate(
      (el) => el.closest('label')!.querySelector('.count')!.textContent,
    );
    expect(Number(countAfter)).toBeLessThan(Number(countBefore));

    // Keyboard: the "To" slider moves the end of the range; Tuesday 29 adds the 28th and 29th.
    await page.focus('[data-testid="timeline-to"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('t=2020-09-27..2020-09-29');
    const later = (await sitEvents(page)).map((e) => e.feature_id);
    expect(later).toContain('incident:statement-unsc-2020-09-29');
    expect(later).not.toContain('incident:clashes-2020-09-30');

    await page.click('[data-testid="timeline-all"]');
    expect(await sitEvents(page)).toHaveLength(11);
  });

  it('play steps through the days one at a time, and pauses', async () => {
    await page.click('[data-testid="timeline-play"]');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toContain('t=2020-09-27..2020-09-27');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toContain('t=2020-09-28..2020-09-28');
    const day28 = (await sitEvents(page)).map((e) => e.feature_id);
    expect(day28).toContain('incident:statement-erdogan-2020-09-28');
    expect(day28).not.toContain('incident:fighting-2020-09-27');
    await page.click('[data-testid="timeline-play"]');
    await expect(page.locator('[data-testid="timeline-play"]').getAttribute('aria-pressed')).resolves.toBe('false');
    await page.click('[data-testid="timeline-all"]');
    expect(await sitEvents(page)).toHaveLength(11);
  });

  it('copy link puts the current URL on the clipboard or in a selected field', async () => {
    await page.click('[data-testid="copy-link"]');
    const status = page.locator('[data-testid="view-link"] [role="status"]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/copied|Ctrl\+C/);
    const field = page.locator('[data-testid="copy-link-field"]');
    if ((await field.count()) > 0) {
      expect(await field.inputValue()).toBe(await page.evaluate(() => location.href));
    }
  });

  it('week-precision spans show they began before the strip; claims mark each side\'s words', async () => {
    // The cross-border fire is dated to the week ending 30 Sept: its span runs from 24 Sept, before the strip.
    const mark = page.locator('[data-testid="timeline"] [data-feature-id="incident:cross-border-fire"]');
    expect(await mark.getAttribute('class')).toContain('clip-start');
    expect(await mark.locator('.from').textContent()).toBe('◂ from 24 Sept');
    expect(await page.locator('[data-testid="timeline-key"]').textContent()).toMatch(/began before Sun 27 Sept/);

    await page.click('[data-tab="claims"]');
    const row = page.locator('[data-testid="claims-view"] [data-feature-id="incident:cross-border-fire"]');
    await expect(row.locator('[data-testid="claims-shared-note"]').isVisible()).resolves.toBe(true);
    const marks = (side: string, m: string): Promise<string[]> =>
      row.locator(`[data-side="${side}"] mark[data-mark="${m}"]`).allTextContents();
    expect(await marks('armenia', 'speaker')).toEqual(['Armenia']);
    expect(await marks('armenia', 'accused')).toEqual(['Azerbaijan']);
    expect(await marks('azerbaijan', 'speaker')).toEqual(['Azerbaijan']);
    expect(await marks('azerbaijan', 'accused')).toEqual(['Armenia']);
    expect(await marks('armenia', 'claim')).toContain('accused one another of firing directly into each other’s territory');
    await page.click('[data-tab="events"]');
  });

  it('feed, map and timeline selection stay in sync', async () => {
    const id = 'incident:statement-erdogan-2020-09-28';
    // Feed → map + timeline.
    await page.click(`[data-testid="event-feed"] [role="option"][data-feature-id="${id}"]`);
    expect(await page.evaluate(() => (window as any).sitmap.selected())).toBe(id);
    await expect
      .poll(() => page.evaluate((fid) => (window as any).sitmap.map.getFeatureState({ source: 'features', id: fid })?.selected === true, id))
      .toBe(true);
    await expect(page.locator(`[data-testid="timeline"] [data-feature-id="${id}"]`).getAttribute('aria-pressed')).resolves.toBe('true');

    // Timeline → feed + map.
    const other = 'incident:fighting-2020-09-27';
    await page.click(`[data-testid="timeline"] [data-feature-id="${other}"]`);
    expect(await page.evaluate(() => (window as any).sitmap.selected())).toBe(other);
    await expect(page.locator(`[data-testid="event-feed"] [data-feature-id="${other}"]`).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator(`[data-testid="event-feed"] [data-feature-id="${id}"]`).getAttribute('aria-selected')).resolves.toBe('false');

    // Map (window.sitmap.select does what a click does) → feed + timeline.
    const third = 'incident:cross-border-fire';
    await page.evaluate((fid) => (window as any).sitmap.select(fid), third);
    await expect(page.locator(`[data-testid="event-feed"] [data-feature-id="${third}"]`).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator(`[data-testid="timeline"] [data-feature-id="${third}"]`).getAttribute('aria-pressed')).resolves.toBe('true');

    // Keyboard in the feed: ArrowDown moves focus, Enter selects.
    await page.focus(`[data-testid="event-feed"] [data-feature-id="${third}"]`);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.featureId);
    expect(focused).toBeTruthy();
    expect(focused).not.toBe(third);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as any).sitmap.selected())).toBe(focused);
  });

  it('search for "Khankendi" selects Stepanakert', async () => {
    const input = page.locator('[data-testid="search-input"]');
    await input.fill('Khankendi');
    const first = page.locator('[data-testid="search"] [role="option"]').first();
    await expect(first.getAttribute('data-feature-id')).resolves.toMatch(/stepanakert/);
    await input.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBeTruthy();
    await input.press('Enter');
    const sel = await page.evaluate(() => (window as any).sitmap.selected());
    expect(sel).toMatch(/stepanakert/);
    await expect(page.locator('[data-testid="feature-panel"] h2').textContent()).resolves.toContain('Stepanakert');
  });

  it('exports csv and geojson through window.sitmap.export', async () => {
    const { csv, geojson, n } = await page.evaluate(() => {
      const s = (window as any).sitmap;
      return { csv: s.export('csv') as string, geojson: s.export('geojson') as string, n: s.events().length as number };
    });
    expect(csv.split('\r\n')[0]).toBe(EXPECTED_HEADER);
    const fc = JSON.parse(geojson);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(n);
    expect(fc.features.every((f: any) => typeof f.id === 'string' && f.properties.notes.length > 0)).toBe(true);
    await expect(page.evaluate(() => (window as any).sitmap.export('xml'))).rejects.toThrow(/unknown format/);
  });

  it('PNG export downloads a snapshot taller than the map (caption band), with PNG magic bytes', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.click('[data-testid="export-menu"] [data-export="png"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sitmap-.*\.png$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const buf = readFileSync(path);
    expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const height = buf.readUInt32BE(20);
    const mapHeight = await page.evaluate(() => (window as any).sitmap.map.getCanvas().height as number);
    expect(height).toBeGreaterThan(mapHeight);
    await expect(page.locator('[data-testid="export-menu"] [role="status"]').textContent()).resolves.toContain('Saved PNG');
  });

  it('a deep link restores view, layers and selection after reload; back steps through selections', async () => {
    await page.evaluate(() => (window as any).sitmap.select('incident:clashes-2020-09-30'));
    await page.click('[data-tab="report"]');
    await page.locator('[data-testid="layer-panel"] [data-toggle="actor:russia"]').uncheck();
    await page.click('[data-tab="events"]');
    await page.evaluate(() => (window as any).sitmap.map.jumpTo({ center: [46.5, 40.1], zoom: 7.25 }));
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toContain('z=7.25');
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('s=incident:clashes-2020-09-30');
    expect(hash).toMatch(/a=[^&]*azerbaijan/);
    expect(hash).not.toMatch(/a=[^&]*russia/);

    await page.reload({ waitUntil: 'load' });
    await waitForReady(page);
    await waitForMapIdle(page);
    const state = await page.evaluate(() => {
      const s = (window as any).sitmap;
      const c = s.map.getCenter();
      const russia = document.querySelector<HTMLInputElement>('[data-toggle="actor:russia"]')!.checked;
      const turkey = document.querySelector<HTMLInputElement>('[data-toggle="actor:turkey"]')!.checked;
      return { sel: s.selected(), lng: c.lng, lat: c.lat, zoom: s.map.getZoom(), russia, turkey, hash: location.hash };
    });
    expect(state.sel).toBe('incident:clashes-2020-09-30');
    expect(state.lng).toBeCloseTo(46.5, 4);
    expect(state.lat).toBeCloseTo(40.1, 4);
    expect(state.zoom).toBeCloseTo(7.25, 2);
    expect(state.russia).toBe(false);
    expect(state.turkey).toBe(true);
    expect(state.hash).toBe(hash);

    // A new selection pushes a history entry; back returns to the previous one.
    await page.evaluate(() => (window as any).sitmap.select('incident:cross-border-fire'));
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('s=incident:cross-border-fire');
    await page.goBack();
    await expect.poll(() => page.evaluate(() => (window as any).sitmap.selected()), { timeout: 10_000 }).toBe(
      'incident:clashes-2020-09-30',
    );
    await page.goForward();
    await expect.poll(() => page.evaluate(() => (window as any).sitmap.selected()), { timeout: 10_000 }).toBe(
      'incident:cross-border-fire',
    );
    expect(log.pageErrors).toEqual([]);
  });

  it('an event id in the link selects its incident, with the time range', async () => {
    const p = await newPage(browser);
    const l = await openApp(p, '', { waitForReady: false });
    await p.goto(`${baseURL()}#s=AZE-sitmap-fighting-2020-09-27&t=2020-09-27..2020-09-28`, { timeout: READY_TIMEOUT_MS });
    await p.reload();
    await waitForReady(p);
    expect(await p.evaluate(() => (window as any).sitmap.selected())).toBe('incident:fighting-2020-09-27');
    const ids = (await sitEvents(p)).map((e) => e.feature_id);
    expect(ids).toContain('incident:statement-erdogan-2020-09-28');
    expect(ids).not.toContain('incident:statement-unsc-2020-09-29');
    expect(l.pageErrors).toEqual([]);
    await p.context().close();
  });

  it('a hostile hash shows a notice and causes no page error', async () => {
    const p = await newPage(browser);
    const l = await openApp(p, '', { waitForReady: false });
    const hostile = '#s=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&z=1e400&c=abc,def&t=2020-13-45..x&a=javascript:alert(1)&k=%E0%A4%A&zz=1';
    let dialogs = 0;
    p.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await p.goto(`${baseURL()}${hostile}`, { timeout: READY_TIMEOUT_MS });
    await p.reload();
    await waitForReady(p);
    const notice = p.locator('[data-testid="link-notices"]');
    await expect(notice.isVisible()).resolves.toBe(true);
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/ignored/i);
    expect(await p.locator('[data-testid="link-notices"] img').count()).toBe(0);
    expect(await p.evaluate(() => (window as any).sitmap.selected())).toBe(null);
    expect(await sitEvents(p)).toHaveLength(11);
    expect(dialogs).toBe(0);
    expect(l.pageErrors).toEqual([]);
    await p.context().close();
  });
});
