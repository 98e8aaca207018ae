// Deep links: keeps the URL hash in step with the view (camera, layers, selection, time
// range) using src/lib/domain/deepLink.ts. Selection changes push a history entry (so
// back/forward step through selections); layer, range and camera changes replace it
// (camera debounced). A broken or hostile hash is ignored piece by piece, with notices.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { parseView, serializeView, type MapView } from '../lib/domain/deepLink';
import { ACTOR_IDS, CATEGORY_IDS, type ActorId, type CategoryId } from '../lib/domain/types';
import type { SitState } from './state.svelte';

const CAMERA_DEBOUNCE_MS = 400;

export class ViewLinkSync {
  /** Plain-text notices about ignored parts of the link (shown by ViewLinkBar). */
  notices = $state<string[]>([]);
  #map = $state.raw<MapLibreMap | null>(null);
  readonly #sit: SitState;
  #initial: MapView = {};
  #lastSelected: string | null = null;
  #lastHash = '';
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopEffect: (() => void) | null = null;

  constructor(sit: SitState) {
    this.#sit = sit;
    this.#initial = this.#apply(location.hash, false);
    this.#lastSelected = sit.selectedId;
    window.addEventListener('popstate', this.#onPop);
    window.addEventListener('hashchange', this.#onPop);
    this.#stopEffect = $effect.root(() => {
      $effect(() => {
        const map = this.#map;
        const view = this.#stateView();
        if (!map) return;
        this.#write(view, map);
      });
    });
  }

  /** Hands over the map once it is ready: restores the linked camera, then follows moves. */
  attach(map: MapLibreMap): void {
    const v = this.#initial;
    if (v.center || v.zoom !== undefined || v.bearing !== undefined || v.pitch !== undefined) {
      map.jumpTo({ center: v.center, zoom: v.zoom, bearing: v.bearing, pitch: v.pitch });
    }
    map.on('moveend', this.#onMoveEnd);
    this.#map = map;
  }

  destroy(): void {
    window.removeEventListener('popstate', this.#onPop);
    window.removeEventListener('hashchange', this.#onPop);
    this.#map?.off('moveend', this.#onMoveEnd);
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#stopEffect?.();
    this.#map = null;
  }

  dismiss(): void {
    this.notices = [];
  }

  /** The current URL (for the copy button). */
  href(): string {
    return location.href;
  }

  // Everything but the camera; reading these makes the effect track them.
  #stateView(): MapView {
    const s = this.#sit;
    const v: MapView = {};
    if (s.activeActors.size !== ACTOR_IDS.length) v.actors = ACTOR_IDS.filter((a) => s.activeActors.has(a));
    if (s.activeCategories.size !== CATEGORY_IDS.length) v.categories = CATEGORY_IDS.filter((c) => s.activeCategories.has(c));
    if (s.selectedId) v.selected = s.selectedId;
    const [a, b] = s.timeRange;
    v.range = [a, b];
    return v;
  }

  #write(stateView: MapView, map: MapLibreMap): void {
    const c = map.getCenter();
    const hash = serializeView({ center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch(), ...stateView });
    if (hash === location.hash || hash === this.#lastHash) {
      this.#lastSelected = stateView.selected ?? null;
      return;
    }
    const selected = stateView.selected ?? null;
    const url = `${location.pathname}${location.search}${hash}`;
    if (selected !== this.#lastSelected) history.pushState(null, '', url);
    else history.replaceState(history.state, '', url);
    this.#lastSelected = selected;
    this.#lastHash = hash;
  }

  #onMoveEnd = (): void => {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const map = this.#map;
      if (map) this.#write(this.#stateView(), map);
    }, CAMERA_DEBOUNCE_MS);
  };

  #onPop = (): void => {
    if (location.hash === this.#lastHash) return;
    const v = this.#apply(location.hash, true);
    const map = this.#map;
    if (map && (v.center || v.zoom !== undefined)) {
      map.jumpTo({ center: v.center, zoom: v.zoom, bearing: v.bearing, pitch: v.pitch });
    }
    this.#lastSelected = this.#sit.selectedId;
    this.#lastHash = location.hash;
  };

  /** Applies a hash to the state; missing parts mean the defaults. Returns the parsed view. */
  #apply(hash: string, fromHistory: boolean): MapView {
    const s = this.#sit;
    const { view, notices } = parseView(hash, {
      featureIds: s.features.map((f) => f.id),
      eventIds: s.events.map((e) => e.event_id),
      actorIds: ACTOR_IDS,
      categoryIds: CATEGORY_IDS,
    });
    this.notices = notices;
    // A list whose every entry was dropped is ignored as a whole (not read as "all off").
    const allDropped = (key: string, list: string[] | undefined): boolean =>
      list !== undefined && list.length === 0 && new RegExp(`(?:^#?|&)${key}=[^&]+`).test(hash);
    const actors = allDropped('a', view.actors) ? undefined : view.actors;
    const categories = allDropped('k', view.categories) ? undefined : view.categories;
    s.activeActors = new Set<ActorId>((actors as ActorId[] | undefined) ?? ACTOR_IDS);
    s.activeCategories = new Set<CategoryId>((categories as CategoryId[] | undefined) ?? CATEGORY_IDS);
    const range = view.range ?? s.dayDomain;
    s.setTimeRange(range[0], range[1]);
    let sel = view.selected ?? null;
    if (sel !== null && !s.featureById.has(sel)) sel = s.events.find((e) => e.event_id === sel)?.feature_id ?? null;
    if (sel !== s.selectedId && (sel !== null || fromHistory || view.selected !== undefined)) s.select(sel, 'link', false);
    return view;
  }
}
