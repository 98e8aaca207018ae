// The boundary two polygons share (e.g. the Armenia–Azerbaijan border from the
// country polygons). Polygons decoded from one topology (world-atlas TopoJSON)
// share their border vertices exactly, so an edge is shared when both polygons
// have it (in either direction). Coordinates are compared after rounding to
// `digits` decimals so that float noise does not split the border.
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export interface SharedBorderOptions {
  /** Decimal places used to compare vertices. Default 6 (~0.1 m). */
  digits?: number;
}

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Shared edges of `a` and `b`, joined into runs, in `a`'s vertex order and
 * orientation. Returns an empty MultiLineString when they share no edge.
 */
export function sharedBorder(
  a: Polygon | MultiPolygon,
  b: Polygon | MultiPolygon,
  opts: SharedBorderOptions = {},
): MultiLineString {
  const f = 10 ** (opts.digits ?? 6);
  const key = (p: Position) => `${Math.round(p[0] * f)},${Math.round(p[1] * f)}`;
  const edges = new Set<string>();
  for (const r of rings(b)) {
    for (let i = 0; i < r.length - 1; i++) {
      const k1 = key(r[i]);
      const k2 = key(r[i + 1]);
      edges.add(`${k1}|${k2}`);
      edges.add(`${k2}|${k1}`);
    }
  }
  const out: Position[][] = [];
  for (const r of rings(a)) {
    const n = r.length - 1; // closed ring: last == first
    const shared = Array.from({ length: n }, (_, i) => edges.has(`${key(r[i])}|${key(r[i + 1])}`));
    if (shared.every(Boolean)) {
      out.push(r.slice());
      continue;
    }
    // Start walking just after a non-shared edge so runs never wrap.
    const start = shared.findIndex((s) => !s) + 1;
    let run: Position[] | null = null;
    for (let s = 0; s < n; s++) {
      const i = (start + s) % n;
      if (shared[i]) {
        if (!run) run = [r[i]];
        run.push(r[i + 1]);
      } else if (run) {
        out.push(run);
        run = null;
      }
    }
    if (run) out.push(run);
  }
  return { type: 'MultiLineString', coordinates: out };
}
