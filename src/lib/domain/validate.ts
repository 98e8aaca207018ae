// Validation of everything the app loads and the build writes.
// Every error names the file, the feature (or record) id and the field, so a
// broken data file can be fixed without a debugger.
import {
  ACTOR_IDS,
  CATEGORY_IDS,
  FEATURE_KINDS,
  PRECISIONS,
  type AnalysisData,
  type BasemapCollection,
  type LegendData,
  type Report,
  type SitData,
  type SitFeatureCollection,
} from './types';

export class DataError extends Error {
  readonly file: string;
  readonly featureId: string | null;
  readonly field: string;
  readonly detail: string;
  constructor(file: string, featureId: string | null, field: string, detail: string) {
    super(`${file}: ${featureId ? `feature "${featureId}"` : 'top level'}, field "${field}": ${detail}`);
    this.name = 'DataError';
    this.file = file;
    this.featureId = featureId;
    this.field = field;
    this.detail = detail;
  }
}

export const DATA_FILES = {
  basemap: 'data/basemap.json',
  features: 'data/features.json',
  report: 'data/report.json',
  legend: 'data/legend.json',
  analysis: 'data/analysis.json',
} as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const BASEMAP_KINDS = ['land', 'country', 'lake', 'river', 'sea-label', 'country-label', 'border'] as const;
const GEOMETRY_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** Parses JSON text; a syntax error becomes a DataError naming the file. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError(file, null, '(json)', `not valid JSON: ${(e as Error).message}`);
  }
}

/** A small context object so each check says where it is. */
class Checker {
  constructor(
    readonly file: string,
    readonly id: string | null,
  ) {}
  fail(field: string, detail: string): never {
    throw new DataError(this.file, this.id, field, detail);
  }
  string(o: Obj, field: string, { optional = false, nonEmpty = true } = {}): void {
    const v = o[field];
    if (v === undefined && optional) return;
    if (typeof v !== 'string') this.fail(field, `expected a string, got ${describe(v)}`);
    if (nonEmpty && v.trim() === '') this.fail(field, 'must not be empty');
  }
  boolean(o: Obj, field: string): void {
    if (typeof o[field] !== 'boolean') this.fail(field, `expected true or false, got ${describe(o[field])}`);
  }
  oneOf(o: Obj, field: string, allowed: readonly string[], { optional = false } = {}): void {
    const v = o[field];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !allowed.includes(v))
      this.fail(field, `expected one of ${allowed.join(', ')}, got ${describe(v)}`);
  }
  int(o: Obj, field: string, min: number, max: number): void {
    const v = o[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      this.fail(field, `expected a whole number in ${min}..${max}, got ${describe(v)}`);
  }
  isoDate(o: Obj, field: string, { optional = false } = {}): void {
    const v = o[field];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !ISO_DATE.test(v) || Number.isNaN(Date.parse(v)))
      this.fail(field, `expected a date YYYY-MM-DD, got ${describe(v)}`);
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return String(v);
  return typeof v;
}

/** Checks a GeoJSON geometry: type, nesting depth, and every position within −180..180 / −90..90. */
export function checkGeometry(c: Checker, geometry: unknown, field = 'geometry'): void {
  if (!isObj(geometry)) c.fail(field, `expected a GeoJSON geometry, got ${describe(geometry)}`);
  const type = geometry.type;
  if (typeof type !== 'string' || !(type in GEOMETRY_DEPTH))
    c.fail(`${field}.type`, `expected a GeoJSON geometry type, got ${describe(type)}`);
  const walk = (v: unknown, depth: number, path: string): void => {
    if (!Array.isArray(v)) c.fail(path, `expected an array, got ${describe(v)}`);
    if (depth === 0) {
      if (v.length < 2) c.fail(path, 'a position needs longitude and latitude');
      const [lng, lat] = v as unknown[];
      if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180)
        c.fail(path, `longitude out of range −180..180: ${describe(lng)}`);
      if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90)
        c.fail(path, `latitude out of range −90..90: ${describe(lat)}`);
      return;
    }
    if (v.length === 0) c.fail(path, 'must not be empty');
    v.forEach((child, i) => walk(child, depth - 1, `${path}[${i}]`));
  };
  walk(geometry.coordinates, GEOMETRY_DEPTH[type], `${field}.coordinates`);
}

