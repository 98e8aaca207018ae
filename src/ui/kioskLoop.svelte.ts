// The kiosk's clockwork: the attract loop (tour steps on a timer), pausing on
// human input and resuming after the idle timeout, the watchdog check every
// second, and the counters the soak and the tests read. Timers only; the map
// itself is driven through SitState (select → camera request) and the hooks.
import { browseStep, buildTour, nextStep, tourIndexOf, type TourStep } from '../lib/domain/tour';
import { checkWatchdog, onAdvance, onPause, onRender, startWatchdog, type WatchdogState } from '../lib/domain/watchdog';
import type { KioskParams } from '../lib/domain/kioskParams';
import type { SitState } from './state.svelte';

export interface KioskHooks {
  /** Put the camera back to the initial view (on resume). */
  resetView(): void;
  /** Last resort of the watchdog. */
  reloadPage(): void;
}

export interface KioskSnapshot {
  /** Index of the current tour step (-1 before the first). */
  step: number;
  featureId: string | null;
  paused: boolean;
  /** Number of steps in the tour. */
  steps: number;
  /** Tour advances since the page loaded. */
  advances: number;
  /** Map rebuilds (context never restored, or watchdog). */
  rebuilds: number;
  /** Pause → resume cycles completed. */
  resumes: number;
  /** WebGL context losses seen. */
  contextLosses: number;
  /** Unhandled promise rejections seen (must stay 0). */
  unhandledRejections: number;
  mapReady: boolean;
}

/** How long a lost WebGL context may stay lost before the map is rebuilt. */
export const CONTEXT_RESTORE_TIMEOUT_MS = 5000;
/** A map that never becomes ready after a (re)build leads to a reload. */
export const MAP_READY_TIMEOUT_MS = 60_000;
const WATCHDOG_TICK_MS = 1000;
/**
 * Shortest step the watchdog judges by: accelerated timing (step=0.2) on a busy
 * machine with software WebGL would otherwise count a slow frame as a stuck map.
 */
const WATCHDOG_MIN_STEP_MS = 2000;

export class KioskLoop {
  readonly tour: TourStep[];
  readonly stepMs: number;
  readonly idleMs: number;

  step = $state(-1);
  paused = $state(false);
  advances = $state(0);
  rebuilds = $state(0);
  resumes = $state(0);
  contextLosses = $state(0);
  unhandledRejections = $state(0);
  /** Changes when the map must be destroyed and created again ({#key}). */
  mapGeneration = $state(0);
  mapReady = $state(false);

  current: TourStep | null;

  #sit: SitState;
  #hooks: KioskHooks;
  #wd: WatchdogState;
  #stepTimer: ReturnType<typeof setTimeout> | null = null;
  #idleTimer: ReturnType<typeof setTimeout> | null = null;
  #lostTimer: ReturnType<typeof setTimeout> | null = null;
  #tick: ReturnType<typeof setInterval> | null = null;
  #mapSince = Date.now();
  #running = false;
  #lastTick = Date.now();

  constructor(sit: SitState, params: Pick<KioskParams, 'stepSeconds' | 'idleSeconds'>, hooks: KioskHooks) {
    this.#sit = sit;
    this.#hooks = hooks;
    this.tour = buildTour(sit.data.report, sit.features);
    this.stepMs = params.stepSeconds * 1000;
    this.idleMs = params.idleSeconds * 1000;
    this.#wd = startWatchdog(Date.now());
    this.current = $derived(this.step >= 0 ? (this.tour[this.step] ?? null) : null);
  }

