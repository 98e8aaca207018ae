// Curated incidents → features: geometry from `at`, dates, claims on both sides, and bad input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../scripts/data/report.ts';
import type { SitFeature } from '../../../src/lib/domain/types';
import { DataError } from '../../../src/lib/domain/validate';
import { buildIncidentFeatures, type IncidentFile } from '../../../src/lib/extract/index';

const root = join(import.meta.dirname, '../../..');
const { report, incidents } = buildReport(root);
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/extract/geography.json'), 'utf8')) as {
  features: { id: string; geometry: Geometry }[];
  derived: Record<string, Geometry>;
};
const geography = {
  features: fixture.features.map(
    (f): SitFeature => ({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: {
        id: f.id, name: f.id, kind: 'town', category: 'reference', actors: [], source: 'fixture', license: 'fixture',
        precision: 'town', precisionNote: 'fixture', approximate: false, mentioned: false,
      },
    }),
  ),
  derived: fixture.derived,
};
const features = buildIncidentFeatures(incidents, report, geography);
const byId = new Map(features.map((f) => [f.id, f]));
const get = (id: string) => {
  const f = byId.get(id);
  if (!f) throw new Error(`no feature ${id}`);
  return f;
};
const withIncident = (id: string, patch: Record<string, unknown>): IncidentFile => ({
  incidents: incidents.incidents.map((i) => (i.id === id ? { ...i, ...patch } : i)),
});

describe('buildIncidentFeatures', () => {
  it('makes one incident feature per curated incident, all mentioned', () => {
    expect(features.map((f) => f.id)).toEqual(incidents.incidents.map((i) => i.id));
    for (const f of features) {
      expect(f.properties.id).toBe(f.id);
      expect(f.properties.kind).toBe('incident');
      expect(f.properties.mentioned).toBe(true);
      expect(f.properties.license).toBe('Report excerpt; geometry per source');
      expect(f.properties.source).toMatch(/^Report text; location: /);
    }
    expect(features.map((f) => f.properties.category).sort()).toEqual(
      expect.arrayContaining(['cross-border-fire', 'clashes', 'line-of-contact-attacks', 'casualties', 'statements']),
    );
  });

  it('draws each incident where `at` says, with the matching precision', () => {
    const xb = get('incident:cross-border-fire');
    expect(xb.geometry).toEqual(fixture.derived['derived:cross-border-fire-zone']);
    expect([xb.properties.precision, xb.properties.approximate]).toEqual(['approximate', true]);
    const loc = get('incident:line-of-contact-attacks');
    expect(loc.geometry).toEqual(fixture.features.find((f) => f.id === 'line:line-of-contact-1994')!.geometry);
    expect(loc.properties.precision).toBe('line-1to10m');
    // A derived name is also found under its bare key ('front-zone').
    expect(get('incident:casualties').geometry).toEqual(fixture.derived['front-zone']);
    expect(get('incident:statement-macron').geometry).toEqual({ type: 'Point', coordinates: [24.106, 56.946] });
    expect(get('incident:statement-erdogan-2020-09-28').properties.precision).toBe('seat');
    expect(get('incident:statement-pashinyan-2020-09-29').geometry).toEqual({ type: 'Point', coordinates: [44.514, 40.182] });
    expect(get('incident:rejected-talks').geometry).toEqual({
      type: 'MultiPoint',
      coordinates: [[49.892, 40.377], [44.514, 40.182]],
    });
    // Geometry is a copy: changing it leaves the geography alone.
    (get('incident:statement-macron').geometry as { coordinates: number[] }).coordinates[0] = 0;
    expect((fixture.features.find((f) => f.id === 'place:riga')!.geometry as { coordinates: number[] }).coordinates[0]).toBe(24.106);
  });

  it('resolves dates from the text', () => {
    const d = (id: string) => [get(id).properties.date, get(id).properties.datePrecision];
    expect(d('incident:fighting-2020-09-27')).toEqual(['2020-09-27', 'day']);
    expect(d('incident:statement-erdogan-2020-09-28')).toEqual(['2020-09-28', 'day']);
    expect(d('incident:statement-unsc-2020-09-29')).toEqual(['2020-09-29', 'day']);
    expect(d('incident:statement-pashinyan-2020-09-29')).toEqual(['2020-09-29', 'day']);
    expect(d('incident:clashes-2020-09-30')).toEqual(['2020-09-30', 'day']);
    expect(d('incident:statement-cavusoglu-2020-09-30')).toEqual(['2020-09-30', 'day']);
    expect(d('incident:cross-border-fire')).toEqual(['2020-09-30', 'week']);
  });

  it('keeps both sides’ claims, each resolved to mentions in the report', () => {
    const mentionIds = new Set(report.mentions.map((m) => m.id));
    for (const [id, sides] of [
      ['incident:cross-border-fire', ['armenia', 'azerbaijan']],
      ['incident:line-of-contact-attacks', ['azerbaijan', 'nk-forces']],
    ] as const) {
      const claims = get(id).properties.claims!;
      expect(claims.map((c) => c.by)).toEqual(sides);
      for (const c of claims) {
        expect(c.mentionIds.length).toBeGreaterThan(0);
        for (const m of c.mentionIds) expect(mentionIds.has(m), m).toBe(true);
        // The incident's own trigger mention carries each claim.
        expect(c.mentionIds.some((m) => m.startsWith(`m:${id}:`))).toBe(true);
      }
    }
    const xb = get('incident:cross-border-fire').properties.claims!;
    const text = (mid: string) => report.mentions.find((m) => m.id === mid)!.text;
    expect(xb[0].mentionIds.map(text)).toEqual(expect.arrayContaining(['Armenia', 'Azerbaijan', 'shared border']));
    expect(xb[0].says).toMatch(/Azerbaijani forces fired/);
    expect(xb[1].says).toMatch(/Armenian forces fired/);
    expect(get('incident:casualties').properties.claims).toBeUndefined();
  });

  it('is deterministic', () => {
    const once = JSON.stringify(buildIncidentFeatures(incidents, report, geography));
    expect(JSON.stringify(buildIncidentFeatures(incidents, report, geography))).toBe(once);
  });
});

