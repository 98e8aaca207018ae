import { describe, expect, it } from 'vitest';
import { buildEvents, representativePoint, type SitEvent } from '../../../src/lib/domain/events';
import { validateSitData } from '../../../src/lib/domain/validate';
import { loadAcled, loadFixture, loadRealData } from '../../fixtures/events/load';
import { CATEGORY_IDS } from '../../../src/lib/domain/types';

const acled = loadAcled();
const byFeature = (events: SitEvent[], id: string): SitEvent => {
  const e = events.find((x) => x.feature_id === id);
  if (!e) throw new Error(`no event for ${id}`);
  return e;
};

describe('data/curated/acled.json', () => {
  it('maps every incident category, actor, precision and date precision', () => {
    for (const c of CATEGORY_IDS.filter((c) => c !== 'reference')) {
      expect(acled.categories[c].event_type, c).toBeTruthy();
      expect(acled.categories[c].sub_event_type, c).toBeTruthy();
    }
    for (const a of ['azerbaijan', 'armenia', 'nk-forces', 'turkey', 'russia', 'france', 'international'] as const) {
      expect(acled.actors[a].inter, a).toBeGreaterThanOrEqual(1);
      expect(acled.actors[a].inter, a).toBeLessThanOrEqual(8);
    }
    // A seat stands in for a speaker whose place the report does not give: a place known only to its country (3).
    expect(acled.geo_precision).toMatchObject({ town: 1, seat: 3, 'line-1to10m': 2, approximate: 2, region: 3 });
    expect(acled.time_precision).toEqual({ day: 1, week: 2, month: 3 });
    expect(acled.categories['cross-border-fire']).toMatchObject({
      disorder_type: 'Political violence',
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack',
    });
    expect(acled.categories.statements).toMatchObject({ event_type: 'Strategic developments', sub_event_type: 'Other' });
  });
});

describe('buildEvents on the fixture', () => {
  const data = validateSitData(loadFixture() as never);
  const events = buildEvents(data, acled);

  it('makes one event per incident feature, nothing for places or actors', () => {
    expect(events.map((e) => e.feature_id)).toEqual([
      'incident:cross-border-fire',
      'incident:clashes',
      'incident:erdogan-statement',
      'incident:casualties',
    ]);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
  });

  it('is deterministic: same input, same output', () => {
    expect(JSON.stringify(buildEvents(data, acled))).toBe(JSON.stringify(events));
  });

  it('codes cross-border fire as shelling between two states, contested, on the representative point of the zone', () => {
    const e = byFeature(events, 'incident:cross-border-fire');
    expect(e).toMatchObject({
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Shelling/artillery/missile attack',
      actor1: 'Military Forces of Armenia (2018-)',
      actor2: 'Military Forces of Azerbaijan (2003-)',
      inter1: 1,
      inter2: 1,
      interaction: '11',
      event_date: '2020-09-30',
      year: 2020,
      time_precision: 2,
      geo_precision: 2,
      fatalities: null,
      // the zone lies in the fixture's Azerbaijan polygon
      iso: 31,
      iso3: 'AZE',
      country: 'Azerbaijan',
      region: 'Caucasus and Central Asia',
      event_id: 'AZE-sitmap-cross-border-fire',
    });
    expect(e.claimed_by).toEqual(['armenia', 'azerbaijan']);
    expect(e.tags).toContain('contested claims');
    expect(e.geometry?.type).toBe('Polygon');
    expect(e.longitude).toBeGreaterThan(45.1);
    expect(e.longitude).toBeLessThan(45.3);
    expect(e.latitude).toBeGreaterThan(40.7);
    expect(e.latitude).toBeLessThan(40.9);
  });

  it('takes the excerpt as the exact sentence of the first mention', () => {
    for (const e of events) {
      expect(e.excerpt, e.event_id).not.toBeNull();
      expect(e.notes.length).toBeGreaterThan(0);
      expect(data.report.text.slice(e.excerpt!.start, e.excerpt!.end)).toBe(e.notes);
      expect(e.mention!.start).toBeGreaterThanOrEqual(e.excerpt!.start);
      expect(e.mention!.end).toBeLessThanOrEqual(e.excerpt!.end);
    }
    expect(byFeature(events, 'incident:clashes').notes).toBe('Azerbaijan and ethnic Armenian forces fought new clashes on Wednesday.');
  });

  it('puts a line event on the line and keeps the line', () => {
    const e = byFeature(events, 'incident:clashes');
    expect(e.geometry?.type).toBe('LineString');
    expect(e).toMatchObject({ event_type: 'Battles', sub_event_type: 'Armed clash', inter1: 1, inter2: 2, interaction: '12' });
    expect(e.actor2).toBe('Military Forces of the Republic of Artsakh');
    expect(e.country).toBe('Azerbaijan');
    // representative point is the middle of the line, between its ends
    expect(e.latitude!).toBeLessThan(40.2);
    expect(e.latitude!).toBeGreaterThan(39.6);
  });

  it('codes a statement with the speaker as actor 1 and claimant, the other party as actor 2, country from the speaker', () => {
    const e = byFeature(events, 'incident:erdogan-statement');
    expect(e).toMatchObject({
      disorder_type: 'Strategic developments',
      event_type: 'Strategic developments',
      sub_event_type: 'Other',
      actor1: 'Government of Turkey (2002-)',
      actor2: 'Government of Azerbaijan (2003-)',
      inter2: 1,
      interaction: '11',
      country: 'Turkey',
      iso: 792,
      geo_precision: 3,
      time_precision: 1,
      latitude: 39.9334,
      longitude: 32.8597,
    });
    expect(e.claimed_by).toEqual(['turkey']);
  });

  it('leaves fatalities null for "dozens" and groups same-side actors as associates', () => {
    const e = byFeature(events, 'incident:casualties');
    expect(e.fatalities).toBeNull();
    expect(e.actor1).toBe('Military Forces of Azerbaijan (2003-)');
    expect(e.actor2).toBe('Military Forces of Armenia (2018-)');
    expect(e.assoc_actor_2).toBe('Military Forces of the Republic of Artsakh');
    expect(e.assoc_actor_1).toBe('');
    expect(e.geo_precision).toBe(3);
    expect(e.time_precision).toBe(3);
  });

  it('uses a number only when the curated mapping gives one', () => {
    const withNumber = { ...acled, fatalitiesByFeature: { 'incident:casualties': 12 } };
    expect(byFeature(buildEvents(data, withNumber), 'incident:casualties').fatalities).toBe(12);
  });

  it('derives the timestamp and source from the report metadata, and invents no source scale', () => {
    for (const e of events) {
      expect(e.timestamp).toBe(Date.UTC(2020, 8, 30) / 1000);
      expect(e.source).toBe('Fixture Desk: "Fixture, "quoted" title"');
      expect(e.source_scale).toBe('');
      expect([e.admin1, e.admin2, e.admin3, e.civilian_targeting]).toEqual(['', '', '', '']);
    }
  });
});

