// Stitching line segments (as Natural Earth ships boundaries: many small
// LineStrings, some repeating others) into continuous lines and rings.
// Pure TypeScript: data in, data out. Deterministic for a given input order.
import { distance, point, pointToLineDistance, lineString } from '@turf/turf';
import type { LineString, Polygon, Position } from 'geojson';

export interface StitchOptions {
  /** Endpoints closer than this (km) are joined. Default 0.5 km. */
  toleranceKm?: number;
}

function km(a: Position, b: Position): number {
  return distance(point(a), point(b), { units: 'kilometers' });
}

function samePos(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Segment length in km (sum of great-circle legs). */
function lengthKm(seg: Position[]): number {
  let s = 0;
  for (let i = 1; i < seg.length; i++) s += km(seg[i - 1], seg[i]);
  return s;
}

/**
 * Drops segments that repeat others: a segment is a repeat when every one of its
 * vertices lies within `toleranceKm` of a segment already kept. Longer segments
 * are considered first, so a short piece that retraces a long one is dropped.
 * Returns the kept segments in their original input order.
 */
export function dedupeSegments(segments: Position[][], toleranceKm = 0.05): Position[][] {
  const order = segments
    .map((seg, i) => ({ seg, i, len: lengthKm(seg) }))
    .filter((s) => s.seg.length >= 2)
    .sort((a, b) => b.len - a.len || a.i - b.i);
  const kept: { seg: Position[]; i: number }[] = [];
  for (const cand of order) {
    const covered = cand.seg.every((p) =>
      kept.some((k) => pointToLineDistance(point(p), lineString(k.seg), { units: 'kilometers' }) <= toleranceKm),
    );
    if (!covered) kept.push(cand);
  }
  return kept.sort((a, b) => a.i - b.i).map((k) => k.seg);
}

/**
 * Chains segments end to end (reversing them where needed) into as few lines as
 * possible. Starts from the first segment and grows the chain at both ends,
 * always taking the unused segment whose endpoint is nearest (within tolerance).
 * Where two joined endpoints are not identical, both vertices are kept (the gap
 * is bridged by a straight edge). Returns one Position[] per resulting line.
 */
export function stitchSegments(segments: Position[][], opts: StitchOptions = {}): Position[][] {
  const tol = opts.toleranceKm ?? 0.5;
  const unused = segments.filter((s) => s.length >= 2).map((s) => s.slice());
  const lines: Position[][] = [];
  while (unused.length > 0) {
    let chain = unused.shift()!;
    for (;;) {
      // Best candidate at either end of the chain.
      let best: { idx: number; atHead: boolean; reverse: boolean; d: number } | null = null;
      const head = chain[0];
      const tail = chain[chain.length - 1];
      unused.forEach((seg, idx) => {
        const s = seg[0];
        const e = seg[seg.length - 1];
        const options: [number, boolean, boolean][] = [
          [km(tail, s), false, false],
          [km(tail, e), false, true],
          [km(head, e), true, false],
          [km(head, s), true, true],
        ];
        for (const [d, atHead, reverse] of options) {
          if (d <= tol && (best === null || d < best.d)) best = { idx, atHead, reverse, d };
        }
      });
      if (best === null) break;
      const b = best as { idx: number; atHead: boolean; reverse: boolean };
      let seg = unused.splice(b.idx, 1)[0];
      if (b.reverse) seg = seg.slice().reverse();
      if (b.atHead) {
        chain = samePos(seg[seg.length - 1], chain[0]) ? [...seg.slice(0, -1), ...chain] : [...seg, ...chain];
      } else {
        chain = samePos(chain[chain.length - 1], seg[0]) ? [...chain, ...seg.slice(1)] : [...chain, ...seg];
      }
    }
    lines.push(chain);
  }
  return lines;
}

/**
 * Stitches segments into exactly one line; throws if they do not form one.
 * If `start` is given, the line is oriented to begin at the end nearest to it.
 */
export function stitchToLine(segments: Position[][], opts: StitchOptions & { start?: Position } = {}): LineString {
  const lines = stitchSegments(segments, opts);
  if (lines.length !== 1) {
    throw new Error(`stitchToLine: segments form ${lines.length} separate lines, expected 1`);
  }
  let coords = lines[0];
  if (opts.start && km(opts.start, coords[coords.length - 1]) < km(opts.start, coords[0])) {
    coords = coords.slice().reverse();
  }
  return { type: 'LineString', coordinates: coords };
}

/**
 * Stitches segments into one closed ring and returns it as a Polygon. Throws if
 * the segments do not form a single line whose ends meet within tolerance.
 */
export function stitchToPolygon(segments: Position[][], opts: StitchOptions = {}): Polygon {
  const tol = opts.toleranceKm ?? 0.5;
  const lines = stitchSegments(segments, opts);
  if (lines.length !== 1) {
    throw new Error(`stitchToPolygon: segments form ${lines.length} separate lines, expected 1 ring`);
  }
  const ring = lines[0].slice();
  const first = ring[0];
  const last = ring[ring.length - 1];
  const gap = km(first, last);
  if (gap > tol) throw new Error(`stitchToPolygon: ring does not close (gap ${gap.toFixed(3)} km)`);
  if (!samePos(first, last)) ring.push([first[0], first[1]]);
  if (ring.length < 4) throw new Error('stitchToPolygon: ring has fewer than 4 positions');
  return { type: 'Polygon', coordinates: [ring] };
}
