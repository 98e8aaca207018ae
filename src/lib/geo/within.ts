// "Within X km of [feature]": which features' geometries come within a distance
// of a target geometry. Points, lines and polygons; inside a polygon counts as
// 0 km. Point features go through the kd-tree (pointIndex), the rest through an
// exact geometry–geometry distance with a bounding-box lower bound to skip far ones.
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_KM, greatCircleKm, pointToLineKm } from './distance.ts';
import { arcLatRange, buildPointIndex, nearestPoints, withinKmOfLine, type PointIndex } from './pointIndex.ts';
import { assertKm, GeoInputError, type LngLat } from './validateInput.ts';

type AnyFeature = Feature<Geometry | null> & { id?: string | number };

interface Parts {
  points: Position[];
  /** Line parts with ≥ 2 positions, polygon rings included. */
  lines: Position[][];
  polygons: (Polygon | MultiPolygon)[];
}

function partsOf(g: Geometry | null | undefined, out: Parts = { points: [], lines: [], polygons: [] }): Parts {
  if (!g) return out;
  const addLine = (l: Position[]) => (l.length >= 2 ? out.lines.push(l) : l.length === 1 && out.points.push(l[0]));
  switch (g.type) {
    case 'Point':
      out.points.push(g.coordinates);
      break;
    case 'MultiPoint':
      out.points.push(...g.coordinates);
      break;
    case 'LineString':
      addLine(g.coordinates);
      break;
    case 'MultiLineString':
      g.coordinates.forEach(addLine);
      break;
    case 'Polygon':
      g.coordinates.forEach(addLine);
      out.polygons.push(g);
      break;
    case 'MultiPolygon':
      g.coordinates.flat().forEach(addLine);
      out.polygons.push(g);
      break;
    case 'GeometryCollection':
      g.geometries.forEach((sub) => partsOf(sub, out));
      break;
  }
  return out;
}

function vertices(p: Parts): Position[] {
  return [...p.points, ...p.lines.flat()];
}

/** Planar test (lng/lat) whether segments p1p2 and q1q2 touch or cross. */
function segmentsIntersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const o = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const on = (a: Position, b: Position, c: Position) =>
    Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1]);
  const d1 = o(q1, q2, p1), d2 = o(q1, q2, p2), d3 = o(p1, p2, q1), d4 = o(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && on(q1, q2, p1)) || (d2 === 0 && on(q1, q2, p2)) || (d3 === 0 && on(p1, p2, q1)) || (d4 === 0 && on(p1, p2, q2));
}

function linesCross(a: Position[][], b: Position[][]): boolean {
  for (const la of a) {
    for (let i = 1; i < la.length; i++) {
      const p1 = la[i - 1], p2 = la[i];
      const minX = Math.min(p1[0], p2[0]), maxX = Math.max(p1[0], p2[0]);
      const minY = Math.min(p1[1], p2[1]), maxY = Math.max(p1[1], p2[1]);
      for (const lb of b) {
        for (let j = 1; j < lb.length; j++) {
          const q1 = lb[j - 1], q2 = lb[j];
          if (Math.max(q1[0], q2[0]) < minX || Math.min(q1[0], q2[0]) > maxX) continue;
          if (Math.max(q1[1], q2[1]) < minY || Math.min(q1[1], q2[1]) > maxY) continue;
          if (segmentsIntersect(p1, p2, q1, q2)) return true;
        }
      }
    }
  }
  return false;
}

type Box = [number, number, number, number];

/**
 * Lng/lat box of a geometry's parts, widened in latitude where a great-circle
 * segment bows poleward beyond its endpoints (so box lower bounds stay valid).
 */
function geoBox(p: Parts): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (lng: number, lat: number) => {
    if (lng < box[0]) box[0] = lng;
    if (lng > box[2]) box[2] = lng;
    if (lat < box[1]) box[1] = lat;
    if (lat > box[3]) box[3] = lat;
  };
  for (const v of p.points) add(v[0], v[1]);
  for (const l of p.lines) {
    for (let i = 0; i < l.length; i++) {
      add(l[i][0], l[i][1]);
      if (i > 0) {
        const [lo, hi] = arcLatRange(l[i - 1], l[i]);
        add(l[i][0], lo);
        add(l[i][0], hi);
      }
    }
  }
  return box;
}

