// The kiosk watchdog as a pure state machine: the page feeds it events and
// the clock, and it answers what to do. Escalates: rebuild the map first,
// reload the page only when a rebuild did not help.

export type WatchdogAction = 'ok' | 'rebuild-map' | 'reload-page';

export interface WatchdogState {
  lastRenderAt: number;
  lastAdvanceAt: number;
  /** When the last rebuild was ordered; null when none is pending. */
  rebuiltAt: number | null;
  paused: boolean;
}

export interface WatchdogOptions {
  stepMs: number;
  /** How many steps without progress count as stuck. */
  stuckSteps?: number;
}

export function startWatchdog(now: number): WatchdogState {
  return { lastRenderAt: now, lastAdvanceAt: now, rebuiltAt: null, paused: false };
}

export const onRender = (s: WatchdogState, now: number): WatchdogState => ({ ...s, lastRenderAt: now });
export const onAdvance = (s: WatchdogState, now: number): WatchdogState => ({ ...s, lastAdvanceAt: now, rebuiltAt: null });
/** Pausing (a person is using the kiosk) stops the advance clock; resuming restarts it. */
export const onPause = (s: WatchdogState, paused: boolean, now: number): WatchdogState => ({
  ...s,
  paused,
  lastAdvanceAt: now,
  lastRenderAt: paused ? s.lastRenderAt : now,
});

/**
 * Decides what to do at `now`. The map is stuck when it has neither rendered nor
 * the tour advanced for `stuckSteps` steps (a running tour renders at every step).
 */
export function checkWatchdog(s: WatchdogState, now: number, opts: WatchdogOptions): { state: WatchdogState; action: WatchdogAction } {
  const limit = opts.stepMs * (opts.stuckSteps ?? 3);
  if (s.paused) return { state: s, action: 'ok' };
  const stuck = now - s.lastAdvanceAt > limit || now - s.lastRenderAt > limit;
  if (!stuck) return { state: s, action: 'ok' };
  if (s.rebuiltAt === null) return { state: { ...s, rebuiltAt: now, lastAdvanceAt: now, lastRenderAt: now }, action: 'rebuild-map' };
  return { state: s, action: 'reload-page' };
}
