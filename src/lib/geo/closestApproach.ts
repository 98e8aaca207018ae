// Closest approach between two lines (e.g. a pipeline and the line of contact):
// the least great-circle distance and the two points where it occurs.
// Pure TypeScript. For polylines that do not cross, the minimum distance always
// has an end at a vertex of one of them, so checking every vertex of each line
// against the other line is exact.
import type { Position } from 'geojson';
import { greatCircleKm, lineParts, nearestPointOnLineKm, type LineLike } from './distance.ts';
import { geometryDistanceKm } from './within.ts';
import type { LngLat } from './validateInput.ts';

export interface ClosestApproach {
  km: number;
  /** Point on the first line. */
  a: LngLat;
  /** Point on the second line. */
  b: LngLat;
  /** True if the lines touch or cross (km is then 0). */
  crosses: boolean;
}

function vertices(line: LineLike): Position[] {
  return lineParts(line).flat();
}

function asGeometry(line: LineLike) {
  return { type: 'MultiLineString' as const, coordinates: lineParts(line) };
}

export function closestApproach(lineA: LineLike, lineB: LineLike): ClosestApproach {
  let best: ClosestApproach = { km: Infinity, a: [0, 0], b: [0, 0], crosses: false };
  for (const v of vertices(lineA)) {
    const hit = nearestPointOnLineKm(v, lineB);
    const km = greatCircleKm(v, hit.point);
    if (km < best.km) best = { km, a: [v[0], v[1]], b: hit.point, crosses: false };
  }
  for (const w of vertices(lineB)) {
    const hit = nearestPointOnLineKm(w, lineA);
    const km = greatCircleKm(w, hit.point);
    if (km < best.km) best = { km, a: hit.point, b: [w[0], w[1]], crosses: false };
  }
  if (geometryDistanceKm(asGeometry(lineA), asGeometry(lineB)) === 0) best = { ...best, km: 0, crosses: true };
  return best;
}
