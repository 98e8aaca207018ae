// Great-circle distances: point–point, point–line (with the nearest point),
// point–geometry (polygons: inside counts as 0 km). Pure TypeScript on Turf.
import { booleanPointInPolygon, distance, nearestPointOnLine, pointToLineDistance } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString, Polygon, MultiPolygon, Position } from 'geojson';
import type { LngLat } from './validateInput.ts';

export type { LngLat } from './validateInput.ts';

/** Turf's mean Earth radius (km); every distance here is on this sphere. */
export const EARTH_RADIUS_KM = 6371.0088;

export type LineLike = LineString | MultiLineString | Feature<LineString | MultiLineString>;

function geometryOf<G extends Geometry>(g: G | Feature<G>): G {
  return (g as Feature<G>).type === 'Feature' ? (g as Feature<G>).geometry : (g as G);
}

/** Great-circle (haversine) distance in km between two [lng, lat] points. */
export function greatCircleKm(a: LngLat | Position, b: LngLat | Position): number {
  return distance(a as number[], b as number[], { units: 'kilometers' });
}

/** The parts of a line geometry as coordinate arrays. */
export function lineParts(line: LineLike): Position[][] {
  const g = geometryOf(line);
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  throw new Error(`expected a LineString or MultiLineString, got ${(g as Geometry).type}`);
}

/**
 * Great-circle distance in km from a point to the nearest point of a line
 * (LineString or MultiLineString). Same arithmetic as the Turf loop
 * (pointToLineDistance, geodesic), minimum over the parts.
 */
export function pointToLineKm(pt: LngLat | Position, line: LineLike): number {
  let best = Infinity;
  for (const part of lineParts(line)) {
    if (part.length < 2) {
      if (part.length === 1) best = Math.min(best, greatCircleKm(pt, part[0]));
      continue;
    }
    const d = pointToLineDistance(pt as number[], { type: 'LineString', coordinates: part }, { units: 'kilometers' });
    if (d < best) best = d;
  }
  return best;
}

export interface NearestOnLine {
  /** The nearest point of the line, [lng, lat]. */
  point: LngLat;
  /** Great-circle distance from the query point to it, km. */
  km: number;
  /** Which part (for a MultiLineString) and which segment it lies on. */
  partIndex: number;
  segmentIndex: number;
}

/** The nearest point of a line to `pt` along great circles, and its distance in km. */
export function nearestPointOnLineKm(pt: LngLat | Position, line: LineLike): NearestOnLine {
  const g = geometryOf(line);
  const hit = nearestPointOnLine(g, pt as number[], { units: 'kilometers' });
  const [lng, lat] = hit.geometry.coordinates;
  return {
    point: [lng, lat],
    km: hit.properties.pointDistance,
    partIndex: Math.max(0, hit.properties.lineStringIndex ?? 0),
    segmentIndex: hit.properties.segmentIndex,
  };
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Great-circle distance in km from a point to any geometry.
 * Points: point–point; lines: nearest point of the line; polygons: 0 inside
 * (holes excluded), else distance to the nearest ring; collections: minimum.
 */
export function pointToGeometryKm(pt: LngLat | Position, geom: Geometry | Feature): number {
  const g = geometryOf(geom as Geometry | Feature<Geometry>);
  if (!g) return Infinity;
  switch (g.type) {
    case 'Point':
      return greatCircleKm(pt, g.coordinates);
    case 'MultiPoint':
      return g.coordinates.reduce((m, c) => Math.min(m, greatCircleKm(pt, c)), Infinity);
    case 'LineString':
    case 'MultiLineString':
      return pointToLineKm(pt, g);
    case 'Polygon':
    case 'MultiPolygon': {
      if (booleanPointInPolygon(pt as number[], g)) return 0;
      return pointToLineKm(pt, { type: 'MultiLineString', coordinates: ringsOf(g) });
    }
    case 'GeometryCollection':
      return g.geometries.reduce((m, sub) => Math.min(m, pointToGeometryKm(pt, sub)), Infinity);
  }
}
