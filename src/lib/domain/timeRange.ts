// Pure date helpers for the timeline: ISO days (YYYY-MM-DD), UTC arithmetic only.
import type { Report } from './types';

export type DayRange = [from: string, to: string];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function toUtc(day: string): number {
  if (!isIsoDay(day)) throw new Error(`not an ISO day: ${JSON.stringify(day)}`);
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** The day `delta` days after `day` (negative: before). */
export function stepDay(day: string, delta = 1): string {
  return fromUtc(toUtc(day) + Math.trunc(delta) * DAY_MS);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** Every day from `from` to `to`, inclusive. */
export function daysIn([from, to]: DayRange): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = stepDay(d)) out.push(d);
  return out;
}

/** Clamp a day into a range. */
export function clampDay(day: string, [from, to]: DayRange): string {
  return day < from ? from : day > to ? to : day;
}

/**
 * The span of days an event's date stands for: a day is itself; a week is the
 * seven days ending on the date (a week-precision date is the latest day the
 * event can have happened: "reported by" the report's date, so its span never
 * runs past what the report could know); a month is its calendar month.
 */
export function dateSpan(date: string, precision: 'day' | 'week' | 'month' = 'day'): DayRange {
  if (precision === 'week') return [stepDay(date, -6), stepDay(date, 0)];
  if (precision === 'month') {
    const start = `${date.slice(0, 7)}-01`;
    const [y, m] = date.split('-').map(Number);
    return [start, fromUtc(Date.UTC(y, m, 1) - DAY_MS)];
  }
  toUtc(date);
  return [date, date];
}

/** Minimal event shape the timeline needs (SitEvent satisfies it). */
export interface DatedEvent {
  event_date: string;
  date_precision: 'day' | 'week' | 'month';
}

export function eventSpan(event: DatedEvent): DayRange {
  return dateSpan(event.event_date, event.date_precision);
}

/** Whether the event's date span overlaps the range (both inclusive). */
export function eventInRange(event: DatedEvent, [from, to]: DayRange): boolean {
  const [s, e] = eventSpan(event);
  return s <= to && e >= from;
}

/**
 * The report's day domain: from the earliest day-precision date in the text or among the
 * events (within 60 days before publication: 'the 1990s' is history, not the timeline) to
 * the publication date. For the seed: 2020-09-27..2020-09-30.
 */
export function reportDayDomain(report: Report, events: readonly DatedEvent[] = []): DayRange {
  const pub = report.meta.published.date;
  const earliest = stepDay(pub, -60);
  const days = [
    ...report.dates.filter((d) => d.precision === 'day').map((d) => d.date),
    ...events.filter((e) => e.date_precision === 'day').map((e) => e.event_date),
  ].filter((d) => isIsoDay(d) && d >= earliest && d <= pub);
  let from = pub;
  for (const d of days) if (d < from) from = d;
  return [from, pub];
}
