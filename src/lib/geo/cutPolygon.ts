// Cutting a polygon in two along a line (e.g. Azerbaijan along the 1994 line of
// contact). Pure TypeScript; intersections are computed in planar lon/lat, which
// is exact enough at regional scale (the line and ring are both straight in
// lon/lat between vertices, as GeoJSON renderers draw them).
import { bearing, booleanPointInPolygon, destination, point } from '@turf/turf';
import type { LineString, Polygon, Position } from 'geojson';

export interface CutOptions {
  /**
   * Extend the line this far (km) beyond each end, along its end segment, so a
   * line that stops just short of the boundary still crosses it. Default 3 km.
   */
  extendKm?: number;
}

interface Hit {
  lineParam: number;
  ringParam: number;
  pos: Position;
}

/** Intersection of segments p1-p2 and q1-q2: params t (on p) and u (on q) in [0,1], or null. */
export function segmentIntersection(
  p1: Position,
  p2: Position,
  q1: Position,
  q2: Position,
): { t: number; u: number; pos: Position } | null {
  const rx = p2[0] - p1[0];
  const ry = p2[1] - p1[1];
  const sx = q2[0] - q1[0];
  const sy = q2[1] - q1[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return null; // parallel or collinear: not a crossing
  const qpx = q1[0] - p1[0];
  const qpy = q1[1] - p1[1];
  const t = (qpx * sy - qpy * sx) / den;
  const u = (qpx * ry - qpy * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return { t, u, pos: [p1[0] + t * rx, p1[1] + t * ry] };
}

/** The line with each end pushed `km` further along its end segment. */
export function extendLine(coords: Position[], km: number): Position[] {
  if (km <= 0 || coords.length < 2) return coords.slice();
  const n = coords.length;
  const startBearing = bearing(point(coords[1]), point(coords[0]));
  const endBearing = bearing(point(coords[n - 2]), point(coords[n - 1]));
  const s = destination(point(coords[0]), km, startBearing, { units: 'kilometers' }).geometry.coordinates;
  const e = destination(point(coords[n - 1]), km, endBearing, { units: 'kilometers' }).geometry.coordinates;
  return [s, ...coords, e];
}

/** Ring positions strictly between ring params a and b, walking forward (wrapping). */
function arc(ring: Position[], a: Hit, b: Hit): Position[] {
  const n = ring.length - 1; // unique vertices; ring is closed
  let end = b.ringParam;
  if (end <= a.ringParam) end += n;
  const out: Position[] = [a.pos];
  for (let k = Math.floor(a.ringParam) + 1; k < end; k++) out.push(ring[k % n]);
  out.push(b.pos);
  return out;
}

/**
 * Cuts `polygon` along `line` into two polygons. The cut runs between the first
 * and the last crossing of the (extended) line with the outer ring, in line
 * order; the line's vertices in between form the new shared edge of both pieces.
 * Holes go to the piece that contains their first vertex.
 *
 * Returns [pieceA, pieceB]: pieceA lies to the left of the line (walking from its
 * start to its end) when the outer ring is counter-clockwise; callers should pick
 * a piece by a point they know, e.g. with `pieceContaining`.
 * Throws if the line crosses the outer ring fewer than two times.
 */
export function cutPolygonWithLine(polygon: Polygon, line: LineString, opts: CutOptions = {}): [Polygon, Polygon] {
  const ring = polygon.coordinates[0];
  const L = extendLine(line.coordinates, opts.extendKm ?? 3);
  const hits: Hit[] = [];
  for (let i = 0; i < L.length - 1; i++) {
    for (let j = 0; j < ring.length - 1; j++) {
      const x = segmentIntersection(L[i], L[i + 1], ring[j], ring[j + 1]);
      if (x) hits.push({ lineParam: i + x.t, ringParam: j + x.u, pos: x.pos });
    }
  }
  if (hits.length < 2) {
    throw new Error(`cutPolygonWithLine: line crosses the polygon boundary ${hits.length} time(s), need 2`);
  }
  hits.sort((a, b) => a.lineParam - b.lineParam || a.ringParam - b.ringParam);
  const p1 = hits[0];
  const p2 = hits[hits.length - 1];
  const cut: Position[] = [p1.pos];
  for (let k = Math.floor(p1.lineParam) + 1; k < p2.lineParam; k++) cut.push(L[k]);
  cut.push(p2.pos);

  // Piece A: along the cut, then back round the ring from p2 to p1.
  const ringA = [...cut, ...arc(ring, p2, p1).slice(1)];
  // Piece B: round the ring from p1 to p2, then back along the cut.
  const ringB = [...arc(ring, p1, p2), ...cut.slice(0, -1).reverse()];
  const a: Polygon = { type: 'Polygon', coordinates: [ringA] };
  const b: Polygon = { type: 'Polygon', coordinates: [ringB] };
  for (const hole of polygon.coordinates.slice(1)) {
    (booleanPointInPolygon(point(hole[0]), a) ? a : b).coordinates.push(hole);
  }
  return [a, b];
}

/** The piece that contains `pos`, or throws if none or both do. */
export function pieceContaining(pieces: Polygon[], pos: Position): Polygon {
  const found = pieces.filter((p) => booleanPointInPolygon(point(pos), p));
  if (found.length !== 1) throw new Error(`pieceContaining: ${found.length} pieces contain [${pos.join(', ')}]`);
  return found[0];
}
