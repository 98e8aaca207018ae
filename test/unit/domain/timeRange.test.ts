import { describe, expect, it } from 'vitest';
import { buildEvents } from '../../../src/lib/domain/events';
import {
  clampDay,
  dateSpan,
  daysBetween,
  daysIn,
  eventInRange,
  isIsoDay,
  reportDayDomain,
  stepDay,
} from '../../../src/lib/domain/timeRange';
import { loadAcled, loadFixture, loadRealData } from '../../fixtures/events/load';

describe('day arithmetic', () => {
  it('steps days across month and year ends', () => {
    expect(stepDay('2020-09-30')).toBe('2020-10-01');
    expect(stepDay('2020-09-27', -1)).toBe('2020-09-26');
    expect(stepDay('2020-12-31', 1)).toBe('2021-01-01');
    expect(stepDay('2020-02-28', 1)).toBe('2020-02-29');
    expect(daysBetween('2020-09-27', '2020-09-30')).toBe(3);
    expect(daysIn(['2020-09-27', '2020-09-30'])).toEqual(['2020-09-27', '2020-09-28', '2020-09-29', '2020-09-30']);
    expect(clampDay('2020-10-05', ['2020-09-27', '2020-09-30'])).toBe('2020-09-30');
  });
  it('rejects non-days', () => {
    expect(isIsoDay('2020-02-30')).toBe(false);
    expect(isIsoDay('2020-9-1')).toBe(false);
    expect(isIsoDay(20200927)).toBe(false);
    expect(isIsoDay('2020-09-27')).toBe(true);
    expect(() => stepDay('yesterday')).toThrow(/not an ISO day/);
  });
});

describe('imprecise dates as spans', () => {
  it('a week is the seven days ending on its date (never past it), a month its calendar month', () => {
    expect(dateSpan('2020-09-30', 'week')).toEqual(['2020-09-24', '2020-09-30']);
    expect(dateSpan('2020-03-02', 'week')).toEqual(['2020-02-25', '2020-03-02']); // across a leap day
    expect(dateSpan('2020-02-10', 'month')).toEqual(['2020-02-01', '2020-02-29']);
    expect(dateSpan('2020-09-29', 'day')).toEqual(['2020-09-29', '2020-09-29']);
  });
  it('an imprecise event overlaps a range if its span does; a day event only on its day', () => {
    const week = { event_date: '2020-09-30', date_precision: 'week' as const };
    const day = { event_date: '2020-09-30', date_precision: 'day' as const };
    expect(eventInRange(week, ['2020-09-28', '2020-09-28'])).toBe(true);
    expect(eventInRange(day, ['2020-09-28', '2020-09-28'])).toBe(false);
    expect(eventInRange(day, ['2020-09-30', '2020-09-30'])).toBe(true);
    expect(eventInRange(week, ['2020-09-20', '2020-09-23'])).toBe(false);
    expect(eventInRange(week, ['2020-10-01', '2020-10-04'])).toBe(false);
    const month = { event_date: '2020-09-15', date_precision: 'month' as const };
    expect(eventInRange(month, ['2020-09-30', '2020-10-02'])).toBe(true);
    expect(eventInRange(month, ['2020-10-01', '2020-10-02'])).toBe(false);
  });
});

describe('reportDayDomain', () => {
  it('runs from the earliest day in the text to publication (fixture)', () => {
    const data = loadFixture();
    expect(reportDayDomain(data.report, buildEvents(data, loadAcled()))).toEqual(['2020-09-27', '2020-09-30']);
  });
  it('ignores dates long before publication', () => {
    const data = loadFixture();
    data.report.dates.push({ ...data.report.dates[0], date: '1994-05-12' });
    expect(reportDayDomain(data.report)).toEqual(['2020-09-27', '2020-09-30']);
  });
  it('is 2020-09-27..2020-09-30 for the seed report (data/report.json)', () => {
    const data = loadRealData();
    expect(reportDayDomain(data.report, buildEvents(data, loadAcled()))).toEqual(['2020-09-27', '2020-09-30']);
  });
});
