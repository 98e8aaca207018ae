import { describe, expect, it } from 'vitest';
import { closestApproach } from '../../../src/lib/geo/closestApproach';

const R = 6371.0088;
function haversine(a: number[], b: number[]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

describe('closestApproach', () => {
  it('finds the vertex–segment minimum between two parallel-ish lines', () => {
    const a = { type: 'LineString' as const, coordinates: [[46, 40], [47, 40]] };
    const b = { type: 'LineString' as const, coordinates: [[45.5, 40.3], [46.5, 40.1], [47.5, 40.4]] };
    const r = closestApproach(a, b);
    // The vertex (46.5, 40.1) of b is closest to a, about 0.1° of latitude away.
    expect(r.b[0]).toBeCloseTo(46.5, 6);
    expect(r.b[1]).toBeCloseTo(40.1, 6);
    expect(r.crosses).toBe(false);
    expect(Math.abs(r.km - haversine(r.a, r.b))).toBeLessThan(1e-6);
    expect(r.km).toBeGreaterThan(11);
    expect(r.km).toBeLessThan(11.2);
  });

  it('reports 0 km for crossing lines', () => {
    const a = { type: 'LineString' as const, coordinates: [[46, 40], [47, 41]] };
    const b = { type: 'LineString' as const, coordinates: [[46, 41], [47, 40]] };
    const r = closestApproach(a, b);
    expect(r.crosses).toBe(true);
    expect(r.km).toBe(0);
  });
});
