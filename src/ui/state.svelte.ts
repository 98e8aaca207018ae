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

export type SelectOrigin = 'map' | 'article' | 'list' | 'api' | 'panel';

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

  selectedId = $state<string | null>(null);
  hoveredId = $state<string | null>(null);
  activeActors = $state<Set<ActorId>>(new Set(ACTOR_IDS));
  activeCategories = $state<Set<CategoryId>>(new Set(CATEGORY_IDS));
  cameraRequest = $state<CameraRequest | null>(null);

  visibleIds: string[];
  visibleSet: Set<string>;
  visibleFeatures: SitFeature[];
  actorCounts: Record<string, number>;
  categoryCounts: Record<string, number>;
  selectedFeature: SitFeature | null;
  selectedExcerpts: Excerpt[];

  #seq = 0;

  constructor(data: SitData) {
    this.data = data;
    const features = data.features.features as SitFeature[];
    this.features = features;
    this.featureById = new Map(features.map((f) => [f.id, f]));
    this.mentions = mentionsByFeature(data.report);
    this.visibleIds = $derived(visibleFeatureIds(features, this.activeActors, this.activeCategories));
    this.visibleSet = $derived(new Set(this.visibleIds));
    this.visibleFeatures = $derived(features.filter((f) => this.visibleSet.has(f.id)));
    this.actorCounts = $derived(countsByActor(features, ACTOR_IDS, this.activeCategories));
    this.categoryCounts = $derived(countsByCategory(features, CATEGORY_IDS, this.activeActors));
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
