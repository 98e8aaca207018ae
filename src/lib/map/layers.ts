// THE registry of map layers: ids, bottom-to-top order, what each draws and how
// the legend describes it. Pure TypeScript (no maplibre-gl runtime import):
// style.ts turns this into a StyleSpecification; selectors and the legend use
// the same `match` rules as JS predicates, so filter and legend cannot drift.
import type { CategoryId, FeatureKind } from '../domain/types';

export type GeometryClass = 'point' | 'line' | 'polygon';
export type SourceId = 'basemap' | 'features' | OverlaySourceId;

/**
 * Overlay sources of the analyst tools (issue 3): empty GeoJSON in the style,
 * filled by the tools with setData. bands: distance bands from data/analysis.json;
 * within: features matched by a within-km query; inspect: the inspected point;
 * measure: the measured path and its points.
 */
export const OVERLAY_SOURCES = ['bands', 'within', 'inspect', 'measure'] as const;
export type OverlaySourceId = (typeof OVERLAY_SOURCES)[number];

/** Which features a layer draws. All given conditions must hold. */
export interface Match {
  kind?: readonly string[];
  category?: readonly CategoryId[];
  /** Exclude these categories. */
  notCategory?: readonly CategoryId[];
  geometry?: GeometryClass;
  /** Feature id equals one of these. */
  ids?: readonly string[];
  /** Feature id contains one of these substrings. */
  idContains?: readonly string[];
  /** Feature id contains none of these substrings. */
  idNotContains?: readonly string[];
  mentioned?: boolean;
}

export type LegendSymbol =
  | { shape: 'fill'; color: string; outline?: string; dashed?: boolean; hatched?: boolean; opacity?: number }
  | { shape: 'line'; color: string; width: number; dashed?: boolean }
  | { shape: 'circle'; color: string; stroke: string; hollow?: boolean; size: number };

export interface LegendInfo {
  label: string;
  symbol: LegendSymbol;
  /** Precision explanation shown under the entry. */
  note?: string;
  /** One entry per category present, coloured as in legend.json (incident points). */
  byCategory?: boolean;
}

export interface LayerDef {
  id: string;
  source?: SourceId;
  type: 'background' | 'fill' | 'line' | 'circle' | 'symbol';
  match?: Match;
  /** Clicks and hovers on this layer select/highlight the feature. */
  interactive: boolean;
  /** Higher wins when several interactive features lie under the pointer. */
  pickPriority?: number;
  legend?: LegendInfo;
}

export const COLORS = {
  water: '#b9d3e6',
  land: '#f4f1ea',
  landOther: '#e9e6de',
  countryOutline: '#9a9387',
  lake: '#b9d3e6',
  river: '#7fa9cc',
  held: '#ff7f0e',
  nkao: '#7a3b00',
  southCaucasus: '#6b6b6b',
  border: '#6f6f6f',
  lineOfContact: '#8b2500',
  crossBorderFire: '#e6550d',
  clashes: '#c51b8a',
  loCAttacks: '#b30000',
  referenceTown: '#8a8a8a',
  town: '#333333',
  capital: '#111111',
  actor: '#2ca02c',
  statement: '#3182bd',
  casualties: '#636363',
  selected: '#ffd400',
  hover: '#00a0ff',
} as const;

const INCIDENT: readonly FeatureKind[] = ['incident'];

