// Clipping to a bounding box and rounding coordinates, for a small basemap.
// Pure TypeScript. Both keep polygons valid-looking: consecutive duplicate
// vertices are removed and rings with fewer than 4 positions are dropped.
import { bboxClip } from '@turf/turf';
import type { BBox, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

function roundPos(p: Position, f: number): Position {
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

function cleanLine(coords: Position[], f: number): Position[] {
  const out: Position[] = [];
  for (const p of coords) {
    const q = roundPos(p, f);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function cleanRing(ring: Position[], f: number): Position[] | null {
  const r = cleanLine(ring, f);
  if (r.length && (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1])) r.push(r[0]);
  return r.length >= 4 ? r : null;
}

function cleanPolygon(rings: Position[][], f: number): Position[][] | null {
  if (!rings.length || !rings[0]) return null;
  const outer = cleanRing(rings[0], f);
  if (!outer) return null;
  const holes = rings.slice(1).map((h) => cleanRing(h, f)).filter((h): h is Position[] => h !== null);
  return [outer, ...holes];
}

/**
 * Rounds every coordinate to `digits` decimals and removes the degenerate parts
 * this creates. Returns null when nothing is left. Supports the geometry types
 * the map uses (Point, LineString, MultiLineString, Polygon, MultiPolygon).
 */
export function roundGeometry<G extends Geometry>(g: G, digits = 5): G | null {
  const f = 10 ** digits;
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: roundPos(g.coordinates, f) };
    case 'LineString': {
      const c = cleanLine(g.coordinates, f);
      return c.length >= 2 ? ({ type: 'LineString', coordinates: c } as LineString as G) : null;
    }
    case 'MultiLineString': {
      const parts = g.coordinates.map((l) => cleanLine(l, f)).filter((l) => l.length >= 2);
      return parts.length ? ({ type: 'MultiLineString', coordinates: parts } as MultiLineString as G) : null;
    }
    case 'Polygon': {
      const p = cleanPolygon(g.coordinates, f);
      return p ? ({ type: 'Polygon', coordinates: p } as Polygon as G) : null;
    }
    case 'MultiPolygon': {
      const ps = g.coordinates.map((p) => cleanPolygon(p, f)).filter((p): p is Position[][] => p !== null);
      return ps.length ? ({ type: 'MultiPolygon', coordinates: ps } as MultiPolygon as G) : null;
    }
    default:
      throw new Error(`roundGeometry: unsupported geometry type ${g.type}`);
  }
}

/**
 * Clips a Polygon/MultiPolygon/LineString/MultiLineString to `bbox`
 * ([west, south, east, north]), then rounds to `digits`. Null if nothing is left.
 * A MultiPolygon whose parts all fall outside comes back null, and a single
 * surviving part comes back as a Polygon.
 */
export function clipToBbox(
  g: Polygon | MultiPolygon | LineString | MultiLineString,
  bbox: BBox,
  digits = 5,
): Polygon | MultiPolygon | LineString | MultiLineString | null {
  const clipped = bboxClip(g, bbox).geometry as Polygon | MultiPolygon | LineString | MultiLineString;
  const rounded = roundGeometry(clipped, digits);
  if (!rounded) return null;
  if (rounded.type === 'MultiPolygon' && rounded.coordinates.length === 1) {
    return { type: 'Polygon', coordinates: rounded.coordinates[0] };
  }
  if (rounded.type === 'MultiLineString' && rounded.coordinates.length === 1) {
    return { type: 'LineString', coordinates: rounded.coordinates[0] };
  }
  return rounded;
}
