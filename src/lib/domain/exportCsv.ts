// ACLED-style CSV export: ACLED's column names and order, RFC 4180 quoting, CRLF line ends.
import type { SitEvent } from './events';

export const ACLED_CSV_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;
export type AcledCsvColumn = (typeof ACLED_CSV_COLUMNS)[number];

type Cell = string | number | null | undefined;

/** One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180); quotes doubled. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The row of one event, keyed by ACLED column. Inapplicable columns are empty. */
export function eventToRow(e: SitEvent): Record<AcledCsvColumn, Cell> {
  return {
    event_id_cnty: e.event_id,
    event_date: e.event_date,
    year: e.year,
    time_precision: e.time_precision,
    disorder_type: e.disorder_type,
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1,
    assoc_actor_1: e.assoc_actor_1,
    inter1: e.inter1,
    actor2: e.actor2,
    assoc_actor_2: e.assoc_actor_2,
    inter2: e.inter2,
    interaction: e.interaction,
    civilian_targeting: e.civilian_targeting,
    iso: e.iso,
    region: e.region,
    country: e.country,
    admin1: e.admin1,
    admin2: e.admin2,
    admin3: e.admin3,
    location: e.location,
    latitude: e.latitude,
    longitude: e.longitude,
    geo_precision: e.geo_precision,
    source: e.source,
    source_scale: e.source_scale,
    notes: e.notes,
    fatalities: e.fatalities,
    tags: e.tags.join('; '),
    timestamp: e.timestamp,
  };
}

/** Events as CSV text: header line, one record per event, every record ended by CRLF. */
export function eventsToCsv(events: readonly SitEvent[]): string {
  const lines = [ACLED_CSV_COLUMNS.join(',')];
  for (const e of events) {
    const row = eventToRow(e);
    lines.push(ACLED_CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return lines.map((l) => `${l}\r\n`).join('');
}
