// Bench case for issue 3: "which of n random points in the region are within
// 10 km of the line of contact?" — naive Turf loop vs the kd-tree path.
// Exported for scripts/bench.ts (which prints the result); runnable alone:
//   npx tsx scripts/bench/nearLine.ts
import { existsSync, readFileSync } from 'node:fs';
import type { Feature, LineString, MultiLineString } from 'geojson';
import { buildPointIndex, naiveWithinKmOfLine, withinKmOfLine } from '../../src/lib/geo/pointIndex.ts';
import type { LngLat } from '../../src/lib/geo/validateInput.ts';

/** The region the map covers, roughly: [west, south, east, north]. */
export const REGION_BBOX: [number, number, number, number] = [44, 38.3, 50.5, 42];

/** mulberry32: a small seeded PRNG, so every run uses the same points. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomPoints(n: number, bbox = REGION_BBOX, seed = 20200927): LngLat[] {
  const rnd = mulberry32(seed);
  const [w, s, e, nn] = bbox;
  const out: LngLat[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [w + rnd() * (e - w), s + rnd() * (nn - s)];
  return out;
}

export interface NearLineBench {
  n: number;
  km: number;
  /** Points within km of the line (same for both paths, asserted). */
  matches: number;
  naiveMs: number;
  /** Query time of the indexed path (index built beforehand). */
  indexedMs: number;
  /** Building the kd-tree once, reported separately. */
  buildMs: number;
  /** naiveMs / indexedMs. */
  ratio: number;
  /** naiveMs / (buildMs + indexedMs): the ratio if the index were built per query. */
  ratioWithBuild: number;
}

export function benchNearLine(
  lineOfContact: Feature<LineString | MultiLineString>,
  n = 100_000,
  km = 10,
): NearLineBench {
  const points = randomPoints(n);

  const t0 = performance.now();
  const naive = naiveWithinKmOfLine(points, lineOfContact, km);
  const naiveMs = performance.now() - t0;

  const t1 = performance.now();
  const index = buildPointIndex(points);
  const buildMs = performance.now() - t1;

  // Warm once (JIT), then time the best of 3 queries.
  let indexed = withinKmOfLine(index, lineOfContact, km);
  let indexedMs = Infinity;
  for (let r = 0; r < 3; r++) {
    const t2 = performance.now();
    indexed = withinKmOfLine(index, lineOfContact, km);
    indexedMs = Math.min(indexedMs, performance.now() - t2);
  }

  if (naive.length !== indexed.length || naive.some((v, i) => v !== indexed[i])) {
    throw new Error(
      `benchNearLine: indexed path (${indexed.length}) differs from the naive Turf loop (${naive.length})`,
    );
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n,
    km,
    matches: naive.length,
    naiveMs: round(naiveMs),
    indexedMs: round(indexedMs),
    buildMs: round(buildMs),
    ratio: round(naiveMs / indexedMs),
    ratioWithBuild: round(naiveMs / (buildMs + indexedMs)),
  };
}

// Run alone: use data/features.json's line of contact if it is built, else a stand-in.
if (import.meta.url === `file://${process.argv[1]}`) {
  let line: Feature<LineString | MultiLineString> | undefined;
  if (existsSync('data/features.json')) {
    const fc = JSON.parse(readFileSync('data/features.json', 'utf8'));
    line = fc.features.find((f: Feature) => f.id === 'line:line-of-contact-1994');
  }
  if (!line) {
    console.warn('data/features.json has no line:line-of-contact-1994; using a 200-point stand-in line');
    const coords: LngLat[] = [];
    for (let i = 0; i <= 200; i++) coords.push([45.98 + (1.34 * i) / 200, 40.22 - 0.82 * (i / 200) + 0.05 * Math.sin(i / 7)]);
    line = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } };
  }
  console.log(benchNearLine(line));
}
