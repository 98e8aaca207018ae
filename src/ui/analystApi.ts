// window.sitmap additions for issue 4: the current filtered events and their export.
import type { SitEvent } from '../lib/domain/events';
import { eventsToCsv } from '../lib/domain/exportCsv';
import { eventsToGeojsonText } from '../lib/domain/exportGeojson';

export type ExportFormat = 'geojson' | 'csv';

export interface AnalystApi {
  /** Events visible under the layer toggles and the time range (copies). */
  events(): SitEvent[];
  /** The visible events as text: RFC 7946 GeoJSON or ACLED-column CSV. Throws on an unknown format. */
  export(format: ExportFormat): string;
}

export function exportText(events: readonly SitEvent[], format: unknown): string {
  if (format === 'csv') return eventsToCsv(events);
  if (format === 'geojson') return eventsToGeojsonText(events);
  throw new Error(`sitmap.export: unknown format ${JSON.stringify(format)} (use 'geojson' or 'csv')`);
}

export function analystApi(visibleEvents: () => readonly SitEvent[]): AnalystApi {
  return {
    events: () => structuredClone([...visibleEvents()]),
    export: (format: ExportFormat) => exportText(visibleEvents(), format),
  };
}
