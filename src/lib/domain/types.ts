// The data contract between the build (scripts/), the pure libraries and the UI.
// Pure TypeScript: no svelte, no maplibre-gl, no DOM.
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** Actors the layer panel toggles. Curated in data/curated/actors.json. */
export const ACTOR_IDS = [
  'azerbaijan',
  'armenia',
  'nk-forces',
  'turkey',
  'russia',
  'france',
  'international',
] as const;
export type ActorId = (typeof ACTOR_IDS)[number];

/** Incident types the layer panel toggles; 'reference' is reference geography. */
export const CATEGORY_IDS = [
  'cross-border-fire',
  'clashes',
  'line-of-contact-attacks',
  'casualties',
  'statements',
  'reference',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/**
 * How precisely a feature's geometry is known.
 * - exact: surveyed/official point (rarely used)
 * - town: a GeoNames town point; the town itself, within about a km
 * - line-1to10m: a Natural Earth 1:10m line or boundary: a few km of positional error
 * - region: a whole region or country stands for a vaguer place in the text
 * - approximate: an uncertain zone derived from a vague description
 * - schematic: a line through waypoints, not the true route
 * - seat: a capital standing in for an actor (government, organisation)
 */
export const PRECISIONS = ['exact', 'town', 'line-1to10m', 'region', 'approximate', 'schematic', 'seat'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const FEATURE_KINDS = ['capital', 'town', 'country', 'region', 'line', 'actor', 'incident'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** A claim inside an incident: who asserts what, tied to a mention span. */
export interface Claim {
  by: ActorId;
  /** What this side says, in plain words. */
  says: string;
  /** Mention ids (see Mention.id) of the excerpt(s) carrying the claim. */
  mentionIds: string[];
}

/** Properties every feature in data/features.json carries. MapLibre sees these. */
export interface SitProperties {
  /** Same as Feature.id: stable readable id such as 'place:baku'. */
  id: string;
  /** Neutral display name; disputed names give both forms: 'Stepanakert / Khankendi'. */
  name: string;
  kind: FeatureKind;
  category: CategoryId;
  actors: ActorId[];
  /** Where the geometry comes from, e.g. 'GeoNames cities500 (id 174982)'. */
  source: string;
  /** 'Public domain' | 'CC BY 4.0' | … */
  license: string;
  precision: Precision;
  /** Human sentence on precision, e.g. 'Natural Earth 1:10m: a few km of positional error'. */
  precisionNote: string;
  /** True where the geometry is approximate (zones, regions standing for vague places, schematic lines). */
  approximate: boolean;
  /** Whether the report mentions this feature (reference towns: false). */
  mentioned: boolean;
  /** Alternate names for search and display. */
  altNames?: string[];
  /** Incidents and statements: ISO date (YYYY-MM-DD) and how sure. */
  date?: string;
  datePrecision?: 'day' | 'week' | 'month';
  /** Incidents: each side's claim. */
  claims?: Claim[];
  /** Free text shown in the feature panel. */
  description?: string;
  /** Minimum zoom at which a label is shown (actors far away are shown zoomed out). */
  rank?: number;
  /** Short map label where the name is too long to draw beside a line (e.g. 'Line of contact 1994–2020'). */
  label?: string;
}

export type SitFeature = Feature<Geometry, SitProperties> & { id: string };
export type SitFeatureCollection = FeatureCollection<Geometry, SitProperties> & { features: SitFeature[] };

/** Basemap features (data/basemap.json): low-detail world land for context, countries clipped to the region, lakes, rivers, sea and country label points. */
export interface BasemapProperties {
  id: string;
  name: string;
  kind: 'land' | 'country' | 'lake' | 'river' | 'sea-label' | 'country-label' | 'border';
  source: string;
  license: string;
  precision: Precision;
  precisionNote: string;
  approximate: boolean;
  /** ISO 3166-1 alpha-3 for countries. */
  iso3?: string;
}
export type BasemapFeature = Feature<Geometry, BasemapProperties> & { id: string };
export type BasemapCollection = FeatureCollection<Geometry, BasemapProperties> & { features: BasemapFeature[] };

/** Seed metadata (seeds/<id>.meta.json). */
export interface SeedMeta {
  id: string;
  file: string;
  title: string;
  /** Source label exactly as given. */
  source: string;
  dateline: string;
  published: {
    date: string;
    precision: 'day' | 'week' | 'month';
    inferred: boolean;
    method: string;
  };
}

export type MentionKind = 'place' | 'actor' | 'incident';

/** A span of the report text [start, end) in UTF-16 code units, tied to a feature. */
export interface Mention {
  /** Stable id: 'm:<featureId>:<start>' */
  id: string;
  start: number;
  end: number;
  /** Exactly text.slice(start, end). */
  text: string;
  featureId: string;
  kind: MentionKind;
  /** Index into Report.sentences. */
  sentence: number;
}

/** A relative or absolute date in the text, resolved against the publication date. */
export interface DateMention {
  id: string;
  start: number;
  end: number;
  text: string;
  /** ISO YYYY-MM-DD */
  date: string;
  precision: 'day' | 'week' | 'month';
  /** How it was resolved, e.g. 'weekday before publication 2020-09-30'. */
  method: string;
  sentence: number;
}

export interface Span {
  start: number;
  end: number;
}

/** data/report.json: the report, its sentences and all extracted spans. */
export interface Report {
  meta: SeedMeta;
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  mentions: Mention[];
  dates: DateMention[];
}

export interface ActorDef {
  id: ActorId;
  name: string;
  /** Feature id where the actor is drawn (a seat or a region). */
  featureId: string;
  color: string;
}

export interface CategoryDef {
  id: CategoryId;
  name: string;
  color: string;
}

/** data/legend.json: actors and categories as shown in the layer panel and legend. */
export interface LegendData {
  actors: ActorDef[];
  categories: CategoryDef[];
}

/** What the app loads, validated. */
export interface SitData {
  basemap: BasemapCollection;
  features: SitFeatureCollection;
  report: Report;
  legend: LegendData;
  /** data/analysis.json (issue 3); optional so data sets without it still load. */
  analysis?: AnalysisData;
}

/* ------------------------------------------------------------------ analysis (issue 3) */

/** One end of a computed distance: a feature (or a point on one) and the exact position used. */
export interface AnalysisEnd {
  /** Feature id the point belongs to (a place, or the line it lies on). */
  id: string;
  name: string;
  /** [lng, lat], 5 decimals. */
  point: [number, number];
}

/** A distance computed at build time, with the two points it runs between and how it was computed. */
export interface AnalysisDistance {
  /** Stable id, e.g. 'distance:baku-yerevan'. */
  id: string;
  label: string;
  /** Great-circle km, 2 decimals. */
  km: number;
  from: AnalysisEnd;
  to: AnalysisEnd;
  /** How it was computed, in words, with the precision of the inputs. */
  method: string;
}

/** A distance band (buffer) around a feature, from src/lib/geo/bands.ts. */
export interface AnalysisBandProperties extends SitProperties {
  km: number;
  innerKm: number;
  targetId: string;
}

export type AnalysisBandFeature = Feature<Geometry, AnalysisBandProperties> & { id: string };

export interface PipelineAnalysis {
  /** Feature id in data/features.json, e.g. 'line:pipeline-btc'. */
  id: string;
  name: string;
  /** Length of the schematic line, km (shorter than the real route). */
  lengthKm: number;
  closestToLineOfContact: AnalysisDistance;
  closestToBorder: AnalysisDistance;
}

/** data/analysis.json: figures and buffers computed at build time for the analyst tools. */
export interface AnalysisData {
  bands: { type: 'FeatureCollection'; features: AnalysisBandFeature[] };
  pipelines: PipelineAnalysis[];
  keyDistances: AnalysisDistance[];
}