/** Bottom to top. */
export const LAYERS: readonly LayerDef[] = [
  { id: 'background', type: 'background', interactive: false },
  { id: 'basemap-land', source: 'basemap', type: 'fill', match: { kind: ['land'] }, interactive: false },
  {
    id: 'basemap-countries-fill',
    source: 'basemap',
    type: 'fill',
    match: { kind: ['country'] },
    interactive: false,
  },
  { id: 'basemap-lakes', source: 'basemap', type: 'fill', match: { kind: ['lake'] }, interactive: false },
  { id: 'basemap-rivers', source: 'basemap', type: 'line', match: { kind: ['river'] }, interactive: false },
  {
    id: 'basemap-sea-labels',
    source: 'basemap',
    type: 'symbol',
    match: { kind: ['sea-label'] },
    interactive: false,
  },
  {
    // One point per country (data build: pole of inaccessibility of its largest part).
    // Low in the order, so the report's own labels win where they collide.
    id: 'basemap-country-labels',
    source: 'basemap',
    type: 'symbol',
    match: { kind: ['country-label'] },
    interactive: false,
  },
  {
    id: 'basemap-countries-outline',
    source: 'basemap',
    type: 'line',
    match: { kind: ['country'] },
    interactive: false,
  },
  {
    id: 'region-held-fill',
    source: 'features',
    type: 'fill',
    match: { kind: ['region'], idContains: ['held'] },
    interactive: true,
    pickPriority: 2,
    legend: {
      label: 'Area held by ethnic Armenian forces, 1994–2020',
      symbol: { shape: 'fill', color: COLORS.held, hatched: true, opacity: 0.25 },
      note: 'Hatched: derived by cutting Natural Earth polygons along the 1994 line, a few km of error.',
    },
  },
  {
    id: 'region-nkao-outline',
    source: 'features',
    type: 'line',
    match: { kind: ['region'], idContains: ['nkao'] },
    interactive: false,
    legend: {
      label: 'Nagorno-Karabakh Autonomous Oblast (1991)',
      symbol: { shape: 'line', color: COLORS.nkao, width: 2, dashed: true },
      note: 'Dashed: stitched from Natural Earth segments, approximate.',
    },
  },
  {
    id: 'region-nkao-fill',
    source: 'features',
    type: 'fill',
    match: { kind: ['region'], idContains: ['nkao'] },
    interactive: true,
    pickPriority: 3,
  },
  {
    id: 'region-other-outline',
    source: 'features',
    type: 'line',
    match: { kind: ['region'], idNotContains: ['held', 'nkao'] },
    interactive: false,
    legend: {
      label: 'Wider region (e.g. South Caucasus)',
      symbol: { shape: 'line', color: COLORS.southCaucasus, width: 1, dashed: true },
      note: 'Faint outline: a region standing for a vague place in the text.',
    },
  },
  {
    id: 'region-other-fill',
    source: 'features',
    type: 'fill',
    match: { kind: ['region'], idNotContains: ['held', 'nkao'] },
    interactive: true,
    pickPriority: 0,
  },
  {
    id: 'country-fill',
    source: 'features',
    type: 'fill',
    match: { kind: ['country'] },
    interactive: true,
    pickPriority: 1,
    legend: {
      label: 'Country named in the report (click to select)',
      symbol: { shape: 'fill', color: '#ffffff', outline: COLORS.countryOutline, opacity: 0 },
    },
  },
  { id: 'bands-fill', source: 'bands', type: 'fill', interactive: false },
  { id: 'bands-outline', source: 'bands', type: 'line', interactive: false },
  {
    id: 'zone-cross-border-fire-fill',
    source: 'features',
    type: 'fill',
    match: { kind: INCIDENT, category: ['cross-border-fire'], geometry: 'polygon' },
    interactive: true,
    pickPriority: 6,
    legend: {
      label: 'Cross-border fire: uncertain zone (claimed, unverified)',
      symbol: { shape: 'fill', color: COLORS.crossBorderFire, outline: COLORS.crossBorderFire, dashed: true, opacity: 0.35 },
      note: 'Translucent with dashed edge: the report gives no place; candidate border segments only.',
    },
  },
  {
    id: 'zone-cross-border-fire-outline',
    source: 'features',
    type: 'line',
    match: { kind: INCIDENT, category: ['cross-border-fire'], geometry: 'polygon' },
    interactive: false,
  },
  {
    id: 'zone-incident-fill',
    source: 'features',
    type: 'fill',
    match: { kind: INCIDENT, notCategory: ['cross-border-fire'], geometry: 'polygon' },
    interactive: true,
    pickPriority: 5,
    legend: {
      label: 'Clashes / fighting: approximate zone',
      symbol: { shape: 'fill', color: COLORS.clashes, outline: COLORS.clashes, dashed: true, opacity: 0.2 },
      note: 'Translucent: an approximate area, not a pin.',
    },
  },
  {
    id: 'zone-incident-outline',
    source: 'features',
    type: 'line',
    match: { kind: INCIDENT, notCategory: ['cross-border-fire'], geometry: 'polygon' },
    interactive: false,
  },
  {
    id: 'line-border',
    source: 'features',
    type: 'line',
    match: { kind: ['line'], idContains: ['border'] },
    interactive: true,
    pickPriority: 7,
    legend: {
      label: 'Armenia–Azerbaijan international border',
      symbol: { shape: 'line', color: COLORS.border, width: 2 },
      note: 'Solid: mapped line (Natural Earth 1:10m, a few km).',
    },
  },
  {
    id: 'line-of-contact',
    source: 'features',
    type: 'line',
    match: { kind: ['line'], idContains: ['line-of-contact'] },
    interactive: true,
    pickPriority: 8,
    legend: {
      label: 'Line of contact, 1994–2020',
      symbol: { shape: 'line', color: COLORS.lineOfContact, width: 3.5, dashed: true },
      note: 'Natural Earth 1:10m ceasefire line: a few km of positional error.',
    },
  },
  {
    id: 'line-pipelines',
    source: 'features',
    type: 'line',
    match: { kind: ['line'], idContains: ['pipeline'] },
    interactive: true,
    pickPriority: 7,
    legend: {
      label: 'Oil and gas pipelines (BTC, SCP): schematic, ±10–30 km',
      symbol: { shape: 'line', color: '#2b6e5e', width: 3, dashed: true },
      note: 'A line through towns the routes pass (GeoNames), not the true route.',
    },
  },
  {
    id: 'line-other',
    source: 'features',
    type: 'line',
    match: { kind: ['line'], idNotContains: ['border', 'line-of-contact', 'pipeline'] },
    interactive: true,
    pickPriority: 7,
    legend: {
      label: 'Other line (schematic)',
      symbol: { shape: 'line', color: '#555555', width: 2, dashed: true },
      note: 'Dashed: schematic, not the true route.',
    },
  },
  {
    id: 'incident-lines',
    source: 'features',
    type: 'line',
    match: { kind: INCIDENT, geometry: 'line' },
    interactive: true,
    pickPriority: 9,
    legend: {
      label: 'Attacks along the line of contact (claimed by both sides)',
      symbol: { shape: 'line', color: COLORS.loCAttacks, width: 7, dashed: true },
      note: 'Drawn on the line itself: the report names no place along it.',
    },
  },
  {
    id: 'towns-reference',
    source: 'features',
    type: 'circle',
    match: { kind: ['town', 'capital'], mentioned: false, geometry: 'point' },
    interactive: true,
    pickPriority: 10,
    legend: {
      label: 'Reference town (not in report)',
      symbol: { shape: 'circle', color: '#ffffff', stroke: COLORS.referenceTown, hollow: true, size: 10 },
      note: 'GeoNames point: the town itself, within about a km.',
    },
  },
  {
    id: 'towns-mentioned',
    source: 'features',
    type: 'circle',
    match: { kind: ['town'], mentioned: true, geometry: 'point' },
    interactive: true,
    pickPriority: 11,
    legend: {
      label: 'Town mentioned in the report',
      symbol: { shape: 'circle', color: COLORS.town, stroke: '#ffffff', size: 10 },
    },
  },
  {
    id: 'incident-points',
    source: 'features',
    type: 'circle',
    match: { kind: INCIDENT, geometry: 'point' },
    interactive: true,
    pickPriority: 12,
    legend: {
      label: 'Statement or incident (located at its actor)',
      symbol: { shape: 'circle', color: COLORS.statement, stroke: '#ffffff', size: 12 },
      byCategory: true,
      note: 'Placed at a seat or region: where it was said, not where it happened.',
    },
  },
  {
    id: 'actor-seats',
    source: 'features',
    type: 'circle',
    match: { kind: ['actor'], geometry: 'point' },
    interactive: true,
    pickPriority: 13,
    legend: {
      label: 'Actor seat (government or organisation)',
      symbol: { shape: 'circle', color: COLORS.actor, stroke: '#ffffff', size: 12 },
      note: 'A capital standing in for an actor.',
    },
  },
  {
    id: 'capitals',
    source: 'features',
    type: 'circle',
    match: { kind: ['capital'], mentioned: true, geometry: 'point' },
    interactive: true,
    pickPriority: 14,
    legend: {
      label: 'Capital',
      symbol: { shape: 'circle', color: COLORS.capital, stroke: '#ffffff', size: 14 },
    },
  },
  { id: 'within-fill', source: 'within', type: 'fill', interactive: false },
  { id: 'within-line', source: 'within', type: 'line', interactive: false },
  { id: 'within-points', source: 'within', type: 'circle', match: { geometry: 'point' }, interactive: false },
  {
    // The key lines, named from the first view: a horizontal label beside the line (too
    // winding for a label along it at the zooms that show the whole region).
    id: 'labels-key-lines',
    source: 'features',
    type: 'symbol',
    match: { kind: ['line'], idContains: ['line-of-contact', 'border'], geometry: 'line' },
    interactive: false,
  },
  {
    id: 'labels-lines',
    source: 'features',
    type: 'symbol',
    match: { kind: ['line'], idNotContains: ['line-of-contact', 'border'], geometry: 'line' },
    interactive: false,
  },
  {
    id: 'labels-areas',
    source: 'features',
    type: 'symbol',
    match: { kind: ['region'], idContains: ['nkao', 'held'], geometry: 'polygon' },
    interactive: false,
  },
  {
    id: 'labels-points',
    source: 'features',
    type: 'symbol',
    match: { kind: ['town', 'capital', 'actor', 'incident'], geometry: 'point' },
    interactive: false,
  },
  // The analyst tools draw on top of everything. Band labels ('25 km') tell nested bands apart.
  { id: 'bands-labels', source: 'bands', type: 'symbol', interactive: false },
  { id: 'inspect-connector', source: 'inspect', type: 'line', interactive: false },
  // Circle and label layers keep to their own point features: a circle layer
  // otherwise rings every vertex of the lines and polygons in its source.
  { id: 'inspect-point', source: 'inspect', type: 'circle', match: { ids: ['inspect:point'] }, interactive: false },
  { id: 'measure-path', source: 'measure', type: 'line', match: { ids: ['measure:path'] }, interactive: false },
  { id: 'measure-points', source: 'measure', type: 'circle', match: { idContains: ['measure:point:'] }, interactive: false },
  { id: 'measure-labels', source: 'measure', type: 'symbol', match: { idContains: ['measure:label:'] }, interactive: false },
];

