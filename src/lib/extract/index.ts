// Extraction entry point: the report text → paragraphs, sentences, mentions and dates.
// Pure: data in, data out (runs in the build under Node and in the browser).
import type { Report, SeedMeta } from '../domain/types';
import { defaultKind, type AliasFile, type IncidentFile } from './curated';
import { extractDates } from './dates';
import { matchMentions, type PhraseRule } from './mentions';
import { splitParagraphs, splitSentences } from './sentences';

export * from './curated';
export { extractDates, resolveWeekday, WEEKDAYS } from './dates';
export { findPhrase, matchMentions, prepareText, compareMentions, type PhraseRule } from './mentions';
export { splitParagraphs, splitSentences, isAbbreviation } from './sentences';
export { buildIncidentFeatures, defaultPrecision, INCIDENT_LICENSE, type GeographyForIncidents } from './incidents';

/** Phrase rules from the curated files: aliases first (file order), then every incident trigger. */
export function phraseRules(curated: { aliases: AliasFile; incidents: IncidentFile }): PhraseRule[] {
  const rules: PhraseRule[] = [];
  for (const e of curated.aliases.entries)
    for (const phrase of e.phrases) rules.push({ phrase, featureId: e.featureId, kind: e.kind ?? defaultKind(e.featureId) });
  for (const inc of curated.incidents.incidents)
    for (const phrase of inc.triggers) rules.push({ phrase, featureId: inc.id, kind: 'incident' });
  return rules;
}

export function extractReport(
  text: string,
  meta: SeedMeta,
  curated: { aliases: AliasFile; incidents: IncidentFile },
): Report {
  const paragraphs = splitParagraphs(text);
  const sentences = splitSentences(text, paragraphs);
  return {
    meta,
    text,
    paragraphs,
    sentences,
    mentions: matchMentions(text, phraseRules(curated), sentences),
    dates: extractDates(text, meta, sentences),
  };
}
