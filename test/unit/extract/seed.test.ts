// Pins the spans extracted from the seed report. Offsets are UTF-16 code units of the exact file text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../scripts/data/report.ts';

const root = join(import.meta.dirname, '../../..');
const seedText = readFileSync(join(root, 'seeds/000_2cef7bef96ce68de.txt'), 'utf8');
const { report, incidents } = buildReport(root);

/** [start, featureId, text] of every mention, in order. */
const PINNED: [number, string, string][] = [
  [0, "country:azerbaijan", "Azerbaijan"],
  [12, "country:armenia", "Armenia"],
  [20, "incident:rejected-talks", "reject talks"],
  [89, "place:baku", "BAKU"],
  [94, "place:yerevan", "YEREVAN"],
  [103, "country:armenia", "Armenia"],
  [115, "country:azerbaijan", "Azerbaijan"],
  [126, "incident:cross-border-fire", "accused one another of firing directly into each other’s territory"],
  [197, "incident:rejected-talks", "rejected pressure to hold peace talks"],
  [258, "region:nkao-1991", "the enclave"],
  [273, "region:nkao-1991", "Nagorno-Karabakh"],
  [336, "incident:cross-border-fire", "reported firing from the other side across their shared border"],
  [385, "line:armenia-azerbaijan-border", "shared border"],
  [424, "region:nkao-1991", "breakaway Nagorno-Karabakh region"],
  [469, "incident:fighting-2020-09-27", "fierce fighting broke out"],
  [503, "country:azerbaijan", "Azeri"],
  [513, "region:held-1994-2020", "ethnic Armenian forces"],
  [547, "country:azerbaijan", "Azerbaijan"],
  [562, "region:held-1994-2020", "ethnic Armenian forces"],
  [585, "incident:clashes-2020-09-30", "fought new clashes"],
  [696, "actor:france", "France"],
  [707, "actor:turkey", "Turkey"],
  [774, "region:held-1994-2020", "ethnic Armenian"],
  [844, "country:azerbaijan", "Azerbaijan"],
  [871, "region:nkao-1991", "breakaway region"],
  [891, "region:nkao-1991", "Nagorno-Karabakh"],
  [962, "country:azerbaijan", "Azerbaijan"],
  [981, "region:held-1994-2020", "ethnic Armenian"],
  [1008, "region:nkao-1991", "Nagorno-Karabakh"],
  [1041, "incident:line-of-contact-attacks", "attacks from both sides along the line of contact"],
  [1075, "line:line-of-contact-1994", "line of contact"],
  [1110, "incident:casualties", "Dozens have been reported killed and hundreds wounded"],
  [1167, "incident:fighting-2020-09-27", "fighting that began on Sunday"],
  [1223, "region:nkao-1991", "the enclave"],
  [1323, "country:azerbaijan", "Azerbaijan"],
  [1338, "country:armenia", "Armenia"],
  [1406, "region:south-caucasus", "South Caucasus"],
  [1444, "line:pipeline-btc", "pipelines carrying oil"],
  [1471, "line:pipeline-scp", "gas to world markets"],
  [1531, "actor:russia", "Russia"],
  [1542, "actor:turkey", "Turkey"],
  [1576, "actor:turkey", "Turkey"],
  [1585, "actor:nato", "NATO"],
  [1625, "actor:turkey", "Ankara"],
  [1644, "region:nkao-1991", "Nagorno-Karabakh"],
  [1664, "region:nkao-1991", "breakaway region"],
  [1688, "actor:turkey", "Turkey"],
  [1708, "country:azerbaijan", "Azerbaijan"],
  [1734, "region:held-1994-2020", "ethnic Armenians"],
  [1816, "actor:turkey", "Turkish"],
  [1834, "incident:statement-erdogan-2020-09-28", "Tayyip Erdogan said on Monday"],
  [1834, "actor:turkey", "Tayyip Erdogan"],
  [1864, "country:azerbaijan", "Azerbaijan"],
  [1921, "actor:turkey", "Turkey"],
  [2001, "actor:turkey", "Mevlut Cavusoglu"],
  [2018, "incident:statement-cavusoglu-2020-09-30", "reiterated Ankara’s backing"],
  [2029, "actor:turkey", "Ankara"],
  [2067, "actor:turkey", "Turkey"],
  [2157, "country:azerbaijan", "Azerbaijan"],
  [2182, "actor:turkey", "Cavusoglu"],
  [2192, "incident:statement-cavusoglu-2020-09-30", "criticised France"],
  [2203, "actor:france", "France"],
  [2238, "country:armenia", "Armenian"],
  [2264, "actor:france", "French"],
  [2287, "country:armenia", "Armenia"],
  [2318, "country:armenia", "Armenian"],
  [2341, "country:azerbaijan", "Azerbaijan"],
  [2353, "actor:france", "French"],
  [2370, "actor:france", "Emmanuel Macron"],
  [2386, "incident:statement-macron", "hit back"],
  [2417, "actor:nato", "NATO"],
  [2429, "place:riga", "Latvia"],
  [2437, "incident:statement-macron", "Macron said France was extremely concerned"],
  [2437, "actor:france", "Macron"],
  [2449, "actor:france", "France"],
  [2506, "actor:turkey", "Turkey"],
  [2546, "country:azerbaijan", "Azerbaijan"],
  [2587, "region:nkao-1991", "Nagorno-Karabakh"],
  [2636, "actor:un-security-council", "U.N. Security Council"],
  [2658, "incident:statement-unsc-2020-09-29", "called on Tuesday for an immediate end to the fighting"],
  [2718, "region:nkao-1991", "Nagorno-Karabakh"],
  [2758, "country:azerbaijan", "Azerbaijan"],
  [2867, "country:armenia", "Armenian"],
  [2891, "country:armenia", "Nikol Pashinyan"],
  [2912, "incident:statement-pashinyan-2020-09-29", "spoke by phone"],
  [2930, "actor:russia", "Russian"],
  [2948, "actor:russia", "Vladimir Putin"],
  [3027, "actor:csto", "post-Soviet security treaty"],
  [3091, "country:armenia", "Armenia"],
  [3155, "actor:csto", "Collective Security Treaty Organisation (CSTO)"],
  [3218, "actor:russia", "Russian"],
  [3240, "incident:statement-pashinyan-2020-09-29", "quoted Pashinyan as saying"],
  [3247, "country:armenia", "Pashinyan"],
];

