// Kiosk map pieces (issue 5): labels scaled for reading from 3 m, and the tour
// camera that frames each feature from scratch (never stuck zoomed in).
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import type { SitData } from '../../../src/lib/domain/types';
import { buildStyle, INITIAL_BOUNDS, KIOSK_LABEL_SCALE, scaleLabels } from '../../../src/lib/map/style';
import { kioskCamera, KIOSK_FAR_MAX_ZOOM, KIOSK_MAX_FIT_ZOOM, KIOSK_POINT_ZOOM } from '../../../src/lib/map/camera';

const read = (n: string) => JSON.parse(readFileSync(new URL(`../../fixtures/app/${n}.json`, import.meta.url), 'utf8'));
const data = { basemap: read('basemap'), features: read('features'), legend: read('legend') } as Pick<SitData, 'basemap' | 'features' | 'legend'>;
type L = { id: string; type: string; source?: string; layout?: Record<string, unknown>; paint?: Record<string, unknown> };

describe('kiosk label scale', () => {
  const plain = buildStyle(data, undefined, 'dark');
  const big = buildStyle(data, undefined, 'dark', { labelScale: KIOSK_LABEL_SCALE });

  it('is valid and leaves every non-label layer alone', () => {
    expect(validateStyleMin(big)).toEqual([]);
    expect(big.layers.map((l) => l.id)).toEqual(plain.layers.map((l) => l.id));
    for (const [i, l] of (big.layers as L[]).entries()) if (l.type !== 'symbol') expect(l).toEqual(plain.layers[i]);
  });

  it('makes the smallest label at least 22 px (readable from about 3 m at 1080p) and keeps the dark theme', () => {
    const labels = (big.layers as L[]).filter((l) => l.type === 'symbol');
    expect(labels.length).toBeGreaterThan(2);
    for (const l of labels) {
      const before = (plain.layers as L[]).find((p) => p.id === l.id)!;
      const size = l.layout!['text-size'];
      if (typeof size === 'number') {
        expect(size).toBe((before.layout!['text-size'] as number) * KIOSK_LABEL_SCALE);
        // The analyst tools' overlays stay empty in the kiosk; the map's own labels must read from 3 m.
        if (l.source === 'features' || l.source === 'basemap') expect(size, l.id).toBeGreaterThanOrEqual(22);
      } else expect(size).toEqual(['*', KIOSK_LABEL_SCALE, before.layout!['text-size']]);
      expect(l.paint!['text-color']).toEqual(before.paint!['text-color']);
      expect(l.paint!['text-halo-width'] as number).toBeGreaterThan(before.paint!['text-halo-width'] as number);
    }
    // The match expressions' smallest branch is 11 px: scaled, 22 px.
    expect(KIOSK_LABEL_SCALE * 11).toBeGreaterThanOrEqual(22);
  });

  it('scale 1 (the dashboard) changes nothing', () => {
    expect(buildStyle(data, undefined, 'light', { labelScale: 1 })).toEqual(buildStyle(data));
    expect(scaleLabels(plain.layers, 1)).toBe(plain.layers);
  });
});

describe('kioskCamera', () => {
  const region = INITIAL_BOUNDS;
  const pt = (x: number, y: number) => ({ type: 'Point' as const, coordinates: [x, y] });

  it('centres a town in the region at a fixed zoom, whatever the camera did before', () => {
    expect(kioskCamera(pt(49.87, 40.41), region)).toEqual({ type: 'point', center: [49.87, 40.41], zoom: KIOSK_POINT_ZOOM });
  });

  it('frames a far-away actor (Paris, New York) together with the region, zoomed out', () => {
    const paris = kioskCamera(pt(2.35, 48.86), region);
    expect(paris).toEqual({ type: 'bounds', bounds: [2.35, 38.6, 50.2, 48.86], maxZoom: KIOSK_FAR_MAX_ZOOM });
    const ny = kioskCamera(pt(-73.97, 40.75), region);
    expect(ny?.type === 'bounds' && ny.bounds[0]).toBe(-73.97);
    expect(ny?.type === 'bounds' && ny.bounds[2]).toBe(50.2);
  });

  it('fits lines and areas in the region to their own bounds, no closer than the fit cap', () => {
    const line = { type: 'LineString' as const, coordinates: [[46, 40], [47, 39.5]] };
    expect(kioskCamera(line, region)).toEqual({ type: 'bounds', bounds: [46, 39.5, 47, 40], maxZoom: KIOSK_MAX_FIT_ZOOM });
    const both = { type: 'MultiPoint' as const, coordinates: [[49.87, 40.41], [44.51, 40.18]] };
    expect(kioskCamera(both, region)?.type).toBe('bounds');
  });

  it('gives nothing for a feature without geometry', () => {
    expect(kioskCamera(null, region)).toBeNull();
    expect(kioskCamera({ type: 'GeometryCollection', geometries: [] }, region)).toBeNull();
  });
});
