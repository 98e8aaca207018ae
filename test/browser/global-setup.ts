// Global setup for the 'browser' Vitest project (see vite.config.ts).
// Serves the built app (dist/, or $SITMAP_DIST) with `vite preview` on 127.0.0.1:4179 (or
// $SITMAP_TEST_PORT) and hands its URL to the tests through Vitest's provide/inject ('baseURL').
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { assertChromium } from '../../scripts/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Port and build folder can be moved (SITMAP_TEST_PORT, SITMAP_DIST) so parallel runs do not collide. */
export const BROWSER_TEST_PORT = Number(process.env.SITMAP_TEST_PORT) || 4179;
const DIST_DIR = process.env.SITMAP_DIST || 'dist';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Fail the whole run up front (rather than every suite) when there is no browser.
  assertChromium();
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dist = resolve(root, DIST_DIR);
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(
      `Browser tests need the built app, but ${dist}/index.html does not exist. ` +
        (DIST_DIR === 'dist'
          ? 'Run `npx vite build` first (or `npm run test:browser`, which builds and then tests).'
          : `Run \`npx vite build --outDir ${DIST_DIR}\` first, or unset SITMAP_DIST.`),
    );
  }
  let server: PreviewServer;
  try {
    server = await preview({
      root,
      configFile: false,
      base: './',
      logLevel: 'warn',
      build: { outDir: DIST_DIR },
      preview: { port: BROWSER_TEST_PORT, strictPort: true, host: '127.0.0.1', open: false },
    });
  } catch (err) {
    throw new Error(
      `Could not start the static server for ${DIST_DIR}/ on 127.0.0.1:${BROWSER_TEST_PORT} ` +
        `(is another process using the port? SITMAP_TEST_PORT moves it): ${(err as Error).message}`,
    );
  }
  const baseURL = `http://127.0.0.1:${BROWSER_TEST_PORT}/`;
  project.provide('baseURL', baseURL);
  return async () => {
    await server.close();
  };
}
