// window.sitmap additions for issue 3: query, measure, within. Pure TypeScript
// over the loaded data (no DOM, no svelte), so it is unit-tested in Node.
// Bad input throws GeoInputError with a readable message; nothing else breaks.
import type { SitData } from '../lib/domain/types';
import { measurePath, type PathMeasure } from '../lib/geo/measure';
import { queryPoint } from '../lib/geo/whereIs';
import { withinKmOfId } from '../lib/geo/within';
import { GeoInputError } from '../lib/geo/validateInput';

export interface QueryAnswer {
  /** Country name from the basemap (e.g. 'Azerbaijan'); null at sea or off the basemap. */
  country: string | null;
  inNKAO1991: boolean | null;
  inHeld1994to2020: boolean | null;
  kmToLineOfContact: number | null;
  kmToBorder: number | null;
  /** Nearest capital or town, mentioned or not. */
  nearestPlace: { id: string; km: number } | null;
}

export interface AnalystToolsApi {
  query(pt: unknown): QueryAnswer;
  measure(coords: unknown): PathMeasure;
  within(id: unknown, km: unknown): string[];
}

export function analystToolsApi(data: Pick<SitData, 'basemap' | 'features'>): AnalystToolsApi {
  return {
    query(pt) {
      const w = queryPoint(data, pt);
      return {
        country: w.country?.name ?? null,
        inNKAO1991: w.inNKAO1991,
        inHeld1994to2020: w.inHeld1994to2020,
        kmToLineOfContact: w.kmToLineOfContact,
        kmToBorder: w.kmToBorder,
        nearestPlace: w.nearestPlace ? { id: w.nearestPlace.id, km: w.nearestPlace.km } : null,
      };
    },
    measure(coords) {
      const m = measurePath(coords);
      return { segmentsKm: [...m.segmentsKm], totalKm: m.totalKm };
    },
    within(id, km) {
      if (typeof id !== 'string') throw new GeoInputError(`within: feature id must be a string, got ${typeof id}`);
      return withinKmOfId(data.features.features, id, km as number);
    },
  };
}
