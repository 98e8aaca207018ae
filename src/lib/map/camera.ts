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

/** A camera move: fly to a centre at a zoom, or fit bounds no closer than maxZoom. */
export type CameraMove =
  | { type: 'point'; center: [number, number]; zoom: number }
  | { type: 'bounds'; bounds: Bounds; maxZoom: number };

/** Kiosk zooms: a town fills the screen with its surroundings; lines and areas no closer than this. */
export const KIOSK_POINT_ZOOM = 8;
export const KIOSK_MAX_FIT_ZOOM = 9;
/** Zoom cap when a far-away feature is framed together with the region. */
export const KIOSK_FAR_MAX_ZOOM = 6;

const intersects = (a: Bounds, b: Bounds): boolean => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
const union = (a: Bounds, b: Bounds): Bounds => [
  Math.min(a[0], b[0]),
  Math.min(a[1], b[1]),
  Math.max(a[2], b[2]),
  Math.max(a[3], b[3]),
];

/**
 * Where the kiosk tour frames a feature, whatever the camera did before (no
 * dependence on the current zoom, so a long tour never drifts):
 * - a point in the region: centred at KIOSK_POINT_ZOOM;
 * - anything outside the region (an actor in Paris or New York): framed
 *   together with the region, so the viewer sees where it is from here;
 * - lines, areas and multi-points in the region: their bounds, no closer than
 *   KIOSK_MAX_FIT_ZOOM.
 */
export function kioskCamera(g: Geometry | null, region: Bounds): CameraMove | null {
  const b = geometryBounds(g);
  if (!b) return null;
  if (!intersects(b, region)) return { type: 'bounds', bounds: union(b, region), maxZoom: KIOSK_FAR_MAX_ZOOM };
  if (b[0] === b[2] && b[1] === b[3]) return { type: 'point', center: [b[0], b[1]], zoom: KIOSK_POINT_ZOOM };
  return { type: 'bounds', bounds: b, maxZoom: KIOSK_MAX_FIT_ZOOM };
}
