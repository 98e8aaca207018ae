// The geographic data build: basemap, reference features and derived zones,
// from data/sources (raw copies, see data/sources/README.md) and
// data/curated/gazetteer.json. Deterministic: same inputs, same output.
// Heavy Turf operations (buffer, union) happen here, at build time only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, bboxPolygon, booleanPointInPolygon, buffer, destination, difference, feature, featureCollection, point, rewind, union } from '@turf/turf';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection as TopoCollection, Topology } from 'topojson-specification';
import type {
  FeatureCollection,
  Geometry,
  LineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { ACTOR_IDS, type ActorId, type BasemapFeature, type BasemapProperties, type SitFeature, type SitProperties } from '../../src/lib/domain/types.ts';
import { DataError, parseJson } from '../../src/lib/domain/validate.ts';
import type { Geography } from '../../src/lib/geo/geographyTypes.ts';
import { dedupeSegments, stitchToLine, stitchToPolygon } from '../../src/lib/geo/stitch.ts';
import { cutPolygonWithLine } from '../../src/lib/geo/cutPolygon.ts';
import { sharedBorder } from '../../src/lib/geo/sharedBorder.ts';
import { crossBorderFireSegments, crossBorderFireZone } from '../../src/lib/geo/crossBorderZone.ts';
import { clipToBbox, roundGeometry } from '../../src/lib/geo/clip.ts';
import { labelPoint } from '../../src/lib/geo/labelPoint.ts';

export type { Geography } from '../../src/lib/geo/geographyTypes.ts';

/** Basemap extent: [west, south, east, north]. Georgia, eastern Turkey, northern Iran, southern Russia. */
export const REGION_BBOX: [number, number, number, number] = [38, 36.5, 51, 44.5];
/** Decimal places: features ~1 m; basemap ~10 m (the sources are quantised to ~300 m anyway). */
export const FEATURE_DIGITS = 5;
export const BASEMAP_DIGITS = 4;

export const SOURCES = {
  countries: 'data/sources/world-atlas-countries-10m-caucasus.geojson',
  land: 'data/sources/world-atlas-land-110m.json',
  neLines1994: 'data/sources/ne_10m_admin_0_boundary_lines_disputed_areas.b2abeb4f.geojson',
  neLines2020: 'data/sources/ne_10m_admin_0_boundary_lines_disputed_areas.6a9da465.geojson',
  sevan: 'data/sources/ne_50m_lakes.lake_sevan.geojson',
  geonames: 'data/sources/geonames-cities500-extract.tsv',
  gazetteer: 'data/curated/gazetteer.json',
} as const;

const NKAO_COMMENT = 'Nagorno-Karabakh Autonomous Oblast, circa 1991';
/** The two NKAO segments that close the 1994 line's northern gap (Murovdag). */
const LOC_GAP_NE_IDS = [1746705583, 1746705599];
const LOC_WEST_END: Position = [45.979, 40.224];
const BAKU_CHECK: Position = [49.892, 40.378];

const NE = 'Public domain';
const NE_NOTE = 'Natural Earth 1:10m: a few km of positional error, not a surveyed line.';
const WORLD_ATLAS = 'Natural Earth 1:10m admin-0 countries via world-atlas (countries-10m)';
const GEONAMES_LICENSE = 'CC BY 4.0';

/* ------------------------------------------------------------------ inputs */

function readText(root: string, rel: string): string {
  try {
    return readFileSync(join(root, rel), 'utf8');
  } catch (e) {
    throw new DataError(rel, null, '(file)', `cannot read (${(e as Error).message})`);
  }
}

function readJson<T>(root: string, rel: string): T {
  return parseJson(rel, readText(root, rel)) as T;
}

interface GazetteerPlace {
  id: string;
  name: string;
  kind?: 'capital' | 'town';
  geonameid: number;
  geonamesName: string;
  country: string;
  altNames: string[];
  actors: ActorId[];
  rank: number;
  description?: string;
  precisionNote?: string;
  offsetKm?: { km: number; bearing: number };
}

interface Gazetteer {
  places: GazetteerPlace[];
  actorSeats: GazetteerPlace[];
  countries: GazetteerCountry[];
}

interface GazetteerCountry {
  numericId: string;
  iso3: string;
  name: string;
  /** One name label on the basemap (see labelPoint), for the countries the map should name. */
  label?: boolean;
  /** Curated label position [lon, lat], instead of the computed one. */
  labelAt?: [number, number];
}

interface GeoNamesRow {
  geonameid: number;
  name: string;
  asciiname: string;
  alternatenames: string[];
  lat: number;
  lon: number;
  country: string;
}

const GAZETTEER_ACTORS: readonly string[] = ACTOR_IDS;

/** Checks the curated gazetteer's shape, naming entry and field on the first problem. */
export function checkGazetteer(raw: unknown, file: string = SOURCES.gazetteer): Gazetteer {
  const fail = (id: string | null, field: string, detail: string): never => {
    throw new DataError(file, id, field, detail);
  };
  if (typeof raw !== 'object' || raw === null) return fail(null, '(root)', 'expected an object');
  const g = raw as Record<string, unknown>;
  for (const list of ['places', 'actorSeats', 'countries'] as const) {
    if (!Array.isArray(g[list])) fail(null, list, 'expected an array');
  }
  const seen = new Set<string>();
  for (const list of ['places', 'actorSeats'] as const) {
    (g[list] as Record<string, unknown>[]).forEach((p, i) => {
      const id = typeof p?.id === 'string' && p.id ? p.id : fail(`${list}[${i}]`, 'id', 'every entry needs a string id');
      if (seen.has(id)) fail(id, 'id', 'duplicate id');
      seen.add(id);
      for (const f of ['name', 'geonamesName', 'country'] as const) {
        if (typeof p[f] !== 'string' || !(p[f] as string).trim()) fail(id, f, `expected a string, got ${JSON.stringify(p[f])}`);
      }
      if (!Number.isInteger(p.geonameid)) fail(id, 'geonameid', `expected a GeoNames id, got ${JSON.stringify(p.geonameid)}`);
      if (!Number.isFinite(p.rank)) fail(id, 'rank', `expected a number, got ${JSON.stringify(p.rank)}`);
      if (!Array.isArray(p.altNames)) fail(id, 'altNames', 'expected an array of names');
      if (!Array.isArray(p.actors)) fail(id, 'actors', 'expected an array of actor ids');
      (p.actors as unknown[]).forEach((a, j) => {
        if (typeof a !== 'string' || !GAZETTEER_ACTORS.includes(a)) fail(id, `actors[${j}]`, `unknown actor ${JSON.stringify(a)}`);
      });
    });
  }
  (g.countries as Record<string, unknown>[]).forEach((c, i) => {
    const id = typeof c?.iso3 === 'string' && c.iso3 ? c.iso3 : fail(`countries[${i}]`, 'iso3', 'every country needs an ISO alpha-3 code');
    if (c.label !== undefined && typeof c.label !== 'boolean') fail(id, 'label', `expected true or false, got ${JSON.stringify(c.label)}`);
    const at = c.labelAt;
    if (at !== undefined) {
      const ok = Array.isArray(at) && at.length === 2 && at.every((v) => Number.isFinite(v));
      if (!ok || Math.abs((at as number[])[0]) > 180 || Math.abs((at as number[])[1]) > 90)
        fail(id, 'labelAt', `expected [lon, lat] in range, got ${JSON.stringify(at)}`);
    }
  });
  return raw as Gazetteer;
}

/** Parses GeoNames rows (tab-separated, the 19 standard columns). */
export function parseGeoNames(text: string, file = SOURCES.geonames): Map<number, GeoNamesRow> {
  const rows = new Map<number, GeoNamesRow>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const c = line.split('\t');
    const row: GeoNamesRow = {
      geonameid: Number(c[0]),
      name: c[1],
      asciiname: c[2],
      alternatenames: c[3] ? c[3].split(',') : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      country: c[8],
    };
    const at = `line ${i + 1}${Number.isInteger(row.geonameid) ? ` (geonameid ${row.geonameid})` : ''}`;
    if (!Number.isInteger(row.geonameid)) throw new DataError(file, at, 'geonameid', `not a GeoNames id: ${JSON.stringify(c[0])}`);
    if (!Number.isFinite(row.lat) || row.lat < -90 || row.lat > 90)
      throw new DataError(file, at, 'latitude', `out of range −90..90: ${JSON.stringify(c[4])}`);
    if (!Number.isFinite(row.lon) || row.lon < -180 || row.lon > 180)
      throw new DataError(file, at, 'longitude', `out of range −180..180: ${JSON.stringify(c[5])}`);
    rows.set(row.geonameid, row);
  });
  return rows;
}

