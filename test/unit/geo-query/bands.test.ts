import { bearing, booleanPointInPolygon, destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Feature, LineString, MultiLineString } from 'geojson';
import { bandKey, distanceBands } from '../../../src/lib/geo/bands.ts';
import { GeoInputError } from '../../../src/lib/geo/validateInput.ts';
import { bruteLineKm, fixture, slerp } from './helpers.ts';

const toy = fixture('toy-features.json').features.find((f: Feature) => f.id === 'line:line-of-contact-1994') as Feature<LineString> & {
  id: string;
};

/** Points `km` from the line, perpendicular to the middle of each segment, both sides. */
function perpendicular(coords: number[][], km: number): number[][] {
  const out: number[][] = [];
  for (let i = 1; i < coords.length; i++) {
    for (const t of [0.25, 0.5, 0.75]) {
      const p = slerp(coords[i - 1], coords[i], t);
      const b = bearing(p, coords[i]);
      for (const side of [-90, 90]) out.push(destination(p, km, b + side, { units: 'kilometers' }).geometry.coordinates);
    }
  }
  return out;
}

function band(fc: ReturnType<typeof distanceBands>, id: string) {
  const f = fc.features.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id}`);
  return f;
}

describe('distanceBands', () => {
  const fc = distanceBands(toy, [5, 10, 25, 50]);

  it('ids, order and contract properties', () => {
    expect(fc.features.map((f) => f.id)).toEqual([
      'band:line-of-contact:50km',
      'band:line-of-contact:25km',
      'band:line-of-contact:10km',
      'band:line-of-contact:5km',
    ]);
    for (const f of fc.features) {
      expect(f.properties.id).toBe(f.id);
      expect(f.properties.approximate).toBe(true);
      expect(f.properties.precision).toBe('approximate');
      expect(f.properties.source).toMatch(/turf\.buffer/);
      expect(f.properties.targetId).toBe('line:line-of-contact-1994');
      expect(f.properties.license).toBeTruthy();
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    expect(bandKey('zone:cross-border-fire')).toBe('cross-border-fire');
  });

  it('the 10 km band contains points 9 km from the line and excludes points 11 km away', () => {
    const ten = band(fc, 'band:line-of-contact:10km');
    const nine = perpendicular(toy.geometry.coordinates, 9);
    const eleven = perpendicular(toy.geometry.coordinates, 11);
    // Independent check that the constructed points are where we think.
    for (const p of nine) expect(Math.abs(bruteLineKm(p, toy.geometry.coordinates, 500) - 9)).toBeLessThan(0.05);
    for (const p of nine) expect(booleanPointInPolygon(p, ten)).toBe(true);
    for (const p of eleven) expect(booleanPointInPolygon(p, ten)).toBe(false);
    // And the 5 km band excludes the 9 km points, the 25 km band holds the 11 km ones.
    for (const p of nine) expect(booleanPointInPolygon(p, band(fc, 'band:line-of-contact:5km'))).toBe(false);
    for (const p of eleven) expect(booleanPointInPolygon(p, band(fc, 'band:line-of-contact:25km'))).toBe(true);
  });

  it('works on the Natural Earth 1994 line (MultiLineString, 5 parts)', () => {
    const ne = { ...fixture('ne-ceasefire-line-1994.geojson'), id: 'line:line-of-contact-1994' } as Feature<MultiLineString> & { id: string };
    const ten = band(distanceBands(ne, [10]), 'band:line-of-contact:10km');
    for (const part of ne.geometry.coordinates) {
      if (part.length < 2) continue;
      for (const p of perpendicular(part, 9)) {
        // A 9 km point from one part may be nearer another part; it is inside either way.
        expect(booleanPointInPolygon(p, ten)).toBe(true);
      }
      for (const p of perpendicular(part, 11)) {
        const d = Math.min(...ne.geometry.coordinates.map((c) => bruteLineKm(p, c, 200)));
        expect(booleanPointInPolygon(p, ten)).toBe(d <= 10);
      }
    }
  });

  it('rings: the 10 km ring is 5–10 km (excludes 3 km, includes 9 km)', () => {
    const rings = distanceBands(toy, [5, 10], { rings: true });
    const ring = band(rings, 'band:line-of-contact:10km');
    expect(ring.properties.innerKm).toBe(5);
    for (const p of perpendicular(toy.geometry.coordinates, 3)) expect(booleanPointInPolygon(p, ring)).toBe(false);
    for (const p of perpendicular(toy.geometry.coordinates, 9)) expect(booleanPointInPolygon(p, ring)).toBe(true);
  });

  it('is deterministic (same bytes twice)', () => {
    expect(JSON.stringify(distanceBands(toy, [10, 25]))).toBe(JSON.stringify(distanceBands(toy, [25, 10])));
  });

  it('bad distances throw GeoInputError', () => {
    expect(() => distanceBands(toy, [10, 10])).toThrow(/twice/);
    expect(() => distanceBands(toy, [0])).toThrow(GeoInputError);
    expect(() => distanceBands(toy, [NaN])).toThrow(/NaN/);
  });
});
