import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import type { SitData } from '../domain/types';
import { buildStyle, filterFor, INITIAL_BOUNDS } from './style';
import { LAYER_IDS } from './layers';
import { hatchPattern } from './patterns';
import { cameraTarget, geometryBounds } from './camera';

const read = (n: string) => JSON.parse(readFileSync(new URL(`../../../test/fixtures/app/${n}.json`, import.meta.url), 'utf8'));
const data = { basemap: read('basemap'), features: read('features'), legend: read('legend') } as Pick<SitData, 'basemap' | 'features' | 'legend'>;

describe('buildStyle', () => {
  const style = buildStyle(data);

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(validateStyleMin(buildStyle(data, ['place:baku']))).toEqual([]);
  });

  it('is offline: no glyphs, no sprite, only inline GeoJSON sources with promoteId', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.keys(style.sources).sort()).toEqual(['bands', 'basemap', 'features', 'inspect', 'measure', 'within']);
    for (const s of Object.values(style.sources)) {
      expect(s.type).toBe('geojson');
      expect(typeof (s as { data: unknown }).data).toBe('object');
      expect((s as { promoteId?: unknown }).promoteId).toBe('id');
    }
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('keeps the registry order and colours the background as water', () => {
    expect(style.layers.map((l) => l.id)).toEqual(LAYER_IDS);
    const bg = style.layers[0] as unknown as { paint: Record<string, string> };
    expect(bg.paint['background-color']).toMatch(/^#/);
  });

  it('credits Natural Earth and GeoNames', () => {
    const attr = Object.values(style.sources).map((s) => (s as { attribution?: string }).attribution).join(' ');
    expect(attr).toContain('Natural Earth (public domain)');
    expect(attr).toContain('GeoNames (CC BY 4.0)');
  });

  it('filters only feature layers, and gates labels by rank', () => {
    expect(filterFor('basemap-lakes', [])).toBeUndefined();
    expect(JSON.stringify(filterFor('capitals', ['place:baku']))).toContain('place:baku');
    expect(JSON.stringify(filterFor('labels-points', null))).toContain('"zoom"');
    expect(JSON.stringify(filterFor('capitals', null))).not.toContain('"zoom"');
  });

  it('first frames Baku, Yerevan, the NKAO and the whole line of contact', () => {
    const built = JSON.parse(readFileSync(new URL('../../../data/features.json', import.meta.url), 'utf8')) as {
      features: { id: string; geometry: { coordinates: unknown } }[];
    };
    const [w, s, e, n] = INITIAL_BOUNDS;
    for (const id of ['place:baku', 'place:yerevan', 'region:nkao-1991', 'line:line-of-contact-1994']) {
      const f = built.features.find((x) => x.id === id)!;
      const flat = (JSON.stringify(f.geometry.coordinates).match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      for (let i = 0; i < flat.length; i += 2) {
        expect(flat[i], id).toBeGreaterThan(w);
        expect(flat[i], id).toBeLessThan(e);
        expect(flat[i + 1], id).toBeGreaterThan(s);
        expect(flat[i + 1], id).toBeLessThan(n);
      }
    }
  });
});

describe('hatchPattern', () => {
  it('makes a tileable RGBA diagonal of the given colour', () => {
    const img = hatchPattern('#ff7f0e', 8, 2);
    expect(img.data.length).toBe(8 * 8 * 4);
    expect([...img.data.slice(0, 3)]).toEqual([255, 127, 14]);
    const alpha = (x: number, y: number) => img.data[(y * 8 + x) * 4 + 3];
    expect(alpha(0, 0)).toBeGreaterThan(alpha(4, 0));
    expect(alpha(7, 1)).toBe(alpha(0, 0)); // wraps: (7+1)%8 = 0
    expect(() => hatchPattern('orange')).toThrow();
  });
});

describe('camera', () => {
  it('flies to points and fits lines and polygons', () => {
    expect(cameraTarget({ type: 'Point', coordinates: [49.89, 40.38] })).toEqual({ type: 'point', center: [49.89, 40.38], zoom: 7.5 });
    expect(cameraTarget({ type: 'LineString', coordinates: [[46, 40.2], [47.3, 39.4]] })).toEqual({ type: 'bounds', bounds: [46, 39.4, 47.3, 40.2] });
    expect(geometryBounds({ type: 'MultiPolygon', coordinates: [[[[1, 2], [3, 4], [1, 5], [1, 2]]], [[[-1, 0], [0, 0], [0, 1], [-1, 0]]]] })).toEqual([-1, 0, 3, 5]);
    expect(cameraTarget(null)).toBeNull();
  });
});

describe('key line labels', () => {
  const style = buildStyle(data);
  const layer = (id: string) => style.layers.find((l) => l.id === id) as { layout?: Record<string, unknown>; filter?: unknown } | undefined;

  it('names the line of contact and the border beside the line (winding lines cannot carry a label along them when zoomed out)', () => {
    const key = layer('labels-key-lines');
    expect(key?.layout?.['symbol-placement']).toBe('line-center');
    expect(key?.layout?.['text-rotation-alignment']).toBe('viewport');
    expect(key?.layout?.['text-field']).toEqual(['coalesce', ['get', 'label'], ['get', 'name']]);
    const f = JSON.stringify(key?.filter);
    expect(f).toContain('line-of-contact');
    expect(f).toContain('border');
  });

  it('leaves the key lines out of the along-the-line labels, so no line is named twice', () => {
    const f = JSON.stringify(layer('labels-lines')?.filter);
    expect(f).toContain('["!",["in","line-of-contact"');
    expect(f).toContain('["!",["in","border"');
  });
});