/** The GeoNames row for a gazetteer entry; checks the name and country match. */
function geonamesRow(rows: Map<number, GeoNamesRow>, p: GazetteerPlace): GeoNamesRow {
  const row = rows.get(p.geonameid);
  if (!row) throw new DataError(SOURCES.gazetteer, p.id, 'geonameid', `${p.geonameid} is not in ${SOURCES.geonames}`);
  const names = [row.name, row.asciiname, ...row.alternatenames];
  if (!names.includes(p.geonamesName)) {
    throw new DataError(SOURCES.gazetteer, p.id, 'geonamesName', `"${p.geonamesName}" does not match row ${row.geonameid} (${row.name})`);
  }
  if (row.country !== p.country) {
    throw new DataError(SOURCES.gazetteer, p.id, 'country', `${p.country}, but the GeoNames row is in ${row.country}`);
  }
  return row;
}

/* ----------------------------------------------------------------- helpers */

type Poly = Polygon | MultiPolygon;

function round<G extends Geometry>(g: G, digits = FEATURE_DIGITS): G {
  const r = roundGeometry(g, digits);
  if (!r) throw new Error(`geometry vanished when rounded (${g.type})`);
  // RFC 7946 winding: exterior rings counter-clockwise.
  return r.type === 'Polygon' || r.type === 'MultiPolygon' ? (rewind(r) as G) : r;
}

