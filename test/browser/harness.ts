// Browser test harness: real headless Chromium through playwright-core.
// Never skips: if Chromium is missing the tests fail and say how to get it.
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { assertChromium, CHROMIUM_ARGS } from '../../scripts/chromium';

export { chromiumPath, CHROMIUM_ARGS } from '../../scripts/chromium';

/** Time allowed for the app to reach `window.sitmap.ready` (software WebGL on 2 cores is slow). */
export const READY_TIMEOUT_MS = 45_000;

/** Launch headless Chromium, or throw a message saying how to install one. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = assertChromium();
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Error(
      `Could not launch Chromium at ${executablePath}: ${(err as Error).message}\n` +
        'Install it with `apt-get install -y chromium`, or set CHROMIUM_PATH.',
    );
  }
}

/** What a page did while a test ran. */
export interface PageLog {
  /** Every request URL, in order. */
  requests: string[];
  /** console.error messages. */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** Requests that failed at the network level (not HTTP errors). */
  failedRequests: string[];
}

/** Start recording requests and errors on a page. */
export function recordPage(page: Page): PageLog {
  const log: PageLog = { requests: [], consoleErrors: [], pageErrors: [], failedRequests: [] };
  // Context-level: also sees requests made by workers and service workers of the page.
  page.context().on('request', (req) => log.requests.push(req.url()));
  page.on('requestfailed', (req) => log.failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      log.consoleErrors.push(`${msg.text()}${loc?.url ? ` @ ${loc.url}:${loc.lineNumber}` : ''}`);
    }
  });
  page.on('pageerror', (err) => log.pageErrors.push(err.stack || err.message));
  return log;
}

/** Wait until the app has published `window.sitmap` with ready === true. */
export async function waitForReady(page: Page, timeout = READY_TIMEOUT_MS): Promise<void> {
  try {
    await page.waitForFunction(
      () => (window as unknown as { sitmap?: { ready?: boolean } }).sitmap?.ready === true,
      undefined,
      { timeout, polling: 100 },
    );
  } catch (err) {
    const errorScreen = await page
      .locator('[data-testid="error-screen"]')
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw new Error(
      `window.sitmap.ready did not become true within ${timeout} ms` +
        (errorScreen ? `; the app shows an error screen: ${errorScreen.trim()}` : '') +
        `: ${(err as Error).message}`,
    );
  }
}

export interface OpenOptions {
  /** Wait for window.sitmap.ready (default true). */
  waitForReady?: boolean;
}

/** The base URL of the static server started by global-setup.ts. */
export function baseURL(): string {
  const url = inject('baseURL');
  if (!url) throw new Error('baseURL was not provided: run the browser tests with `vitest run --project browser`.');
  return url;
}

/** A fresh page in its own context (clean storage), reduced motion so fly-tos finish quickly. */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  return context.newPage();
}

/**
 * Open the app on a page: record every request, console error and page error, navigate to
 * the base URL (+ query) and, unless told otherwise, wait for window.sitmap.ready.
 * Install page.route handlers before calling this.
 */
export async function openApp(page: Page, query = '', options: OpenOptions = {}): Promise<PageLog> {
  const log = recordPage(page);
  const q = query ? (query.startsWith('?') ? query : `?${query}`) : '';
  await page.goto(`${baseURL()}${q}`, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
  if (options.waitForReady !== false) await waitForReady(page);
  return log;
}

/**
 * Resolve when the map has rendered everything it has to and stopped moving.
 * Triggers a repaint so 'idle' fires even when the map was already idle.
 */
export async function waitForMapIdle(page: Page, timeout = READY_TIMEOUT_MS): Promise<void> {
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve, reject) => {
        const map = (window as unknown as { sitmap: { map: MinimalMap } }).sitmap.map;
        const timer = setTimeout(() => reject(new Error(`map did not reach idle within ${ms} ms`)), ms);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        map.triggerRepaint();
      }),
    timeout,
  );
}

/** The bits of maplibre-gl's Map the tests use inside page.evaluate (no maplibre import in Node). */
export interface MinimalMap {
  once(type: string, listener: () => void): unknown;
  triggerRepaint(): void;
}

/** Requests that went anywhere but the app's own origin (data: and blob: URLs are local). */
export function foreignRequests(log: PageLog, base = baseURL()): string[] {
  const origin = new URL(base).origin;
  return log.requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    try {
      return new URL(url).origin !== origin;
    } catch {
      return true;
    }
  });
}
