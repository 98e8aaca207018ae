import { describe, expect, it } from 'vitest';
import { queryPoint, kmBetweenPoints } from '../../../src/lib/geo/whereIs.ts';
import { GeoInputError } from '../../../src/lib/geo/validateInput.ts';
import { fixture, haversineKm } from './helpers.ts';

const data = { basemap: fixture('toy-basemap.json'), features: fixture('toy-features.json') };
const rad = Math.PI / 180;
/** Distance to the meridian at lng0 (a great circle): asin(sin Δλ · cos φ). */
const toMeridianKm = (p: number[], lng0: number) => 6371.0088 * Math.asin(Math.abs(Math.sin((p[0] - lng0) * rad) * Math.cos(p[1] * rad)));

describe('queryPoint on toy fixtures', () => {
  it('a point in the toy oblast: country, both regions, distances, nearest places', () => {
    const q = queryPoint(data, [46.7, 39.85]);
    expect(q.country).toEqual({ id: 'country:eastland', name: 'Eastland', iso3: 'EST' });
    expect(q.inNKAO1991).toBe(true);
    expect(q.inHeld1994to2020).toBe(true);
    // Nearest line of contact point: the east edge, a meridian at 47.2.
    expect(Math.abs(q.kmToLineOfContact! - toMeridianKm([46.7, 39.85], 47.2)) / q.kmToLineOfContact!).toBeLessThan(0.005);
    expect(q.nearestOnLineOfContact![0]).toBeCloseTo(47.2, 6);
    expect(Math.abs(q.kmToBorder! - toMeridianKm([46.7, 39.85], 46)) / q.kmToBorder!).toBeLessThan(0.005);
    expect(q.nearestPlace!.id).toBe('place:ref-town');
    expect(q.nearestPlace!.km).toBeCloseTo(haversineKm([46.7, 39.85], [46.7, 39.8]), 6);
    expect(q.nearestReferenceTown!.id).toBe('place:ref-town');
    expect(q.nearestMentionedPlace!.id).toBe('place:mentioned-town');
    expect(q.nearestMentionedPlace!.name).toBe('Mentioned town');
    expect(q.precision.lineOfContact).toMatch(/1:10m/);
  });

  it('inside the held area but outside the oblast', () => {
    const q = queryPoint(data, [46.2, 39.3]);
    expect(q.inNKAO1991).toBe(false);
    expect(q.inHeld1994to2020).toBe(true);
  });

  it('west of the border: the other country, outside both regions, nearest mentioned = west capital', () => {
    const q = queryPoint(data, [44.6, 40.1]);
    expect(q.country?.iso3).toBe('WST');
    expect(q.inNKAO1991).toBe(false);
    expect(q.inHeld1994to2020).toBe(false);
    expect(q.nearestMentionedPlace!.id).toBe('place:west-capital');
    // Actors are not places.
    expect(q.nearestPlace!.id).not.toMatch(/^actor:/);
  });

  it('a point at sea (east of the land) belongs to no country; lakes are not countries', () => {
    expect(queryPoint(data, [50.3, 39.5]).country).toBeNull();
    expect(queryPoint(data, [45.1, 40.1]).country?.iso3).toBe('WST');
  });

  it('missing features give null, not a crash', () => {
    const bare = { basemap: data.basemap, features: { type: 'FeatureCollection', features: [] } as any };
    const q = queryPoint(bare, [46.7, 39.85]);
    expect(q.inNKAO1991).toBeNull();
    expect(q.kmToLineOfContact).toBeNull();
    expect(q.nearestPlace).toBeNull();
    expect(q.country?.iso3).toBe('EST');
  });

  it('bad input throws GeoInputError with a clear message', () => {
    expect(() => queryPoint(data, [200, 40])).toThrow(GeoInputError);
    expect(() => queryPoint(data, [200, 40])).toThrow(/longitude 200 is outside −180..180/);
    expect(() => queryPoint(data, [46, -91])).toThrow(/latitude -91 is outside −90..90/);
    expect(() => queryPoint(data, [NaN, 40])).toThrow(/NaN/);
    expect(() => queryPoint(data, ['46', 40])).toThrow(/must be a number/);
    expect(() => queryPoint(data, null)).toThrow(/\[longitude, latitude\]/);
    expect(() => queryPoint(data, [46])).toThrow(GeoInputError);
  });

  it('kmBetweenPoints', () => {
    expect(kmBetweenPoints(data.features, 'place:west-capital', 'place:east-capital')).toBeCloseTo(
      haversineKm([44.5, 40.2], [49.0, 40.4]),
      6,
    );
    expect(kmBetweenPoints(data.features, 'place:west-capital', 'region:nkao-1991')).toBeNull();
  });
});