/** Common checks for a feature collection; returns the features' ids in order. */
function checkCollection(file: string, raw: unknown, checkProps: (c: Checker, p: Obj) => void): string[] {
  const top: Checker = new Checker(file, null);
  if (!isObj(raw) || raw.type !== 'FeatureCollection') top.fail('type', 'expected a GeoJSON FeatureCollection');
  if (!Array.isArray(raw.features)) top.fail('features', 'expected an array of features');
  const seen = new Set<string>();
  raw.features.forEach((f: unknown, i: number) => {
    const at: Checker = new Checker(file, `#${i}`);
    if (!isObj(f) || f.type !== 'Feature') at.fail('type', 'expected a GeoJSON Feature');
    if (typeof f.id !== 'string' || f.id.trim() === '') at.fail('id', `every feature needs a string id, got ${describe(f.id)}`);
    const c: Checker = new Checker(file, f.id);
    if (seen.has(f.id)) c.fail('id', 'duplicate id');
    seen.add(f.id);
    if (!isObj(f.properties)) c.fail('properties', 'expected an object');
    if (f.properties.id !== f.id) c.fail('properties.id', `must equal the feature id, got ${describe(f.properties.id)}`);
    checkGeometry(c, f.geometry);
    checkProps(c, f.properties);
  });
  return [...seen];
}

function checkProvenance(c: Checker, p: Obj): void {
  c.string(p, 'name');
  c.string(p, 'source');
  c.string(p, 'license');
  c.oneOf(p, 'precision', PRECISIONS);
  c.string(p, 'precisionNote');
  c.boolean(p, 'approximate');
}

export function validateBasemap(raw: unknown, file: string = DATA_FILES.basemap): BasemapCollection {
  checkCollection(file, raw, (c: Checker, p: Obj) => {
    checkProvenance(c, p);
    c.oneOf(p, 'kind', BASEMAP_KINDS);
  });
  return raw as BasemapCollection;
}

export function validateFeatures(raw: unknown, file: string = DATA_FILES.features): SitFeatureCollection {
  checkCollection(file, raw, (c: Checker, p: Obj) => {
    checkProvenance(c, p);
    c.oneOf(p, 'kind', FEATURE_KINDS);
    c.oneOf(p, 'category', CATEGORY_IDS);
    c.boolean(p, 'mentioned');
    if (!Array.isArray(p.actors)) c.fail('actors', 'expected an array of actor ids');
    p.actors.forEach((a, i) => {
      if (!(ACTOR_IDS as readonly unknown[]).includes(a))
        c.fail(`actors[${i}]`, `unknown actor ${describe(a)}; known: ${ACTOR_IDS.join(', ')}`);
    });
    c.string(p, 'label', { optional: true });
    c.isoDate(p, 'date', { optional: true });
    c.oneOf(p, 'datePrecision', ['day', 'week', 'month'], { optional: true });
    if (p.altNames !== undefined && (!Array.isArray(p.altNames) || p.altNames.some((n) => typeof n !== 'string')))
      c.fail('altNames', 'expected an array of strings');
    if (p.claims !== undefined) {
      if (!Array.isArray(p.claims)) c.fail('claims', 'expected an array');
      p.claims.forEach((claim, i) => {
        if (!isObj(claim)) c.fail(`claims[${i}]`, 'expected an object');
        c.oneOf(claim, 'by', ACTOR_IDS);
        c.string(claim, 'says');
        if (!Array.isArray(claim.mentionIds)) c.fail(`claims[${i}].mentionIds`, 'expected an array');
      });
    }
  });
  return raw as SitFeatureCollection;
}