describe('seed report extraction', () => {
  it('keeps the exact file text and metadata', () => {
    expect(report.text).toBe(seedText);
    expect(report.meta.published.date).toBe('2020-09-30');
    expect(report.meta.source).toBe('Foreign Desk Report');
  });

  it('finds exactly the pinned mentions', () => {
    expect(report.mentions.map((m) => [m.start, m.featureId, m.text])).toEqual(PINNED);
  });

  it('every mention and date is exactly its slice of the text, with a matching id and sentence', () => {
    for (const m of [...report.mentions, ...report.dates]) {
      expect(m.text).toBe(seedText.slice(m.start, m.end));
      const s = report.sentences[m.sentence];
      expect(m.start).toBeGreaterThanOrEqual(s.start);
      expect(m.end).toBeLessThanOrEqual(s.end);
    }
    for (const m of report.mentions) expect(m.id).toBe(`m:${m.featureId}:${m.start}`);
    expect(new Set(report.mentions.map((m) => m.id)).size).toBe(report.mentions.length);
  });

  it('pins a few offsets independently with text.slice', () => {
    const at = (id: string) => report.mentions.find((m) => m.id === id)!;
    expect(seedText.slice(89, 93)).toBe('BAKU');
    expect(at('m:place:baku:89').end).toBe(93);
    expect(seedText.slice(at('m:line:line-of-contact-1994:1075').start, at('m:line:line-of-contact-1994:1075').end)).toBe('line of contact');
    expect(seedText.indexOf('U.N. Security Council')).toBe(at('m:actor:un-security-council:2636').start);
    // Possessive: 'Azerbaijan’s forces' → the span is 'Azerbaijan', the ’s stays outside.
    const poss = seedText.indexOf('Azerbaijan’s forces');
    const m = report.mentions.find((x) => x.start === poss)!;
    expect(m.featureId).toBe('country:azerbaijan');
    expect(m.end).toBe(poss + 'Azerbaijan'.length);
    expect(seedText[m.end]).toBe('’');
  });

  it('covers the phrases the issue names', () => {
    const pairs = new Set(report.mentions.map((m) => `${m.text}|${m.featureId}`));
    for (const p of [
      'Azeri|country:azerbaijan',
      'Azerbaijan|country:azerbaijan',
      'ethnic Armenian forces|region:held-1994-2020',
      'ethnic Armenian|region:held-1994-2020',
      'Nagorno-Karabakh|region:nkao-1991',
      'the enclave|region:nkao-1991',
      'breakaway region|region:nkao-1991',
      'line of contact|line:line-of-contact-1994',
      'shared border|line:armenia-azerbaijan-border',
      'South Caucasus|region:south-caucasus',
      'Turkey|actor:turkey',
      'Ankara|actor:turkey',
      'Turkish|actor:turkey',
      'France|actor:france',
      'French|actor:france',
      'Latvia|place:riga',
      'Russia|actor:russia',
      'Russian|actor:russia',
      'U.N. Security Council|actor:un-security-council',
      'Collective Security Treaty Organisation (CSTO)|actor:csto',
      'NATO|actor:nato',
      'BAKU|place:baku',
      'YEREVAN|place:yerevan',
    ])
      expect(pairs, p).toContain(p);
  });

  it('never mentions a reference town that the report does not name', () => {
    expect(report.mentions.some((m) => m.featureId === 'place:stepanakert')).toBe(false);
    expect(report.mentions.filter((m) => m.featureId.startsWith('place:')).map((m) => m.featureId).sort()).toEqual(
      ['place:baku', 'place:riga', 'place:yerevan'],
    );
  });

  it('place/actor mentions never overlap; incident mentions only nest them', () => {
    const layer = (incident: boolean) => report.mentions.filter((m) => (m.kind === 'incident') === incident);
    for (const list of [layer(false), layer(true)])
      for (let i = 1; i < list.length; i++) expect(list[i].start).toBeGreaterThanOrEqual(list[i - 1].end);
    const nested = report.mentions.filter(
      (m) => m.kind !== 'incident' && layer(true).some((i) => m.start < i.end && i.start < m.end),
    );
    for (const m of nested) {
      const outer = layer(true).find((i) => m.start < i.end && i.start < m.end)!;
      expect(m.start >= outer.start && m.end <= outer.end, `${m.id} nests in ${outer.id}`).toBe(true);
    }
    expect(nested.map((m) => m.text)).toContain('line of contact');
  });

  it('finds every incident trigger as a mention of its incident', () => {
    for (const inc of incidents.incidents) {
      const own = report.mentions.filter((m) => m.featureId === inc.id);
      expect(own.length, inc.id).toBe(inc.triggers.length);
      for (const m of own) expect(m.kind).toBe('incident');
    }
  });

  it('resolves the dates against the publication date', () => {
    expect(report.dates.map((d) => [d.text, d.date, d.precision])).toEqual([
      ['Sunday', '2020-09-27', 'day'],
      ['Wednesday', '2020-09-30', 'day'],
      ['September 29, 2020', '2020-09-29', 'day'],
      ['Sunday', '2020-09-27', 'day'],
      ['Monday', '2020-09-28', 'day'],
      ['Wednesday', '2020-09-30', 'day'],
      ['Tuesday', '2020-09-29', 'day'],
      ['Tuesday', '2020-09-29', 'day'],
    ]);
  });

  it('splits paragraphs and sentences: title and source line alone, U.N. not split', () => {
    const para = report.paragraphs.map((p) => seedText.slice(p.start, p.end));
    expect(para[0]).toBe('Azerbaijan, Armenia reject talks as conflict threatens to mushroom');
    expect(para[1]).toBe('Foreign Desk Report');
    expect(para).toHaveLength(14);
    const sent = report.sentences.map((s) => seedText.slice(s.start, s.end));
    expect(sent[0]).toBe(para[0]);
    expect(sent[1]).toBe('Foreign Desk Report');
    expect(sent).toHaveLength(19);
    expect(sent.some((s) => s.startsWith('The U.N. Security Council called on Tuesday') && s.endsWith('hundreds of thousands.'))).toBe(true);
    expect(sent.some((s) => s === 'N.' || s.startsWith('Security Council'))).toBe(false);
  });

  it('is deterministic', () => {
    const again = buildReport(root);
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(report));
  });
});
