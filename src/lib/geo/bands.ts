// Distance bands (buffers) around a line or zone, computed with turf.buffer.
// BUILD TIME ONLY: scripts/ call this and write the polygons into data/; the
// browser must not import this module (turf.buffer pulls in JSTS).
import { buffer, difference, featureCollection, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { SitProperties } from '../domain/types.ts';
import { assertKm, GeoInputError } from './validateInput.ts';

export interface BandProperties extends SitProperties {
  /** Outer distance of the band, km. */
  km: number;
  /** Inner distance (rings only; 0 for a full buffer). */
  innerKm: number;
  /** Id of the feature the band surrounds. */
  targetId: string;
}

export type BandFeature = Feature<Polygon | MultiPolygon, BandProperties> & { id: string };

export interface BandOptions {
  /** The middle part of the ids: 'band:<key>:10km'. Default: the target id without its 'kind:' prefix and a trailing '-YYYY' year. */
  key?: string;
  /** Display name of the target, e.g. 'the line of contact'. Default: its properties.name. */
  targetName?: string;
  /** true: annuli (5–10 km, 10–25 km, …); false (default): full buffers (0–10 km contains 0–5 km). */
  rings?: boolean;
  /** turf.buffer steps per quarter circle (default 16). */
  steps?: number;
  /** Coordinate decimals in the output (default 5, about 1 m): smaller files, stable bytes. */
  precision?: number;
}

/** 'line:line-of-contact-1994' → 'line-of-contact'; 'zone:cross-border-fire' → 'cross-border-fire'. */
export function bandKey(featureId: string): string {
  return featureId.replace(/^[a-z]+:/, '').replace(/-\d{4}(-\d{4})?$/, '');
}

export function bandId(key: string, km: number): string {
  return `band:${key}:${km}km`;
}

type Target = Feature<Geometry, Partial<SitProperties> | null> & { id?: string | number };

/**
 * Buffers of `kms` (ascending, distinct, > 0) around the target feature, ids
 * 'band:<key>:<km>km'. Largest first in the collection, so drawn in order the
 * narrower bands sit on top. Properties follow the data contract, plus km,
 * innerKm and targetId.
 */
export function distanceBands(
  target: Target,
  kms: readonly number[] = [5, 10, 25, 50],
  opts: BandOptions = {},
): FeatureCollection<Polygon | MultiPolygon, BandProperties> & { features: BandFeature[] } {
  if (!target?.geometry) throw new GeoInputError('distanceBands: the target has no geometry');
  const targetId = String(target.id ?? target.properties?.id ?? '');
  if (!targetId && !opts.key) throw new GeoInputError('distanceBands: the target has no id (give opts.key)');
  const key = opts.key ?? bandKey(targetId);
  const targetName = opts.targetName ?? target.properties?.name ?? key;
  const sorted = [...kms].map((k) => assertKm(k, 'band distance')).sort((a, b) => a - b);
  sorted.forEach((k, i) => {
    if (k <= 0) throw new GeoInputError(`band distance must be > 0 km, got ${k}`);
    if (i > 0 && sorted[i - 1] === k) throw new GeoInputError(`band distance ${k} km given twice`);
  });
  const steps = opts.steps ?? 16;
  const decimals = opts.precision ?? 5;
  const srcNote = target.properties?.source ? ` of ${target.properties.source}` : '';
  const full = sorted.map((km) => {
    const b = buffer(target as Feature<Geometry>, km, { units: 'kilometers', steps });
    if (!b) throw new Error(`turf.buffer returned nothing for ${targetId} at ${km} km`);
    return b as Feature<Polygon | MultiPolygon>;
  });
  const features: BandFeature[] = sorted.map((km, i) => {
    const innerKm = opts.rings && i > 0 ? sorted[i - 1] : 0;
    let geom: Polygon | MultiPolygon = full[i].geometry;
    if (opts.rings && i > 0) {
      const d = difference(featureCollection([full[i], full[i - 1]]));
      if (!d) throw new Error(`turf.difference left nothing for the ${innerKm}–${km} km band`);
      geom = d.geometry as Polygon | MultiPolygon;
    }
    geom = truncate({ type: 'Feature', properties: {}, geometry: geom }, { precision: decimals, coordinates: 2 })
      .geometry as Polygon | MultiPolygon;
    const id = bandId(key, km);
    const name = innerKm ? `${innerKm}–${km} km from ${targetName}` : `Within ${km} km of ${targetName}`;
    return {
      type: 'Feature',
      id,
      properties: {
        id,
        name,
        kind: 'region',
        category: 'reference',
        actors: [],
        source: `Computed with turf.buffer (${km} km, great-circle)${srcNote}`,
        license: target.properties?.license ?? 'Public domain',
        precision: 'approximate',
        precisionNote: `A ${km} km buffer around ${targetName}: it inherits the positional error of that geometry${
          target.properties?.precisionNote ? ` (${target.properties.precisionNote})` : ''
        }`,
        approximate: true,
        mentioned: false,
        km,
        innerKm,
        targetId: targetId || key,
      },
      geometry: geom,
    };
  });
  features.reverse();
  return { type: 'FeatureCollection', features };
}
