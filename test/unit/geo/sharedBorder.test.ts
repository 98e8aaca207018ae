import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { sharedBorder } from '../../../src/lib/geo/sharedBorder.ts';

const fc = JSON.parse(
  readFileSync(new URL('../../fixtures/geo/adjacent-polygons.geojson', import.meta.url), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, { role: string }>;
const get = (role: string) => fc.features.find((f) => f.properties.role === role)!.geometry;

describe('sharedBorder', () => {
  it('returns exactly the common edge, as one run in the first polygon’s order', () => {
    expect(sharedBorder(get('a'), get('b'))).toEqual({
      type: 'MultiLineString',
      coordinates: [[[1, 0], [1, 0.5], [1, 1]]],
    });
  });
  it('is symmetric up to orientation', () => {
    const ba = sharedBorder(get('b'), get('a'));
    expect(ba.coordinates).toHaveLength(1);
    expect([...ba.coordinates[0]].reverse()).toEqual([[1, 0], [1, 0.5], [1, 1]]);
  });
  it('ignores polygons that touch only at a corner', () => {
    expect(sharedBorder(get('a'), get('c')).coordinates).toEqual([]);
  });
  it('tolerates float noise below the comparison precision', () => {
    const noisy: Polygon = {
      type: 'Polygon',
      coordinates: [[[1 + 1e-9, -1], [2, -1], [2, 2], [1, 2], [1, 1 + 1e-9], [1, 0.5], [1 - 1e-9, 0], [1, -1], [1 + 1e-9, -1]]],
    };
    expect(sharedBorder(get('a'), noisy).coordinates).toHaveLength(1);
  });
  it('handles a run that wraps around the ring’s start vertex', () => {
    // Ring starting in the middle of the shared edge.
    const a2: Polygon = { type: 'Polygon', coordinates: [[[1, 0.5], [1, 1], [0, 1], [0, 0], [1, 0], [1, 0.5]]] };
    expect(sharedBorder(a2, get('b')).coordinates).toEqual([[[1, 0], [1, 0.5], [1, 1]]]);
  });
});
