// Registers the precaching service worker (dist/sw.js, written by
// scripts/vite-plugin-precache.ts) so the kiosk keeps working offline after
// its first load. Production builds only: the dev server has no sw.js.
// Never throws and never leaves a promise rejection unhandled.
export function registerServiceWorker(url = './sw.js'): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(url).catch((e: unknown) => {
    console.warn('sitmap: service worker not registered (the kiosk will need the network)', e);
  });
}
