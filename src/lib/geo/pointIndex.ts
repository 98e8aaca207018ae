// Spatial index for point sets (kdbush + geokdbush), built once and queried many
// times. The "near the line" query prefilters with the index and then decides with
// exactly the Turf arithmetic of the naive loop, so both give the same set.
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { pointToLineDistance } from '@turf/turf';
import type { LineString, Position } from 'geojson';
import { EARTH_RADIUS_KM, greatCircleKm, lineParts, type LineLike } from './distance.ts';
import { assertKm, assertLngLat, type LngLat } from './validateInput.ts';

export interface PointIndex {
  /** The kd-tree over [lng, lat]. */
  kd: KDBush;
  /** Flat [lng0, lat0, lng1, lat1, …] in insertion order. */
  coords: Float64Array;
  /** Optional ids, parallel to the points. */
  ids: readonly string[] | null;
  size: number;
}

/**
 * Builds the index once. Points are checked (GeoInputError on a bad one).
 * `ids`, if given, must be parallel to `points`.
 */
export function buildPointIndex(points: ReadonlyArray<LngLat | Position>, ids?: readonly string[]): PointIndex {
  if (ids && ids.length !== points.length) {
    throw new Error(`buildPointIndex: ${ids.length} ids for ${points.length} points`);
  }
  const n = points.length;
  const kd = new KDBush(Math.max(n, 1), 64, Float64Array);
  const coords = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const [lng, lat] = assertLngLat(points[i], `point ${i}${ids ? ` (${ids[i]})` : ''}`);
    coords[2 * i] = lng;
    coords[2 * i + 1] = lat;
    kd.add(lng, lat);
  }
  if (n === 0) kd.add(0, 0); // kdbush needs ≥ 1 item; index 0 is ignored below (size 0)
  kd.finish();
  return { kd, coords, ids: ids ?? null, size: n };
}

const RAD = Math.PI / 180;

function toVec(lng: number, lat: number): [number, number, number] {
  const p = lat * RAD, l = lng * RAD;
  return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
}
function cross(a: number[], b: number[]): [number, number, number] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function dot(a: number[], b: number[]): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/**
 * Latitude range of the great-circle arc a→b: the endpoints, widened to the
 * circle's northern/southern vertex when that vertex lies on the arc.
 */
export function arcLatRange(a: Position, b: Position): [number, number] {
  let lo = Math.min(a[1], b[1]);
  let hi = Math.max(a[1], b[1]);
  const A = toVec(a[0], a[1]);
  const B = toVec(b[0], b[1]);
  const n = cross(A, B);
  const nn = Math.hypot(n[0], n[1], n[2]);
  if (nn < 1e-15) return [lo, hi];
  // The vertex nearest the north pole: z minus its component along n.
  const k = n[2] / (nn * nn);
  const north = [-k * n[0], -k * n[1], 1 - k * n[2]];
  for (const v of [north, [-north[0], -north[1], -north[2]]]) {
    const vn = Math.hypot(v[0], v[1], v[2]);
    if (vn < 1e-15) continue;
    if (dot(cross(A, v), n) >= 0 && dot(cross(v, B), n) >= 0) {
      const lat = Math.asin(Math.max(-1, Math.min(1, v[2] / vn))) / RAD;
      lo = Math.min(lo, lat);
      hi = Math.max(hi, lat);
    }
  }
  return [lo, hi];
}

/**
 * A lng/lat box that surely contains every point within `km` (great circle) of
 * the arc a→b. Deliberately generous (1 % + 0.5 km) so float noise in Turf's
 * exact check can never fall outside it. May extend past ±180 in longitude.
 */
export function segmentSearchBox(a: Position, b: Position, km: number): [number, number, number, number] {
  const delta = (km * 1.01 + 0.5) / EARTH_RADIUS_KM; // radians
  const [lat0, lat1] = arcLatRange(a, b);
  const dLat = delta / RAD;
  const minLat = Math.max(-90, lat0 - dLat);
  const maxLat = Math.min(90, lat1 + dLat);
  const maxAbsLat = Math.max(Math.abs(lat0), Math.abs(lat1));
  const cosMax = Math.cos(maxAbsLat * RAD);
  const sinD = Math.sin(Math.min(delta, Math.PI / 2));
  let west = Math.min(a[0], b[0]);
  let east = Math.max(a[0], b[0]);
  if (east - west > 180) {
    // The arc crosses the antimeridian: express it as west..east with east > 180.
    [west, east] = [east, west + 360];
  }
  if (maxLat >= 90 || minLat <= -90 || sinD >= cosMax) return [-180, minLat, 180, maxLat];
  const dLng = Math.asin(sinD / cosMax) / RAD;
  return [west - dLng, minLat, east + dLng, maxLat];
}

