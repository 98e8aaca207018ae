import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bbox, booleanIntersects, lineString, point, pointToLineDistance } from '@turf/turf';
import type { FeatureCollection, MultiLineString, Polygon, Position } from 'geojson';
import { crossBorderFireSegments, crossBorderFireZone, westCutoffLon } from '../../../src/lib/geo/crossBorderZone.ts';

const fc = JSON.parse(
  readFileSync(new URL('../../fixtures/geo/cross-border.geojson', import.meta.url), 'utf8'),
) as FeatureCollection<Polygon | MultiLineString, { role: string }>;
const get = <T,>(role: string) => fc.features.find((f) => f.properties.role === role)!.geometry as T;
const region = get<Polygon>('region');
const held = get<Polygon>('held');
const border = get<MultiLineString>('border');
const rule = { heldArea: held, minDistanceFromHeldKm: 8, region, westMarginKm: 10 };

function kmToLines(p: Position, m: MultiLineString): number {
  return Math.min(...m.coordinates.map((c) => pointToLineDistance(point(p), lineString(c), { units: 'kilometers' })));
}

describe('westCutoffLon', () => {
  it('is the region’s west edge moved west by the margin', () => {
    expect(westCutoffLon(region, 0)).toBe(1);
    // 10 km at lat 0..0.5 is about 0.09 degrees of longitude
    expect(westCutoffLon(region, 10)).toBeCloseTo(1 - 10 / 111.195, 2);
  });
});

describe('crossBorderFireSegments', () => {
  const segs = crossBorderFireSegments(border, rule);
  it('keeps only border north of the held area (8 km clear) and west of the region', () => {
    expect(segs.coordinates).toEqual([[[0, 0.7], [0, 0.9], [0, 1.1], [0, 1.3], [0, 1.5]]]);
  });
  it('drops everything when the margin pushes the cutoff west of the border', () => {
    expect(crossBorderFireSegments(border, { ...rule, westMarginKm: 200 }).coordinates).toEqual([]);
  });
});

describe('crossBorderFireZone', () => {
  const segs = crossBorderFireSegments(border, rule);
  const zone = crossBorderFireZone(segs, 6);
  const verts = (zone.type === 'Polygon' ? zone.coordinates : zone.coordinates.flat()).flat();
  it('lies on the border: intersects it, every vertex within the buffer distance of the segments', () => {
    expect(booleanIntersects(zone, border)).toBe(true);
    for (const v of verts) expect(kmToLines(v, segs)).toBeLessThanOrEqual(6 * 1.01);
  });
  it('lies west of the region and does not touch the held area', () => {
    expect(bbox(zone)[2]).toBeLessThan(westCutoffLon(region, 0));
    expect(booleanIntersects(zone, held)).toBe(false);
  });
  it('refuses an empty candidate set rather than inventing a zone', () => {
    expect(() => crossBorderFireZone({ type: 'MultiLineString', coordinates: [] })).toThrow(/no candidate/);
  });
});