describe('buildIncidentFeatures: bad input names file, incident and field', () => {
  const expectError = (file: IncidentFile, re: RegExp) => {
    let err: unknown;
    try {
      buildIncidentFeatures(file, report, geography);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(re);
  };

  it('a trigger phrase that is not in the text', () => {
    const triggers = ['fought new clashes', 'fought on the moon'];
    expectError(
      withIncident('incident:clashes-2020-09-30', { triggers }),
      /^data\/curated\/incidents\.json: feature "incident:clashes-2020-09-30", field "triggers\[1\]": phrase "fought on the moon" is not found/,
    );
  });

  it('an unknown feature or derived geometry in `at`', () => {
    expectError(withIncident('incident:statement-macron', { at: 'place:paris' }), /incidents\.json: feature "incident:statement-macron", field "at": unknown feature "place:paris"/);
    expectError(withIncident('incident:casualties', { at: 'derived:nowhere' }), /feature "incident:casualties", field "at": unknown derived geometry "derived:nowhere"/);
    expectError(withIncident('incident:rejected-talks', { at: ['place:baku', 'line:line-of-contact-1994'] }), /field "at": "line:line-of-contact-1994" is a LineString/);
  });

  it('a claim excerpt not in the text, and a date phrase not in the text', () => {
    const inc = incidents.incidents.find((i) => i.id === 'incident:cross-border-fire')!;
    const claims = [inc.claims![0], { ...inc.claims![1], excerpts: ['Azerbaijan invaded Mars'] }];
    expectError(withIncident(inc.id, { claims }), /feature "incident:cross-border-fire", field "claims\[1\]\.excerpts\[0\]"/);
    expectError(withIncident('incident:statement-macron', { date: undefined, datePhrase: 'Friday' }), /feature "incident:statement-macron", field "datePhrase"/);
  });
});
