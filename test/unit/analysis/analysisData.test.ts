// data/analysis.json and the pipeline features on the real build: independent
// haversine checks, bands, closest approaches, and validation errors that name file/id/field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { DataError, validateAnalysis } from '../../../src/lib/domain/validate';
import type { AnalysisData, SitFeatureCollection } from '../../../src/lib/domain/types';
import { pointToLineKm } from '../../../src/lib/geo/distance';

const root = join(__dirname, '../../..');
const analysis = JSON.parse(readFileSync(join(root, 'data/analysis.json'), 'utf8')) as AnalysisData;
const features = JSON.parse(readFileSync(join(root, 'data/features.json'), 'utf8')) as SitFeatureCollection;
const ids = new Set(features.features.map((f) => String(f.id)));
const byId = new Map(features.features.map((f) => [f.id, f]));

function haversine(a: number[], b: number[]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
    Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe('data/analysis.json', () => {
  it('validates against the built features', () => {
    expect(() => validateAnalysis(analysis, ids)).not.toThrow();
  });

  it('key distances agree with an independent haversine within 0.5%', () => {
    expect(analysis.keyDistances.map((d) => d.id)).toEqual([
      'distance:baku-yerevan',
      'distance:baku-line-of-contact',
      'distance:yerevan-line-of-contact',
      'distance:stepanakert-line-of-contact',
      'distance:pipelines-line-of-contact',
    ]);
    for (const d of analysis.keyDistances) {
      expect(Math.abs(d.km - haversine(d.from.point, d.to.point)) / d.km, d.id).toBeLessThan(0.005);
      expect(d.method.length, d.id).toBeGreaterThan(20);
    }
    const by = haversine(
      (byId.get('place:baku')!.geometry as GeoJSON.Point).coordinates,
      (byId.get('place:yerevan')!.geometry as GeoJSON.Point).coordinates,
    );
    expect(Math.abs(analysis.keyDistances[0].km - by) / by).toBeLessThan(0.005);
  });

  it('the stated nearest points are on the line of contact', () => {
    const loc = byId.get('line:line-of-contact-1994')!.geometry as GeoJSON.MultiLineString;
    for (const d of analysis.keyDistances.slice(1)) expect(pointToLineKm(d.to.point, loc), d.id).toBeLessThan(0.05);
  });

  it('pipelines: schematic features, about 1,582 km (BTC), 20–25 km from the line at Goranboy', () => {
    const btc = byId.get('line:pipeline-btc')!;
    expect(btc.properties.precision).toBe('schematic');
    expect(btc.properties.approximate).toBe(true);
    expect(btc.properties.name).toContain('schematic, ±10–30 km');
    expect(btc.properties.mentioned).toBe(true);
    const p = analysis.pipelines.find((x) => x.id === 'line:pipeline-btc')!;
    expect(p.lengthKm).toBeGreaterThan(1570);
    expect(p.lengthKm).toBeLessThan(1595);
    expect(p.closestToLineOfContact.km).toBeGreaterThan(15);
    expect(p.closestToLineOfContact.km).toBeLessThan(30);
    expect(p.closestToBorder.km).toBeGreaterThan(0);
    expect(p.closestToBorder.km).toBeLessThan(p.closestToLineOfContact.km);
  });

  it('the 10 km band around the line holds a point 9 km away and not one 11 km away', () => {
    const band = analysis.bands.features.find((f) => f.id === 'band:line-of-contact:10km')!;
    // Tartar is about 4.7 km outside the held area, within 10 km of the line.
    const tartar = (byId.get('place:tartar')!.geometry as GeoJSON.Point).coordinates;
    expect(booleanPointInPolygon(tartar, band.geometry as GeoJSON.Polygon)).toBe(true);
    const baku = (byId.get('place:baku')!.geometry as GeoJSON.Point).coordinates;
    expect(booleanPointInPolygon(baku, band.geometry as GeoJSON.Polygon)).toBe(false);
    expect(analysis.bands.features.filter((f) => f.properties.targetId === 'incident:cross-border-fire')).toHaveLength(4);
  });

  it('a broken entry fails naming the file, the id and the field', () => {
    const broken = structuredClone(analysis);
    broken.keyDistances[1].to.id = 'line:nowhere';
    try {
      validateAnalysis(broken, ids);
      throw new Error('expected a DataError');
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).file).toBe('data/analysis.json');
      expect((e as DataError).featureId).toBe('distance:baku-line-of-contact');
      expect((e as DataError).field).toBe('to.id');
    }
    const nan = structuredClone(analysis);
    nan.pipelines[0].closestToBorder.km = Number.NaN;
    expect(() => validateAnalysis(nan, ids)).toThrow(/field "km"/);
  });
});
