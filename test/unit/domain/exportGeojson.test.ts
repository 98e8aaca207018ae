import { check, getIssues } from '@placemarkio/check-geojson';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildEvents } from '../../../src/lib/domain/events';
import { eventsToGeojson, eventsToGeojsonText, normalizeGeometry } from '../../../src/lib/domain/exportGeojson';
import { loadAcled, loadFixture, loadRealData } from '../../fixtures/events/load';

/** Shoelace, written here independently: > 0 for counterclockwise. */
const ringArea = (r: Position[]): number => {
  let s = 0;
  for (let i = 0; i < r.length - 1; i++) s += (r[i + 1][0] - r[i][0]) * (r[i + 1][1] + r[i][1]);
  return -s / 2;
};

/** All numbers in a coordinate tree. */
const numbers = (x: unknown): number[] => (Array.isArray(x) ? x.flatMap(numbers) : typeof x === 'number' ? [x] : []);
const decimals = (n: number): number => (String(n).split('.')[1] ?? '').length;

describe('eventsToGeojson', () => {
  const acled = loadAcled();
  const events = buildEvents(loadFixture(), acled);
  const fc = eventsToGeojson(events);
  const text = eventsToGeojsonText(events);

  it('passes the independent RFC 7946 validator (@placemarkio/check-geojson)', () => {
    expect(getIssues(text)).toEqual([]);
    expect(() => check(text)).not.toThrow();
  });

  it('the validator does catch broken geometry (the check is not vacuous)', () => {
    const bad = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0]]] } }],
    });
    expect(getIssues(bad).length).toBeGreaterThan(0);
    // check-geojson does not test ring winding, so the right-hand rule is checked below with a shoelace.
  });

  it('every exported polygon follows the right-hand rule', () => {
    for (const f of fc.features) {
      if (f.geometry?.type !== 'Polygon') continue;
      f.geometry.coordinates.forEach((ring, i) => {
        if (i === 0) expect(ringArea(ring), f.id).toBeGreaterThan(0);
        else expect(ringArea(ring), f.id).toBeLessThan(0);
      });
    }
  });

  it('keeps ids and properties, and has no crs member', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect('crs' in fc).toBe(false);
    expect(fc.features.map((f) => f.id)).toEqual(events.map((e) => e.event_id));
    const f = fc.features[0];
    expect(f.properties).toMatchObject({
      event_id: events[0].event_id,
      feature_id: 'incident:cross-border-fire',
      event_type: 'Explosions/Remote violence',
      notes: events[0].notes,
      fatalities: null,
      claimed_by: ['armenia', 'azerbaijan'],
      excerpt_start: events[0].excerpt!.start,
      excerpt_end: events[0].excerpt!.end,
    });
    expect('geometry' in f.properties).toBe(false);
  });

  it('rewinds the fixture\'s clockwise polygon to the right-hand rule without changing the shape', () => {
    const src = events[0].geometry as Polygon;
    expect(ringArea(src.coordinates[0])).toBeLessThan(0); // the fixture is clockwise on purpose
    const out = fc.features[0].geometry as Polygon;
    expect(ringArea(out.coordinates[0])).toBeGreaterThan(0);
    expect(Math.abs(ringArea(out.coordinates[0]))).toBeCloseTo(Math.abs(ringArea(src.coordinates[0])), 9);
    // lines keep their direction
    expect(fc.features[1].geometry).toEqual(events[1].geometry);
  });

  it('winds holes clockwise and rounds coordinates to at most 6 decimals', () => {
    const g = normalizeGeometry({
      type: 'Polygon',
      coordinates: [
        [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]],
        [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]],
        [[5.1234567891, 5.1], [6.1, 5.1], [6.1, 6.1], [5.1234567891, 5.1]],
      ],
    }) as Polygon;
    expect(ringArea(g.coordinates[0])).toBeGreaterThan(0);
    expect(ringArea(g.coordinates[1])).toBeLessThan(0);
    expect(g.coordinates[2][0][0]).toBe(5.123457);
    for (const n of numbers(g.coordinates)) expect(decimals(n)).toBeLessThanOrEqual(6);
  });

  it('exports the built data (data/*.json) as valid RFC 7946 with ≤ 6 decimals', () => {
    const real = buildEvents(loadRealData(), acled);
    const realText = eventsToGeojsonText(real);
    expect(getIssues(realText)).toEqual([]);
    const realFc = check(realText) as { features: unknown[] };
    expect(realFc.features).toHaveLength(real.length);
    for (const f of eventsToGeojson(real).features) {
      expect(f.geometry, f.id).not.toBeNull();
      const polys = f.geometry?.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates : [];
      for (const p of polys) p.forEach((ring, i) => expect(Math.sign(ringArea(ring)), f.id).toBe(i === 0 ? 1 : -1));
      for (const n of numbers((f.geometry as { coordinates?: unknown }).coordinates)) expect(decimals(n)).toBeLessThanOrEqual(6);
    }
  });
});
