// Where the camera goes for a feature. Pure.
import type { Geometry, Position } from 'geojson';

export type Bounds = [number, number, number, number];

function collect(g: Geometry, out: Position[]): void {
  switch (g.type) {
    case 'Point':
      out.push(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      out.push(...g.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const r of g.coordinates) out.push(...r);
      break;
    case 'MultiPolygon':
      for (const p of g.coordinates) for (const r of p) out.push(...r);
      break;
    case 'GeometryCollection':
      for (const c of g.geometries) collect(c, out);
      break;
  }
}

/** [west, south, east, north] of a geometry, or null when it has no coordinates. */
export function geometryBounds(g: Geometry | null): Bounds | null {
  if (!g) return null;
  const pts: Position[] = [];
  collect(g, pts);
  if (!pts.length) return null;
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of pts) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

export type CameraTarget =
  | { type: 'point'; center: [number, number]; zoom: number }
  | { type: 'bounds'; bounds: Bounds };

/** Points fly to a centre; lines and polygons fit their bounds. */
export function cameraTarget(g: Geometry | null, pointZoom = 7.5): CameraTarget | null {
  const b = geometryBounds(g);
  if (!b) return null;
  if (g!.type === 'Point' || (b[0] === b[2] && b[1] === b[3])) {
    return { type: 'point', center: [b[0], b[1]], zoom: pointZoom };
  }
  return { type: 'bounds', bounds: b };
}
