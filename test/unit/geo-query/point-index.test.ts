import { destination, bearing, pointToLineDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { LineString, MultiLineString, Position } from 'geojson';
import {
  arcLatRange,
  buildPointIndex,
  idsAt,
  naiveWithinKmOfLine,
  nearestPoints,
  withinKmOfLine,
} from '../../../src/lib/geo/pointIndex.ts';
import { GeoInputError, type LngLat } from '../../../src/lib/geo/validateInput.ts';
import { fixture, haversineKm, mulberry32, slerp } from './helpers.ts';

function randomIn(n: number, [w, s, e, nn]: number[], seed: number): LngLat[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => [w + r() * (e - w), s + r() * (nn - s)] as LngLat);
}

/** Points at exactly ±(km ± eps) perpendicular to each segment's midpoint: the hardest cases for a prefilter. */
function edgePoints(line: Position[][], km: number): LngLat[] {
  const out: LngLat[] = [];
  for (const part of line) {
    for (let i = 1; i < part.length; i++) {
      const mid = slerp(part[i - 1], part[i], 0.5);
      const b = bearing(mid, part[i]);
      for (const side of [-90, 90]) {
        for (const d of [km - 1e-6, km - 0.01, km, km + 0.01, km + 1e-6]) {
          const p = destination(mid, d, b + side, { units: 'kilometers' }).geometry.coordinates;
          out.push([p[0], p[1]]);
        }
      }
      // And around the vertices.
      for (const az of [0, 45, 135, 200, 290]) {
        const p = destination(part[i], km * 0.999999, az, { units: 'kilometers' }).geometry.coordinates;
        out.push([p[0], p[1]]);
      }
    }
  }
  return out;
}

describe('withinKmOfLine (kd-tree) == naive Turf loop', () => {
  const ne = fixture('ne-ceasefire-line-1994.geojson').geometry as MultiLineString;

  it('random points around the Natural Earth 1994 line (5 parts), 10 and 25 km', () => {
    const pts = [...randomIn(1500, [45.6, 39.0, 47.8, 40.6], 7), ...edgePoints(ne.coordinates, 10)];
    const index = buildPointIndex(pts);
    for (const km of [10, 25]) {
      const fast = withinKmOfLine(index, ne, km);
      const slow = naiveWithinKmOfLine(pts, ne, km);
      expect(fast).toEqual(slow);
      expect(fast.length).toBeGreaterThan(100);
      expect(fast.length).toBeLessThan(pts.length);
    }
  });

  it('km = 0 and tiny distances agree too', () => {
    const pts = randomIn(500, [45.9, 39.3, 47.4, 40.3], 3);
    const index = buildPointIndex(pts);
    for (const km of [0, 0.5]) expect(withinKmOfLine(index, ne, km)).toEqual(naiveWithinKmOfLine(pts, ne, km));
  });

  it('a long high-latitude segment (great circle bulges poleward) and an antimeridian crossing', () => {
    const north: LineString = { type: 'LineString', coordinates: [[-60, 60], [60, 60]] };
    // The great circle peaks near lat 73.9 at lng 0: points there are near the line though far from the 60° parallel.
    const [, hi] = arcLatRange([-60, 60], [60, 60]);
    expect(hi).toBeGreaterThan(73);
    const pts = [...randomIn(1500, [-10, 72, 10, 76], 11), ...edgePoints(north.coordinates.length ? [north.coordinates] : [], 10)];
    const idx = buildPointIndex(pts);
    const fast = withinKmOfLine(idx, north, 10);
    expect(fast).toEqual(naiveWithinKmOfLine(pts, north, 10));
    expect(fast.length).toBeGreaterThan(20);

    const am: LineString = { type: 'LineString', coordinates: [[170, 50], [-170, 50.5]] };
    const pts2 = [...randomIn(800, [165, 49, 180, 52], 5), ...randomIn(800, [-180, 49, -165, 52], 6), ...edgePoints([am.coordinates], 25)];
    const idx2 = buildPointIndex(pts2);
    const fast2 = withinKmOfLine(idx2, am, 25);
    expect(fast2).toEqual(naiveWithinKmOfLine(pts2, am, 25));
    expect(fast2.some((i) => pts2[i][0] > 0) && fast2.some((i) => pts2[i][0] < 0)).toBe(true);
  });

  it('every returned point really is within km (Turf), every other is not', () => {
    const pts = randomIn(400, [45.9, 39.3, 47.4, 40.3], 9);
    const idx = buildPointIndex(pts, pts.map((_, i) => `p${i}`));
    const hits = new Set(withinKmOfLine(idx, ne, 10));
    pts.forEach((p, i) => {
      const d = Math.min(...ne.coordinates.map((c) => pointToLineDistance(p, { type: 'LineString', coordinates: c })));
      expect(hits.has(i)).toBe(d <= 10);
    });
    expect(idsAt(idx, [...hits].slice(0, 2))[0]).toMatch(/^p\d+$/);
  });

  it('empty index, bad km and bad points', () => {
    expect(withinKmOfLine(buildPointIndex([]), ne, 10)).toEqual([]);
    const idx = buildPointIndex([[46, 40]]);
    expect(() => withinKmOfLine(idx, ne, -1)).toThrow(GeoInputError);
    expect(() => withinKmOfLine(idx, ne, NaN)).toThrow(/NaN/);
    expect(() => buildPointIndex([[46, 40], [181, 40]])).toThrow(/point 1: longitude 181 is outside/);
  });
});

describe('nearestPoints (geokdbush)', () => {
  it('finds the same nearest point as a brute-force haversine scan', () => {
    const pts = randomIn(2000, [44, 38.3, 50.5, 42], 21);
    const idx = buildPointIndex(pts);
    const r = mulberry32(4);
    for (let k = 0; k < 50; k++) {
      const q: LngLat = [44 + r() * 6.5, 38.3 + r() * 3.7];
      const [hit] = nearestPoints(idx, q);
      let best = -1, bestD = Infinity;
      pts.forEach((p, i) => {
        const d = haversineKm(q, p);
        if (d < bestD) [best, bestD] = [i, d];
      });
      expect(hit.index).toBe(best);
      expect(Math.abs(hit.km - bestD) / bestD).toBeLessThan(1e-9);
    }
  });
  it('maxKm limits the results to that distance', () => {
    const pts: LngLat[] = [[46, 40], [46.1, 40], [47, 40]];
    const idx = buildPointIndex(pts);
    const hits = nearestPoints(idx, [46, 40], Infinity, 10);
    expect(hits.map((h) => h.index)).toEqual([0, 1]);
  });
});
