// Builds the MapLibre StyleSpecification from the loaded data and the layer
// registry. Pure: type-only imports from maplibre-gl, no DOM.
// No `glyphs` and no `sprite`: MapLibre 6 draws labels with local fonts, and
// the only pattern (hatching) is generated in code (patterns.ts). Nothing is
// fetched from outside the page origin.
import type { LayerSpecification, StyleSpecification, FilterSpecification } from 'maplibre-gl';
import type { BasemapCollection, LegendData, SitFeatureCollection } from '../domain/types';
import { COLORS, LAYERS, matchToFilter, OVERLAY_SOURCES, visibleFilter, type LayerDef } from './layers';
import { analystPaint } from './analystLayers';

export const HATCH_IMAGE = 'sitmap-hatch';

/** Initial camera: Armenia + Azerbaijan. [west, south, east, north] */
export const INITIAL_BOUNDS: [number, number, number, number] = [44.0, 38.6, 50.2, 41.6];

export const ATTRIBUTION = 'Natural Earth (public domain) · GeoNames (CC BY 4.0)';

const selected = ['boolean', ['feature-state', 'selected'], false];
const hovered = ['boolean', ['feature-state', 'hover'], false];

/** A value that changes when the feature is selected or hovered. */
function byState<T>(normal: T, hover: T, sel: T): unknown {
  return ['case', selected, sel, hovered, hover, normal];
}

function categoryColor(legend: LegendData): unknown {
  const m: unknown[] = ['match', ['get', 'category']];
  for (const c of legend.categories) m.push(c.id, c.color);
  m.push(COLORS.statement);
  return m;
}

