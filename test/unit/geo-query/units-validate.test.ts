import { describe, expect, it } from 'vitest';
import { formatDistance, formatKmAndMiles, formatNumber, kmToMiles, milesToKm } from '../../../src/lib/geo/units.ts';
import { assertKm, assertLngLat, assertPath, GeoInputError } from '../../../src/lib/geo/validateInput.ts';

describe('units', () => {
  it('km ↔ miles', () => {
    expect(kmToMiles(1.609344)).toBeCloseTo(1, 12);
    expect(milesToKm(100)).toBeCloseTo(160.9344, 9);
    expect(kmToMiles(milesToKm(42))).toBeCloseTo(42, 12);
  });
  it('formatting: one decimal under 100, grouped thousands above', () => {
    expect(formatNumber(9.26)).toBe('9.3');
    expect(formatNumber(123.4)).toBe('123');
    expect(formatNumber(2476.3)).toBe('2,476');
    expect(formatNumber(1234567.89, 2)).toBe('1,234,567.89');
    expect(formatNumber(-0.01)).toBe('0.0');
    expect(formatNumber(NaN)).toBe('–');
    expect(formatDistance(10, 'mi')).toBe('6.2 mi');
    expect(formatKmAndMiles(459.6)).toBe('460 km (286 mi)');
  });
});

describe('validateInput', () => {
  it('accepts good coordinates and returns a fresh pair', () => {
    const c = [49.87, 40.41, 12];
    const r = assertLngLat(c);
    expect(r).toEqual([49.87, 40.41]);
    expect(r).not.toBe(c);
    expect(assertLngLat([-180, 90])).toEqual([-180, 90]);
  });
  it.each([
    [[180.5, 0], /longitude 180.5 is outside −180..180/],
    [[0, -90.1], /latitude -90.1 is outside −90..90/],
    [[NaN, 0], /longitude is NaN/],
    [[0, Infinity], /latitude must be finite/],
    [['1', 0], /longitude must be a number, got "1"/],
    [[1], /must have a longitude and a latitude/],
    [{ lng: 1, lat: 2 }, /must be a \[longitude, latitude\] pair/],
    [undefined, /got undefined/],
  ])('rejects %j', (value, msg) => {
    expect(() => assertLngLat(value)).toThrow(GeoInputError);
    expect(() => assertLngLat(value)).toThrow(msg);
  });
  it('paths and km', () => {
    expect(() => assertPath([])).toThrow(/empty/);
    expect(() => assertPath([[0, 0], [0, 100]])).toThrow(/point 2: latitude 100/);
    expect(() => assertKm(-1)).toThrow(/negative/);
    expect(() => assertKm('5')).toThrow(/number of km/);
    expect(assertKm(0)).toBe(0);
    const e = (() => {
      try {
        assertPath([]);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).name).toBe('GeoInputError');
  });
});