export const LAYER_IDS: readonly string[] = LAYERS.map((l) => l.id);

/** Layers of the 'features' source that react to click and hover, top-most pick first. */
export const INTERACTIVE_LAYER_IDS: readonly string[] = LAYERS.filter((l) => l.interactive)
  .slice()
  .sort((a, b) => (b.pickPriority ?? 0) - (a.pickPriority ?? 0))
  .map((l) => l.id);

export function layerById(id: string): LayerDef | undefined {
  return LAYERS.find((l) => l.id === id);
}

export function geometryClass(type: string): GeometryClass {
  if (type === 'Point' || type === 'MultiPoint') return 'point';
  if (type === 'LineString' || type === 'MultiLineString') return 'line';
  return 'polygon';
}

interface MatchableFeature {
  id?: string | number;
  geometry: { type: string } | null;
  properties: object | null;
}

/** JS twin of matchToFilter: does this feature belong to the layer? */
export function matchesFeature(m: Match, f: MatchableFeature): boolean {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const id = String(p.id ?? f.id ?? '');
  if (m.kind && !m.kind.includes(String(p.kind))) return false;
  if (m.category && !(m.category as readonly string[]).includes(String(p.category))) return false;
  if (m.notCategory && (m.notCategory as readonly string[]).includes(String(p.category))) return false;
  if (m.geometry && (!f.geometry || geometryClass(f.geometry.type) !== m.geometry)) return false;
  if (m.ids && !m.ids.includes(id)) return false;
  if (m.idContains && !m.idContains.some((s) => id.includes(s))) return false;
  if (m.idNotContains && m.idNotContains.some((s) => id.includes(s))) return false;
  if (m.mentioned !== undefined && Boolean(p.mentioned) !== m.mentioned) return false;
  return true;
}