function paintFor(l: LayerDef, legend: LegendData): { paint?: object; layout?: object; minzoom?: number } {
  switch (l.id) {
    case 'background':
      return { paint: { 'background-color': COLORS.water } };
    case 'basemap-land':
      return { paint: { 'fill-color': COLORS.landOther } };
    case 'basemap-countries-fill':
      return {
        paint: {
          'fill-color': ['match', ['get', 'iso3'], ['AZE', 'ARM'], COLORS.land, COLORS.landOther],
        },
      };
    case 'basemap-lakes':
      return { paint: { 'fill-color': COLORS.lake } };
    case 'basemap-rivers':
      return { paint: { 'line-color': COLORS.river, 'line-width': 1.2 } };
    case 'basemap-sea-labels':
      return {
        layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-max-width': 6 },
        paint: { 'text-color': '#4a6f8f', 'text-halo-color': COLORS.water, 'text-halo-width': 1 },
      };
    case 'basemap-country-labels':
      return {
        layout: {
          'text-field': ['upcase', ['get', 'name']],
          'text-size': ['match', ['get', 'iso3'], ['AZE', 'ARM'], 14, 12],
          'text-letter-spacing': 0.15,
          'text-max-width': 8,
          'text-padding': 4,
        },
        paint: { 'text-color': '#8a8173', 'text-halo-color': COLORS.land, 'text-halo-width': 1.5 },
      };
    case 'basemap-countries-outline':
      return { paint: { 'line-color': COLORS.countryOutline, 'line-width': 0.6 } };
    case 'region-held-fill':
      return {
        paint: {
          'fill-pattern': HATCH_IMAGE,
          'fill-opacity': byState(0.55, 0.75, 0.9),
        },
      };
    case 'region-nkao-outline':
      return {
        paint: {
          'line-color': byState(COLORS.nkao, COLORS.hover, COLORS.nkao),
          'line-width': byState(2, 3, 3.5),
          'line-dasharray': [3, 2],
        },
      };
    case 'region-nkao-fill':
      return { paint: { 'fill-color': COLORS.nkao, 'fill-opacity': byState(0.02, 0.1, 0.15) } };
    case 'region-other-outline':
      return {
        paint: {
          'line-color': COLORS.southCaucasus,
          'line-width': byState(0.8, 1.5, 2),
          'line-opacity': 0.6,
          'line-dasharray': [1, 3],
        },
      };
    case 'region-other-fill':
      return { paint: { 'fill-color': COLORS.southCaucasus, 'fill-opacity': byState(0, 0.06, 0.08) } };
    case 'country-fill':
      return {
        paint: {
          'fill-color': ['match', ['get', 'id'], 'country:azerbaijan', '#1f77b4', 'country:armenia', '#d62728', '#888888'],
          'fill-opacity': byState(0, 0.08, 0.12),
        },
      };
    case 'zone-cross-border-fire-fill':
      return { paint: { 'fill-color': COLORS.crossBorderFire, 'fill-opacity': byState(0.3, 0.45, 0.45) } };
    case 'zone-cross-border-fire-outline':
      return {
        paint: {
          'line-color': COLORS.crossBorderFire,
          'line-width': byState(1.5, 2.5, 3),
          'line-dasharray': [2, 2],
        },
      };
    case 'zone-incident-fill':
      return { paint: { 'fill-color': categoryColor(legend), 'fill-opacity': byState(0.2, 0.35, 0.45) } };
    case 'zone-incident-outline':
      return { paint: { 'line-color': categoryColor(legend), 'line-width': 1.5, 'line-dasharray': [2, 2] } };
    case 'line-border':
      return {
        paint: { 'line-color': byState(COLORS.border, COLORS.hover, COLORS.selected), 'line-width': byState(2, 3.5, 4) },
      };
    case 'line-of-contact':
      return {
        layout: { 'line-cap': 'butt', 'line-join': 'round' },
        paint: {
          'line-color': byState(COLORS.lineOfContact, COLORS.hover, COLORS.lineOfContact),
          'line-width': byState(3.5, 5, 6),
          'line-dasharray': [2.5, 1.2],
        },
      };
    case 'line-other':
      return { paint: { 'line-color': '#555555', 'line-width': byState(2, 3, 4), 'line-dasharray': [3, 2] } };
    case 'incident-lines':
      return {
        paint: {
          'line-color': categoryColor(legend),
          'line-opacity': byState(0.35, 0.6, 0.75),
          'line-width': byState(7, 10, 12),
          'line-dasharray': [1, 1],
        },
      };
    case 'towns-reference':
      return {
        paint: {
          'circle-radius': byState(4, 6, 7),
          'circle-color': '#ffffff',
          'circle-opacity': 0.6,
          'circle-stroke-color': byState(COLORS.referenceTown, COLORS.hover, COLORS.capital),
          'circle-stroke-width': byState(1.5, 2.5, 3),
        },
      };
    case 'towns-mentioned':
      return {
        paint: {
          'circle-radius': byState(5, 7, 8),
          'circle-color': COLORS.town,
          'circle-stroke-color': byState('#ffffff', COLORS.hover, COLORS.selected),
          'circle-stroke-width': byState(1.5, 3, 3.5),
        },
      };
    case 'incident-points':
      return {
        paint: {
          'circle-radius': byState(6, 8, 9),
          'circle-color': categoryColor(legend),
          'circle-stroke-color': byState('#ffffff', COLORS.hover, COLORS.selected),
          'circle-stroke-width': byState(1.5, 3, 3.5),
        },
      };
    case 'actor-seats':
      return {
        paint: {
          'circle-radius': byState(6, 8, 9),
          'circle-color': COLORS.actor,
          'circle-stroke-color': byState('#ffffff', COLORS.hover, COLORS.selected),
          'circle-stroke-width': byState(1.5, 3, 3.5),
        },
      };
    case 'capitals':
      return {
        paint: {
          'circle-radius': byState(7, 9, 10),
          'circle-color': COLORS.capital,
          'circle-stroke-color': byState('#ffffff', COLORS.hover, COLORS.selected),
          'circle-stroke-width': byState(2.5, 3.5, 4),
        },
      };
    case 'labels-key-lines':
      return {
        // One label beside the middle of each line piece: of the whole line zoomed out, of
        // each tile's stretch zoomed in (so the name repeats along the line, ~one per 512 px).
        layout: {
          'symbol-placement': 'line-center',
          'text-rotation-alignment': 'viewport',
          'text-max-angle': 180,
          'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
          'text-size': 11,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.6,
        },
        paint: { 'text-color': '#5a1a00', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      };
    case 'labels-lines':
      return {
        layout: {
          'symbol-placement': 'line',
          'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
          'text-size': 11,
          'text-max-angle': 30,
        },
        paint: { 'text-color': '#5a1a00', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      };
    case 'labels-areas':
      return {
        layout: {
          'text-field': ['get', 'name'],
          'text-size': ['match', ['get', 'kind'], 'country', 14, 11],
          'text-max-width': 10,
          'symbol-sort-key': ['coalesce', ['get', 'rank'], 5],
        },
        paint: { 'text-color': '#444444', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      };
    case 'labels-points':
      return {
        layout: {
          'text-field': [
            'case',
            ['to-boolean', ['get', 'mentioned']],
            ['get', 'name'],
            ['concat', ['get', 'name'], '\n(not in report)'],
          ],
          'text-size': ['match', ['get', 'kind'], 'capital', 13, 'actor', 12, 11],
          'text-offset': [0, 0.9],
          'text-anchor': 'top',
          'text-max-width': 9,
          'symbol-sort-key': ['coalesce', ['get', 'rank'], 5],
        },
        paint: {
          'text-color': ['case', ['to-boolean', ['get', 'mentioned']], '#111111', '#6a6a6a'],
          'text-halo-color': '#ffffff',
          'text-halo-width': 1.5,
        },
      };
    default:
      return analystPaint(l.id) ?? {};
  }
}

/** The layer specs in registry order; feature layers restricted to visibleIds when given. */
export function buildLayers(legend: LegendData, visibleIds?: readonly string[]): LayerSpecification[] {
  return LAYERS.map((l) => {
    const { paint, layout, minzoom } = paintFor(l, legend);
    const spec: Record<string, unknown> = { id: l.id, type: l.type };
    if (l.source) spec.source = l.source;
    if (l.match) spec.filter = filterFor(l.id, visibleIds ?? null) ?? matchToFilter(l.match);
    if (paint) spec.paint = paint;
    if (layout) spec.layout = layout;
    if (minzoom !== undefined) spec.minzoom = minzoom;
    return spec as unknown as LayerSpecification;
  });
}

export interface StyleInput {
  basemap: BasemapCollection;
  features: SitFeatureCollection;
  legend: LegendData;
}

export type MapTheme = 'light' | 'dark';

/**
 * Dark, high-contrast basemap for the kiosk: paint properties that replace the
 * light ones, by layer id. Feature layers keep their colours (the legend stays true).
 */
export const DARK_PAINT: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  background: { 'background-color': '#0b1a2a' },
  'basemap-countries-fill': {
    'fill-color': ['match', ['get', 'iso3'], ['AZE', 'ARM'], '#3a3f47', '#23272e'],
  },
  'basemap-land': { 'fill-color': '#23272e' },
  'basemap-lakes': { 'fill-color': '#0b1a2a' },
  'basemap-rivers': { 'line-color': '#3d6f99' },
  'basemap-sea-labels': { 'text-color': '#8fb4d6', 'text-halo-color': '#0b1a2a' },
  'basemap-country-labels': { 'text-color': '#a9a294', 'text-halo-color': '#23272e' },
  'basemap-countries-outline': { 'line-color': '#c9c3b8', 'line-width': 1 },
  'labels-lines': { 'text-color': '#ffb38a', 'text-halo-color': '#000000' },
  'labels-key-lines': { 'text-color': '#ffb38a', 'text-halo-color': '#000000' },
  'labels-areas': { 'text-color': '#f0f0f0', 'text-halo-color': '#000000' },
  'labels-points': {
    'text-color': ['case', ['to-boolean', ['get', 'mentioned']], '#ffffff', '#b8b8b8'],
    'text-halo-color': '#000000',
  },
};

function themed(layers: LayerSpecification[], theme: MapTheme): LayerSpecification[] {
  if (theme === 'light') return layers;
  return layers.map((l) => {
    const over = DARK_PAINT[l.id];
    if (!over) return l;
    const paint = { ...((l as { paint?: object }).paint ?? {}), ...over };
    return { ...l, paint } as LayerSpecification;
  });
}

/**
 * Label sizes (and halos) times `scale`, for reading from a distance (the
 * kiosk: 3 m from a 1080p wall screen). Text offsets and max widths are in ems
 * and follow the size. Scale 1 returns the layers unchanged.
 */
export function scaleLabels(layers: LayerSpecification[], scale: number): LayerSpecification[] {
  if (!(scale > 0) || scale === 1) return layers;
  const times = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v * scale * 10) / 10 : ['*', scale, v]);
  return layers.map((l) => {
    if (l.type !== 'symbol') return l;
    const layout = { ...(l.layout ?? {}) } as Record<string, unknown>;
    const paint = { ...(l.paint ?? {}) } as Record<string, unknown>;
    if (layout['text-size'] !== undefined) layout['text-size'] = times(layout['text-size']);
    if (typeof paint['text-halo-width'] === 'number') paint['text-halo-width'] = Math.min(4, (paint['text-halo-width'] as number) * scale);
    return { ...l, layout, paint } as LayerSpecification;
  });
}

