import { describe, expect, it } from 'vitest';
import { buildSpanTree, treeText, type SpanNode } from '../../../src/lib/domain/spanTree';
import type { DateMention, Mention } from '../../../src/lib/domain/types';

const text = 'Both reported firing across their shared border on Sunday.';
const m = (featureId: string, str: string, kind: Mention['kind'] = 'place', from = 0): Mention => {
  const start = text.indexOf(str, from);
  return { id: `m:${featureId}:${start}`, start, end: start + str.length, text: str, featureId, kind, sentence: 0 };
};
const sunday: DateMention = {
  id: 'd:51', start: text.indexOf('Sunday'), end: text.indexOf('Sunday') + 6, text: 'Sunday',
  date: '2020-09-27', precision: 'day', method: 'weekday', sentence: 0,
};
const shape = (nodes: SpanNode[]): unknown[] =>
  nodes.map((n) => (n.type === 'text' ? n.text : { [n.type === 'mention' ? n.mention.featureId : `date:${n.date.date}`]: shape(n.children) }));

describe('buildSpanTree', () => {
  it('nests a place mention inside an incident span, and dates beside', () => {
    const incident = m('incident:fire', 'reported firing across their shared border', 'incident');
    const border = m('line:border', 'shared border');
    const tree = buildSpanTree(text, { start: 0, end: text.length }, [border, incident], [sunday]);
    expect(shape(tree)).toEqual([
      'Both ',
      { 'incident:fire': ['reported firing across their ', { 'line:border': ['shared border'] }] },
      ' on ',
      { 'date:2020-09-27': ['Sunday'] },
      '.',
    ]);
    expect(treeText(tree)).toBe(text);
  });

  it('puts the incident outside a place span with the same extent', () => {
    const a = m('place:x', 'shared border');
    const b = m('incident:y', 'shared border', 'incident');
    expect(shape(buildSpanTree(text, { start: 0, end: text.length }, [a, b]))[1]).toEqual({ 'incident:y': [{ 'place:x': ['shared border'] }] });
  });

  it('splits a span that crosses its parent into fragments with the same id', () => {
    const outer = m('incident:a', 'firing across their', 'incident');
    const crossing = m('place:b', 'their shared');
    const tree = buildSpanTree(text, { start: 0, end: text.length }, [outer, crossing]);
    expect(treeText(tree)).toBe(text);
    expect(shape(tree)).toEqual([
      'Both reported ',
      { 'incident:a': ['firing across ', { 'place:b': ['their'] }] },
      { 'place:b': [' shared'] },
      ' border on Sunday.',
    ]);
  });

  it('clips to the range and drops spans outside it', () => {
    const border = m('line:border', 'shared border');
    const both = m('place:both', 'Both');
    const start = text.indexOf('shared');
    const tree = buildSpanTree(text, { start: start + 3, end: text.length }, [border, both], [sunday]);
    expect(treeText(tree)).toBe(text.slice(start + 3));
    expect(shape(tree)[0]).toEqual({ 'line:border': ['red border'] });
    expect(JSON.stringify(shape(tree))).not.toContain('place:both');
  });
});