/** Validates the report against its own text and against the feature ids it links to. */
export function validateReport(raw: unknown, featureIds: ReadonlySet<string>, file: string = DATA_FILES.report): Report {
  const top: Checker = new Checker(file, null);
  if (!isObj(raw)) top.fail('(root)', 'expected an object');
  if (!isObj(raw.meta)) top.fail('meta', 'expected an object');
  const meta: Checker = new Checker(file, 'meta');
  for (const f of ['id', 'file', 'title', 'source', 'dateline']) meta.string(raw.meta, f);
  if (!isObj(raw.meta.published)) meta.fail('published', 'expected an object');
  meta.isoDate(raw.meta.published, 'date');
  meta.oneOf(raw.meta.published, 'precision', ['day', 'week', 'month']);
  meta.string(raw.meta.published, 'method');
  top.string(raw, 'text');
  const text = raw.text as string;
  const spans = (field: string): Obj[] => {
    const list = raw[field];
    if (!Array.isArray(list)) top.fail(field, 'expected an array');
    return list.map((s, i) => {
      const c: Checker = new Checker(file, isObj(s) && typeof s.id === 'string' ? s.id : `${field}[${i}]`);
      if (!isObj(s)) c.fail(field, 'expected an object');
      c.int(s, 'start', 0, text.length);
      c.int(s, 'end', s.start as number, text.length);
      return s;
    });
  };
  spans('paragraphs');
  const sentences = spans('sentences');
  for (const field of ['mentions', 'dates'] as const) {
    const ids = new Set<string>();
    for (const s of spans(field)) {
      const c: Checker = new Checker(file, String(s.id));
      c.string(s, 'id');
      if (ids.has(s.id as string)) c.fail('id', 'duplicate id');
      ids.add(s.id as string);
      const actual = text.slice(s.start as number, s.end as number);
      if (s.text !== actual)
        c.fail('text', `span ${s.start}..${s.end} reads ${describe(actual)} in the report, not ${describe(s.text)}`);
      c.int(s, 'sentence', 0, Math.max(0, sentences.length - 1));
      if (field === 'mentions') {
        c.oneOf(s, 'kind', ['place', 'actor', 'incident']);
        if (typeof s.featureId !== 'string' || !featureIds.has(s.featureId))
          c.fail('featureId', `links to ${describe(s.featureId)}, which is not in ${DATA_FILES.features}`);
      } else {
        c.isoDate(s, 'date');
        c.oneOf(s, 'precision', ['day', 'week', 'month']);
      }
    }
  }
  return raw as unknown as Report;
}

export function validateLegend(raw: unknown, featureIds: ReadonlySet<string>, file: string = DATA_FILES.legend): LegendData {
  const top: Checker = new Checker(file, null);
  if (!isObj(raw)) top.fail('(root)', 'expected an object');
  const list = (field: string, known: readonly string[]): void => {
    const items = raw[field];
    if (!Array.isArray(items)) top.fail(field, 'expected an array');
    const ids = items.map((item, i) => {
      const c: Checker = new Checker(file, isObj(item) && typeof item.id === 'string' ? item.id : `${field}[${i}]`);
      if (!isObj(item)) c.fail(field, 'expected an object');
      c.oneOf(item, 'id', known);
      c.string(item, 'name');
      c.string(item, 'color');
      if (item.featureId !== undefined && (typeof item.featureId !== 'string' || !featureIds.has(item.featureId)))
        c.fail('featureId', `links to ${describe(item.featureId)}, which is not in ${DATA_FILES.features}`);
      return item.id as string;
    });
    const missing = known.filter((k) => !ids.includes(k));
    if (missing.length) top.fail(field, `missing entries for ${missing.join(', ')}`);
  };
  list('actors', ACTOR_IDS);
  list('categories', CATEGORY_IDS);
  return raw as unknown as LegendData;
}