function rangeWrapped(kd: KDBush, box: [number, number, number, number]): number[] {
  const [w, s, e, n] = box;
  if (e - w >= 360) return kd.range(-180, s, 180, n);
  const out = kd.range(Math.max(-180, w), s, Math.min(180, e), n);
  if (w < -180) out.push(...kd.range(w + 360, s, 180, n));
  if (e > 180) out.push(...kd.range(-180, s, e - 360, n));
  return out;
}

/**
 * Indices (ascending) of the indexed points within `km` of the line, great circle.
 * For each segment: a kd-tree box query (segmentSearchBox), then Turf's
 * pointToLineDistance against that segment. A point is within km of the line iff
 * it is within km of some segment, and Turf computes each segment's distance the
 * same way inside the whole-line call, so the result equals naiveWithinKmOfLine.
 */
export function withinKmOfLine(index: PointIndex, line: LineLike, km: number): number[] {
  assertKm(km, 'withinKmOfLine distance');
  const n = index.size;
  if (n === 0) return [];
  const hit = new Uint8Array(n);
  const { coords } = index;
  const seg: LineString = { type: 'LineString', coordinates: [[0, 0], [0, 0]] };
  const pt: number[] = [0, 0];
  for (const part of lineParts(line)) {
    if (part.length === 1) {
      // A one-point part: Turf's loop ignores it (no segment); so do we.
      continue;
    }
    for (let s = 1; s < part.length; s++) {
      const a = part[s - 1];
      const b = part[s];
      seg.coordinates = [a, b];
      for (const i of rangeWrapped(index.kd, segmentSearchBox(a, b, km))) {
        if (i >= n || hit[i]) continue;
        pt[0] = coords[2 * i];
        pt[1] = coords[2 * i + 1];
        if (pointToLineDistance(pt, seg, { units: 'kilometers' }) <= km) hit[i] = 1;
      }
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (hit[i]) out.push(i);
  return out;
}

/**
 * The naive reference: Turf pointToLineDistance for every point against the
 * whole line (minimum over the parts). Indices ascending.
 */
export function naiveWithinKmOfLine(points: ReadonlyArray<LngLat | Position>, line: LineLike, km: number): number[] {
  assertKm(km, 'naiveWithinKmOfLine distance');
  const parts = lineParts(line).filter((p) => p.length >= 2);
  const out: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (const part of parts) {
      if (pointToLineDistance(points[i] as number[], { type: 'LineString', coordinates: part }, { units: 'kilometers' }) <= km) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

/** The ids of the given indices (index built with ids), or the indices as strings. */
export function idsAt(index: PointIndex, indices: readonly number[]): string[] {
  return indices.map((i) => (index.ids ? index.ids[i] : String(i)));
}

export interface NearestHit {
  index: number;
  id: string | null;
  km: number;
}

/**
 * The nearest indexed points to `pt` by great circle (geokdbush), nearest first,
 * optionally limited to `maxKm` and filtered by `predicate(index)`. km is Turf's
 * great-circle distance (same sphere as the rest of the geo layer).
 */
export function nearestPoints(
  index: PointIndex,
  pt: LngLat,
  maxResults = 1,
  maxKm?: number,
  predicate?: (i: number) => boolean,
): NearestHit[] {
  const [lng, lat] = assertLngLat(pt, 'query point');
  if (index.size === 0) return [];
  const keep = (i: number) => i < index.size && (!predicate || predicate(i));
  // geokdbush uses R = 6371 km; widen its cut-off a hair and apply ours exactly.
  const raw = around(index.kd, lng, lat, maxResults, maxKm === undefined ? undefined : maxKm * 1.001 + 1e-6, keep);
  const hits = raw.map((i) => ({
    index: i,
    id: index.ids ? index.ids[i] : null,
    km: greatCircleKm([lng, lat], [index.coords[2 * i], index.coords[2 * i + 1]]),
  }));
  return maxKm === undefined ? hits : hits.filter((h) => h.km <= maxKm);
}
