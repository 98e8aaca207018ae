// The analyst overlays (issue 3): what the measure source holds (path, points,
// a length label on every segment and the total), and that each overlay circle
// or label layer draws only its own point features, with MapLibre's own filter engine.
import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { LAYERS, matchToFilter } from '../../../src/lib/map/layers';
import { analystPaint, bandLegendEntries, inspectData, measureData, withinData } from '../../../src/lib/map/analystLayers';
import analysis from '../../../data/analysis.json';
import type { AnalysisData } from '../../../src/lib/domain/types';
import { measurePath } from '../../../src/lib/geo/measure';
import type { LngLat } from '../../../src/lib/geo/validateInput';
import type { SitFeature } from '../../../src/lib/domain/types';

const R = 6371.0088;
function haversine(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
    Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

const TYPE_NUM: Record<string, 1 | 2 | 3> = { Point: 1, LineString: 2, Polygon: 3 };

/** Does the registered layer draw this feature? (MapLibre's filter engine.) */
function drawnBy(layerId: string, f: Feature): boolean {
  const l = LAYERS.find((x) => x.id === layerId)!;
  if (!l.match) return true;
  const type = TYPE_NUM[f.geometry.type];
  const geometry = type === 1 ? [[{ x: 0, y: 0 }]] : [[{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }, { x: 0, y: 0 }]];
  const ff = featureFilter(matchToFilter(l.match) as unknown as FilterSpecification, 'test');
  return ff.filter({ zoom: 6 } as never, { type, properties: f.properties, geometry } as never);
}

const BAKU: LngLat = [49.89201, 40.37767];
const STEPANAKERT: LngLat = [46.7528, 39.8177];
const YEREVAN: LngLat = [44.51361, 40.18111];

describe('measure overlay', () => {
  const pts = [BAKU, STEPANAKERT, YEREVAN];
  const fc = measureData(pts, measurePath(pts), 'km');
  const byId = new Map(fc.features.map((f) => [String(f.properties!.id), f]));

  it('labels every segment at its great-circle midpoint with its own length, and the total at the last point', () => {
    const s0 = byId.get('measure:label:segment:0')!;
    const s1 = byId.get('measure:label:segment:1')!;
    expect(s0.properties!.label).toBe(`${Math.round(haversine(BAKU, STEPANAKERT))} km`);
    expect(s1.properties!.label).toBe(`${Math.round(haversine(STEPANAKERT, YEREVAN))} km`);
    // Midpoint: equally far from both ends, within 0.5%.
    const m0 = (s0.geometry as GeoJSON.Point).coordinates as LngLat;
    expect(Math.abs(haversine(BAKU, m0) - haversine(m0, STEPANAKERT)) / haversine(BAKU, STEPANAKERT)).toBeLessThan(0.005);
    const total = byId.get('measure:label:total')!;
    expect((total.geometry as GeoJSON.Point).coordinates).toEqual(YEREVAN);
    expect(total.properties!.label).toBe(
      `total ${Math.round(haversine(BAKU, STEPANAKERT) + haversine(STEPANAKERT, YEREVAN))} km`,
    );
  });

  it('follows the unit and does not repeat a lone segment as both segment and total', () => {
    const two = measureData([BAKU, YEREVAN], measurePath([BAKU, YEREVAN]), 'mi');
    const labels = two.features.filter((f) => String(f.properties!.id).startsWith('measure:label:'));
    expect(labels.map((f) => f.properties!.id)).toEqual(['measure:label:total']);
    expect(labels[0].properties!.label).toBe(`${Math.round(haversine(BAKU, YEREVAN) / 1.609344)} mi`);
    expect(measureData([BAKU], measurePath([BAKU]), 'km').features.map((f) => f.properties!.id)).toEqual(['measure:point:0']);
    expect(measureData([], null, 'km').features).toEqual([]);
  });

  it('draws each feature in its own layer: no point rings on the path, no circles on labels', () => {
    const layersOf = (id: string) =>
      ['measure-path', 'measure-points', 'measure-labels'].filter((l) => drawnBy(l, byId.get(id)!));
    expect(layersOf('measure:path')).toEqual(['measure-path']);
    expect(layersOf('measure:point:1')).toEqual(['measure-points']);
    expect(layersOf('measure:label:segment:0')).toEqual(['measure-labels']);
    expect(layersOf('measure:label:total')).toEqual(['measure-labels']);
  });
});

describe('inspect and within overlays', () => {
  it('rings only the inspected point, not the vertices of its connector', () => {
    const fc = inspectData(STEPANAKERT, [47.0, 40.0]);
    const drawn = fc.features.filter((f) => drawnBy('inspect-point', f)).map((f) => f.properties!.id);
    expect(drawn).toEqual(['inspect:point']);
  });

  it('rings matched points only, not the vertices of matched lines and areas', () => {
    const feats = [
      { type: 'Feature', id: 'place:x', properties: { id: 'place:x', name: 'X' }, geometry: { type: 'Point', coordinates: [46, 40] } },
      { type: 'Feature', id: 'line:y', properties: { id: 'line:y', name: 'Y' }, geometry: { type: 'LineString', coordinates: [[46, 40], [47, 40]] } },
    ] as unknown as SitFeature[];
    const fc = withinData(feats, ['place:x', 'line:y']);
    expect(fc.features.filter((f) => drawnBy('within-points', f)).map((f) => f.properties!.id)).toEqual(['place:x']);
  });
});

describe('band legend and labels', () => {
  const data = analysis as unknown as AnalysisData;

  it('lists one entry per surrounded feature with the distances switched on, none when all are off', () => {
    expect(bandLegendEntries(data, new Set())).toEqual([]);
    const on = new Set(['band:line-of-contact:25km', 'band:line-of-contact:10km', 'band:cross-border-fire:5km']);
    const entries = bandLegendEntries(data, on);
    expect(entries.map((e) => [e.targetId, e.kms])).toEqual([
      ['line:line-of-contact-1994', [10, 25]],
      ['incident:cross-border-fire', [5]],
    ]);
    expect(entries[0].label).toBe('Distance bands around the line of contact: 10, 25 km');
    expect(entries[1].label).toBe('Distance bands around the cross-border-fire zone: 5 km');
    expect(entries[0].color).not.toBe(entries[1].color);
  });

  it('labels each band on its edge with its distance', () => {
    const bandsLabels = LAYERS.find((l) => l.id === 'bands-labels');
    expect(bandsLabels?.source).toBe('bands');
    const layout = analystPaint('bands-labels')!.layout as Record<string, unknown>;
    expect(layout['symbol-placement']).toBe('line');
    expect(layout['text-field']).toEqual(['concat', ['to-string', ['get', 'km']], ' km']);
  });
});