function polygons(g: Poly): Polygon[] {
  return g.type === 'Polygon' ? [g] : g.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
}

function largestPolygon(g: Poly): Polygon {
  return polygons(g).reduce((a, b) => (area(b) > area(a) ? b : a));
}

/** '11,915': rounded, with thousands separators, independent of the runtime's locale data. */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Area in km². */
export function areaKm2(g: Poly): number {
  return area(g) / 1e6;
}

function sit(id: string, geometry: Geometry, p: Omit<SitProperties, 'id' | 'mentioned' | 'category'> & { category?: SitProperties['category'] }): SitFeature {
  const properties: SitProperties = {
    id,
    name: p.name,
    kind: p.kind,
    category: p.category ?? 'reference',
    actors: p.actors,
    source: p.source,
    license: p.license,
    precision: p.precision,
    precisionNote: p.precisionNote,
    approximate: p.approximate,
    mentioned: false,
  };
  if (p.altNames) properties.altNames = p.altNames;
  if (p.description) properties.description = p.description;
  if (p.rank !== undefined) properties.rank = p.rank;
  if (p.label) properties.label = p.label;
  return { type: 'Feature', id, properties, geometry };
}

function base(id: string, geometry: Geometry, p: Omit<BasemapProperties, 'id'>): BasemapFeature {
  const properties: BasemapProperties = {
    id,
    name: p.name,
    kind: p.kind,
    source: p.source,
    license: p.license,
    precision: p.precision,
    precisionNote: p.precisionNote,
    approximate: p.approximate,
  };
  if (p.iso3) properties.iso3 = p.iso3;
  return { type: 'Feature', id, properties, geometry };
}