  /** Starts the loop (first step at once) and the watchdog. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#wd = startWatchdog(Date.now());
    this.#lastTick = Date.now();
    this.#tick = setInterval(() => this.#check(), WATCHDOG_TICK_MS);
    if (this.tour.length) this.#advance();
  }

  stop(): void {
    this.#running = false;
    for (const t of [this.#stepTimer, this.#idleTimer, this.#lostTimer]) if (t) clearTimeout(t);
    if (this.#tick) clearInterval(this.#tick);
    this.#stepTimer = this.#idleTimer = this.#lostTimer = this.#tick = null;
  }

  snapshot(): KioskSnapshot {
    return {
      step: this.step,
      featureId: this.current?.featureId ?? null,
      paused: this.paused,
      steps: this.tour.length,
      advances: this.advances,
      rebuilds: this.rebuilds,
      resumes: this.resumes,
      contextLosses: this.contextLosses,
      unhandledRejections: this.unhandledRejections,
      mapReady: this.mapReady,
    };
  }

  #schedule(): void {
    if (this.#stepTimer) clearTimeout(this.#stepTimer);
    this.#stepTimer = this.#running && !this.paused ? setTimeout(() => this.#advance(), this.stepMs) : null;
  }

  #advance(): void {
    this.#stepTimer = null;
    if (!this.#running || this.paused || !this.tour.length) return;
    // Without a GL context the map has no style to highlight in: wait for restore or rebuild.
    if (this.#lostTimer) return this.#schedule();
    this.step = nextStep(this.step, this.tour.length);
    this.#sit.select(this.tour[this.step].featureId, 'api');
    this.advances += 1;
    this.#wd = onAdvance(this.#wd, Date.now());
    this.#schedule();
  }

  /** Any human input: pause the tour, (re)start the idle countdown. */
  input(): void {
    if (!this.#running) return;
    if (!this.paused) {
      this.paused = true;
      this.#wd = onPause(this.#wd, true, Date.now());
      this.#schedule();
    }
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.#resume(), this.idleMs);
  }

  /**
   * Keyboard browsing (← →): pause like any input and show the next (+1) or
   * previous (-1) feature of the tour, counted from the one on screen. The
   * feature's id, or null when there is no tour.
   */
  browse(delta: number): string | null {
    if (!this.#running || !this.tour.length) return null;
    this.input();
    const at = tourIndexOf(this.tour, this.#sit.selectedId);
    const i = browseStep(at >= 0 ? at : this.step, delta, this.tour.length);
    const id = this.tour[i].featureId;
    this.#sit.select(id, 'list');
    return id;
  }

  /** Enter/Space: pause on what is on screen and show all its excerpts (camera to it again). */
  show(): string | null {
    if (!this.#running) return null;
    this.input();
    const id = this.#sit.selectedId ?? this.current?.featureId ?? null;
    if (id) this.#sit.select(id, 'list');
    return id;
  }

  /** Escape: back to the tour now, as if the idle timeout had passed. */
  resumeNow(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#resume();
  }

  #resume(): void {
    this.#idleTimer = null;
    if (!this.#running || !this.paused) return;
    this.paused = false;
    this.resumes += 1;
    this.#sit.select(null, 'panel');
    this.#sit.hover(null);
    this.#hooks.resetView();
    this.#wd = onPause(this.#wd, false, Date.now());
    this.#schedule();
  }

  /** The map drew a frame. */
  rendered(): void {
    this.#wd = onRender(this.#wd, Date.now());
  }

  mapIsReady(): void {
    this.mapReady = true;
    const now = Date.now();
    // A fresh map counts as progress for the render clock; an escalation stays pending.
    this.#wd = { ...onRender(this.#wd, now), lastAdvanceAt: now };
    if (this.#lostTimer) clearTimeout(this.#lostTimer);
    this.#lostTimer = null;
  }

  contextLost(): void {
    this.contextLosses += 1;
    if (this.#lostTimer) clearTimeout(this.#lostTimer);
    this.#lostTimer = setTimeout(() => this.rebuild(), CONTEXT_RESTORE_TIMEOUT_MS);
  }

  contextRestored(): void {
    if (this.#lostTimer) clearTimeout(this.#lostTimer);
    this.#lostTimer = null;
    this.#wd = onRender(this.#wd, Date.now());
  }

  /** Destroy and create the map again, without a page reload. */
  rebuild(): void {
    if (this.#lostTimer) clearTimeout(this.#lostTimer);
    this.#lostTimer = null;
    this.rebuilds += 1;
    this.mapReady = false;
    this.#mapSince = Date.now();
    this.mapGeneration += 1;
  }

  #check(): void {
    const now = Date.now();
    const late = now - this.#lastTick > 2.5 * WATCHDOG_TICK_MS;
    this.#lastTick = now;
    if (late) {
      // The whole page was stalled (this tick came late too): not the map's fault.
      this.#wd = { ...onRender(this.#wd, now), lastAdvanceAt: now };
      return;
    }
    if (!this.mapReady) {
      if (now - this.#mapSince > MAP_READY_TIMEOUT_MS) this.#hooks.reloadPage();
      return;
    }
    const r = checkWatchdog(this.#wd, now, { stepMs: Math.max(this.stepMs, WATCHDOG_MIN_STEP_MS) });
    this.#wd = r.state;
    if (r.action === 'rebuild-map') this.rebuild();
    else if (r.action === 'reload-page') this.#hooks.reloadPage();
  }
}
