// The measure tool's arithmetic: great-circle length of each segment of a path
// and the total. Works anywhere on the globe (Baku → Paris is a great circle,
// not a straight line on the Web Mercator map).
import type { LineString } from 'geojson';
import { greatCircleKm } from './distance.ts';
import { assertPath, type LngLat } from './validateInput.ts';

export interface PathMeasure {
  /** Great-circle length of each segment, km (n points → n − 1 segments). */
  segmentsKm: number[];
  /** Sum of the segments, km. */
  totalKm: number;
}

/**
 * Measures a path of [lng, lat] points along great circles.
 * Throws GeoInputError for an empty path or a bad coordinate. One point → no segments, 0 km.
 */
export function measurePath(coords: readonly LngLat[] | unknown): PathMeasure {
  const pts = assertPath(coords);
  const segmentsKm: number[] = [];
  let totalKm = 0;
  for (let i = 1; i < pts.length; i++) {
    const d = greatCircleKm(pts[i - 1], pts[i]);
    segmentsKm.push(d);
    totalKm += d;
  }
  return { segmentsKm, totalKm };
}

const RAD = Math.PI / 180;

/** Point at fraction f along the great circle from a to b (spherical interpolation). */
export function interpolateGreatCircle(a: LngLat, b: LngLat, f: number): LngLat {
  const [l1, p1] = [a[0] * RAD, a[1] * RAD];
  const [l2, p2] = [b[0] * RAD, b[1] * RAD];
  const ax = Math.cos(p1) * Math.cos(l1), ay = Math.cos(p1) * Math.sin(l1), az = Math.sin(p1);
  const bx = Math.cos(p2) * Math.cos(l2), by = Math.cos(p2) * Math.sin(l2), bz = Math.sin(p2);
  const dot = Math.min(1, Math.max(-1, ax * bx + ay * by + az * bz));
  const omega = Math.acos(dot);
  if (omega < 1e-12) return [a[0], a[1]];
  const s = Math.sin(omega);
  const ka = Math.sin((1 - f) * omega) / s;
  const kb = Math.sin(f * omega) / s;
  const x = ka * ax + kb * bx, y = ka * ay + kb * by, z = ka * az + kb * bz;
  return [Math.atan2(y, x) / RAD, Math.atan2(z, Math.hypot(x, y)) / RAD];
}

/**
 * A LineString that follows the great circles of the path, densified so that
 * no drawn piece is longer than `maxSegmentKm`, for drawing the measured path on
 * the map. Longitudes are unwrapped (may leave −180..180) so a path across the
 * antimeridian draws as one continuous line in MapLibre.
 */
export function greatCirclePath(coords: readonly LngLat[] | unknown, maxSegmentKm = 50): LineString {
  const pts = assertPath(coords);
  const out: LngLat[] = [pts[0]];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    const n = Math.max(1, Math.ceil(greatCircleKm(a, b) / maxSegmentKm));
    for (let k = 1; k <= n; k++) {
      const p = k === n ? ([b[0], b[1]] as LngLat) : interpolateGreatCircle(a, b, k / n);
      const prev = out[out.length - 1];
      let lng = p[0];
      while (lng - prev[0] > 180) lng -= 360;
      while (lng - prev[0] < -180) lng += 360;
      out.push([lng, p[1]]);
    }
  }
  return { type: 'LineString', coordinates: out };
}