/** A MapLibre filter expression (kept as plain JSON arrays). */
export type FilterExpr = unknown[];

const GEOMETRY_TYPES: Record<GeometryClass, string[]> = {
  point: ['Point', 'MultiPoint'],
  line: ['LineString', 'MultiLineString'],
  polygon: ['Polygon', 'MultiPolygon'],
};

/** Compiles a Match into a MapLibre expression filter. */
export function matchToFilter(m: Match): FilterExpr {
  const all: unknown[] = ['all'];
  const id = ['to-string', ['get', 'id']];
  if (m.kind) all.push(['in', ['get', 'kind'], ['literal', [...m.kind]]]);
  if (m.category) all.push(['in', ['get', 'category'], ['literal', [...m.category]]]);
  if (m.notCategory) all.push(['!', ['in', ['get', 'category'], ['literal', [...m.notCategory]]]]);
  if (m.geometry) all.push(['in', ['geometry-type'], ['literal', GEOMETRY_TYPES[m.geometry]]]);
  if (m.ids) all.push(['in', id, ['literal', [...m.ids]]]);
  if (m.idContains) all.push(['any', ...m.idContains.map((s) => ['in', s, id])]);
  if (m.idNotContains) all.push(['all', ...m.idNotContains.map((s) => ['!', ['in', s, id]])]);
  if (m.mentioned !== undefined) all.push(['==', ['to-boolean', ['get', 'mentioned']], m.mentioned]);
  return all;
}

