import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { area, booleanPointInPolygon, kinks, point } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { cutPolygonWithLine, extendLine, pieceContaining, segmentIntersection } from '../../../src/lib/geo/cutPolygon.ts';

const fc = JSON.parse(
  readFileSync(new URL('../../fixtures/geo/square-and-cut.geojson', import.meta.url), 'utf8'),
) as FeatureCollection<Polygon | LineString, { role: string }>;
const square = fc.features.find((f) => f.properties.role === 'polygon')!.geometry as Polygon;
const cut = (fc.features.find((f) => f.properties.role === 'cut') as Feature<LineString>).geometry;

describe('segmentIntersection', () => {
  it('finds a crossing and its parameters', () => {
    const x = segmentIntersection([0, 0], [2, 2], [0, 2], [2, 0])!;
    expect(x.pos).toEqual([1, 1]);
    expect(x.t).toBeCloseTo(0.5);
    expect(x.u).toBeCloseTo(0.5);
  });
  it('returns null for parallel or non-touching segments', () => {
    expect(segmentIntersection([0, 0], [1, 0], [0, 1], [1, 1])).toBeNull();
    expect(segmentIntersection([0, 0], [1, 1], [2, 0], [3, -1])).toBeNull();
  });
});

describe('cutPolygonWithLine', () => {
  const [a, b] = cutPolygonWithLine(square, cut, { extendKm: 3 });

  it('splits the square into two pieces whose areas add up to the whole', () => {
    expect(Math.abs((area(a) + area(b)) / area(square) - 1)).toBeLessThan(1e-9);
  });
  it('follows the bent line: the west piece is 3/8 of the square', () => {
    const west = pieceContaining([a, b], [0.1, 0.1]);
    const east = pieceContaining([a, b], [0.9, 0.9]);
    expect(west).not.toBe(east);
    expect(area(west) / area(square)).toBeCloseTo(0.375, 2);
    // the bend's corner points are vertices of both pieces
    for (const p of [[0.25, 0.5], [0.5, 0.5]]) {
      expect(west.coordinates[0]).toContainEqual(p);
      expect(east.coordinates[0]).toContainEqual(p);
    }
    expect(booleanPointInPolygon(point([0.4, 0.4]), west)).toBe(true);
    expect(booleanPointInPolygon(point([0.4, 0.6]), east)).toBe(true);
  });
  it('produces closed, non-self-intersecting rings', () => {
    for (const p of [a, b]) {
      const r = p.coordinates[0];
      expect(r[0]).toEqual(r[r.length - 1]);
      expect(kinks(p).features).toHaveLength(0);
    }
  });
  it('throws when the line does not cross the boundary twice, even extended', () => {
    const inner: LineString = { type: 'LineString', coordinates: [[0.4, 0.4], [0.6, 0.6]] };
    expect(() => cutPolygonWithLine(square, inner, { extendKm: 1 })).toThrow(/crosses the polygon boundary 0 time/);
  });
});

describe('extendLine', () => {
  it('pushes both ends outwards along the end segments', () => {
    const e = extendLine([[0, 0], [1, 0]], 111.195);
    expect(e).toHaveLength(4);
    expect(e[0][0]).toBeCloseTo(-1, 3);
    expect(e[3][0]).toBeCloseTo(2, 3);
  });
});
