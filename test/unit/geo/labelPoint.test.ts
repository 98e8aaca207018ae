import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point, polygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { labelPoint, largestPart } from '../../../src/lib/geo/labelPoint';

const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('labelPoint (pole of inaccessibility)', () => {
  it('puts the label at the centre of a square', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 2)] };
    const [x, y] = labelPoint(g, 0.001);
    expect(x).toBeCloseTo(1, 2);
    expect(y).toBeCloseTo(1, 2);
  });

  it('keeps an L shape label inside and off the centroid, which falls outside it', () => {
    // An L: a 4x1 bar along the bottom and a 1x4 bar up the left side.
    const L: Polygon = {
      type: 'Polygon',
      coordinates: [[[0, 0], [4, 0], [4, 1], [1, 1], [1, 4], [0, 4], [0, 0]]],
    };
    const p = labelPoint(L, 0.001);
    expect(booleanPointInPolygon(point(p), polygon(L.coordinates))).toBe(true);
    // At least ~0.45 from every edge (the bars are 1 wide).
    expect(p[0]).toBeGreaterThan(0.4);
    expect(p[1]).toBeGreaterThan(0.4);
    expect(Math.min(p[0], p[1])).toBeLessThan(1);
  });

  it('labels the largest part of a multipolygon, not the bbox centre between parts', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(10, 10, 1)], [square(0, 0, 4)]],
    };
    expect(largestPart(g)[0][0]).toEqual([0, 0]);
    const [x, y] = labelPoint(g, 0.001);
    expect(x).toBeCloseTo(2, 1);
    expect(y).toBeCloseTo(2, 1);
  });

  it('is central on the map at high latitude: longitude scaled by cos(latitude)', () => {
    // 4° of longitude by 2° of latitude at 60°N is about 2° x 2° on the ground:
    // the label is still at the middle, and deterministic.
    const g: Polygon = { type: 'Polygon', coordinates: [[[0, 59], [4, 59], [4, 61], [0, 61], [0, 59]]] };
    const a = labelPoint(g, 0.001);
    expect(a[0]).toBeCloseTo(2, 1);
    expect(a[1]).toBeCloseTo(60, 1);
    expect(labelPoint(g, 0.001)).toEqual(a);
  });

  it('throws on a polygon without a usable ring', () => {
    expect(() => labelPoint({ type: 'MultiPolygon', coordinates: [] })).toThrow(/no polygon ring/);
  });
});
