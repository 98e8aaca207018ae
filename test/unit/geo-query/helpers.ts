// Independent reference formulas for the geo-query tests (not using Turf).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const R = 6371.0088;
const rad = Math.PI / 180;

/** Haversine great-circle distance, km. */
export function haversineKm(a: number[], b: number[]): number {
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/** Vincenty inverse on WGS84, km (ellipsoidal: differs from the sphere by up to ~0.5%). */
export function vincentyKm(p1: number[], p2: number[]): number {
  const a = 6378137, f = 1 / 298.257223563, b = (1 - f) * a;
  const L = (p2[0] - p1[0]) * rad;
  const U1 = Math.atan((1 - f) * Math.tan(p1[1] * rad));
  const U2 = Math.atan((1 - f) * Math.tan(p2[1] * rad));
  const sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
  let lambda = L, iter = 0, sinSigma = 0, cosSigma = 0, sigma = 0, cos2Alpha = 0, cos2SigmaM = 0, lambdaP;
  do {
    const sinL = Math.sin(lambda), cosL = Math.cos(lambda);
    sinSigma = Math.sqrt((cosU2 * sinL) ** 2 + (cosU1 * sinU2 - sinU1 * cosU2 * cosL) ** 2);
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
    cos2Alpha = 1 - sinAlpha ** 2;
    cos2SigmaM = cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    lambdaP = lambda;
    lambda = L + (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)));
  } while (Math.abs(lambda - lambdaP) > 1e-12 && ++iter < 200);
  const uSq = (cos2Alpha * (a * a - b * b)) / (b * b);
  const A = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const B = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  const dSigma = B * sinSigma * (cos2SigmaM + (B / 4) * (cosSigma * (-1 + 2 * cos2SigmaM ** 2) - (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)));
  return (b * A * (sigma - dSigma)) / 1000;
}

/** Point at fraction t along the great circle a→b (own slerp). */
export function slerp(a: number[], b: number[], t: number): number[] {
  const v = (p: number[]) => [Math.cos(p[1] * rad) * Math.cos(p[0] * rad), Math.cos(p[1] * rad) * Math.sin(p[0] * rad), Math.sin(p[1] * rad)];
  const A = v(a), B = v(b);
  const w = Math.acos(Math.min(1, A[0] * B[0] + A[1] * B[1] + A[2] * B[2]));
  if (w === 0) return a;
  const ka = Math.sin((1 - t) * w) / Math.sin(w), kb = Math.sin(t * w) / Math.sin(w);
  const x = ka * A[0] + kb * B[0], y = ka * A[1] + kb * B[1], z = ka * A[2] + kb * B[2];
  return [Math.atan2(y, x) / rad, Math.atan2(z, Math.hypot(x, y)) / rad];
}

/** Brute-force distance from p to a polyline: sample each great-circle segment densely. */
export function bruteLineKm(p: number[], line: number[][], samplesPerSegment = 2000): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    for (let k = 0; k <= samplesPerSegment; k++) best = Math.min(best, haversineKm(p, slerp(line[i - 1], line[i], k / samplesPerSegment)));
  }
  return best;
}


export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/geo-query/${name}`, import.meta.url)), 'utf8'));
}

export const BAKU = [49.8671, 40.4093];
export const YEREVAN = [44.5126, 40.1811];
export const PARIS = [2.3488, 48.8534];

/** The bench's seeded PRNG: the tests draw the same kind of reproducible points. */
export { mulberry32 } from '../../../scripts/bench/nearLine.ts';