describe('representativePoint', () => {
  it('returns a point on a MultiLineString (middle of the longest part)', () => {
    const p = representativePoint({
      type: 'MultiLineString',
      coordinates: [
        [[0, 0], [0, 0.1]],
        [[10, 0], [12, 0]],
      ],
    });
    expect(p![0]).toBeCloseTo(11, 3);
    expect(p![1]).toBeCloseTo(0, 6);
  });
  it('returns null without geometry', () => {
    expect(representativePoint(null)).toBeNull();
  });
});

describe('buildEvents on the built data (data/*.json)', () => {
  const data = loadRealData();
  const events = buildEvents(data, acled);
  const incidents = data.features.features.filter((f) => f.properties.kind === 'incident');

  it('has an event for every incident feature', () => {
    expect(incidents.length).toBeGreaterThan(0);
    expect(events.map((e) => e.feature_id).sort()).toEqual(incidents.map((f) => f.id).sort());
  });

  it('every event has a non-empty excerpt span that matches report.text exactly', () => {
    for (const e of events) {
      expect(e.excerpt, e.event_id).not.toBeNull();
      expect(e.excerpt!.end).toBeGreaterThan(e.excerpt!.start);
      expect(data.report.text.slice(e.excerpt!.start, e.excerpt!.end), e.event_id).toBe(e.notes);
    }
  });

  it('keeps every event inside ACLED codes and with a position', () => {
    for (const e of events) {
      expect([1, 2, 3], e.event_id).toContain(e.time_precision);
      expect([1, 2, 3], e.event_id).toContain(e.geo_precision);
      expect(e.latitude, e.event_id).not.toBeNull();
      expect(e.longitude, e.event_id).not.toBeNull();
      expect(e.event_type, e.event_id).toBeTruthy();
      expect(e.actor1, e.event_id).toBeTruthy();
      expect(e.fatalities === null || Number.isInteger(e.fatalities)).toBe(true);
    }
  });

  it('places statements made abroad in the curated country, and curated claimants apply', () => {
    const macron = events.find((x) => x.feature_id === 'incident:statement-macron');
    expect(macron).toMatchObject({ country: 'Latvia', iso: 428, actor1: 'Government of France (2017-)' });
    const talks = events.find((x) => x.feature_id === 'incident:rejected-talks');
    expect(talks?.claimed_by).toEqual(['armenia', 'azerbaijan']);
    const erdogan = events.find((x) => x.feature_id === 'incident:statement-erdogan-2020-09-28');
    expect(erdogan).toMatchObject({ event_date: '2020-09-28', time_precision: 1, country: 'Turkey', claimed_by: ['turkey'] });
  });

  it('codes geo_precision 1 only where the event happened in the town drawn', () => {
    const gp = (id: string): number | undefined => events.find((x) => x.feature_id === id)?.geo_precision;
    // Macron spoke somewhere in Latvia (the report names the country only): Riga stands in for it.
    expect(gp('incident:statement-macron')).toBe(3);
    // Erdogan, Pashinyan: the report does not say where they spoke; the capital stands in for the country.
    expect(gp('incident:statement-erdogan-2020-09-28')).toBe(3);
    expect(gp('incident:statement-pashinyan-2020-09-29')).toBe(3);
    // The U.N. Security Council sits in New York: the curated override says so.
    expect(gp('incident:statement-unsc-2020-09-29')).toBe(1);
    // Zones and the line of contact: part of a region.
    expect(gp('incident:line-of-contact-attacks')).toBe(2);
    expect(gp('incident:cross-border-fire')).toBe(2);
  });

  it('records both sides of the cross-border fire as claimants', () => {
    const e = events.find((x) => x.category === 'cross-border-fire');
    expect(e).toBeDefined();
    expect([...e!.claimed_by].sort()).toEqual(['armenia', 'azerbaijan']);
    expect(e!.fatalities).toBeNull();
  });
});
