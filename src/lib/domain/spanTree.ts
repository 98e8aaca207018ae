// Turns a stretch of report text plus its (possibly nested) mention and date
// spans into a tree the UI renders without ever touching HTML.
// Incident spans can enclose place spans; a span that crosses its parent's end
// is split into fragments that keep the same mention/date id.
import type { DateMention, Mention, Span } from './types';

export type SpanNode =
  | { type: 'text'; start: number; end: number; text: string }
  | { type: 'mention'; start: number; end: number; mention: Mention; children: SpanNode[] }
  | { type: 'date'; start: number; end: number; date: DateMention; children: SpanNode[] };

type Item = { start: number; end: number; mention?: Mention; date?: DateMention };

function compareItems(a: Item, b: Item): number {
  // Outer spans first: earlier start, then longer; mentions outside dates on ties.
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return b.end - a.end;
  const ra = a.mention ? (a.mention.kind === 'incident' ? 0 : 1) : 2;
  const rb = b.mention ? (b.mention.kind === 'incident' ? 0 : 1) : 2;
  if (ra !== rb) return ra - rb;
  const ia = a.mention?.id ?? a.date?.id ?? '';
  const ib = b.mention?.id ?? b.date?.id ?? '';
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

function build(text: string, start: number, end: number, items: Item[]): SpanNode[] {
  const queue = items.slice().sort(compareItems);
  const out: SpanNode[] = [];
  let pos = start;
  while (queue.length) {
    const it = queue.shift()!;
    if (it.start < pos) {
      // Starts inside a sibling already emitted (crossing): keep the rest only.
      if (it.end > pos) {
        queue.push({ ...it, start: pos });
        queue.sort(compareItems);
      }
      continue;
    }
    if (it.start > pos) out.push({ type: 'text', start: pos, end: it.start, text: text.slice(pos, it.start) });
    const inner: Item[] = [];
    const rest: Item[] = [];
    for (const o of queue) {
      if (o.start >= it.end) rest.push(o);
      else if (o.end <= it.end) inner.push(o);
      else {
        // Crosses it.end: the head nests inside, the tail continues afterwards.
        inner.push({ ...o, end: it.end });
        rest.push({ ...o, start: it.end });
      }
    }
    queue.length = 0;
    queue.push(...rest.sort(compareItems));
    const children = build(text, it.start, it.end, inner);
    if (it.mention) out.push({ type: 'mention', start: it.start, end: it.end, mention: it.mention, children });
    else if (it.date) out.push({ type: 'date', start: it.start, end: it.end, date: it.date, children });
    pos = it.end;
  }
  if (pos < end) out.push({ type: 'text', start: pos, end, text: text.slice(pos, end) });
  return out;
}

/**
 * The span tree for text[range.start, range.end). Spans are clipped to the
 * range; empty spans are dropped.
 */
export function buildSpanTree(
  text: string,
  range: Span,
  mentions: readonly Mention[],
  dates: readonly DateMention[] = [],
): SpanNode[] {
  const clip = (s: { start: number; end: number }): { start: number; end: number } | null => {
    const a = Math.max(s.start, range.start);
    const b = Math.min(s.end, range.end);
    return a < b ? { start: a, end: b } : null;
  };
  const items: Item[] = [];
  for (const m of mentions) {
    const c = clip(m);
    if (c) items.push({ ...c, mention: m });
  }
  for (const d of dates) {
    const c = clip(d);
    if (c) items.push({ ...c, date: d });
  }
  return build(text, range.start, range.end, items);
}

/** The plain text of a tree, concatenated (equals the source range). */
export function treeText(nodes: readonly SpanNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : treeText(n.children))).join('');
}
