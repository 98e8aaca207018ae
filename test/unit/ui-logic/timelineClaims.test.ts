import { describe, expect, it } from 'vitest';
import { timelineMarks, dayAtFraction, daySlots } from '../../../src/lib/domain/timelineLayout';
import { claimsBySide } from '../../../src/lib/domain/claimsView';
import { buildEvents } from '../../../src/lib/domain/events';
import { daysIn, reportDayDomain, type DayRange } from '../../../src/lib/domain/timeRange';
import { loadAcled, loadRealData } from '../../fixtures/events/load';

const domain: DayRange = ['2020-09-27', '2020-09-30'];

describe('timelineMarks', () => {
  it('puts day-precision events as dots in the middle of their day', () => {
    const [m] = timelineMarks([{ event_date: '2020-09-28', date_precision: 'day' }], domain);
    expect(m.shape).toBe('dot');
    expect(m.x0).toBeCloseTo(1.5 / 4);
    expect(m.x1).toBe(m.x0);
    expect(m.inDomain).toBe(true);
  });
  it('draws week dates as spans clipped to the strip, flagging the clipped side', () => {
    // The week ending on 2020-09-30: Thu 24 .. Wed 30 Sep; the strip starts on the 27th.
    const [m] = timelineMarks([{ event_date: '2020-09-30', date_precision: 'week' }], domain);
    expect(m.shape).toBe('span');
    expect(m.span).toEqual(['2020-09-24', '2020-09-30']);
    expect(m.x0).toBe(0);
    expect(m.x1).toBe(1);
    expect(m.clippedStart).toBe(true);
    expect(m.clippedEnd).toBe(false);
  });
  it('flags events outside the domain and stacks overlapping marks in lanes', () => {
    const marks = timelineMarks(
      [
        { event_date: '2020-08-01', date_precision: 'day' },
        { event_date: '2020-09-29', date_precision: 'day' },
        { event_date: '2020-09-29', date_precision: 'day' },
      ],
      domain,
    );
    expect(marks[0].inDomain).toBe(false);
    expect(marks[1].lane).not.toBe(marks[2].lane);
  });
  it('maps a strip fraction back to a day', () => {
    const days = daysIn(domain);
    expect(daySlots(domain)).toBe(4);
    expect(dayAtFraction(domain, 0, days)).toBe('2020-09-27');
    expect(dayAtFraction(domain, 0.6, days)).toBe('2020-09-29');
    expect(dayAtFraction(domain, 1.7, days)).toBe('2020-09-30');
    expect(dayAtFraction(domain, NaN, days)).toBe('2020-09-27');
  });
});

describe('on the seed', () => {
  const data = loadRealData();
  const acled = loadAcled();
  it('every event gets a mark inside 27–30 September', () => {
    const events = buildEvents(data, acled);
    const d = reportDayDomain(data.report, events);
    expect(d).toEqual(domain);
    for (const m of timelineMarks(events, d)) expect(m.inDomain).toBe(true);
  });
  it('claims: both sides of the cross-border fire and line-of-contact attacks, with exact excerpts', () => {
    const rows = claimsBySide(data, acled, ['incident:cross-border-fire', 'incident:line-of-contact-attacks', 'nope'], [
      { side: 'armenia', label: 'Armenian side' },
      { side: 'azerbaijan', label: 'Azerbaijani side' },
    ]);
    expect(rows.map((r) => r.featureId)).toEqual(['incident:cross-border-fire', 'incident:line-of-contact-attacks']);
    for (const r of rows) {
      expect(r.contested).toBe(true);
      for (const col of r.sides) {
        expect(col.claims.length).toBeGreaterThan(0);
        for (const c of col.claims) {
          expect(c.excerpts.length).toBeGreaterThan(0);
          for (const ex of c.excerpts) {
            const s = data.report.sentences[ex.sentence];
            expect(ex.text).toBe(data.report.text.slice(s.start, s.end));
          }
        }
      }
    }
    expect(rows[1].sides[0].claims.map((c) => c.by)).toEqual(['nk-forces']);
    expect(rows[1].sides[1].claims.map((c) => c.by)).toEqual(['azerbaijan']);
  });

  it('claims: shared sentences mark per side who accuses, who is accused and the accusation', () => {
    const rows = claimsBySide(data, acled, ['incident:cross-border-fire', 'incident:line-of-contact-attacks'], [
      { side: 'armenia', label: 'Armenian side' },
      { side: 'azerbaijan', label: 'Azerbaijani side' },
    ]);
    const marked = (row: number, col: number, mark: string): string[] =>
      rows[row].sides[col].claims.flatMap((c) => c.excerpts.flatMap((e) => e.segments.filter((s) => s.mark === mark).map((s) => s.text)));
    for (const r of rows) {
      // Both sides quote the same sentences ("accused one another"), so the view must say so.
      expect(r.sharedExcerpts).toBe(true);
      for (const col of r.sides)
        for (const c of col.claims)
          for (const ex of c.excerpts) expect(ex.segments.map((s) => s.text).join('')).toBe(ex.text);
    }
    // Cross-border fire: Armenia accuses Azerbaijan in one column, the reverse in the other.
    expect(marked(0, 0, 'speaker')).toEqual(['Armenia']);
    expect(marked(0, 0, 'accused')).toEqual(['Azerbaijan']);
    expect(marked(0, 1, 'speaker')).toEqual(['Azerbaijan']);
    expect(marked(0, 1, 'accused')).toEqual(['Armenia']);
    expect(marked(0, 0, 'claim')).toEqual([
      'accused one another of firing directly into each other’s territory',
      'reported firing from the other side across their shared border',
    ]);
    // Line of contact: the enclave's forces and Azerbaijan, each accusing the other.
    expect(marked(1, 0, 'speaker')).toEqual(['ethnic Armenian']);
    expect(marked(1, 0, 'accused')).toEqual(['Azerbaijan']);
    expect(marked(1, 1, 'speaker')).toEqual(['Azerbaijan']);
    expect(marked(1, 1, 'claim')).toEqual(['attacks from both sides along the line of contact']);
  });
});
