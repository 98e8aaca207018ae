// The phrase matcher on small texts: word boundaries, case, quotes, longest-first, overlap and nesting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../src/lib/domain/types';
import {
  findPhrase,
  matchMentions,
  parseAliasFile,
  phraseRules,
  type IncidentFile,
} from '../../../src/lib/extract/index';
import { DataError } from '../../../src/lib/domain/validate';

const aliases = parseAliasFile(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/extract/aliases-small.json'), 'utf8')),
);
const noIncidents: IncidentFile = { incidents: [] };
const whole = (text: string): Span[] => [{ start: 0, end: text.length }];
const run = (text: string, incidents: IncidentFile = noIncidents) =>
  matchMentions(text, phraseRules({ aliases, incidents }), whole(text)).map((m) => [m.text, m.featureId, m.start]);

describe('findPhrase', () => {
  it('matches only on word boundaries', () => {
    expect(findPhrase('Armenian troops', 'Armenia')).toEqual([]);
    expect(findPhrase('pre-Armenia era', 'Armenia')).toEqual([{ start: 4, end: 11 }]);
    expect(findPhrase('Armenia, Armenia.', 'Armenia')).toEqual([
      { start: 0, end: 7 },
      { start: 9, end: 16 },
    ]);
    expect(findPhrase('MegaArmenia', 'Armenia')).toEqual([]);
  });

  it('is case-sensitive unless flagged', () => {
    expect(findPhrase('BAKU/YEREVAN', 'Baku')).toEqual([]);
    expect(findPhrase('BAKU/YEREVAN', { text: 'Baku', caseInsensitive: true })).toEqual([{ start: 0, end: 4 }]);
    expect(findPhrase('turkey dinner', 'Turkey')).toEqual([]);
  });

  it('treats ’ and \' alike, keeping original offsets', () => {
    expect(findPhrase('x each other’s territory', "each other's territory")).toEqual([{ start: 2, end: 24 }]);
    expect(findPhrase("x each other's territory", 'each other’s territory')).toEqual([{ start: 2, end: 24 }]);
  });
});

describe('matchMentions', () => {
  it('does not match Armenia inside Armenian (no alias for Armenian here)', () => {
    expect(run('Armenian forces and Armenia')).toEqual([['Armenia', 'country:armenia', 20]]);
  });

  it('possessive: the span is the name without ’s', () => {
    expect(run('Azerbaijan’s forces')).toEqual([['Azerbaijan', 'country:azerbaijan', 0]]);
  });

  it('longest match first and no overlapping place/actor mentions', () => {
    // 'Turkey’s ally' (alias) beats 'Turkey'; 'line of contact' beats 'contact'.
    expect(run('Turkey’s ally along the line of contact, contact.')).toEqual([
      ['Turkey’s ally', 'actor:turkey', 0],
      ['line of contact', 'line:line-of-contact-1994', 24],
      ['contact', 'line:line-of-contact-1994', 41],
    ]);
    // 'ethnic Armenian forces' is one mention; 'Armenia' is not found inside it.
    expect(run('Azeri and ethnic Armenian forces')).toEqual([
      ['Azeri', 'country:azerbaijan', 0],
      ['ethnic Armenian forces', 'region:held-1994-2020', 10],
    ]);
  });

  it('lets an incident trigger nest place mentions, but not another trigger', () => {
    const incidents = {
      incidents: [
        { id: 'incident:a', triggers: ['attacks along the line of contact'] },
        { id: 'incident:b', triggers: ['along the line'] },
      ],
    } as unknown as IncidentFile;
    expect(run('attacks along the line of contact', incidents)).toEqual([
      ['attacks along the line of contact', 'incident:a', 0],
      ['line of contact', 'line:line-of-contact-1994', 18],
    ]);
  });

  it('keeps abbreviations with dots whole and sets kinds from the id', () => {
    const text = 'The U.N. Security Council met in Baku.';
    const ms = matchMentions(text, phraseRules({ aliases, incidents: noIncidents }), whole(text));
    expect(ms.map((m) => [m.text, m.kind, m.id])).toEqual([
      ['U.N. Security Council', 'actor', 'm:actor:un-security-council:4'],
      ['Baku', 'place', 'm:place:baku:33'],
    ]);
  });
});

describe('parseAliasFile', () => {
  it('rejects a phrase listed for two features, naming file, id and field', () => {
    const bad = { entries: [{ featureId: 'place:a', phrases: ['X'] }, { featureId: 'place:b', phrases: ['Y', 'x'] }] };
    expect(() => parseAliasFile(bad)).toThrow(DataError);
    expect(() => parseAliasFile(bad)).toThrow(/data\/curated\/aliases\.json: feature "place:b", field "phrases\[1\]"/);
  });
  it('rejects an entry without a feature id', () => {
    expect(() => parseAliasFile({ entries: [{ phrases: ['X'] }] })).toThrow(/aliases\.json.*"#0".*"featureId"/);
  });
});
