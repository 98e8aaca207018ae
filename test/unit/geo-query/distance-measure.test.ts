import { describe, expect, it } from 'vitest';
import { greatCircleKm, nearestPointOnLineKm, pointToGeometryKm, pointToLineKm } from '../../../src/lib/geo/distance.ts';
import { greatCirclePath, measurePath } from '../../../src/lib/geo/measure.ts';
import { GeoInputError } from '../../../src/lib/geo/validateInput.ts';
import { BAKU, PARIS, YEREVAN, bruteLineKm, haversineKm, vincentyKm } from './helpers.ts';

const within = (actual: number, expected: number, rel = 0.005) => expect(Math.abs(actual - expected) / expected).toBeLessThan(rel);

describe('great-circle point–point', () => {
  it('Baku–Yerevan matches haversine and Vincenty within 0.5%', () => {
    const d = greatCircleKm(BAKU as [number, number], YEREVAN as [number, number]);
    within(d, haversineKm(BAKU, YEREVAN));
    within(d, vincentyKm(BAKU, YEREVAN));
    expect(d).toBeGreaterThan(440);
    expect(d).toBeLessThan(470);
  });
  it('Baku–Paris matches haversine and Vincenty within 0.5% (not a Mercator straight line)', () => {
    const d = greatCircleKm(BAKU as [number, number], PARIS as [number, number]);
    within(d, haversineKm(BAKU, PARIS));
    within(d, vincentyKm(BAKU, PARIS));
    // A planar lng/lat distance scaled at the mean latitude would be far off.
    const planar = Math.hypot((BAKU[0] - PARIS[0]) * 111.195 * Math.cos(((BAKU[1] + PARIS[1]) / 2) * (Math.PI / 180)), (BAKU[1] - PARIS[1]) * 111.195);
    expect(Math.abs(d - planar)).toBeGreaterThan(10);
  });
});

describe('point–line', () => {
  const line = [[46.0, 40.4], [47.2, 40.4], [47.2, 39.2]];
  it('matches a brute-force sampled great-circle distance within 0.5%', () => {
    for (const p of [[46.7, 39.85], [46.6, 41.0], [48.0, 39.0], [45.5, 40.0], [47.21, 39.9]]) {
      within(pointToLineKm(p as [number, number], { type: 'LineString', coordinates: line }), bruteLineKm(p, line));
    }
  });
  it('nearest point lies on the line and its km is the distance to it', () => {
    const r = nearestPointOnLineKm([46.7, 39.85], { type: 'LineString', coordinates: line });
    within(r.km, haversineKm([46.7, 39.85], r.point));
    within(r.km, bruteLineKm([46.7, 39.85], line));
    expect(r.point[0]).toBeCloseTo(47.2, 6); // east edge is nearer than the north edge
  });
  it('MultiLineString: minimum over the parts', () => {
    const m = { type: 'MultiLineString' as const, coordinates: [[[40, 30], [41, 30]], line] };
    expect(pointToLineKm([46.7, 39.85], m)).toBeCloseTo(pointToLineKm([46.7, 39.85], { type: 'LineString', coordinates: line }), 9);
  });
  it('polygon: inside is 0 km, outside is the distance to the ring', () => {
    const poly = { type: 'Polygon' as const, coordinates: [[[46, 39.2], [47.2, 39.2], [47.2, 40.4], [46, 40.4], [46, 39.2]]] };
    expect(pointToGeometryKm([46.5, 39.5], poly)).toBe(0);
    within(pointToGeometryKm([47.5, 39.8], poly), bruteLineKm([47.5, 39.8], poly.coordinates[0]));
  });
});

describe('measurePath', () => {
  it('Baku → Yerevan → Paris: segments and total match haversine', () => {
    const m = measurePath([BAKU, YEREVAN, PARIS]);
    expect(m.segmentsKm).toHaveLength(2);
    within(m.segmentsKm[0], haversineKm(BAKU, YEREVAN));
    within(m.segmentsKm[1], haversineKm(YEREVAN, PARIS));
    expect(m.totalKm).toBeCloseTo(m.segmentsKm[0] + m.segmentsKm[1], 9);
  });
  it('Baku → Paris comes out right across the whole map', () => {
    within(measurePath([BAKU, PARIS]).totalKm, vincentyKm(BAKU, PARIS));
  });
  it('one point: no segments, 0 km', () => {
    expect(measurePath([BAKU])).toEqual({ segmentsKm: [], totalKm: 0 });
  });
  it('empty path and bad points throw GeoInputError with a clear message', () => {
    expect(() => measurePath([])).toThrow(GeoInputError);
    expect(() => measurePath([])).toThrow(/empty/);
    expect(() => measurePath([BAKU, [NaN, 40]])).toThrow(/point 2.*longitude is NaN/);
    expect(() => measurePath([BAKU, [44, 95]])).toThrow(/latitude 95 is outside/);
    expect(() => measurePath('Baku')).toThrow(GeoInputError);
  });
  it('greatCirclePath follows the great circle (midpoint north of the rhumb line) and ends at both points', () => {
    const g = greatCirclePath([BAKU, PARIS], 100);
    const c = g.coordinates;
    expect(c[0]).toEqual(BAKU);
    expect(c[c.length - 1]).toEqual(PARIS);
    expect(c.length).toBeGreaterThan(30);
    // Every piece ≤ 100 km, and the summed length equals the great-circle distance.
    let sum = 0;
    for (let i = 1; i < c.length; i++) {
      const d = haversineKm(c[i - 1], c[i]);
      expect(d).toBeLessThanOrEqual(100.001);
      sum += d;
    }
    within(sum, haversineKm(BAKU, PARIS), 0.0001);
    const mid = c[Math.floor(c.length / 2)];
    expect(mid[1]).toBeGreaterThan((BAKU[1] + PARIS[1]) / 2 + 1);
  });
});
