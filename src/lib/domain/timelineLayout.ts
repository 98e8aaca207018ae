// Where the timeline draws each event: pure layout over a day domain.
// Day-precision events are dots at the middle of their day; week/month dates are
// spans over every day they could be, clipped to the domain (with a flag per side).
import { daysBetween, eventSpan, type DatedEvent, type DayRange } from './timeRange';

export interface TimelineMark {
  /** Index of the event in the input. */
  index: number;
  /** The event's full day span (before clipping). */
  span: DayRange;
  /** Left and right edges as fractions 0..1 of the strip (days are equal slots). */
  x0: number;
  x1: number;
  /** A dot (exact day) or a span (imprecise date). */
  shape: 'dot' | 'span';
  /** The span goes on before / after the strip. */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** Row, so marks on the same days do not overlap. */
  lane: number;
  /** False when the span misses the domain entirely. */
  inDomain: boolean;
}

/** Number of day slots in the domain. */
export const daySlots = ([from, to]: DayRange): number => daysBetween(from, to) + 1;

/** Lays out events: slots of equal width per day; greedy lanes in input order. */
export function timelineMarks(events: readonly DatedEvent[], domain: DayRange): TimelineMark[] {
  const n = daySlots(domain);
  const lanesEnd: number[] = [];
  return events.map((e, index) => {
    const span = eventSpan(e);
    const shape = e.date_precision === 'day' ? 'dot' : 'span';
    const a = daysBetween(domain[0], span[0]);
    const b = daysBetween(domain[0], span[1]) + 1;
    const inDomain = a < n && b > 0;
    const ca = Math.max(0, Math.min(n, a));
    const cb = Math.max(0, Math.min(n, b));
    let x0 = ca / n;
    let x1 = cb / n;
    if (shape === 'dot') {
      x0 = x1 = (ca + 0.5) / n;
    }
    // Lanes: the first lane whose last mark ends before this one starts (with a small gap).
    let lane = lanesEnd.findIndex((end) => end <= x0 - 0.01);
    if (lane < 0) lane = lanesEnd.length;
    lanesEnd[lane] = shape === 'dot' ? x1 + 0.04 : x1;
    return { index, span, x0, x1, shape, clippedStart: a < 0, clippedEnd: b > n, lane, inDomain };
  });
}

/** The domain day under a fraction 0..1 of the strip (clamped). */
export function dayAtFraction(domain: DayRange, frac: number, days: readonly string[]): string {
  const n = days.length;
  if (n === 0) return domain[0];
  const i = Math.floor((Number.isFinite(frac) ? frac : 0) * n);
  return days[Math.max(0, Math.min(n - 1, i))];
}