function lineParts(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/* -------------------------------------------------------------- the pieces */

type NEProps = { FEATURECLA?: string; NAME?: string; COMMENT?: string; ne_id?: number; name?: string; comment?: string };

/** NKAO circa 1991: every NE segment with the NKAO comment, repeats dropped, stitched into a ring. */
export function buildNkao(ne2020: FeatureCollection<Geometry, NEProps>): Polygon {
  const segs = ne2020.features.filter((f) => f.properties.COMMENT === NKAO_COMMENT).flatMap((f) => lineParts(f.geometry));
  if (segs.length === 0) throw new Error(`${SOURCES.neLines2020}: no NKAO segments (COMMENT "${NKAO_COMMENT}")`);
  return stitchToPolygon(dedupeSegments(segs, 0.05), { toleranceKm: 0.5 });
}

/** The 1994 line: the 5-part "Ceasefire Line 1994" plus the two NKAO segments closing its northern gap. */
export function buildLineOfContact(
  ne1994: FeatureCollection<Geometry, NEProps>,
  ne2020: FeatureCollection<Geometry, NEProps>,
): LineString {
  const cf = ne1994.features.filter(
    (f) =>
      (f.properties.NAME ?? f.properties.name) === 'Ceasefire Line 1994' &&
      (f.properties.COMMENT ?? f.properties.comment) === 'Nagorno-Karabakh' &&
      f.geometry.type === 'MultiLineString' &&
      f.geometry.coordinates.length === 5,
  );
  if (cf.length !== 1) throw new Error(`${SOURCES.neLines1994}: expected one 5-part "Ceasefire Line 1994", found ${cf.length}`);
  const gap = LOC_GAP_NE_IDS.map((id) => {
    const f = ne2020.features.find((x) => x.properties.ne_id === id);
    if (!f) throw new Error(`${SOURCES.neLines2020}: segment ne_id ${id} missing`);
    return lineParts(f.geometry);
  }).flat();
  return stitchToLine([...lineParts(cf[0].geometry), ...gap], { toleranceKm: 0.5, start: LOC_WEST_END });
}

/* -------------------------------------------------------------------- main */

/**
 * Low-detail land (Natural Earth 1:110m) around the region, for the actors far
 * away (Paris, Riga, Brussels, New York), so they do not float on water when
 * the map is zoomed out. The region itself is cut out: there the 1:10m
 * countries draw the coast, and the two scales must not disagree.
 */
export const WORLD_LAND_BBOX: [number, number, number, number] = [-130, -10, 100, 84];
function worldLand(topo: Topology<{ land: TopoCollection }>): BasemapFeature {
  const land = topoFeature(topo, topo.objects.land) as unknown as FeatureCollection<Poly>;
  const clipped = land.features
    .map((f) => clipToBbox(f.geometry, WORLD_LAND_BBOX, 2))
    .filter((g): g is Poly => g !== null && (g.type === 'Polygon' || g.type === 'MultiPolygon'));
  const merged = clipped.length === 1 ? feature(clipped[0]) : union(featureCollection(clipped.map((g) => feature(g))));
  const outside = merged && difference(featureCollection([merged, bboxPolygon(REGION_BBOX)]));
  if (!outside) throw new Error(`${SOURCES.land}: no land left around the region`);
  const rounded = roundGeometry(outside.geometry, 2);
  if (!rounded) throw new Error(`${SOURCES.land}: land vanished when rounded`);
  return base('basemap:land:world', rewind(rounded) as Geometry, {
    name: 'Land (context)',
    kind: 'land',
    source: 'Natural Earth 1:110m land via world-atlas (land-110m), outside the regional basemap',
    license: NE,
    precision: 'region',
    precisionNote: 'Context only: 1:110m land, tens of km of generalisation. Not used for any query.',
    approximate: true,
  });
}

export async function buildGeography(root: string): Promise<Geography> {
  const countries = readJson<FeatureCollection<Poly, { name: string }>>(root, SOURCES.countries);
  const ne1994 = readJson<FeatureCollection<Geometry, NEProps>>(root, SOURCES.neLines1994);
  const ne2020 = readJson<FeatureCollection<Geometry, NEProps>>(root, SOURCES.neLines2020);
  const sevan = readJson<FeatureCollection<Poly>>(root, SOURCES.sevan);
  const gaz = checkGazetteer(readJson<unknown>(root, SOURCES.gazetteer));
  const rows = parseGeoNames(readText(root, SOURCES.geonames));

  const byNumeric = new Map(countries.features.map((f) => [String(f.id), f]));
  const country = (iso3: string): Poly => {
    const c = gaz.countries.find((x) => x.iso3 === iso3);
    const f = c && byNumeric.get(c.numericId);
    if (!f) throw new Error(`${SOURCES.countries}: country ${iso3} missing`);
    return f.geometry;
  };
  const aze = country('AZE');
  const arm = country('ARM');
  const geo = country('GEO');
  const irn = country('IRN');
  const azeMainland = largestPolygon(aze);

  // Lines and regions.
  const nkao = buildNkao(ne2020);
  const loc = buildLineOfContact(ne1994, ne2020);
  const pieces = cutPolygonWithLine(azeMainland, loc, { extendKm: 3 });
  const withBaku = pieces.filter((p) => booleanPointInPolygon(point(BAKU_CHECK), p));
  const held = pieces.find((p) => !withBaku.includes(p));
  if (withBaku.length !== 1 || !held) {
    throw new Error('held area: cutting Azerbaijan along the line did not separate Baku from the held area');
  }
  const border = sharedBorder(arm, aze);
  const mainlandBorder = sharedBorder(arm, azeMainland);

  // Derived zones.
  const fireSegments = crossBorderFireSegments(mainlandBorder, {
    heldArea: held,
    minDistanceFromHeldKm: 8,
    region: nkao,
    westMarginKm: 10,
  });
  const fireZone = crossBorderFireZone(fireSegments, 6);
  const front = buffer(loc, 10, { units: 'kilometers', steps: 8 });
  if (!front) throw new Error('front-zone: buffer failed');
  const southCaucasus = union(featureCollection([feature(arm), feature(aze), feature(geo)]));
  if (!southCaucasus) throw new Error('region:south-caucasus: union failed');

  const features: SitFeature[] = [];
  const countryNote = 'Natural Earth 1:10m country outline (world-atlas, quantised to ~0.3 km): a few km of positional error.';
  features.push(
    sit('country:azerbaijan', round(aze), {
      name: 'Azerbaijan',
      kind: 'country',
      actors: ['azerbaijan'],
      source: WORLD_ATLAS,
      license: NE,
      precision: 'line-1to10m',
      precisionNote: `${countryNote} Includes the Nakhchivan exclave and the internationally recognised territory of Nagorno-Karabakh.`,
      approximate: false,
      altNames: ['Azerbaijan', 'Azərbaycan'],
      rank: 0,
    }),
    sit('country:armenia', round(arm), {
      name: 'Armenia',
      kind: 'country',
      actors: ['armenia'],
      source: WORLD_ATLAS,
      license: NE,
      precision: 'line-1to10m',
      precisionNote: countryNote,
      approximate: false,
      altNames: ['Armenia', 'Hayastan'],
      rank: 0,
    }),
    sit('region:south-caucasus', round(southCaucasus.geometry as Poly), {
      name: 'South Caucasus',
      kind: 'region',
      actors: [],
      source: `Computed: union of Armenia, Azerbaijan and Georgia (${WORLD_ATLAS})`,
      license: NE,
      precision: 'region',
      precisionNote: 'The three countries stand for the region the report calls the South Caucasus.',
      approximate: true,
      altNames: ['Caucasus', 'Transcaucasia'],
      rank: 0,
    }),
    sit('region:nkao-1991', round(nkao), {
      name: 'Nagorno-Karabakh (NKAO, 1991)',
      kind: 'region',
      actors: ['nk-forces'],
      source: 'Natural Earth 1:10m boundary lines, "Nagorno-Karabakh Autonomous Oblast, circa 1991" segments (commit 6a9da465), stitched',
      license: NE,
      precision: 'line-1to10m',
      precisionNote: `${NE_NOTE} The stitched ring encloses about ${thousands(areaKm2(nkao))} km² (official figure about 4,388 km²).`,
      approximate: false,
      altNames: ['Nagorno-Karabakh', 'Nagorno-Karabakh Autonomous Oblast', 'NKAO', 'Artsakh', 'Karabakh'],
      rank: 5,
    }),
    sit('region:held-1994-2020', round(held), {
      name: 'Area held by ethnic Armenian forces (1994–2020)',
      kind: 'region',
      actors: ['nk-forces'],
      source: `Computed with Turf: ${WORLD_ATLAS} Azerbaijan cut along the 1994 line of contact (Natural Earth)`,
      license: NE,
      precision: 'line-1to10m',
      precisionNote: `${NE_NOTE} About ${thousands(areaKm2(held))} km². In the Agdam–Fuzuli sector the line may sit a few km too far east.`,
      approximate: false,
      altNames: ['Artsakh', 'breakaway region', 'occupied territories'],
      rank: 5,
    }),
    sit('line:line-of-contact-1994', round(loc), {
      name: 'Line of contact (1994–2020)',
      kind: 'line',
      actors: ['azerbaijan', 'nk-forces'],
      source:
        'Natural Earth 1:10m boundary lines: "Ceasefire Line 1994" (commit b2abeb4f) and two NKAO segments closing its northern gap (commit 6a9da465), stitched',
      license: NE,
      precision: 'line-1to10m',
      precisionNote: `${NE_NOTE} The 1994 ceasefire line, the front until 27 September 2020.`,
      approximate: false,
      altNames: ['line of contact', 'ceasefire line', 'front line'],
      rank: 5,
      label: 'Line of contact 1994–2020',
    }),
    sit('line:armenia-azerbaijan-border', round(border), {
      name: 'Armenia–Azerbaijan international border',
      kind: 'line',
      actors: ['armenia', 'azerbaijan'],
      source: `Computed: shared boundary of the Armenia and Azerbaijan polygons (${WORLD_ATLAS}), including the Nakhchivan–Armenia border`,
      license: NE,
      precision: 'line-1to10m',
      precisionNote: countryNote,
      approximate: false,
      altNames: ['shared border', 'Armenia-Azerbaijan border'],
      rank: 5,
      label: 'Armenia–Azerbaijan border',
    }),
  );

  for (const p of gaz.places) {
    const row = geonamesRow(rows, p);
    features.push(
      sit(p.id, round({ type: 'Point', coordinates: [row.lon, row.lat] } as Point), {
        name: p.name,
        kind: p.kind ?? 'town',
        actors: p.actors,
        source: `GeoNames cities500 (geonameid ${row.geonameid})`,
        license: GEONAMES_LICENSE,
        precision: 'town',
        precisionNote: p.precisionNote ?? 'GeoNames town point: the town itself, within about a km.',
        approximate: false,
        altNames: p.altNames,
        description: p.description,
        rank: p.rank,
      }),
    );
  }
  for (const p of gaz.actorSeats) {
    const row = geonamesRow(rows, p);
    let pos: Position = [row.lon, row.lat];
    if (p.offsetKm) {
      pos = destination(point(pos), p.offsetKm.km, p.offsetKm.bearing, { units: 'kilometers' }).geometry.coordinates;
    }
    features.push(
      sit(p.id, round({ type: 'Point', coordinates: pos } as Point), {
        name: p.name,
        kind: 'actor',
        actors: p.actors,
        source: `GeoNames cities500 (geonameid ${row.geonameid})${p.offsetKm ? `, offset ${p.offsetKm.km} km` : ''}`,
        license: GEONAMES_LICENSE,
        precision: 'seat',
        precisionNote: p.precisionNote ?? `${row.name} stands for the government or organisation.`,
        approximate: Boolean(p.offsetKm),
        altNames: p.altNames,
        description: p.description,
        rank: p.rank,
      }),
    );
  }

  // Basemap.
  const basemap: BasemapFeature[] = [];
  basemap.push(worldLand(readJson<Topology<{ land: TopoCollection }>>(root, SOURCES.land)));
  const countryLabels: BasemapFeature[] = [];
  for (const c of gaz.countries) {
    const f = byNumeric.get(c.numericId);
    if (!f) continue;
    const g = clipToBbox(f.geometry, REGION_BBOX, BASEMAP_DIGITS);
    if (!g) continue;
    if (c.label && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      // One label per country (not one per polygon part), inside what the map shows of it.
      const at = c.labelAt ?? labelPoint(g, 0.01).map((v) => Math.round(v * 100) / 100);
      countryLabels.push(
        base(`basemap:label:${c.iso3.toLowerCase()}`, { type: 'Point', coordinates: at }, {
          name: c.name,
          kind: 'country-label',
          source: c.labelAt
            ? 'Label point placed by hand (data/curated/gazetteer.json)'
            : `Computed: pole of inaccessibility of the largest part of the country clipped to the region (${WORLD_ATLAS})`,
          license: NE,
          precision: 'approximate',
          precisionNote: 'A label position, not a location.',
          approximate: true,
          iso3: c.iso3,
        }),
      );
    }
    basemap.push(
      base(`basemap:country:${c.iso3.toLowerCase()}`, rewind(g) as Geometry, {
        name: c.name,
        kind: 'country',
        source: WORLD_ATLAS,
        license: NE,
        precision: 'line-1to10m',
        precisionNote: countryNote,
        approximate: false,
        iso3: c.iso3,
      }),
    );
  }
  const sevanGeom = sevan.features[0]?.geometry;
  if (!sevanGeom) throw new Error(`${SOURCES.sevan}: no feature`);
  basemap.push(
    base('basemap:lake:sevan', round(sevanGeom, BASEMAP_DIGITS), {
      name: 'Lake Sevan',
      kind: 'lake',
      source: 'Natural Earth 1:50m lakes (ne_50m_lakes)',
      license: NE,
      precision: 'line-1to10m',
      precisionNote: 'Natural Earth 1:50m lake outline: a few km of positional error.',
      approximate: false,
    }),
  );
  // The Aras follows the Iran–Armenia and Iran–Azerbaijan borders as far east as
  // about 47.98°E; east of that the border leaves the river (Mughan steppe, Bolgarchay).
  const arasParts = [...sharedBorder(irn, arm).coordinates, ...sharedBorder(irn, aze).coordinates];
  const aras = clipToBbox({ type: 'MultiLineString', coordinates: arasParts }, [40, 38, 47.98, 41], BASEMAP_DIGITS);
  if (!aras) throw new Error('basemap:river:aras: no shared Iran border found');
  basemap.push(
    base('basemap:river:aras', aras, {
      name: 'Aras',
      kind: 'river',
      source: `Computed: Iran–Armenia and Iran–Azerbaijan shared borders (${WORLD_ATLAS}), west of 47.98°E`,
      license: NE,
      precision: 'approximate',
      precisionNote: 'Drawn along the international border, which follows the river: approximate, a few km.',
      approximate: true,
    }),
  );
  basemap.push(...countryLabels);
  const seas: [string, string, Position][] = [
    ['basemap:sea:caspian', 'Caspian Sea', [50.6, 41.9]],
    ['basemap:sea:black', 'Black Sea', [39.2, 42.6]],
  ];
  for (const [id, name, pos] of seas) {
    basemap.push(
      base(id, { type: 'Point', coordinates: pos }, {
        name,
        kind: 'sea-label',
        source: 'Label point placed by hand in open water',
        license: NE,
        precision: 'approximate',
        precisionNote: 'A label position, not a location.',
        approximate: true,
      }),
    );
  }

  return {
    basemap: { type: 'FeatureCollection', features: basemap },
    features,
    derived: {
      'cross-border-fire-zone': round(fireZone),
      'cross-border-fire-segments': round(fireSegments),
      'front-zone': round(front.geometry as Poly),
    },
  };
}
