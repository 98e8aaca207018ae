import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from 'maplibre-gl';
import fixture from '../../../test/fixtures/app/features.json';
import {
  FEATURE_LAYERS,
  INTERACTIVE_LAYER_IDS,
  LAYER_IDS,
  LAYERS,
  legendFor,
  matchToFilter,
  matchesFeature,
  visibleFilter,
} from './layers';

type F = { id: string; geometry: { type: string }; properties: Record<string, unknown> };
const features = fixture.features as unknown as F[];

const TYPE_NUM: Record<string, 1 | 2 | 3> = { Point: 1, LineString: 2, Polygon: 3 };

/** Evaluate a MapLibre filter with MapLibre's own expression engine. */
function mlMatches(filter: unknown, f: F): boolean {
  const ff = featureFilter(filter as FilterSpecification, 'test');
  const type = TYPE_NUM[f.geometry.type];
  // one part per geometry so geometry-type reads Point/LineString/Polygon
  const geometry = type === 1 ? [[{ x: 0, y: 0 }]] : [[{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }, { x: 0, y: 0 }]];
  return ff.filter({ zoom: 6 } as never, { type, properties: f.properties, id: f.id, geometry } as never);
}

describe('layer registry', () => {
  it('has unique ids in a fixed bottom-to-top order', () => {
    expect(new Set(LAYER_IDS).size).toBe(LAYER_IDS.length);
    expect(LAYER_IDS[0]).toBe('background');
    const i = (id: string) => LAYER_IDS.indexOf(id);
    expect(i('basemap-countries-fill')).toBeLessThan(i('region-held-fill'));
    expect(i('region-held-fill')).toBeLessThan(i('zone-cross-border-fire-fill'));
    expect(i('line-border')).toBeLessThan(i('line-of-contact'));
    expect(i('line-of-contact')).toBeLessThan(i('incident-lines'));
    expect(i('towns-reference')).toBeLessThan(i('capitals'));
    expect(i('capitals')).toBeLessThan(i('labels-points'));
  });

  it('lists interactive layers highest pick priority first', () => {
    const prio = INTERACTIVE_LAYER_IDS.map((id) => LAYERS.find((l) => l.id === id)!.pickPriority ?? 0);
    expect(prio).toEqual([...prio].sort((a, b) => b - a));
    expect(INTERACTIVE_LAYER_IDS).toContain('capitals');
    expect(INTERACTIVE_LAYER_IDS).not.toContain('labels-points');
  });

  it('draws the line of contact and the border in separate layers', () => {
    const byLayer = (id: string) => features.filter((f) => matchesFeature(LAYERS.find((l) => l.id === id)!.match!, f)).map((f) => f.id);
    expect(byLayer('line-of-contact')).toEqual(['line:line-of-contact-1994']);
    expect(byLayer('line-border')).toEqual(['line:armenia-azerbaijan-border']);
    expect(byLayer('capitals').sort()).toEqual(['place:baku', 'place:yerevan']);
    expect(byLayer('towns-reference').sort()).toEqual(['place:ganja', 'place:stepanakert']);
    expect(byLayer('zone-cross-border-fire-fill')).toEqual(['incident:cross-border-fire']);
    expect(byLayer('incident-lines')).toEqual(['incident:line-of-contact-attacks']);
  });

  it('compiles each match to a MapLibre filter that agrees with the JS predicate', () => {
    let positives = 0;
    for (const l of FEATURE_LAYERS) {
      for (const f of features) {
        const js = matchesFeature(l.match!, f);
        expect(mlMatches(matchToFilter(l.match!), f), `${l.id} / ${f.id}`).toBe(js);
        if (js) positives++;
      }
    }
    expect(positives).toBeGreaterThan(20);
  });

  it('restricts a layer to the visible ids', () => {
    const loc = LAYERS.find((l) => l.id === 'line-of-contact')!;
    const f = features.find((x) => x.id === 'line:line-of-contact-1994')!;
    expect(mlMatches(visibleFilter(loc.match!, ['line:line-of-contact-1994']), f)).toBe(true);
    expect(mlMatches(visibleFilter(loc.match!, ['place:baku']), f)).toBe(false);
  });

  it('legend lists only layers that draw something, split by category for incident points', () => {
    const all = legendFor(features, { statements: '#3182bd' }, { statements: 'Diplomatic statements' });
    expect(all.map((e) => e.layerId)).toContain('line-of-contact');
    const noLines = legendFor(features.filter((f) => f.properties.kind !== 'line'));
    expect(noLines.map((e) => e.layerId)).not.toContain('line-of-contact');
    expect(noLines.map((e) => e.layerId)).not.toContain('line-border');
    const pts = legendFor(
      [{ id: 'incident:x', geometry: { type: 'Point' }, properties: { id: 'incident:x', kind: 'incident', category: 'statements' } }],
      { statements: '#123456' },
      { statements: 'Diplomatic statements' },
    );
    expect(pts).toHaveLength(1);
    expect(pts[0].legend.label).toMatch(/^Diplomatic statements/);
    expect(pts[0].legend.symbol.color).toBe('#123456');
  });
});
