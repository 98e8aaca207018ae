// App state shared by the panels and the map (Svelte 5 runes).
// Selection and hover are feature ids; the map mirrors them as feature-state,
// the article mirrors them as classes on mention buttons.
import { ACTOR_IDS, CATEGORY_IDS, type ActorId, type CategoryId, type SitData, type SitFeature } from '../lib/domain/types';
import {
  countsByActor,
  countsByCategory,
  excerptsFor,
  type Excerpt,
  mentionsByFeature,
  visibleFeatureIds,
} from '../lib/domain/selectors';
import { buildEvents, type AcledMapping, type SitEvent } from '../lib/domain/events';
import { eventInRange, reportDayDomain, type DayRange } from '../lib/domain/timeRange';
import acledJson from '../../data/curated/acled.json';

export type SelectOrigin = 'map' | 'article' | 'list' | 'api' | 'panel' | 'feed' | 'timeline' | 'search' | 'link';

/** A request for the map camera to go to a feature; `seq` makes repeats distinct. */
export interface CameraRequest {
  id: string;
  seq: number;
}

export class SitState {
  readonly data: SitData;
  /** data.features.features, typed as SitFeature[]. */
  readonly features: readonly SitFeature[];
  readonly featureById: ReadonlyMap<string, SitFeature>;
  readonly mentions: ReturnType<typeof mentionsByFeature>;
  /** ACLED-aligned events built from the incident features and data/curated/acled.json (issue 4). */
  readonly events: readonly SitEvent[];
  readonly eventByFeature: ReadonlyMap<string, SitEvent>;
  /** The timeline's whole span (for the seed 2020-09-27..2020-09-30). */
  readonly dayDomain: DayRange;

  selectedId = $state<string | null>(null);
  hoveredId = $state<string | null>(null);
  activeActors = $state<Set<ActorId>>(new Set(ACTOR_IDS));
  activeCategories = $state<Set<CategoryId>>(new Set(CATEGORY_IDS));
  cameraRequest = $state<CameraRequest | null>(null);
  /** False while a map tool (the measure tool, issue 3) takes map clicks: they then select nothing. */
  mapClickSelects = $state(true);
  /** Time range (inclusive ISO days): incidents whose date span misses it are hidden. */
  timeRange = $state<DayRange>(['0000-01-01', '9999-12-31']);

  visibleIds: string[];
  visibleSet: Set<string>;
  visibleFeatures: SitFeature[];
  actorCounts: Record<string, number>;
  categoryCounts: Record<string, number>;
  selectedFeature: SitFeature | null;
  selectedExcerpts: Excerpt[];
  /** Features left after the time range (reference geography always stays). */
  inTimeFeatures: SitFeature[];
  /** Events visible under layers and time range, in event order. */
  visibleEvents: SitEvent[];
  /** The event of the selected incident feature, if any. */
  selectedEvent: SitEvent | null;

  #seq = 0;

  constructor(data: SitData) {
    this.data = data;
    const features = data.features.features as SitFeature[];
    this.features = features;
    this.featureById = new Map(features.map((f) => [f.id, f]));
    this.mentions = mentionsByFeature(data.report);
    this.events = buildEvents(data, acledJson as AcledMapping);
    this.eventByFeature = new Map(this.events.map((e) => [e.feature_id, e]));
    this.dayDomain = reportDayDomain(data.report, this.events);
    this.timeRange = [...this.dayDomain];
    this.inTimeFeatures = $derived(
      features.filter((f) => {
        const e = this.eventByFeature.get(f.id);
        return !e || eventInRange(e, this.timeRange);
      }),
    );
    this.visibleIds = $derived(visibleFeatureIds(this.inTimeFeatures, this.activeActors, this.activeCategories));
    this.visibleSet = $derived(new Set(this.visibleIds));
    this.visibleFeatures = $derived(features.filter((f) => this.visibleSet.has(f.id)));
    this.actorCounts = $derived(countsByActor(this.inTimeFeatures, ACTOR_IDS, this.activeCategories));
    this.categoryCounts = $derived(countsByCategory(this.inTimeFeatures, CATEGORY_IDS, this.activeActors));
    this.visibleEvents = $derived(this.events.filter((e) => this.visibleSet.has(e.feature_id)));
    this.selectedEvent = $derived(this.selectedId ? (this.eventByFeature.get(this.selectedId) ?? null) : null);
    this.selectedFeature = $derived(this.selectedId ? (this.featureById.get(this.selectedId) ?? null) : null);
    this.selectedExcerpts = $derived(this.selectedId ? excerptsFor(data.report, this.selectedId) : []);
  }

  /**
   * Select a feature (null clears). The one code path behind a map click,
   * window.sitmap.select, the feature list and the article mentions.
   * `fly` moves the camera to the feature.
   */
  select(id: string | null, origin: SelectOrigin, fly = origin !== 'map'): boolean {
    if (id !== null && !this.featureById.has(id)) return false;
    this.selectedId = id;
    if (id !== null && fly) this.cameraRequest = { id, seq: ++this.#seq };
    return true;
  }

  /** Set the time range (ordered, clamped to the day domain). */
  setTimeRange(from: string, to: string): void {
    const [lo, hi] = this.dayDomain;
    const clamp = (d: string): string => (d < lo ? lo : d > hi ? hi : d);
    let a = clamp(from);
    let b = clamp(to);
    if (a > b) [a, b] = [b, a];
    if (a !== this.timeRange[0] || b !== this.timeRange[1]) this.timeRange = [a, b];
  }

  hover(id: string | null): void {
    this.hoveredId = id;
  }

  toggleActor(id: ActorId, on: boolean): void {
    const next = new Set(this.activeActors);
    if (on) next.add(id);
    else next.delete(id);
    this.activeActors = next;
  }

  toggleCategory(id: CategoryId, on: boolean): void {
    const next = new Set(this.activeCategories);
    if (on) next.add(id);
    else next.delete(id);
    this.activeCategories = next;
  }
}
