import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError, parseJson, validateSitData } from '../../../src/lib/domain/validate';

const fixture = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('../../fixtures/domain/valid-data.json', import.meta.url), 'utf8'));

/** Runs the validator on a mutated fixture and returns the DataError it throws. */
function errorFor(mutate: (d: Record<string, any>) => void): DataError {
  const data = fixture();
  mutate(data);
  try {
    validateSitData(data as never);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected validateSitData to throw');
}

describe('validateSitData', () => {
  it('accepts valid data and returns it unchanged', () => {
    const data = fixture();
    const out = validateSitData(data as never);
    expect(out.features.features.map((f) => f.id)).toEqual(['place:baku', 'incident:clashes']);
    expect(out.report.mentions).toHaveLength(2);
  });

  it('names the file for broken JSON', () => {
    expect(() => parseJson('data/features.json', '{"type": "FeatureCollection", ')).toThrowError(
      /data\/features\.json.*not valid JSON/,
    );
  });

  it('names the file and field for a feature without an id', () => {
    const e = errorFor((d) => delete d.features.features[0].id);
    expect([e.file, e.featureId, e.field]).toEqual(['data/features.json', '#0', 'id']);
  });

  it('names file, feature and field for coordinates out of range', () => {
    const e = errorFor((d) => (d.features.features[0].geometry.coordinates = [190, 40]));
    expect(e.file).toBe('data/features.json');
    expect(e.featureId).toBe('place:baku');
    expect(e.field).toBe('geometry.coordinates');
    expect(e.message).toMatch(/longitude out of range/);
  });

  it('rejects NaN-like latitudes deep inside a line', () => {
    const e = errorFor((d) => (d.features.features[1].geometry.coordinates[1] = [47, 95]));
    expect([e.featureId, e.field]).toEqual(['incident:clashes', 'geometry.coordinates[1]']);
  });

  it('rejects a mention span that does not match the text', () => {
    const e = errorFor((d) => (d.report.mentions[0].end = 5));
    expect([e.file, e.featureId, e.field]).toEqual(['data/report.json', 'm:place:baku:0', 'text']);
    expect(e.message).toMatch(/"BAKU:"/);
  });

  it('rejects a mention linking to a feature that does not exist', () => {
    const e = errorFor((d) => (d.report.mentions[0].featureId = 'place:atlantis'));
    expect([e.featureId, e.field]).toEqual(['m:place:baku:0', 'featureId']);
  });

  it('rejects duplicate feature ids, unknown actors, bad precision and bad dates', () => {
    expect(errorFor((d) => (d.features.features[1].id = d.features.features[1].properties.id = 'place:baku')).field).toBe('id');
    expect(errorFor((d) => (d.features.features[0].properties.actors = ['martians'])).field).toBe('actors[0]');
    expect(errorFor((d) => (d.features.features[0].properties.precision = 'perfect')).field).toBe('precision');
    expect(errorFor((d) => (d.features.features[1].properties.date = '30/09/2020')).field).toBe('date');
    expect(errorFor((d) => delete d.basemap.features[0].properties.source).file).toBe('data/basemap.json');
  });

  it('requires a legend entry for every actor and category', () => {
    const e = errorFor((d) => d.legend.actors.pop());
    expect([e.file, e.field]).toEqual(['data/legend.json', 'actors']);
    expect(e.message).toMatch(/international/);
  });
});
