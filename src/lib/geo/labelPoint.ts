// Where to put one label for an area: the pole of inaccessibility of its largest
// part (the inside point farthest from any edge), as in Mapbox's polylabel
// (ISC licence), re-implemented here without a priority-queue dependency.
// Pure TypeScript. Distances use longitude scaled by cos(latitude), so the
// point is central on the map, not in raw degrees.
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];

/** Signed planar area of a ring in (scaled) degrees² (positive = counter-clockwise). */
function ringArea(ring: Ring, kx: number): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j][0] * kx) * ring[i][1] - (ring[i][0] * kx) * ring[j][1];
  }
  return a / 2;
}

/** The part with the largest outer ring (holes ignored for the choice). */
export function largestPart(g: Polygon | MultiPolygon): Position[][] {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: Position[][] | null = null;
  let bestArea = -1;
  for (const p of parts) {
    if (!p[0] || p[0].length < 4) continue;
    const a = Math.abs(ringArea(p[0], 1));
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  if (!best) throw new Error('largestPart: no polygon ring with at least 4 positions');
  return best;
}

function segDist2(px: number, py: number, a: Position, b: Position): number {
  let x = a[0];
  let y = a[1];
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance from a point to the polygon's edges: positive inside, negative outside. */
function signedDist(x: number, y: number, rings: Position[][]): number {
  let inside = false;
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      min = Math.min(min, segDist2(x, y, a, b));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

interface Cell {
  x: number;
  y: number;
  h: number;
  d: number;
  max: number;
}

function cell(x: number, y: number, h: number, rings: Position[][]): Cell {
  const d = signedDist(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/**
 * The pole of inaccessibility of the largest part of a polygon, to within
 * `precision` degrees of latitude. Deterministic. Returns [lon, lat].
 */
export function labelPoint(g: Polygon | MultiPolygon, precision = 0.01): Position {
  const part = largestPart(g);
  const outer = part[0];
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of outer) {
    minY = Math.min(minY, p[1]);
    maxY = Math.max(maxY, p[1]);
  }
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  // Work in a plane where one unit is about the same distance both ways.
  const rings = part.map((r) => r.map((p) => [p[0] * kx, p[1]] as Position));
  let minX = Infinity;
  let maxX = -Infinity;
  for (const p of rings[0]) {
    minX = Math.min(minX, p[0]);
    maxX = Math.max(maxX, p[0]);
  }
  const w = maxX - minX;
  const hgt = maxY - minY;
  const size = Math.min(w, hgt);
  if (size === 0) return [minX / kx, minY];

  const queue: Cell[] = [];
  const h0 = size / 2;
  for (let x = minX; x < maxX; x += size) {
    for (let y = minY; y < maxY; y += size) queue.push(cell(x + h0, y + h0, h0, rings));
  }
  // Start from the area-weighted centroid of the outer ring, or the bbox centre.
  let best = cell(minX + w / 2, minY + hgt / 2, 0, rings);
  const c = centroid(rings[0]);
  if (c) {
    const cc = cell(c[0], c[1], 0, rings);
    if (cc.d > best.d) best = cc;
  }
  while (queue.length) {
    // Take the most promising cell (largest possible distance); ties keep insertion order.
    let k = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[k].max) k = i;
    const cur = queue.splice(k, 1)[0];
    if (cur.d > best.d) best = cur;
    if (cur.max - best.d <= precision) continue;
    const h = cur.h / 2;
    queue.push(
      cell(cur.x - h, cur.y - h, h, rings),
      cell(cur.x + h, cur.y - h, h, rings),
      cell(cur.x - h, cur.y + h, h, rings),
      cell(cur.x + h, cur.y + h, h, rings),
    );
  }
  return [best.x / kx, best.y];
}

function centroid(ring: Ring): Position | null {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    const f = a[0] * b[1] - b[0] * a[1];
    x += (a[0] + b[0]) * f;
    y += (a[1] + b[1]) * f;
    area += f * 3;
  }
  return area === 0 ? null : [x / area, y / area];
}
