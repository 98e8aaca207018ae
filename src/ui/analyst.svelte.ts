// View state of the analyst tools (issue 3): inspector, measure, bands, within.
// Loaded data stays in SitState; this holds only what the analyst set, and
// derives the answers from it.
import type { SitState } from './state.svelte';
import { queryPoint, type WhereIs } from '../lib/geo/whereIs';
import { measurePath, type PathMeasure } from '../lib/geo/measure';
import { withinKmOfId } from '../lib/geo/within';
import type { LngLat } from '../lib/geo/validateInput';
import type { DistanceUnit } from '../lib/geo/units';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class AnalystState {
  readonly sit: SitState;
  unit = $state<DistanceUnit>('km');

  /** Where-is-this: the inspected point and, if it came from a feature, its id. */
  inspectPoint = $state<LngLat | null>(null);
  inspectFrom = $state<string | null>(null);
  inspect: { result: WhereIs | null; error: string | null };

  measuring = $state(false);
  measurePoints = $state<LngLat[]>([]);
  measure: PathMeasure | null;

  /** Ids of the bands drawn (from data/analysis.json). */
  bandsOn = $state<Set<string>>(new Set());

  /** The last within query: target, distance and answer (ids), or an error. */
  within = $state<{ targetId: string; km: number; ids: string[] } | null>(null);
  withinError = $state<string | null>(null);

  constructor(sit: SitState) {
    this.sit = sit;
    this.inspect = $derived.by(() => {
      const p = this.inspectPoint;
      if (!p) return { result: null, error: null };
      try {
        return { result: queryPoint(sit.data, p), error: null };
      } catch (e) {
        return { result: null, error: message(e) };
      }
    });
    this.measure = $derived(this.measurePoints.length ? measurePath(this.measurePoints) : null);
  }

  inspectAt(p: LngLat, fromId: string | null = null): void {
    this.inspectPoint = [p[0], p[1]];
    this.inspectFrom = fromId;
  }

  clearInspect(): void {
    this.inspectPoint = null;
    this.inspectFrom = null;
  }

  setMeasuring(on: boolean): void {
    this.measuring = on;
    this.sit.mapClickSelects = !on;
  }

  addPoint(p: LngLat): void {
    // Wrap longitude into −180..180 (the map may report a wrapped world copy).
    const lng = ((((p[0] + 180) % 360) + 360) % 360) - 180;
    this.measurePoints = [...this.measurePoints, [lng, Math.max(-90, Math.min(90, p[1]))]];
  }

  movePoint(i: number, p: LngLat): void {
    if (i < 0 || i >= this.measurePoints.length) return;
    const next = [...this.measurePoints];
    next[i] = [p[0], p[1]];
    this.measurePoints = next;
  }

  removeLast(): void {
    this.measurePoints = this.measurePoints.slice(0, -1);
  }

  clearMeasure(): void {
    this.measurePoints = [];
  }

  toggleBand(id: string, on: boolean): void {
    const next = new Set(this.bandsOn);
    if (on) next.add(id);
    else next.delete(id);
    this.bandsOn = next;
  }

  /** Runs "within km of targetId"; a bad distance or id leaves a visible message instead. */
  runWithin(targetId: string | null, km: unknown): void {
    this.withinError = null;
    if (!targetId) {
      this.within = null;
      this.withinError = 'Select a feature first (click it on the map or in the list).';
      return;
    }
    try {
      const n = typeof km === 'string' ? (km.trim() === '' ? Number.NaN : Number(km)) : km;
      const ids = withinKmOfId(this.sit.features, targetId, n as number);
      this.within = { targetId, km: n as number, ids };
    } catch (e) {
      this.within = null;
      this.withinError = message(e);
    }
  }

  clearWithin(): void {
    this.within = null;
    this.withinError = null;
  }
}
