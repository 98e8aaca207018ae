import { describe, expect, it } from 'vitest';
import { buildEvents } from '../../../src/lib/domain/events';
import { buildSearchIndex, normalize, search } from '../../../src/lib/domain/search';
import { loadAcled, loadFixture, loadRealData } from '../../fixtures/events/load';

const acled = loadAcled();

describe('normalize', () => {
  it('folds case, accents, Azerbaijani letters and punctuation', () => {
    expect(normalize('Xankəndi')).toBe('xankandi');
    expect(normalize('ŞUŞA')).toBe('susa');
    expect(normalize('Çavuşoğlu')).toBe('cavusoglu');
    expect(normalize('U.N. Security  Council')).toBe('un security council');
    expect(normalize('Turkey’s')).toBe('turkeys');
    expect(normalize('Collective Security Treaty Organisation (CSTO)')).toBe('collective security treaty organisation csto');
  });
});

describe('search on the fixture', () => {
  const data = loadFixture();
  const index = buildSearchIndex(data, buildEvents(data, acled));

  it('"Khankendi" and "Xankandi" find Stepanakert through its alternate names', () => {
    for (const q of ['Khankendi', 'xankandi', 'XANKƏNDI', 'stepanak']) {
      const [top] = search(index, q);
      expect(top, q).toMatchObject({ id: 'place:stepanakert', kind: 'place', label: 'Stepanakert / Khankendi' });
    }
    expect(search(index, 'Khankendi')[0]).toMatchObject({ matched: 'Khankendi', field: 'alias' });
    expect(search(index, 'Xankandi')[0]).toMatchObject({ matched: 'Xankəndi', field: 'alias' });
  });

  it('"Erdogan" finds the statement event, with the excerpt as the match', () => {
    const results = search(index, 'erdogan');
    expect(results[0]).toMatchObject({ id: 'TUR-sitmap-erdogan-statement', featureId: 'incident:erdogan-statement', kind: 'event' });
  });

  it('"CSTO" finds the actor', () => {
    expect(search(index, 'CSTO')[0]).toMatchObject({ id: 'actor:csto', kind: 'actor' });
  });

  it('ranks an exact name above a word inside an excerpt', () => {
    const r = search(index, 'baku');
    expect(r[0].id).toBe('place:baku');
    expect(r[0].score).toBe(1);
    // the cross-border event's excerpt starts "BAKU/YEREVAN": found, but lower
    const ev = r.find((x) => x.kind === 'event');
    expect(ev).toBeDefined();
    expect(ev!.score).toBeLessThan(r[0].score);
  });

  it('matches all words of a multi-word query in any order', () => {
    expect(search(index, 'clashes new')[0].featureId).toBe('incident:clashes');
  });

  it('returns nothing for empty, punctuation-only, unmatched or non-string queries', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, '  ..  ')).toEqual([]);
    expect(search(index, 'zzqx')).toEqual([]);
    expect(search(index, undefined as unknown as string)).toEqual([]);
  });

  it('is stable: ties ordered by kind, label, id; limit and kinds filters apply', () => {
    const a = search(index, 'a', { limit: 50 });
    expect(search(index, 'a', { limit: 50 })).toEqual(a);
    expect(search(index, 'azerbaijan', { limit: 1 })).toHaveLength(1);
    expect(search(index, 'azerbaijan', { kinds: ['event'] }).every((r) => r.kind === 'event')).toBe(true);
  });
});

describe('search on the built data (data/*.json)', () => {
  const data = loadRealData();
  const events = buildEvents(data, acled);
  const index = buildSearchIndex(data, events);

  it('"Khankendi" and "Xankandi" select place:stepanakert', () => {
    expect(search(index, 'Khankendi')[0].id).toBe('place:stepanakert');
    expect(search(index, 'Xankandi')[0].id).toBe('place:stepanakert');
  });

  it('"Erdogan" finds a statement event; "CSTO" finds actor:csto', () => {
    const top = search(index, 'Erdogan')[0];
    expect(top.kind).toBe('event');
    expect(events.find((e) => e.event_id === top.id)?.category).toBe('statements');
    expect(search(index, 'CSTO')[0].id).toBe('actor:csto');
  });

  it('finds places by the words the report uses ("Ankara" finds Turkey)', () => {
    expect(search(index, 'Ankara')[0].featureId).toBe('actor:turkey');
  });
});