export interface StyleOptions {
  /** Multiplies label sizes (1 = dashboard; the kiosk uses KIOSK_LABEL_SCALE). */
  labelScale?: number;
}

/** Kiosk labels: 11–14 px become 22–28 px, readable from about 3 m at 1080p. */
export const KIOSK_LABEL_SCALE = 2;

export function buildStyle(
  data: StyleInput,
  visibleIds?: readonly string[],
  theme: MapTheme = 'light',
  options: StyleOptions = {},
): StyleSpecification {
  return {
    version: 8,
    name: theme === 'dark' ? 'sitmap-dark' : 'sitmap',
    sources: {
      basemap: {
        type: 'geojson',
        data: data.basemap as unknown as GeoJSON.GeoJSON,
        promoteId: 'id',
        attribution: ATTRIBUTION,
      },
      features: {
        type: 'geojson',
        data: data.features as unknown as GeoJSON.GeoJSON,
        promoteId: 'id',
        attribution: 'sitmap',
      },
      // Analyst-tool overlays (issue 3): empty until a tool fills them with setData.
      ...Object.fromEntries(
        OVERLAY_SOURCES.map((id) => [id, { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] }, promoteId: 'id' }]),
      ),
    },
    layers: scaleLabels(themed(buildLayers(data.legend, visibleIds), theme), options.labelScale ?? 1),
  };
}

/** Labels appear from the zoom given by the feature's `rank` property (0 when absent). */
export const RANK_FILTER = ['>=', ['zoom'], ['coalesce', ['get', 'rank'], 0]];

/**
 * The filter of a 'features' layer for the current visible ids (all features
 * when visibleIds is null). Label layers are also gated by rank.
 */
export function filterFor(layerId: string, visibleIds: readonly string[] | null): FilterSpecification | undefined {
  const l = LAYERS.find((x) => x.id === layerId);
  if (!l || !l.match || l.source !== 'features') return undefined;
  const base = visibleIds ? visibleFilter(l.match, visibleIds) : matchToFilter(l.match);
  return (l.type === 'symbol' ? ['all', base, RANK_FILTER] : base) as unknown as FilterSpecification;
}
