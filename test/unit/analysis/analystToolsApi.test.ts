// window.sitmap.query/measure/within as pure functions over the built data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analystToolsApi } from '../../../src/ui/analystToolsApi';
import { GeoInputError } from '../../../src/lib/geo/validateInput';

const root = join(__dirname, '../../..');
const read = (f: string) => JSON.parse(readFileSync(join(root, f), 'utf8'));
const api = analystToolsApi({ basemap: read('data/basemap.json'), features: read('data/features.json') });

describe('analystToolsApi', () => {
  it('query gives the country as a name and the flags/distances', () => {
    const tartar = api.query([46.925, 40.342]);
    expect(tartar.country).toBe('Azerbaijan');
    expect(tartar.inHeld1994to2020).toBe(false);
    expect(tartar.kmToLineOfContact).toBeLessThan(10);
    expect(tartar.nearestPlace?.id).toBe('place:tartar');
    expect(api.query([46.33, 39.51]).country).toBe('Armenia');
    expect(api.query([50.5, 40.0]).country).toBeNull();
  });

  it('measure and within', () => {
    const m = api.measure([[49.892, 40.378], [44.513, 40.181]]);
    expect(m.segmentsKm).toHaveLength(1);
    expect(m.totalKm).toBeGreaterThan(450);
    expect(api.within('line:line-of-contact-1994', 10)).toContain('place:tartar');
  });

  it('bad input throws GeoInputError with a clear message', () => {
    expect(() => api.query([181, 0])).toThrow(GeoInputError);
    expect(() => api.query([0, Number.NaN])).toThrow(/NaN/);
    expect(() => api.measure([])).toThrow(/empty/);
    expect(() => api.within(42, 5)).toThrow(/string/);
    expect(() => api.within('place:baku', -1)).toThrow(/negative/);
  });
});
