// Paint and data for the analyst-tool overlay layers (issue 3), registered in
// layers.ts (ids, order, sources). Pure TypeScript: no maplibre-gl runtime, no DOM.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AnalysisData, SitFeature } from '../domain/types';
import { greatCirclePath, interpolateGreatCircle, type PathMeasure } from '../geo/measure';
import type { LngLat } from '../geo/validateInput';
import { formatDistance, type DistanceUnit } from '../geo/units';

export const ANALYST_COLORS = {
  band: '#8b2500',
  bandZone: '#e6550d',
  within: '#ff00aa',
  inspect: '#0057b8',
  measure: '#111111',
  pipeline: '#2b6e5e',
} as const;

/** Paint/layout of the overlay layers and the pipelines layer; null for other ids. */
export function analystPaint(id: string): { paint?: object; layout?: object } | null {
  switch (id) {
    case 'bands-fill':
      return {
        paint: {
          'fill-color': ['match', ['get', 'targetId'], 'incident:cross-border-fire', ANALYST_COLORS.bandZone, ANALYST_COLORS.band],
          'fill-opacity': 0.07,
        },
      };
    case 'bands-outline':
      return {
        paint: {
          'line-color': ['match', ['get', 'targetId'], 'incident:cross-border-fire', ANALYST_COLORS.bandZone, ANALYST_COLORS.band],
          'line-width': 1,
          'line-opacity': 0.7,
          'line-dasharray': [4, 2],
        },
      };
    case 'bands-labels':
      return {
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 350,
          'text-field': ['concat', ['to-string', ['get', 'km']], ' km'],
          'text-size': 10.5,
          'text-max-angle': 35,
        },
        paint: {
          'text-color': ['match', ['get', 'targetId'], 'incident:cross-border-fire', ANALYST_COLORS.bandZone, ANALYST_COLORS.band],
          'text-halo-color': '#ffffff',
          'text-halo-width': 1.5,
        },
      };
    case 'line-pipelines':
      return {
        paint: {
          'line-color': ANALYST_COLORS.pipeline,
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 5, ['boolean', ['feature-state', 'hover'], false], 4, 3],
          'line-dasharray': [3, 1.5],
          'line-opacity': 0.85,
        },
      };
    case 'within-fill':
      return { paint: { 'fill-color': ANALYST_COLORS.within, 'fill-opacity': 0.12 } };
    case 'within-line':
      return { paint: { 'line-color': ANALYST_COLORS.within, 'line-width': 3, 'line-opacity': 0.8 } };
    case 'within-points':
      return {
        paint: {
          'circle-radius': 11,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': ANALYST_COLORS.within,
          'circle-stroke-width': 3,
        },
      };
    case 'inspect-connector':
      return { paint: { 'line-color': ANALYST_COLORS.inspect, 'line-width': 1.5, 'line-dasharray': [2, 2] } };
    case 'inspect-point':
      return {
        paint: {
          'circle-radius': 7,
          'circle-color': '#ffffff',
          'circle-stroke-color': ANALYST_COLORS.inspect,
          'circle-stroke-width': 3,
        },
      };
    case 'measure-path':
      return { layout: { 'line-join': 'round' }, paint: { 'line-color': ANALYST_COLORS.measure, 'line-width': 2.5 } };
    case 'measure-points':
      return {
        paint: {
          'circle-radius': 6,
          'circle-color': '#ffffff',
          'circle-stroke-color': ANALYST_COLORS.measure,
          'circle-stroke-width': 2.5,
        },
      };
    case 'measure-labels':
      // Segment lengths sit just above the path's midpoints; the total above the last point, larger.
      return {
        layout: {
          'text-field': ['get', 'label'],
          'text-size': ['match', ['get', 'role'], 'total', 13, 11.5],
          'text-offset': ['match', ['get', 'role'], 'total', ['literal', [0, -1.2]], ['literal', [0, -0.4]]],
          'text-anchor': 'bottom',
          // A measured value is never hidden by collision; town labels give way to it.
          'text-allow-overlap': true,
        },
        paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
      };
    default:
      return null;
  }
}

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The bands to draw: those whose ids are on. */
export function bandsData(analysis: AnalysisData | undefined, on: ReadonlySet<string>): FeatureCollection {
  if (!analysis) return EMPTY;
  return { type: 'FeatureCollection', features: analysis.bands.features.filter((f) => on.has(f.id)) };
}

