// The reported cross-border fire as an uncertain zone, never a pin.
//
// The report: both sides "reported firing from the other side across their
// shared border, well to the west of the breakaway Nagorno-Karabakh region".
// It names no place, so the zone is derived from the border itself:
//
// Rule (candidate segments). Keep the parts of the Armenia–Azerbaijan border
//  1. that face Azerbaijani-held territory: the caller passes the border of
//     Armenia with *mainland* Azerbaijan, and every vertex must lie at least
//     `minDistanceFromHeldKm` from the area held by ethnic Armenian forces
//     (there the border faced NK-held land, not Azerbaijani positions);
//  2. that lie west of the region: every vertex lies at least `westMarginKm`
//     west of the westernmost point of the NKAO 1991 boundary.
//  Runs of consecutive qualifying vertices (two or more) become segments.
// Zone: the segments buffered by `bufferKm` (default 6 km); with
// minDistanceFromHeldKm > bufferKm the zone never touches the held area.
import { buffer, destination, point, pointToLineDistance, booleanPointInPolygon, lineString } from '@turf/turf';
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export interface CrossBorderRule {
  /** Area held by ethnic Armenian forces 1994–2020. */
  heldArea: Polygon | MultiPolygon;
  /** Border vertices closer than this to the held area are dropped. */
  minDistanceFromHeldKm: number;
  /** The region the fire is "well to the west of" (NKAO 1991). */
  region: Polygon | MultiPolygon;
  /** How far west of the region's westernmost point every vertex must be. */
  westMarginKm: number;
}

function outerRings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Longitude `marginKm` west of the westernmost vertex of `region`. */
export function westCutoffLon(region: Polygon | MultiPolygon, marginKm: number): number {
  let west: Position = [Infinity, 0];
  for (const r of outerRings(region)) for (const p of r) if (p[0] < west[0]) west = p;
  if (marginKm <= 0) return west[0];
  return destination(point(west), marginKm, -90, { units: 'kilometers' }).geometry.coordinates[0];
}

/** Distance (km) from `p` to the polygon; 0 inside. */
function kmToPolygon(p: Position, poly: Polygon | MultiPolygon): number {
  if (booleanPointInPolygon(point(p), poly)) return 0;
  let best = Infinity;
  for (const r of outerRings(poly)) {
    best = Math.min(best, pointToLineDistance(point(p), lineString(r), { units: 'kilometers' }));
  }
  return best;
}

/** Candidate border segments for the cross-border fire (see the rule above). */
export function crossBorderFireSegments(border: MultiLineString, rule: CrossBorderRule): MultiLineString {
  const cutoff = westCutoffLon(rule.region, rule.westMarginKm);
  const ok = (p: Position) => p[0] < cutoff && kmToPolygon(p, rule.heldArea) >= rule.minDistanceFromHeldKm;
  const out: Position[][] = [];
  for (const part of border.coordinates) {
    let run: Position[] = [];
    for (const p of part) {
      if (ok(p)) run.push(p);
      else {
        if (run.length >= 2) out.push(run);
        run = [];
      }
    }
    if (run.length >= 2) out.push(run);
  }
  return { type: 'MultiLineString', coordinates: out };
}

/** The uncertain zone: the candidate segments buffered by `bufferKm`. */
export function crossBorderFireZone(segments: MultiLineString, bufferKm = 6): Polygon | MultiPolygon {
  if (segments.coordinates.length === 0) throw new Error('crossBorderFireZone: no candidate segments');
  const z = buffer(segments, bufferKm, { units: 'kilometers', steps: 8 });
  if (!z) throw new Error('crossBorderFireZone: buffer failed');
  return z.geometry as Polygon | MultiPolygon;
}
