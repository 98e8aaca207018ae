import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { clipToBbox, roundGeometry } from '../../../src/lib/geo/clip.ts';

describe('roundGeometry', () => {
  it('rounds and removes consecutive duplicates created by rounding', () => {
    expect(roundGeometry({ type: 'LineString', coordinates: [[0.123456, 1], [0.123459, 1], [0.2, 1]] }, 5)).toEqual({
      type: 'LineString',
      coordinates: [[0.12346, 1], [0.2, 1]],
    });
  });
  it('drops rings that collapse and returns null when nothing is left', () => {
    const tiny: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1e-7, 0], [0, 1e-7], [0, 0]]] };
    expect(roundGeometry(tiny, 5)).toBeNull();
  });
});

describe('clipToBbox', () => {
  const mp: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [
      [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]],
      [[[10, 10], [11, 10], [11, 11], [10, 10]]],
    ],
  };
  it('clips to the box and drops parts entirely outside, simplifying to a Polygon', () => {
    const c = clipToBbox(mp, [1, 1, 2, 2]) as Polygon;
    expect(c.type).toBe('Polygon');
    const xs = c.coordinates[0].map((p) => p[0]);
    const ys = c.coordinates[0].map((p) => p[1]);
    expect(Math.min(...xs)).toBe(1);
    expect(Math.max(...xs)).toBe(2);
    expect(Math.min(...ys)).toBe(1);
    expect(Math.max(...ys)).toBe(2);
  });
  it('returns null when nothing lies inside', () => {
    expect(clipToBbox(mp, [20, 20, 21, 21])).toBeNull();
  });
});
