// Where the browser tests (and the bench) find Chromium, and what to say when it is missing.
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
