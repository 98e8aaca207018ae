// Mention matching: curated phrases → spans of the text, tied to feature ids.
//
// Rules (documented and tested in test/unit/extract/mentions.test.ts):
// - Phrases match at word boundaries only: 'Armenia' never matches inside 'Armenian'
//   (only an explicit alias 'Armenian' does).
// - Matching is case-sensitive unless the phrase is flagged caseInsensitive ('Baku' in the
//   dateline 'BAKU/YEREVAN').
// - Typographic quotes are folded before comparing (’ = ', “ ” = "), so a curated phrase may
//   use either; offsets are those of the original text.
// - Possessives: the span covers the name only. In 'Azerbaijan’s forces' the mention is
//   'Azerbaijan' (the ’s is left out: the apostrophe is a word boundary).
// - Longest match first: when candidate spans overlap, the longest wins (ties: the earlier start,
//   then the earlier entry in the curated file). Place and actor mentions never overlap each other.
// - Incident mentions (trigger phrases) form a second layer: they never overlap each other but may
//   contain place/actor mentions ('line of contact' inside 'attacks from both sides along the line
//   of contact'). Consumers that render spans must handle that nesting.
import type { Mention, MentionKind, Span } from '../domain/types';
import { foldQuotes, lowerSameLength, onWordBoundaries, spanIndexAt } from './text';
import { phraseCaseInsensitive, phraseText, type Phrase } from './curated';

/** A phrase to look for, and what it refers to. `order` breaks ties (curated file order). */
export interface PhraseRule {
  phrase: Phrase;
  featureId: string;
  kind: MentionKind;
}

/** Text prepared once for repeated phrase searches. */
export interface PreparedText {
  text: string;
  folded: string;
  foldedLower: string;
}

export function prepareText(text: string): PreparedText {
  const folded = foldQuotes(text);
  return { text, folded, foldedLower: lowerSameLength(folded) };
}

/** Every occurrence of `phrase` in the text on word boundaries, in order, possibly overlapping each other. */
export function findPhrase(text: string | PreparedText, phrase: Phrase): Span[] {
  const prep = typeof text === 'string' ? prepareText(text) : text;
  const ci = phraseCaseInsensitive(phrase);
  const needle = ci ? lowerSameLength(foldQuotes(phraseText(phrase))) : foldQuotes(phraseText(phrase));
  const hay = ci ? prep.foldedLower : prep.folded;
  const out: Span[] = [];
  if (needle.length === 0) return out;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    if (onWordBoundaries(prep.text, i, i + needle.length)) out.push({ start: i, end: i + needle.length });
  }
  return out;
}

interface Candidate extends Span {
  featureId: string;
  kind: MentionKind;
  order: number;
}

/** Longest-first greedy selection of non-overlapping candidates. */
function selectLongestFirst(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order,
  );
  const taken: Candidate[] = [];
  for (const c of sorted) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    taken.push(c);
  }
  return taken;
}

/** Sort order of mentions: by start; at the same start the longer (outer) one first; then by feature id. */
export function compareMentions(a: Span & { featureId: string }, b: Span & { featureId: string }): number {
  return a.start - b.start || b.end - a.end || (a.featureId < b.featureId ? -1 : a.featureId > b.featureId ? 1 : 0);
}

/**
 * Matches every rule against the text and returns mentions sorted by start.
 * Rules of kind 'incident' form their own non-overlapping layer; all other rules share one.
 * `sentences` (sorted, non-overlapping) gives each mention its sentence index.
 */
export function matchMentions(text: string, rules: readonly PhraseRule[], sentences: readonly Span[]): Mention[] {
  const prep = prepareText(text);
  const layers: Record<'incident' | 'other', Candidate[]> = { incident: [], other: [] };
  rules.forEach((rule, order) => {
    for (const span of findPhrase(prep, rule.phrase))
      layers[rule.kind === 'incident' ? 'incident' : 'other'].push({ ...span, featureId: rule.featureId, kind: rule.kind, order });
  });
  const chosen = [...selectLongestFirst(layers.other), ...selectLongestFirst(layers.incident)];
  return chosen.sort(compareMentions).map((c) => ({
    id: `m:${c.featureId}:${c.start}`,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    featureId: c.featureId,
    kind: c.kind,
    sentence: Math.max(0, spanIndexAt(sentences, c.start)),
  }));
}
