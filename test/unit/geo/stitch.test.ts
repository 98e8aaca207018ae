import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { area, length, lineString } from '@turf/turf';
import type { FeatureCollection, LineString, Position } from 'geojson';
import { dedupeSegments, stitchSegments, stitchToLine, stitchToPolygon } from '../../../src/lib/geo/stitch.ts';

const fc = JSON.parse(
  readFileSync(new URL('../../fixtures/geo/ring-segments.geojson', import.meta.url), 'utf8'),
) as FeatureCollection<LineString>;
const segs = fc.features.map((f) => f.geometry.coordinates);

describe('dedupeSegments', () => {
  it('drops a segment that retraces part of another, keeps the rest in input order', () => {
    const kept = dedupeSegments(segs, 0.05);
    expect(kept).toHaveLength(4);
    expect(kept).not.toContainEqual([[0.5, 1], [1, 1]]);
    expect(kept[0]).toEqual(segs[0]);
  });
  it('keeps segments that only share an endpoint', () => {
    expect(dedupeSegments([[[0, 0], [1, 0]], [[1, 0], [2, 0]]])).toHaveLength(2);
  });
});

describe('stitchSegments / stitchToPolygon', () => {
  it('stitches shuffled, reversed segments with a small gap into one closed ring', () => {
    const poly = stitchToPolygon(dedupeSegments(segs), { toleranceKm: 0.5 });
    const ring = poly.coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    // every corner of the square is in the ring exactly once (plus the closing repeat)
    for (const corner of [[1, 0], [1, 1], [0, 1]]) {
      expect(ring.filter((p) => p[0] === corner[0] && p[1] === corner[1])).toHaveLength(1);
    }
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    expect(Math.abs(area(poly) / area(square) - 1)).toBeLessThan(0.001);
  });
  it('refuses to close a ring across a gap larger than the tolerance', () => {
    expect(() => stitchToPolygon(dedupeSegments(segs), { toleranceKm: 0.05 })).toThrow(/separate lines|does not close/);
  });
  it('leaves unconnected segments as separate lines', () => {
    const lines = stitchSegments([[[0, 0], [1, 0]], [[5, 5], [6, 5]], [[1, 0], [2, 0]]]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual([[0, 0], [1, 0], [2, 0]]);
  });
});

describe('stitchToLine', () => {
  const parts: Position[][] = [
    [[2, 0], [3, 0]],
    [[0, 0], [1, 0]],
    [[2, 0], [1, 0]],
  ];
  it('joins parts into one line without repeating shared vertices, oriented from `start`', () => {
    const line = stitchToLine(parts, { start: [3.1, 0] });
    expect(line.coordinates).toEqual([[3, 0], [2, 0], [1, 0], [0, 0]]);
    expect(length(lineString(line.coordinates))).toBeCloseTo(length(lineString([[0, 0], [3, 0]])), 6);
    expect(stitchToLine(parts, { start: [-1, 0] }).coordinates[0]).toEqual([0, 0]);
  });
  it('throws when the parts do not form a single line', () => {
    expect(() => stitchToLine([[[0, 0], [1, 0]], [[3, 0], [4, 0]]])).toThrow(/2 separate lines/);
  });
});