/**
 * Validates data/analysis.json (issue 3): distance bands, pipelines' closest
 * approaches and key distances. Every feature id it names must be in `featureIds`.
 */
export function validateAnalysis(raw: unknown, featureIds: ReadonlySet<string>, file: string = DATA_FILES.analysis): AnalysisData {
  const top: Checker = new Checker(file, null);
  if (!isObj(raw)) top.fail('(root)', 'expected an object');
  checkCollection(file, raw.bands, (c: Checker, p: Obj) => {
    checkProvenance(c, p);
    for (const f of ['km', 'innerKm'] as const)
      if (typeof p[f] !== 'number' || !Number.isFinite(p[f]) || (p[f] as number) < 0) c.fail(f, `expected a distance in km ≥ 0, got ${describe(p[f])}`);
    if (typeof p.targetId !== 'string' || !featureIds.has(p.targetId))
      c.fail('targetId', `links to ${describe(p.targetId)}, which is not in ${DATA_FILES.features}`);
  });
  const distance = (d: unknown, where: string): void => {
    const c: Checker = new Checker(file, isObj(d) && typeof d.id === 'string' ? d.id : where);
    if (!isObj(d)) c.fail(where, 'expected an object');
    c.string(d, 'id');
    c.string(d, 'label');
    c.string(d, 'method');
    if (typeof d.km !== 'number' || !Number.isFinite(d.km) || d.km < 0) c.fail('km', `expected a distance in km ≥ 0, got ${describe(d.km)}`);
    for (const endName of ['from', 'to'] as const) {
      const e = d[endName];
      if (!isObj(e)) c.fail(endName, 'expected an object');
      if (typeof e.id !== 'string' || !featureIds.has(e.id))
        c.fail(`${endName}.id`, `links to ${describe(e.id)}, which is not in ${DATA_FILES.features}`);
      c.string(e, 'name');
      checkGeometry(c, { type: 'Point', coordinates: e.point }, `${endName}.point`);
    }
  };
  if (!Array.isArray(raw.pipelines)) top.fail('pipelines', 'expected an array');
  raw.pipelines.forEach((p, i) => {
    const c: Checker = new Checker(file, isObj(p) && typeof p.id === 'string' ? p.id : `pipelines[${i}]`);
    if (!isObj(p)) c.fail(`pipelines[${i}]`, 'expected an object');
    if (typeof p.id !== 'string' || !featureIds.has(p.id)) c.fail('id', `links to ${describe(p.id)}, which is not in ${DATA_FILES.features}`);
    c.string(p, 'name');
    if (typeof p.lengthKm !== 'number' || !(p.lengthKm > 0)) c.fail('lengthKm', `expected a length in km > 0, got ${describe(p.lengthKm)}`);
    distance(p.closestToLineOfContact, `pipelines[${i}].closestToLineOfContact`);
    distance(p.closestToBorder, `pipelines[${i}].closestToBorder`);
  });
  if (!Array.isArray(raw.keyDistances)) top.fail('keyDistances', 'expected an array');
  raw.keyDistances.forEach((d, i) => distance(d, `keyDistances[${i}]`));
  return raw as unknown as AnalysisData;
}

/** Validates all files; the first problem found is thrown as a DataError. `analysis` is optional. */
export function validateSitData(raw: { basemap: unknown; features: unknown; report: unknown; legend: unknown; analysis?: unknown }): SitData {
  const basemap = validateBasemap(raw.basemap);
  const features = validateFeatures(raw.features);
  const ids = new Set(features.features.map((f) => String(f.id)));
  const report = validateReport(raw.report, ids);
  const legend = validateLegend(raw.legend, ids);
  if (raw.analysis === undefined) return { basemap, features, report, legend };
  const analysis = validateAnalysis(raw.analysis, ids);
  return { basemap, features, report, legend, analysis };
}
