import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  countsByActor,
  countsByCategory,
  excerptsFor,
  featureIdsIn,
  mentionTexts,
  mentionsByFeature,
  visibleFeatureIds,
} from '../../../src/lib/domain/selectors';
import { ACTOR_IDS, CATEGORY_IDS, type Report, type SitFeature } from '../../../src/lib/domain/types';
import { treeText } from '../../../src/lib/domain/spanTree';

const read = (n: string) => JSON.parse(readFileSync(new URL(`../../fixtures/app/${n}.json`, import.meta.url), 'utf8'));
const features = read('features').features as SitFeature[];
const report = read('report') as Report;
const ids = (xs: string[]) => [...xs].sort();

describe('visibleFeatureIds', () => {
  it('shows everything when all toggles are on', () => {
    expect(visibleFeatureIds(features, ACTOR_IDS, CATEGORY_IDS)).toHaveLength(features.length);
  });

  it('hides a category', () => {
    const v = visibleFeatureIds(features, ACTOR_IDS, CATEGORY_IDS.filter((c) => c !== 'cross-border-fire'));
    expect(v).not.toContain('incident:cross-border-fire');
    expect(v).toHaveLength(features.length - 1);
  });

  it('keeps features with no actors and features with one actor still on', () => {
    const v = visibleFeatureIds(features, new Set(['armenia'] as const), new Set(CATEGORY_IDS));
    expect(v).toContain('place:stepanakert'); // no actors
    expect(v).toContain('incident:cross-border-fire'); // armenia + azerbaijan
    expect(v).toContain('place:yerevan');
    expect(v).not.toContain('place:baku');
    expect(v).not.toContain('actor:turkey');
  });
});

describe('counts', () => {
  it('counts per actor the features it governs under the active categories', () => {
    const all = countsByActor(features, ACTOR_IDS, CATEGORY_IDS);
    expect(all.turkey).toBe(1);
    expect(all.azerbaijan).toBe(features.filter((f) => f.properties.actors.includes('azerbaijan')).length);
    const noRef = countsByActor(features, ACTOR_IDS, ['cross-border-fire']);
    expect(noRef).toMatchObject({ azerbaijan: 1, armenia: 1, turkey: 0 });
  });

  it('counts per category, independent of its own toggle, under the active actors', () => {
    const all = countsByCategory(features, CATEGORY_IDS, ACTOR_IDS);
    expect(all['cross-border-fire']).toBe(1);
    expect(all.statements).toBe(4);
    expect(Object.values(all).reduce((a, b) => a + b, 0)).toBe(features.length);
    expect(countsByCategory(features, CATEGORY_IDS, ['turkey']).statements).toBe(1);
  });
});

describe('mentions and excerpts', () => {
  it('groups mentions by feature in text order', () => {
    const by = mentionsByFeature(report);
    const nk = by.get('region:nkao-1991')!;
    expect(nk.length).toBeGreaterThan(3);
    expect(nk.map((m) => m.start)).toEqual([...nk.map((m) => m.start)].sort((a, b) => a - b));
    expect(by.has('place:stepanakert')).toBe(false);
  });

  it('gives each mentioning sentence once, with highlight ranges matching the mention text', () => {
    const ex = excerptsFor(report, 'region:nkao-1991');
    expect(ex.map((e) => e.sentence)).toEqual([...new Set(ex.map((e) => e.sentence))].sort((a, b) => a - b));
    for (const e of ex) {
      expect(treeText(e.tree)).toBe(e.text);
      for (const h of e.highlights) expect(e.text.slice(h.start, h.end)).toBe('Nagorno-Karabakh');
    }
    const baku = excerptsFor(report, 'place:baku');
    expect(baku).toHaveLength(1);
    expect(baku[0].text.slice(baku[0].highlights[0].start, baku[0].highlights[0].end)).toBe('BAKU');
    expect(excerptsFor(report, 'place:stepanakert')).toEqual([]);
  });

  it('resolves claim mention ids to their sentences and finds features in a range', () => {
    const fire = features.find((f) => f.id === 'incident:cross-border-fire')!;
    const t = mentionTexts(report, fire.properties.claims![0].mentionIds);
    expect(t).toHaveLength(1);
    expect(t[0].sentence).toContain('shared border');
    expect(mentionTexts(report, ['m:nope:0'])).toEqual([]);
    const s = report.text.indexOf('shared border');
    expect(ids(featureIdsIn(report, { start: s, end: s + 5 }))).toEqual(['incident:cross-border-fire', 'line:armenia-azerbaijan-border']);
  });
});
