// Where the browser tests, the bench and the soak find Chromium, how they start it,
// and what to say when it is missing.
import { existsSync } from 'node:fs';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Throws, saying how to get a Chromium, if there is none at chromiumPath(). */
export function assertChromium(): string {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Browser tests need a real Chromium: ` +
        'install it with `apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH ' +
        'to a Chromium/Chrome executable.',
    );
  }
  return path;
}

/** Headless, sandbox off (root), software WebGL (SwiftShader), no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
