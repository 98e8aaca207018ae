// Small text helpers shared by the extractors. Pure: no DOM, no Node APIs.
// All offsets are UTF-16 code-unit offsets into the exact report text.

/**
 * Folds typographic apostrophes and quotes to ASCII, one code unit for one code unit,
 * so offsets in the folded string equal offsets in the original.
 * Curated phrases may be written with ' or ’ and still match the text.
 */
export function foldQuotes(s: string): string {
  return s.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Lower-cases code unit by code unit; a unit whose lower case is longer stays as it is (length preserved). */
export function lowerSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const low = ch.toLowerCase();
    out += low.length === ch.length ? low : ch;
  }
  return out;
}

const WORD = /[\p{L}\p{N}_]/u;

/** True for letters, digits and underscore (any script). Apostrophes, hyphens, slashes and spaces are not word characters. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD.test(ch);
}

/**
 * True when [start, end) sits on word boundaries in `text`: if the span starts (ends) with a
 * word character, the character before (after) it must not be one. So 'Armenia' does not match
 * inside 'Armenian', while 'Azerbaijan' does match in 'Azerbaijan’s' and 'BAKU' in 'BAKU/YEREVAN'.
 */
export function onWordBoundaries(text: string, start: number, end: number): boolean {
  if (isWordChar(text[start]) && isWordChar(text[start - 1])) return false;
  if (isWordChar(text[end - 1]) && isWordChar(text[end])) return false;
  return true;
}

/** Index of the span in a sorted, non-overlapping list that contains `pos`, or -1. */
export function spanIndexAt(spans: readonly { start: number; end: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
