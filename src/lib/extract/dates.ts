// Date mentions: weekday names resolved against the publication date, and absolute dates.
//
// - A weekday ('Sunday' … 'Saturday') resolves to the most recent such weekday on or before the
//   publication date (published Wednesday 2020-09-30: Sunday → 2020-09-27, Monday → 28,
//   Tuesday → 29, Wednesday → 30). Precision 'day'.
// - 'September 29, 2020' / 'Sept. 29, 2020' / '29 September 2020' → that day, precision 'day'.
// - 'September 2020' → first of the month, precision 'month'.
// - Decades ('the 1990s', 'the mid-1990s') are not extracted: the contract has no decade precision.
import type { DateMention, SeedMeta, Span } from '../domain/types';
import { onWordBoundaries, spanIndexAt } from './text';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_RE =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function parseIso(s: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not an ISO date: ${JSON.stringify(s)}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function validDay(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? iso(date) : null;
}

/** The most recent `weekday` on or before `published` (YYYY-MM-DD). */
export function resolveWeekday(weekday: string, published: string): string {
  const target = WEEKDAYS.findIndex((w) => w.toLowerCase() === weekday.toLowerCase());
  if (target < 0) throw new Error(`not a weekday: ${JSON.stringify(weekday)}`);
  const pub = parseIso(published);
  const back = (pub.getUTCDay() - target + 7) % 7;
  return iso(new Date(pub.getTime() - back * 86_400_000));
}

/** Every date mention in the text, sorted by start, ids 'd:<date>:<start>'. */
export function extractDates(text: string, meta: SeedMeta, sentences: readonly Span[]): DateMention[] {
  const published = meta.published.date;
  const how = `${meta.published.inferred ? 'inferred ' : ''}publication date ${published}`;
  const found: Omit<DateMention, 'id' | 'sentence'>[] = [];
  const taken = (s: number, e: number): boolean => found.some((f) => s < f.end && f.start < e);
  const add = (start: number, end: number, date: string, precision: DateMention['precision'], method: string): void => {
    if (!onWordBoundaries(text, start, end) || taken(start, end)) return;
    found.push({ start, end, text: text.slice(start, end), date, precision, method });
  };
  // Longest forms first, so 'September 29, 2020' is one mention rather than 'September 2020'-like pieces.
  for (const m of text.matchAll(new RegExp(`(${MONTH_RE}) (\\d{1,2}),? (\\d{4})`, 'g'))) {
    const day = validDay(Number(m[3]), MONTHS[m[1].replace('.', '').toLowerCase()], Number(m[2]));
    if (day) add(m.index, m.index + m[0].length, day, 'day', 'absolute date in the text');
  }
  for (const m of text.matchAll(new RegExp(`(\\d{1,2}) (${MONTH_RE}),? (\\d{4})`, 'g'))) {
    const day = validDay(Number(m[3]), MONTHS[m[2].replace('.', '').toLowerCase()], Number(m[1]));
    if (day) add(m.index, m.index + m[0].length, day, 'day', 'absolute date in the text');
  }
  for (const m of text.matchAll(new RegExp(`(${MONTH_RE}) (\\d{4})`, 'g'))) {
    const month = validDay(Number(m[2]), MONTHS[m[1].replace('.', '').toLowerCase()], 1);
    if (month) add(m.index, m.index + m[0].length, month, 'month', 'month and year in the text');
  }
  for (const m of text.matchAll(new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'g'))) {
    add(m.index, m.index + m[0].length, resolveWeekday(m[1], published), 'day',
      `most recent ${m[1]} on or before the ${how}`);
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ id: `d:${f.date}:${f.start}`, ...f, sentence: Math.max(0, spanIndexAt(sentences, f.start)) }));
}
