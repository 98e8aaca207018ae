// Paragraph and sentence splitting.
// Paragraphs: each non-blank line (the title line and the 'Foreign Desk Report' line are
// paragraphs of their own). Sentences: split inside a paragraph after . ! or ? (plus any
// closing quotes or brackets) when whitespace and a capital, digit or opening quote follow,
// except after abbreviations such as 'U.N.', 'Sept.' or 'Mr.'.
import type { Span } from '../domain/types';

/** Abbreviations (lower case, without the final dot) after which a period never ends a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'gov', 'sen', 'rep',
  'pres', 'st', 'mt', 'ft', 'jr', 'sr', 'vs', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Trims whitespace off both ends of [start, end); returns null when nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\r\n]+/g)) {
    const span = trimSpan(text, m.index, m.index + m[0].length);
    if (span) out.push(span);
  }
  return out;
}

/** True when the period at `dot` closes an abbreviation ('U.N.', 'Sept.', a single initial 'F.'). */
export function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && !/\s/.test(text[i - 1])) i--;
  const token = text.slice(i, dot).replace(/^[("“‘'[]+/, '');
  if (/^(?:[A-Za-z]\.)*[A-Za-z]$/.test(token)) return true; // U.N, U.S, F
  return ABBREVIATIONS.has(token.toLowerCase());
}

const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["“‘'(]?[\p{Lu}\p{N}])/gu;

/** Sentences inside one paragraph span. */
export function splitSentencesIn(text: string, para: Span): Span[] {
  const out: Span[] = [];
  const body = text.slice(para.start, para.end);
  let from = 0;
  for (const m of body.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && !/[.!?]/.test(m[0][1] ?? '') && isAbbreviation(text, para.start + m.index)) continue;
    const span = trimSpan(text, para.start + from, para.start + end);
    if (span) out.push(span);
    from = end;
  }
  const last = trimSpan(text, para.start + from, para.end);
  if (last) out.push(last);
  return out;
}

/** All sentences of the text, in order; no sentence crosses a paragraph. */
export function splitSentences(text: string, paragraphs: Span[] = splitParagraphs(text)): Span[] {
  return paragraphs.flatMap((p) => splitSentencesIn(text, p));
}
