import { describe, expect, it } from 'vitest';
import type { SeedMeta } from '../../../src/lib/domain/types';
import { extractDates, resolveWeekday, splitParagraphs, splitSentences } from '../../../src/lib/extract/index';

const slices = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('does not break on U.N. or Sept. or initials', () => {
    expect(slices('The U.N. Security Council met. It ended on Sept. 29 with John F. Kennedy. Done!')).toEqual([
      'The U.N. Security Council met.',
      'It ended on Sept. 29 with John F. Kennedy.',
      'Done!',
    ]);
  });
  it('keeps closing quotes with their sentence and splits before an opening quote', () => {
    expect(slices('He said “no.” Then “yes.” She left.')).toEqual(['He said “no.”', 'Then “yes.”', 'She left.']);
  });
  it('does not split before a lower-case word or inside numbers', () => {
    expect(slices('It killed 30,000 people. e.g. the war.')).toEqual(['It killed 30,000 people. e.g. the war.']);
  });
  it('lines are paragraphs; blank lines are skipped; spans are trimmed', () => {
    const text = 'Title line\n\nSource\n\n  Body one. Body two.\nLast.';
    expect(splitParagraphs(text).map((p) => text.slice(p.start, p.end))).toEqual([
      'Title line',
      'Source',
      'Body one. Body two.',
      'Last.',
    ]);
    expect(slices(text)).toEqual(['Title line', 'Source', 'Body one.', 'Body two.', 'Last.']);
  });
});

describe('dates', () => {
  it('resolves weekdays to the most recent one on or before publication', () => {
    expect(resolveWeekday('Sunday', '2020-09-30')).toBe('2020-09-27');
    expect(resolveWeekday('Monday', '2020-09-30')).toBe('2020-09-28');
    expect(resolveWeekday('Tuesday', '2020-09-30')).toBe('2020-09-29');
    expect(resolveWeekday('Wednesday', '2020-09-30')).toBe('2020-09-30');
    expect(resolveWeekday('Thursday', '2020-09-30')).toBe('2020-09-24');
    expect(resolveWeekday('Friday', '2021-01-01')).toBe('2021-01-01');
    expect(resolveWeekday('Saturday', '2021-01-01')).toBe('2020-12-26');
  });

  const meta = { published: { date: '2020-09-30', precision: 'day', inferred: true, method: 'x' } } as SeedMeta;
  it('finds weekdays, absolute dates and month-years; skips decades', () => {
    const text = 'On Sunday, released September 29, 2020, and 1 Oct 2020, in Sept. 2020 since the 1990s. Sundays no.';
    const ds = extractDates(text, meta, [{ start: 0, end: text.length }]);
    expect(ds.map((d) => [d.text, d.date, d.precision])).toEqual([
      ['Sunday', '2020-09-27', 'day'],
      ['September 29, 2020', '2020-09-29', 'day'],
      ['1 Oct 2020', '2020-10-01', 'day'],
      ['Sept. 2020', '2020-09-01', 'month'],
    ]);
    for (const d of ds) expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(ds[0].id).toBe('d:2020-09-27:3');
    expect(ds[0].method).toMatch(/inferred publication date 2020-09-30/);
  });
  it('rejects impossible calendar dates', () => {
    expect(extractDates('on September 31, 2020', meta, [{ start: 0, end: 21 }])).toEqual([]);
  });
});
