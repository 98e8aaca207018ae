// Input checks for the analyst geo tools (where-is-this, measure, within).
// Pure TypeScript: no DOM, no maplibre. Bad input throws GeoInputError with a
// message a person can read; callers (the UI, the page API) show it instead of crashing.

/** A WGS84 position: [longitude, latitude] in degrees. */
export type LngLat = [number, number];

/** Thrown for a coordinate, path or distance the geo tools cannot use. */
export class GeoInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeoInputError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  try {
    const s = JSON.stringify(value);
    return s === undefined ? typeof value : s.length > 60 ? s.slice(0, 60) + '…' : s;
  } catch {
    return typeof value;
  }
}

/**
 * Checks one coordinate and returns it as a fresh [lng, lat] tuple.
 * Rejects non-arrays, non-numbers, NaN/Infinity, lng outside −180..180 and lat outside −90..90.
 * `label` names the value in the message (e.g. 'point 3 of the measure path').
 */
export function assertLngLat(value: unknown, label = 'coordinate'): LngLat {
  if (!Array.isArray(value)) {
    throw new GeoInputError(`${label} must be a [longitude, latitude] pair, got ${describe(value)}`);
  }
  if (value.length < 2) {
    throw new GeoInputError(`${label} must have a longitude and a latitude, got ${describe(value)}`);
  }
  const [lng, lat] = value as unknown[];
  for (const [name, v] of [
    ['longitude', lng],
    ['latitude', lat],
  ] as const) {
    if (typeof v !== 'number') {
      throw new GeoInputError(`${label}: ${name} must be a number, got ${describe(v)}`);
    }
    if (Number.isNaN(v)) throw new GeoInputError(`${label}: ${name} is NaN`);
    if (!Number.isFinite(v)) throw new GeoInputError(`${label}: ${name} must be finite, got ${v}`);
  }
  const x = lng as number;
  const y = lat as number;
  if (x < -180 || x > 180) {
    throw new GeoInputError(`${label}: longitude ${x} is outside −180..180`);
  }
  if (y < -90 || y > 90) {
    throw new GeoInputError(`${label}: latitude ${y} is outside −90..90`);
  }
  return [x, y];
}

/** Checks a measure path: a non-empty array of coordinates. Returns fresh tuples. */
export function assertPath(value: unknown, label = 'measure path'): LngLat[] {
  if (!Array.isArray(value)) {
    throw new GeoInputError(`${label} must be an array of [longitude, latitude] points, got ${describe(value)}`);
  }
  if (value.length === 0) {
    throw new GeoInputError(`${label} is empty: add at least one point`);
  }
  return value.map((c, i) => assertLngLat(c, `${label}, point ${i + 1}`));
}

/** Checks a distance in km: a finite number ≥ 0. */
export function assertKm(value: unknown, label = 'distance'): number {
  if (typeof value !== 'number') {
    throw new GeoInputError(`${label} must be a number of km, got ${describe(value)}`);
  }
  if (Number.isNaN(value)) throw new GeoInputError(`${label} is NaN`);
  if (!Number.isFinite(value)) throw new GeoInputError(`${label} must be finite, got ${value}`);
  if (value < 0) throw new GeoInputError(`${label} must not be negative, got ${value} km`);
  return value;
}
