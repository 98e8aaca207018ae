// The automation and embedding contract: window.sitmap.
// Absent (or { ready: false }) until the map is idle after load, then
// { ready: true, map, features(), select(id) }. Later issues extend it
// (query, measure, within, export) through extendSitmap.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SitFeature } from '../lib/domain/types';

export interface SitmapApi {
  ready: true;
  map: MapLibreMap;
  /** The loaded GeoJSON features of data/features.json, each with its id. */
  features(): SitFeature[];
  /** Does exactly what a click on the feature does. False if the id is unknown. */
  select(id: string | null): boolean;
  /** Currently selected feature id. */
  selected(): string | null;
  [extension: string]: unknown;
}

export type SitmapGlobal = SitmapApi | { ready: false; error?: string };

declare global {
  interface Window {
    sitmap?: SitmapGlobal;
  }
}

export function setSitmapPending(error?: string): void {
  window.sitmap = error ? { ready: false, error } : { ready: false };
}

export function setSitmapReady(api: Omit<SitmapApi, 'ready'>): SitmapApi {
  const full = Object.assign({ ready: true as const }, api) as SitmapApi;
  window.sitmap = full;
  return full;
}

/** Adds members to a ready window.sitmap (for later tools: query, measure, …). */
export function extendSitmap(extra: Record<string, unknown>): void {
  const s = window.sitmap;
  if (s && s.ready) Object.assign(s, extra);
}

export function clearSitmap(): void {
  delete window.sitmap;
}
