// Curated incidents → map features. Pure: data in, data out.
//
// Each incident of data/curated/incidents.json becomes a SitFeature of kind 'incident':
// geometry copied from `at` (a feature, a derived geometry of the geography build, or several
// points joined into a MultiPoint), date from `date` or from a date phrase of the text, and
// claims whose mentionIds are the report mentions inside the claim's excerpts.
// Every problem throws a DataError naming data/curated/incidents.json, the incident id and the field.
import type { Geometry, Position } from 'geojson';
import type { Claim, DateMention, Mention, Precision, Report, SitFeature } from '../domain/types';
import { DataError } from '../domain/validate';
import { INCIDENTS_FILE, phraseText, type IncidentDef, type IncidentFile } from './curated';
import { findPhrase, prepareText } from './mentions';
import { foldQuotes } from './text';

export interface GeographyForIncidents {
  features: SitFeature[];
  /** Derived geometries by name, e.g. 'derived:cross-border-fire-zone' (a key without the 'derived:' prefix is accepted too). */
  derived: Record<string, Geometry>;
}

export const INCIDENT_LICENSE = 'Report excerpt; geometry per source';

/** Default precision for what `at` points to. */
export function defaultPrecision(at: string | string[]): Precision {
  if (Array.isArray(at)) return 'seat';
  if (at.startsWith('derived:') || at.startsWith('region:')) return 'approximate';
  if (at.startsWith('line:')) return 'line-1to10m';
  if (at.startsWith('country:')) return 'region';
  return 'seat';
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function resolveGeometry(inc: IncidentDef, geo: GeographyForIncidents, byId: Map<string, SitFeature>): Geometry {
  const fail = (detail: string): never => {
    throw new DataError(INCIDENTS_FILE, inc.id, 'at', detail);
  };
  const one = (at: string): Geometry => {
    if (at.startsWith('derived:')) {
      const g = geo.derived[at] ?? geo.derived[at.slice('derived:'.length)];
      if (!g) fail(`unknown derived geometry "${at}"; known: ${Object.keys(geo.derived).sort().join(', ') || '(none)'}`);
      return g;
    }
    const f = byId.get(at);
    if (!f) fail(`unknown feature "${at}" (not built by the geography build)`);
    return f!.geometry;
  };
  if (!Array.isArray(inc.at)) return clone(one(inc.at));
  const coords: Position[] = [];
  for (const at of inc.at) {
    const g = one(at);
    if (g.type === 'Point') coords.push(g.coordinates);
    else if (g.type === 'MultiPoint') coords.push(...g.coordinates);
    else fail(`"${at}" is a ${g.type}; a list in "at" may only name point features`);
  }
  return clone({ type: 'MultiPoint', coordinates: coords });
}

function resolveDate(inc: IncidentDef, report: Report, triggerSentences: Set<number>): { date?: string; datePrecision?: 'day' | 'week' | 'month' } {
  if (inc.date !== undefined) return { date: inc.date, datePrecision: inc.datePrecision ?? 'day' };
  if (inc.datePhrase === undefined) return {};
  const want = foldQuotes(inc.datePhrase).toLowerCase();
  const matches = report.dates.filter((d: DateMention) => foldQuotes(d.text).toLowerCase() === want);
  const best = matches.find((d) => triggerSentences.has(d.sentence)) ?? matches[0];
  if (!best) throw new DataError(INCIDENTS_FILE, inc.id, 'datePhrase', `no date mention "${inc.datePhrase}" in the report text`);
  return { date: best.date, datePrecision: best.precision };
}

export function buildIncidentFeatures(
  incidents: IncidentFile,
  report: Report,
  geography: GeographyForIncidents,
): SitFeature[] {
  const byId = new Map(geography.features.map((f) => [f.id, f]));
  const prep = prepareText(report.text);
  return incidents.incidents.map((inc): SitFeature => {
    const fail = (field: string, detail: string): never => {
      throw new DataError(INCIDENTS_FILE, inc.id, field, detail);
    };
    // Every trigger must be found in the text and have become a mention of this incident.
    const own = report.mentions.filter((m) => m.featureId === inc.id);
    const triggerSentences = new Set<number>();
    inc.triggers.forEach((t, i) => {
      const spans = findPhrase(prep, t);
      if (spans.length === 0) fail(`triggers[${i}]`, `phrase "${phraseText(t)}" is not found in the report text`);
      const hit = own.filter((m) => spans.some((s) => s.start === m.start && s.end === m.end));
      if (hit.length === 0)
        fail(`triggers[${i}]`, `phrase "${phraseText(t)}" is found but is not a mention of this incident (it overlaps another incident's trigger)`);
      hit.forEach((m) => triggerSentences.add(m.sentence));
    });
    const geometry = resolveGeometry(inc, geography, byId);
    const precision = inc.precision ?? defaultPrecision(inc.at);
    const approximate = inc.approximate ?? (precision === 'approximate' || precision === 'region' || precision === 'schematic');
    const claims: Claim[] | undefined = inc.claims?.map((c, j) => {
      const mentionIds: string[] = [];
      c.excerpts.forEach((ex, k) => {
        const spans = findPhrase(prep, ex);
        if (spans.length === 0) fail(`claims[${j}].excerpts[${k}]`, `phrase "${phraseText(ex)}" is not found in the report text`);
        const inside = report.mentions.filter((m: Mention) => spans.some((s) => m.start >= s.start && m.end <= s.end));
        if (inside.length === 0) fail(`claims[${j}].excerpts[${k}]`, `no mention lies inside "${phraseText(ex)}"`);
        for (const m of inside) if (!mentionIds.includes(m.id)) mentionIds.push(m.id);
      });
      return { by: c.by, says: c.says, mentionIds };
    });
    const { date, datePrecision } = resolveDate(inc, report, triggerSentences);
    const description = inc.dateNote ? `${inc.description} Date: ${inc.dateNote}` : inc.description;
    return {
      type: 'Feature',
      id: inc.id,
      geometry,
      properties: {
        id: inc.id,
        name: inc.name,
        kind: 'incident',
        category: inc.category,
        actors: [...inc.actors],
        source: `Report text; location: ${inc.location}`,
        license: INCIDENT_LICENSE,
        precision,
        precisionNote: inc.precisionNote,
        approximate,
        mentioned: own.length > 0,
        ...(date !== undefined ? { date, datePrecision } : {}),
        ...(claims ? { claims } : {}),
        description,
      },
    };
  });
}
