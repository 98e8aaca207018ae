import { describe, expect, it } from 'vitest';
import { buildEvents } from '../../../src/lib/domain/events';
import { MAX_HASH_LENGTH, normalizeView, parseView, serializeView, type KnownIds, type MapView } from '../../../src/lib/domain/deepLink';
import { ACTOR_IDS, CATEGORY_IDS } from '../../../src/lib/domain/types';
import { loadAcled, loadFixture } from '../../fixtures/events/load';

const data = loadFixture();
const events = buildEvents(data, loadAcled());
const known: KnownIds = {
  featureIds: data.features.features.map((f) => String(f.id)),
  eventIds: events.map((e) => e.event_id),
  actorIds: ACTOR_IDS,
  categoryIds: CATEGORY_IDS,
};

const full: MapView = {
  center: [46.7518123, 39.8156456],
  zoom: 7.25678,
  bearing: -12.345,
  pitch: 30.06,
  actors: ['azerbaijan', 'nk-forces'],
  categories: ['clashes', 'statements'],
  selected: 'place:stepanakert',
  range: ['2020-09-28', '2020-09-30'],
};

describe('serializeView / parseView round trip', () => {
  it('restores the camera (rounded), layers, selection and range', () => {
    const hash = serializeView(full);
    expect(hash).toBe('#c=46.75181,39.81565&z=7.26&b=-12.3&p=30.1&a=azerbaijan,nk-forces&k=clashes,statements&s=place:stepanakert&t=2020-09-28..2020-09-30');
    const { view, notices } = parseView(hash, known);
    expect(notices).toEqual([]);
    expect(view).toEqual(normalizeView(full));
    expect(serializeView(view)).toBe(hash);
  });

  it('round-trips an event selection, empty layer lists and an empty view', () => {
    const v: MapView = { selected: events[0].event_id, actors: [], categories: [] };
    const { view, notices } = parseView(serializeView(v), known);
    expect(notices).toEqual([]);
    expect(view).toEqual(v);
    expect(serializeView({})).toBe('#');
    expect(parseView('#', known)).toEqual({ view: {}, notices: [] });
    expect(parseView('', known)).toEqual({ view: {}, notices: [] });
  });

  it('accepts the hash without "#", and percent-encoded ids', () => {
    const { view } = parseView('s=place%3Abaku&z=3', known);
    expect(view).toEqual({ selected: 'place:baku', zoom: 3 });
  });
});

describe('parseView on broken or hostile input: never throws, keeps what is good, says what it dropped', () => {
  const cases: [string, string, MapView, RegExp][] = [
    ['NaN zoom', '#z=NaN&s=place:baku', { selected: 'place:baku' }, /zoom.*not a number/],
    ['Infinity', '#z=Infinity', {}, /not a number/],
    ['hex number', '#z=0x10', {}, /not a number/],
    ['zoom out of range', '#z=99', {}, /zoom.*outside 0\.\.24/],
    ['latitude out of range', '#c=10,95', {}, /latitude.*outside/],
    ['longitude out of range', '#c=-200,40', {}, /longitude.*outside/],
    ['centre with one number', '#c=45', {}, /centre/],
    ['pitch too steep', '#p=90&b=10', { bearing: 10 }, /pitch/],
    ['unknown feature', '#s=place:atlantis', {}, /unknown selection/],
    ['script in selection', '#s=%3Cscript%3Ealert(1)%3C%2Fscript%3E', {}, /malformed selection/],
    ['javascript: url', '#s=javascript:alert(1)', {}, /malformed selection/],
    ['unknown actor kept out, known kept', '#a=azerbaijan,martians', { actors: ['azerbaijan'] }, /unknown actor layer/],
    ['bad category', '#k=clashes,<img src=x onerror=alert(1)>', { categories: ['clashes'] }, /malformed incident layer/],
    ['bad percent encoding', '#s=%E0%A4%A&z=4', { zoom: 4 }, /not valid URL encoding/],
    ['reversed range', '#t=2020-09-30..2020-09-27', {}, /after/],
    ['impossible date', '#t=2020-02-30..2020-03-01', {}, /time range/],
    ['unknown key', '#evil=1&z=2', { zoom: 2 }, /unknown link parameter/],
    ['repeated key', '#z=2&z=9', { zoom: 2 }, /repeated/],
    ['proto pollution key', '#__proto__=1&constructor=2', {}, /unknown link parameter/],
  ];
  for (const [name, hash, view, notice] of cases) {
    it(name, () => {
      const out = parseView(hash, known);
      expect(out.view).toEqual(view);
      expect(out.notices.length).toBeGreaterThan(0);
      expect(out.notices.join(' | ')).toMatch(notice);
      for (const n of out.notices) expect(n).not.toMatch(/[<>]/); // notices never carry markup
    });
  }

  it('ignores a huge hash whole', () => {
    const huge = `#s=place:baku&x=${'a'.repeat(MAX_HASH_LENGTH)}`;
    const out = parseView(huge, known);
    expect(out.view).toEqual({});
    expect(out.notices[0]).toMatch(/limit is 2048/);
  });

  it('survives random garbage without throwing', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'abcstzkp=&,.:%#-0123456789<>"\'\\ \u0000\uD800é';
    for (let n = 0; n < 500; n++) {
      const len = Math.floor(rand() * 60);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const out = parseView(s, known);
      expect(Array.isArray(out.notices)).toBe(true);
      // whatever survives is valid and re-serializes to something that parses cleanly
      expect(parseView(serializeView(out.view), known).notices).toEqual([]);
    }
    expect(parseView(undefined as unknown as string, known).notices).toHaveLength(1);
  });
});
