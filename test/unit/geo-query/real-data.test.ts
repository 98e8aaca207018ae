// Known answers against the built data (data/basemap.json, data/features.json from `npm run data`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { queryPoint } from '../../../src/lib/geo/whereIs.ts';
import { withinKmOfId } from '../../../src/lib/geo/within.ts';
import { measurePath } from '../../../src/lib/geo/measure.ts';
import { haversineKm } from './helpers.ts';

const read = (f: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../data/${f}`, import.meta.url)), 'utf8'));
const data = { basemap: read('basemap.json'), features: read('features.json') };
const at = (id: string) => data.features.features.find((f: { id: string }) => f.id === id).geometry.coordinates as [number, number];

describe('where-is-this on the built data', () => {
  it('Tartar is outside the held area and within 10 km of the line of contact', () => {
    const q = queryPoint(data, at('place:tartar'));
    expect(q.inHeld1994to2020).toBe(false);
    expect(q.kmToLineOfContact).toBeLessThanOrEqual(10);
    expect(q.kmToLineOfContact).toBeGreaterThan(2); // about 4.7 km (geodata README)
    expect(q.country?.iso3).toBe('AZE');
  });
  it('Stepanakert / Khankendi is inside the NKAO (and the held area)', () => {
    const q = queryPoint(data, at('place:stepanakert'));
    expect(q.inNKAO1991).toBe(true);
    expect(q.inHeld1994to2020).toBe(true);
    expect(q.nearestPlace?.id).toBe('place:stepanakert');
  });
  it('Goris is in Armenia', () => {
    const q = queryPoint(data, at('place:goris'));
    expect(q.country?.iso3).toBe('ARM');
    expect(q.inHeld1994to2020).toBe(false);
  });
  it('a point in the Caspian belongs to no country', () => {
    const q = queryPoint(data, [50.3, 39.5]);
    expect(q.country).toBeNull();
    expect(q.nearestMentionedPlace?.id).toBe('place:baku');
  });
  it('Horadiz is about 1.8 km outside the line (geodata README)', () => {
    const q = queryPoint(data, at('place:horadiz'));
    expect(q.inHeld1994to2020).toBe(false);
    expect(q.kmToLineOfContact).toBeLessThan(4);
  });
  it('Baku–Yerevan measured matches haversine within 0.5%', () => {
    const m = measurePath([at('place:baku'), at('place:yerevan')]);
    expect(Math.abs(m.totalKm - haversineKm(at('place:baku'), at('place:yerevan'))) / m.totalKm).toBeLessThan(0.005);
  });
  it('within 10 km of the line of contact includes Tartar but not Stepanakert or Baku', () => {
    const ids = withinKmOfId(data.features.features, 'line:line-of-contact-1994', 10);
    expect(ids).toContain('place:tartar');
    expect(ids).not.toContain('place:stepanakert');
    expect(ids).not.toContain('place:baku');
  });
});
