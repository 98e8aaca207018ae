// Analysis build (issue 3): the schematic pipelines as features, and
// data/analysis.json — distance bands around the line of contact and the
// cross-border-fire zone, the pipelines' closest approaches, key distances.
// Build time only (turf.buffer via src/lib/geo/bands.ts). Deterministic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LineString, Point, Position } from 'geojson';
import type { AnalysisData, AnalysisDistance, AnalysisEnd, PipelineAnalysis, SitFeature } from '../../src/lib/domain/types.ts';
import { distanceBands } from '../../src/lib/geo/bands.ts';
import { closestApproach } from '../../src/lib/geo/closestApproach.ts';
import { greatCircleKm, nearestPointOnLineKm, type LineLike } from '../../src/lib/geo/distance.ts';
import { measurePath } from '../../src/lib/geo/measure.ts';
import type { LngLat } from '../../src/lib/geo/validateInput.ts';
import { parseGeoNames, SOURCES } from './geography.ts';

export const PIPELINE_SOURCES = {
  waypoints: 'data/sources/pipelines-waypoints.csv',
  curated: 'data/curated/pipelines.json',
} as const;

export const BAND_KMS = [5, 10, 25, 50] as const;
export const ANALYSIS_IDS = {
  lineOfContact: 'line:line-of-contact-1994',
  border: 'line:armenia-azerbaijan-border',
  fireZone: 'incident:cross-border-fire',
  baku: 'place:baku',
  yerevan: 'place:yerevan',
  stepanakert: 'place:stepanakert',
} as const;

export const PIPELINE_PRECISION_NOTE = 'schematic, ±10–30 km';

interface CuratedPipelines {
  towns: Record<string, { geonameid: number; geonamesName: string; country: string }>;
  pipelines: { id: string; route: string; name: string; altNames: string[]; description: string }[];
}

interface Waypoint {
  order: number;
  town: string;
  country: string;
  routes: string[];
}

function read(root: string, rel: string): string {
  try {
    return readFileSync(join(root, rel), 'utf8');
  } catch (e) {
    throw new Error(`${rel}: cannot read (${(e as Error).message})`);
  }
}

/** Parses the waypoints CSV (order,town,country,note,routes; no quoted commas in this file). */
export function parseWaypoints(text: string, file: string = PIPELINE_SOURCES.waypoints): Waypoint[] {
  const lines = text.split('\n').filter((l) => l.trim());
  const header = lines.shift();
  if (header?.trim() !== 'order,town,country,note,routes') throw new Error(`${file}: unexpected header ${JSON.stringify(header)}`);
  return lines.map((line, i) => {
    const c = line.split(',');
    if (c.length !== 5) throw new Error(`${file}: line ${i + 2}: expected 5 columns, got ${c.length}`);
    const order = Number(c[0]);
    if (!Number.isInteger(order)) throw new Error(`${file}: line ${i + 2}: bad order ${JSON.stringify(c[0])}`);
    return { order, town: c[1].trim(), country: c[2].trim(), routes: c[4].trim().split(';').filter(Boolean) };
  });
}

const r5 = (v: number) => Math.round(v * 1e5) / 1e5;
const r2 = (v: number) => Math.round(v * 100) / 100;
const pt = (p: Position): [number, number] => [r5(p[0]), r5(p[1])];

/** The pipelines as SitFeatures (kind 'line', category 'reference', precision 'schematic'). */
export function buildPipelineFeatures(root: string): SitFeature[] {
  const curated = JSON.parse(read(root, PIPELINE_SOURCES.curated)) as CuratedPipelines;
  const rows = parseGeoNames(read(root, SOURCES.geonames));
  const waypoints = parseWaypoints(read(root, PIPELINE_SOURCES.waypoints)).sort((a, b) => a.order - b.order);
  const coord = (w: Waypoint): Position => {
    const t = curated.towns[w.town];
    if (!t) throw new Error(`${PIPELINE_SOURCES.curated}: towns: no entry for waypoint "${w.town}"`);
    const row = rows.get(t.geonameid);
    if (!row) throw new Error(`${PIPELINE_SOURCES.curated}: ${w.town}: geonameid ${t.geonameid} not in ${SOURCES.geonames}`);
    if (![row.name, row.asciiname, ...row.alternatenames].includes(t.geonamesName))
      throw new Error(`${PIPELINE_SOURCES.curated}: ${w.town}: geonamesName "${t.geonamesName}" does not match row ${row.geonameid} (${row.name})`);
    if (row.country !== t.country || row.country !== w.country)
      throw new Error(`${PIPELINE_SOURCES.curated}: ${w.town}: country ${t.country}/${w.country} but GeoNames row is in ${row.country}`);
    return [r5(row.lon), r5(row.lat)];
  };
  return curated.pipelines.map((p) => {
    const ws = waypoints.filter((w) => w.routes.includes(p.route));
    if (ws.length < 2) throw new Error(`${PIPELINE_SOURCES.waypoints}: route ${p.route} (${p.id}) has fewer than 2 waypoints`);
    const geometry: LineString = { type: 'LineString', coordinates: ws.map(coord) };
    return {
      type: 'Feature',
      id: p.id,
      properties: {
        id: p.id,
        name: p.name,
        kind: 'line',
        category: 'reference',
        actors: [],
        source: `Schematic line through the GeoNames cities500 points of ${ws.map((w) => w.town).join(', ')} (${PIPELINE_SOURCES.waypoints})`,
        license: 'CC BY 4.0 (GeoNames, geonames.org)',
        precision: 'schematic',
        precisionNote: `${PIPELINE_PRECISION_NOTE[0].toUpperCase()}${PIPELINE_PRECISION_NOTE.slice(1)}: a line through towns the route is publicly described as passing, not the true route.`,
        approximate: true,
        mentioned: false,
        altNames: p.altNames,
        description: p.description,
        rank: 5,
      },
      geometry,
    };
  });
}

