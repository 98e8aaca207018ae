import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import type { SitData } from '../../../src/lib/domain/types';
import { buildStyle, DARK_PAINT } from '../../../src/lib/map/style';
import { LAYER_IDS } from '../../../src/lib/map/layers';

const read = (n: string) => JSON.parse(readFileSync(new URL(`../../fixtures/app/${n}.json`, import.meta.url), 'utf8'));
const data = { basemap: read('basemap'), features: read('features'), legend: read('legend') } as Pick<SitData, 'basemap' | 'features' | 'legend'>;
type Painted = { id: string; paint?: Record<string, unknown> };
const paintOf = (layers: unknown[], id: string) => (layers as Painted[]).find((l) => l.id === id)?.paint ?? {};

describe('buildStyle theme', () => {
  const light = buildStyle(data);
  const dark = buildStyle(data, undefined, 'dark');

  it('the dark style is valid, keeps the layer order, and overrides only registered layers', () => {
    expect(validateStyleMin(dark)).toEqual([]);
    expect(dark.layers.map((l) => l.id)).toEqual(LAYER_IDS);
    for (const id of Object.keys(DARK_PAINT)) expect(LAYER_IDS).toContain(id);
  });

  it('darkens background and land, lightens labels; feature colours stay as in the legend', () => {
    const lum = (hex: string) => {
      const n = parseInt(hex.slice(1), 16);
      return 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
    };
    const bgLight = paintOf(light.layers, 'background')['background-color'] as string;
    const bgDark = paintOf(dark.layers, 'background')['background-color'] as string;
    expect(lum(bgDark)).toBeLessThan(60);
    expect(lum(bgLight)).toBeGreaterThan(150);
    const labels = paintOf(dark.layers, 'labels-areas');
    expect(lum(labels['text-color'] as string)).toBeGreaterThan(200);
    expect(paintOf(dark.layers, 'line-of-contact')).toEqual(paintOf(light.layers, 'line-of-contact'));
    expect(paintOf(dark.layers, 'incident-points')).toEqual(paintOf(light.layers, 'incident-points'));
  });

  it('light is the default and unchanged by the theme parameter', () => {
    expect(buildStyle(data, undefined, 'light')).toEqual(light);
    expect(light.name).toBe('sitmap');
    expect(dark.name).toBe('sitmap-dark');
  });
});