/** The layer filter restricted to the given visible feature ids. */
export function visibleFilter(m: Match, visibleIds: readonly string[]): FilterExpr {
  return ['all', matchToFilter(m), ['in', ['to-string', ['get', 'id']], ['literal', [...visibleIds]]]];
}

/** Layers whose features the layer panel toggles (all 'features' layers). */
export const FEATURE_LAYERS: readonly LayerDef[] = LAYERS.filter((l) => l.source === 'features');

export interface LegendEntry {
  key: string;
  layerId: string;
  legend: LegendInfo;
  count: number;
}

/**
 * Legend entries for the layers that currently draw at least one of the given
 * features, bottom-to-top order. `categoryColors`/`categoryNames` split
 * byCategory layers into one entry per category present.
 */
export function legendFor(
  features: readonly MatchableFeature[],
  categoryColors: Readonly<Record<string, string>> = {},
  categoryNames: Readonly<Record<string, string>> = {},
): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (const l of FEATURE_LAYERS) {
    if (!l.legend || !l.match) continue;
    const m = l.match;
    const drawn = features.filter((f) => matchesFeature(m, f));
    if (drawn.length === 0) continue;
    if (l.legend.byCategory && l.legend.symbol.shape === 'circle') {
      const cats = [...new Set(drawn.map((f) => String((f.properties as { category?: unknown } | null)?.category)))].sort();
      for (const c of cats) {
        const count = drawn.filter((f) => String((f.properties as { category?: unknown } | null)?.category) === c).length;
        const label = `${categoryNames[c] ?? c} (point at its actor or place)`;
        const symbol = { ...l.legend.symbol, color: categoryColors[c] ?? l.legend.symbol.color };
        out.push({ key: `${l.id}:${c}`, layerId: l.id, legend: { ...l.legend, label, symbol }, count });
      }
    } else {
      out.push({ key: l.id, layerId: l.id, legend: l.legend, count: drawn.length });
    }
  }
  return out;
}