function end(f: SitFeature, point: Position): AnalysisEnd {
  return { id: f.id, name: f.properties.name, point: pt(point) };
}

function need(byId: Map<string, SitFeature>, id: string, type: 'point' | 'line' | 'area'): SitFeature {
  const f = byId.get(id);
  const t = f?.geometry?.type ?? '';
  const ok =
    type === 'point' ? t === 'Point' : type === 'line' ? t === 'LineString' || t === 'MultiLineString' : t === 'Polygon' || t === 'MultiPolygon';
  if (!f || !ok) throw new Error(`analysis: feature ${id} missing or not a ${type}`);
  return f;
}

const LINE_NOTE = 'Natural Earth 1:10m, a few km of positional error';

function toLine(label: string, id: string, place: SitFeature, line: SitFeature): AnalysisDistance {
  const p = (place.geometry as Point).coordinates;
  const hit = nearestPointOnLineKm(p, line.geometry as LineLike);
  return {
    id,
    label,
    km: r2(greatCircleKm(p, hit.point)),
    from: end(place, p),
    to: end(line, hit.point),
    method: `Great-circle (haversine) distance from the GeoNames point of ${place.properties.name} to the nearest point of ${line.properties.name} (turf.nearestPointOnLine; the line is ${LINE_NOTE}).`,
  };
}

function approach(label: string, id: string, pipe: SitFeature, line: SitFeature, lineNote: string): AnalysisDistance {
  const c = closestApproach(pipe.geometry as LineLike, line.geometry as LineLike);
  return {
    id,
    label,
    km: r2(c.km),
    from: end(pipe, c.a),
    to: end(line, c.b),
    method: `Least great-circle distance between the schematic pipeline line and ${line.properties.name}: every vertex of each line checked against the other line (exact for lines that do not cross). The pipeline is ${PIPELINE_PRECISION_NOTE}, so the figure is too; ${lineNote}.`,
  };
}

/** data/analysis.json from the final feature list (geography + pipelines + incidents). */
export function buildAnalysis(features: readonly SitFeature[], pipelineIds: readonly string[]): AnalysisData {
  const byId = new Map(features.map((f) => [f.id, f]));
  const loc = need(byId, ANALYSIS_IDS.lineOfContact, 'line');
  const border = need(byId, ANALYSIS_IDS.border, 'line');
  const zone = need(byId, ANALYSIS_IDS.fireZone, 'area');
  const baku = need(byId, ANALYSIS_IDS.baku, 'point');
  const yerevan = need(byId, ANALYSIS_IDS.yerevan, 'point');
  const stepanakert = need(byId, ANALYSIS_IDS.stepanakert, 'point');

  const bands = [
    ...distanceBands(loc, BAND_KMS, { targetName: 'the line of contact (1994–2020)' }).features,
    ...distanceBands(zone, BAND_KMS, { targetName: 'the cross-border-fire zone' }).features,
  ];

  const pipelines: PipelineAnalysis[] = pipelineIds.map((id) => {
    const pipe = need(byId, id, 'line');
    const coords = (pipe.geometry as LineString).coordinates as LngLat[];
    return {
      id,
      name: pipe.properties.name,
      lengthKm: r2(measurePath(coords).totalKm),
      closestToLineOfContact: approach(`${pipe.properties.name}: closest approach to the line of contact`, `distance:${id.replace(/^line:/, '')}-line-of-contact`, pipe, loc, `the line of contact is ${LINE_NOTE}`),
      closestToBorder: approach(`${pipe.properties.name}: closest approach to the Armenia–Azerbaijan border`, `distance:${id.replace(/^line:/, '')}-border`, pipe, border, `the border is ${LINE_NOTE}`),
    };
  });

  const bp = (baku.geometry as Point).coordinates;
  const yp = (yerevan.geometry as Point).coordinates;
  const nearestPipe = pipelines.reduce<PipelineAnalysis | null>(
    (m, p) => (!m || p.closestToLineOfContact.km < m.closestToLineOfContact.km ? p : m),
    null,
  );
  const keyDistances: AnalysisDistance[] = [
    {
      id: 'distance:baku-yerevan',
      label: 'Baku – Yerevan',
      km: r2(greatCircleKm(bp, yp)),
      from: end(baku, bp),
      to: end(yerevan, yp),
      method: 'Great-circle (haversine) distance between the GeoNames points of the two capitals, on a sphere of mean radius 6,371 km.',
    },
    toLine('Baku to the line of contact', 'distance:baku-line-of-contact', baku, loc),
    toLine('Yerevan to the line of contact', 'distance:yerevan-line-of-contact', yerevan, loc),
    toLine('Stepanakert / Khankendi to the nearest point of the line of contact', 'distance:stepanakert-line-of-contact', stepanakert, loc),
  ];
  if (nearestPipe) {
    const c = nearestPipe.closestToLineOfContact;
    keyDistances.push({
      ...c,
      id: 'distance:pipelines-line-of-contact',
      label: `Pipelines' closest approach to the line of contact (${pipelines.map((p) => p.name.split(' ')[0]).join(' and ')} share the corridor there)`,
    });
  }
  return { bands: { type: 'FeatureCollection', features: bands }, pipelines, keyDistances };
}
