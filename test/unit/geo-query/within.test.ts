import { destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { pointToGeometryKm } from '../../../src/lib/geo/distance.ts';
import { boxLowerBoundKm, featuresWithinKm, geometryDistanceKm, withinKmOfId } from '../../../src/lib/geo/within.ts';
import { GeoInputError } from '../../../src/lib/geo/validateInput.ts';
import { bruteLineKm, fixture, haversineKm, mulberry32 } from './helpers.ts';

type F = Feature<Geometry> & { id: string };
const feats = fixture('toy-features.json').features as F[];
const byId = (id: string) => feats.find((f) => f.id === id)!;

describe('featuresWithinKm', () => {
  it('within 30 km of the toy line of contact: the regions it bounds, the reference town is not', () => {
    const ids = featuresWithinKm(feats, byId('line:line-of-contact-1994'), 30);
    expect(ids).toContain('region:held-1994-2020'); // shares the line: 0 km
    expect(ids).toContain('region:nkao-1991'); // 0.2° ≈ 17–22 km inside the line
    expect(ids).toContain('line:armenia-azerbaijan-border'); // touches at 46.0, 40.4
    expect(ids).toContain('place:mentioned-town'); // 47.5,40.3: ≈ 25.5 km east of the 47.2 edge
    expect(ids).not.toContain('line:line-of-contact-1994'); // the target itself
    expect(ids).not.toContain('place:ref-town'); // ≈ 42 km from the east edge
    expect(ids).not.toContain('place:west-capital');
    // Independent: the mentioned town really is within 30 km (but not 25), the reference town is not.
    const loc = (byId('line:line-of-contact-1994').geometry as any).coordinates;
    expect(bruteLineKm([47.5, 40.3], loc)).toBeLessThanOrEqual(30);
    expect(bruteLineKm([47.5, 40.3], loc)).toBeGreaterThan(25);
    expect(featuresWithinKm(feats, byId('line:line-of-contact-1994'), 25)).not.toContain('place:mentioned-town');
    expect(bruteLineKm([46.7, 39.8], loc)).toBeGreaterThan(30);
  });

  it('inside a polygon counts as 0 km', () => {
    const ids = featuresWithinKm(feats, byId('region:nkao-1991'), 0);
    expect(ids).toContain('place:ref-town');
    expect(ids).toContain('region:held-1994-2020'); // contains it
    expect(ids).not.toContain('place:mentioned-town');
    expect(geometryDistanceKm(byId('place:ref-town').geometry, byId('region:held-1994-2020').geometry)).toBe(0);
  });

  it('a point target: places within a radius, by great circle', () => {
    const target: F = { type: 'Feature', id: 'probe', properties: {}, geometry: { type: 'Point', coordinates: [46.7, 39.85] } };
    const d = haversineKm([46.7, 39.85], [47.5, 40.3]);
    expect(featuresWithinKm(feats, target, d + 0.01)).toContain('place:mentioned-town');
    expect(featuresWithinKm(feats, target, d - 0.01)).not.toContain('place:mentioned-town');
  });

  it('line–line distance without crossing equals the brute-force minimum', () => {
    const a: Geometry = { type: 'LineString', coordinates: [[44, 39], [44.5, 39.2]] };
    const b: Geometry = { type: 'LineString', coordinates: [[45, 39.5], [45.2, 38.8]] };
    const d = geometryDistanceKm(a, b);
    const brute = Math.min(bruteLineKm([44.5, 39.2], b.coordinates), bruteLineKm([45, 39.5], a.coordinates), bruteLineKm([45.2, 38.8], a.coordinates));
    expect(Math.abs(d - brute) / brute).toBeLessThan(0.005);
    const crossing: Geometry = { type: 'LineString', coordinates: [[44.2, 38.5], [44.2, 40]] };
    expect(geometryDistanceKm(a, crossing)).toBe(0);
  });

  it('point features through the index agree with a brute-force scan (random points, polygon and line targets)', () => {
    const r = mulberry32(99);
    const pts: F[] = Array.from({ length: 600 }, (_, i) => ({
      type: 'Feature',
      id: `pt:${i}`,
      properties: {},
      geometry: { type: 'Point', coordinates: [45.5 + r() * 2.5, 38.8 + r() * 2.2] },
    }));
    const all = [...feats, ...pts];
    for (const [tid, km] of [['region:nkao-1991', 15], ['line:line-of-contact-1994', 10], ['place:ref-town', 30]] as const) {
      const got = new Set(featuresWithinKm(all, byId(tid), km).filter((id) => id.startsWith('pt:')));
      const want = pts.filter((p) => pointToGeometryKm((p.geometry as any).coordinates, byId(tid).geometry) <= km).map((p) => p.id);
      expect([...got].sort()).toEqual(want.sort());
      expect(want.length).toBeGreaterThan(3);
    }
  });

  it('box lower bound never exceeds a real distance', () => {
    const r = mulberry32(1);
    for (let k = 0; k < 300; k++) {
      const p = [r() * 20 + 40, r() * 20 + 30], q = [r() * 20 + 40, r() * 20 + 30];
      const bp: [number, number, number, number] = [p[0] - 0.5, p[1] - 0.5, p[0], p[1]];
      const bq: [number, number, number, number] = [q[0], q[1], q[0] + 0.5, q[1] + 0.5];
      expect(boxLowerBoundKm(bp, bq)).toBeLessThanOrEqual(haversineKm(p, q) + 1e-9);
    }
  });

  it('a feature just outside the distance is excluded, just inside included', () => {
    const p9 = destination([47.2, 39.8], 9.9, 90, { units: 'kilometers' }).geometry.coordinates;
    const p11 = destination([47.2, 39.8], 10.1, 90, { units: 'kilometers' }).geometry.coordinates;
    const extra: F[] = [
      { type: 'Feature', id: 'in', properties: {}, geometry: { type: 'LineString', coordinates: [p9, [48, 39.8]] } },
      { type: 'Feature', id: 'out', properties: {}, geometry: { type: 'Polygon', coordinates: [[p11, [48, 39.8], [48, 39.9], p11]] } },
    ];
    const ids = featuresWithinKm([...feats, ...extra], byId('line:line-of-contact-1994'), 10);
    expect(ids).toContain('in');
    expect(ids).not.toContain('out');
  });

  it('unknown id, bad km and a target without geometry throw GeoInputError', () => {
    expect(() => withinKmOfId(feats, 'place:nowhere', 10)).toThrow(/no feature with id "place:nowhere"/);
    expect(() => withinKmOfId(feats, 'place:ref-town', -5)).toThrow(GeoInputError);
    expect(() => withinKmOfId(feats, 'place:ref-town', NaN)).toThrow(/NaN/);
    expect(() => featuresWithinKm(feats, { type: 'Feature', id: 'x', properties: {}, geometry: null } as any, 5)).toThrow(/no geometry/);
    expect(withinKmOfId(feats, 'place:ref-town', 0)).toEqual(['region:nkao-1991', 'region:held-1994-2020']);
  });
});