/** A lower bound (km) on the great-circle distance between any two points of two lng/lat boxes. */
export function boxLowerBoundKm(a: Box, b: Box): number {
  const rad = Math.PI / 180;
  const dLat = Math.max(0, b[1] - a[3], a[1] - b[3]);
  let dLng = Math.max(0, b[0] - a[2], a[0] - b[2]);
  dLng = Math.min(dLng, 360 - Math.max(a[2], b[2]) + Math.min(a[0], b[0]), 180);
  if (dLng < 0) dLng = 0;
  const maxAbsLat = Math.max(Math.abs(a[1]), Math.abs(a[3]), Math.abs(b[1]), Math.abs(b[3]));
  const c = Math.cos(maxAbsLat * rad);
  const h = Math.sin((dLat * rad) / 2) ** 2 + c * c * Math.sin((dLng * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Great-circle distance in km between two geometries: 0 if they touch, cross or
 * one lies inside the other's polygon; otherwise the least vertex-to-geometry
 * distance both ways (the minimum between non-crossing segments is always at an
 * endpoint). Crossing is tested in lng/lat, exact for the short segments of
 * regional data. With `stopAtKm` ≥ 0 it answers only "within stopAtKm or not":
 * it returns early with a value ≤ stopAtKm once one is found, and otherwise some
 * value > stopAtKm (not necessarily the exact distance).
 */
export function geometryDistanceKm(a: Geometry, b: Geometry, stopAtKm = -Infinity): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  const va = vertices(pa);
  const vb = vertices(pb);
  if (va.length === 0 || vb.length === 0) return Infinity;
  // Containment: any vertex of one inside a polygon of the other.
  for (const poly of pb.polygons) if (va.some((v) => booleanPointInPolygon(v, poly))) return 0;
  for (const poly of pa.polygons) if (vb.some((v) => booleanPointInPolygon(v, poly))) return 0;
  if (pa.lines.length && pb.lines.length && linesCross(pa.lines, pb.lines)) return 0;
  let best = Infinity;
  // With a stop distance only "≤ stopAtKm or not" matters: vertices that cannot get that close are skipped.
  const cutoff = stopAtKm >= 0 ? stopAtKm : Infinity;
  const line = (l: Position[][]) => ({ type: 'MultiLineString' as const, coordinates: l });
  // Branch and bound: visit vertices nearest the other geometry's box first, and
  // stop once a vertex's lower bound cannot beat the best distance so far.
  const pass = (from: Position[], to: Parts, toBox: Box): boolean => {
    const lb = from.map((v) => boxLowerBoundKm([v[0], v[1], v[0], v[1]], toBox));
    const order = from.map((_, i) => i).sort((i, j) => lb[i] - lb[j]);
    for (const i of order) {
      if (lb[i] > best || lb[i] > cutoff) break;
      const v = from[i];
      for (const w of to.points) best = Math.min(best, greatCircleKm(v, w));
      if (to.lines.length) best = Math.min(best, pointToLineKm(v, line(to.lines)));
      if (best <= stopAtKm) return true;
    }
    return false;
  };
  if (pass(va, pb, geoBox(pb))) return best;
  if (pa.lines.length && pass(vb, { points: [], lines: pa.lines, polygons: [] }, geoBox({ points: [], lines: pa.lines, polygons: [] }))) return best;
  return best;
}

/** Does geometry a come within km of geometry b? */
export function geometryWithinKm(a: Geometry, b: Geometry, km: number): boolean {
  if (boxLowerBoundKm(geoBox(partsOf(a)), geoBox(partsOf(b))) > km) return false;
  return geometryDistanceKm(a, b, km) <= km;
}

const pointIndexCache = new WeakMap<readonly AnyFeature[], { index: PointIndex; at: number[] }>();

function pointIndexOf(features: readonly AnyFeature[]) {
  let hit = pointIndexCache.get(features);
  if (!hit) {
    const at: number[] = [];
    const coords: Position[] = [];
    features.forEach((f, i) => {
      if (f.geometry?.type === 'Point') {
        at.push(i);
        coords.push(f.geometry.coordinates);
      }
    });
    hit = { index: buildPointIndex(coords), at };
    pointIndexCache.set(features, hit);
  }
  return hit;
}

function featureId(f: AnyFeature): string {
  const id = f.id ?? (f.properties as { id?: unknown } | null)?.id;
  return String(id);
}

/**
 * Ids (in input order) of the features whose geometry lies within `km` of the
 * target feature's geometry. The target itself is left out; features without
 * geometry are skipped. Point features are found through a kd-tree index that is
 * built once per features array.
 */
export function featuresWithinKm(features: readonly AnyFeature[], targetFeature: AnyFeature, km: number): string[] {
  assertKm(km, 'within distance');
  const target = targetFeature.geometry;
  if (!target) throw new GeoInputError(`feature ${featureId(targetFeature)} has no geometry`);
  const targetId = featureId(targetFeature);
  const hit = new Uint8Array(features.length);

  // Point features via the index.
  const { index, at } = pointIndexOf(features);
  const tp = partsOf(target);
  for (const i of withinKmOfLine(index, { type: 'MultiLineString', coordinates: tp.lines }, km)) hit[at[i]] = 1;
  for (const p of tp.points) {
    for (const h of nearestPoints(index, [p[0], p[1]] as LngLat, Infinity, km)) hit[at[h.index]] = 1;
  }
  for (const poly of tp.polygons) {
    const [w, s, e, n] = turfBbox(poly);
    for (const i of index.kd.range(w, s, e, n)) {
      if (i < index.size && !hit[at[i]] && booleanPointInPolygon([index.coords[2 * i], index.coords[2 * i + 1]], poly)) hit[at[i]] = 1;
    }
  }

  // Everything else, exactly.
  features.forEach((f, i) => {
    if (!f.geometry || f.geometry.type === 'Point' || hit[i]) return;
    if (geometryWithinKm(f.geometry, target, km)) hit[i] = 1;
  });

  const out: string[] = [];
  features.forEach((f, i) => {
    if (hit[i] && featureId(f) !== targetId) out.push(featureId(f));
  });
  return out;
}

/** featuresWithinKm by target id, as the page API's within(id, km) needs. Unknown id → GeoInputError. */
export function withinKmOfId(features: readonly AnyFeature[], id: string, km: number): string[] {
  const target = features.find((f) => featureId(f) === id);
  if (!target) throw new GeoInputError(`no feature with id ${JSON.stringify(id)}`);
  return featuresWithinKm(features, target, km);
}
