// Distance units and formatting for the analyst panels. Pure, deterministic
// (no Intl/locale dependence: same string in Node and every browser).

export const KM_PER_MILE = 1.609344;

export type DistanceUnit = 'km' | 'mi';

export function kmToMiles(km: number): number {
  return km / KM_PER_MILE;
}

export function milesToKm(miles: number): number {
  return miles * KM_PER_MILE;
}

/** Groups thousands with commas: 2476.3 → '2,476.3'. */
function group(fixed: string): string {
  const neg = fixed.startsWith('-');
  const body = neg ? fixed.slice(1) : fixed;
  const [int, frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}

/**
 * A number with sensible precision for a distance: one decimal under 100, none above.
 * 0.04 → '0.0', 9.26 → '9.3', 123.4 → '123', 2476.3 → '2,476'.
 */
export function formatNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return '–';
  const d = decimals ?? (Math.abs(value) < 100 ? 1 : 0);
  let s = value.toFixed(d);
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return group(s);
}

/** '12.3 km', '7.6 mi'. */
export function formatDistance(km: number, unit: DistanceUnit = 'km', decimals?: number): string {
  const v = unit === 'km' ? km : kmToMiles(km);
  return `${formatNumber(v, decimals)} ${unit}`;
}

/** Both units, km first: '12.3 km (7.6 mi)'. */
export function formatKmAndMiles(km: number, decimals?: number): string {
  return `${formatDistance(km, 'km', decimals)} (${formatDistance(km, 'mi', decimals)})`;
}