/** Copies of the matched features' geometries for the highlight layers. */
export function withinData(features: readonly SitFeature[], ids: readonly string[]): FeatureCollection {
  const set = new Set(ids);
  return {
    type: 'FeatureCollection',
    features: features
      .filter((f) => set.has(f.id) && f.geometry)
      .map((f) => ({ type: 'Feature', id: f.id, properties: { id: f.id, name: f.properties.name }, geometry: f.geometry })),
  };
}

/** The inspected point and a connector to the nearest point of the line of contact. */
export function inspectData(point: LngLat | null, nearestOnLine: LngLat | null): FeatureCollection {
  if (!point) return EMPTY;
  const features: Feature<Geometry>[] = [{ type: 'Feature', properties: { id: 'inspect:point' }, geometry: { type: 'Point', coordinates: point } }];
  if (nearestOnLine)
    features.push({
      type: 'Feature',
      properties: { id: 'inspect:connector' },
      geometry: greatCirclePath([point, nearestOnLine], 5),
    });
  return { type: 'FeatureCollection', features };
}

/**
 * The measured path as a densified great circle, its points (ids
 * 'measure:point:<i>', with index), and labels ('measure:label:*'): each
 * segment's length at its great-circle midpoint (when there are two or more
 * segments; one segment is the total) and the total at the last point.
 */
export function measureData(
  points: readonly LngLat[],
  measure: Pick<PathMeasure, 'segmentsKm' | 'totalKm'> | null,
  unit: DistanceUnit,
): FeatureCollection {
  if (points.length === 0) return EMPTY;
  const features: Feature<Geometry>[] = [];
  if (points.length > 1) features.push({ type: 'Feature', properties: { id: 'measure:path' }, geometry: greatCirclePath(points, 25) });
  points.forEach((p, i) => {
    features.push({
      type: 'Feature',
      properties: { id: `measure:point:${i}`, index: i },
      geometry: { type: 'Point', coordinates: p },
    });
  });
  const segs = measure?.segmentsKm ?? [];
  if (segs.length > 1)
    segs.forEach((km, i) => {
      features.push({
        type: 'Feature',
        properties: { id: `measure:label:segment:${i}`, label: formatDistance(km, unit), role: 'segment' },
        geometry: { type: 'Point', coordinates: interpolateGreatCircle(points[i], points[i + 1], 0.5) },
      });
    });
  if (points.length > 1 && measure)
    features.push({
      type: 'Feature',
      properties: {
        id: 'measure:label:total',
        label: segs.length > 1 ? `total ${formatDistance(measure.totalKm, unit)}` : formatDistance(measure.totalKm, unit),
        role: 'total',
      },
      geometry: { type: 'Point', coordinates: points[points.length - 1] },
    });
  return { type: 'FeatureCollection', features };
}

export interface BandLegendEntry {
  targetId: string;
  /** 'Distance bands around the line of contact: 10, 25 km'. */
  label: string;
  /** The distances drawn, ascending. */
  kms: number[];
  color: string;
}

const BAND_TARGET_NAMES: Record<string, string> = {
  'line:line-of-contact-1994': 'the line of contact',
  'incident:cross-border-fire': 'the cross-border-fire zone',
};

/** One legend entry per band target with at least one band drawn, in data order. */
export function bandLegendEntries(analysis: AnalysisData | undefined, on: ReadonlySet<string>): BandLegendEntry[] {
  const byTarget = new Map<string, number[]>();
  for (const f of analysis?.bands.features ?? []) {
    if (!on.has(f.id)) continue;
    const t = f.properties.targetId;
    byTarget.set(t, [...(byTarget.get(t) ?? []), f.properties.km]);
  }
  return [...byTarget].map(([targetId, kms]) => {
    const sorted = [...kms].sort((a, b) => a - b);
    return {
      targetId,
      kms: sorted,
      label: `Distance bands around ${BAND_TARGET_NAMES[targetId] ?? targetId}: ${sorted.join(', ')} km`,
      color: targetId === 'incident:cross-border-fire' ? ANALYST_COLORS.bandZone : ANALYST_COLORS.band,
    };
  });
}
