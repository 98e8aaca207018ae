// Search over places, actors and events by name, alternate name, the words the report
// uses for them, and (for events) their excerpt. Accent- and case-insensitive.
import type { SitEvent } from './events';
import type { FeatureKind, SitData } from './types';

export type SearchKind = 'place' | 'line' | 'actor' | 'event';

export interface SearchResult {
  /** Feature id, or event id for events. */
  id: string;
  /** The map feature to select (for events, the incident feature). */
  featureId: string;
  kind: SearchKind;
  label: string;
  /** The name, alias or text that matched, as written (long texts: a snippet around the match). */
  matched: string;
  /** Which field matched. */
  field: 'name' | 'alias' | 'mention' | 'actor' | 'type' | 'excerpt';
  score: number;
}

interface Field {
  text: string;
  norm: string;
  /** norm index → original index */
  map: number[];
  field: SearchResult['field'];
  weight: number;
}

interface Entry {
  id: string;
  featureId: string;
  kind: SearchKind;
  label: string;
  fields: Field[];
}

export interface SearchIndex {
  entries: Entry[];
}

// Letters that do not decompose under NFD.
const FOLD: Record<string, string> = {
  ə: 'a', ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ħ: 'h',
};
const DROP = /[.'’‘ʼ`´]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Folds a string for matching: no accents, lower case, punctuation to single spaces; with an index map back. */
export function normalizeWithMap(s: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of s) {
    const lower = ch.toLowerCase();
    let piece = FOLD[lower] ?? lower.normalize('NFD').replace(/\p{M}/gu, '');
    if (DROP.test(ch)) piece = '';
    else if (!WORD.test(piece)) piece = ' ';
    for (const c of piece) {
      if (c === ' ' && (norm === '' || norm.endsWith(' '))) continue;
      norm += c;
      map.push(i);
    }
    i += ch.length;
  }
  while (norm.endsWith(' ')) {
    norm = norm.slice(0, -1);
    map.pop();
  }
  map.push(i);
  return { norm, map };
}

export const normalize = (s: string): string => normalizeWithMap(s).norm;

function field(text: string, f: Field['field'], weight: number): Field | null {
  if (!text || !text.trim()) return null;
  const { norm, map } = normalizeWithMap(text);
  return norm ? { text, norm, map, field: f, weight } : null;
}

const KIND: Record<FeatureKind, SearchKind | null> = {
  capital: 'place',
  town: 'place',
  country: 'place',
  region: 'place',
  line: 'line',
  actor: 'actor',
  incident: null, // incidents are searched as events
};
const KIND_ORDER: SearchKind[] = ['place', 'actor', 'line', 'event'];

export function buildSearchIndex(data: SitData, events: readonly SitEvent[]): SearchIndex {
  const mentionTexts = new Map<string, Set<string>>();
  for (const m of data.report.mentions) {
    const set = mentionTexts.get(m.featureId) ?? new Set<string>();
    set.add(m.text);
    mentionTexts.set(m.featureId, set);
  }
  const actorNames = new Map(data.legend.actors.map((a) => [a.id, a.name]));
  const legendByFeature = new Map<string, string[]>();
  for (const a of data.legend.actors) legendByFeature.set(a.featureId, [...(legendByFeature.get(a.featureId) ?? []), a.name]);

  const entries: Entry[] = [];
  for (const f of data.features.features) {
    const p = f.properties;
    const kind = KIND[p.kind];
    if (!kind) continue;
    const fields = [
      field(p.name, 'name', 1),
      ...(p.altNames ?? []).map((n) => field(n, 'alias', 0.95)),
      ...(legendByFeature.get(f.id) ?? []).map((n) => field(n, 'alias', 0.9)),
      ...[...(mentionTexts.get(f.id) ?? [])].map((t) => field(t, 'mention', 0.85)),
    ].filter((x): x is Field => x !== null);
    entries.push({ id: f.id, featureId: f.id, kind, label: p.name, fields });
  }
  const byFeature = new Map(data.features.features.map((f) => [f.id, f]));
  for (const e of events) {
    const feat = byFeature.get(e.feature_id);
    const fields = [
      field(e.location, 'name', 1),
      ...(feat?.properties.altNames ?? []).map((n) => field(n, 'alias', 0.95)),
      ...[...(mentionTexts.get(e.feature_id) ?? [])].map((t) => field(t, 'mention', 0.85)),
      ...e.actors.map((a) => field(actorNames.get(a) ?? '', 'actor', 0.6)),
      field(e.actor1, 'actor', 0.6),
      field(e.actor2, 'actor', 0.6),
      field(e.sub_event_type, 'type', 0.55),
      field(e.event_type, 'type', 0.55),
      field(e.notes, 'excerpt', 0.5),
    ].filter((x): x is Field => x !== null);
    entries.push({ id: e.event_id, featureId: e.feature_id, kind: 'event', label: e.location, fields });
  }
  return { entries };
}

/** How well a normalized query matches a normalized field, 0 for no match; and where. */
function matchField(q: string, f: string): { score: number; at: number; len: number } {
  if (f === q) return { score: 1, at: 0, len: q.length };
  if (f.startsWith(q)) return { score: 0.9, at: 0, len: q.length };
  const word = f.indexOf(` ${q}`);
  if (word >= 0) return { score: 0.75, at: word + 1, len: q.length };
  const tokens = q.split(' ');
  const words = f.split(' ');
  if (tokens.length > 1 && tokens.every((t) => words.some((w) => w.startsWith(t)))) {
    const firstWord = words.findIndex((w) => w.startsWith(tokens[0]));
    const at = words.slice(0, firstWord).reduce((n, w) => n + w.length + 1, 0);
    return { score: 0.6, at, len: tokens[0].length };
  }
  if (q.length >= 3) {
    const sub = f.indexOf(q);
    if (sub >= 0) return { score: 0.4, at: sub, len: q.length };
  }
  return { score: 0, at: -1, len: 0 };
}

function snippet(f: Field, at: number, len: number): string {
  if (f.text.length <= 80) return f.text;
  const start = f.map[at] ?? 0;
  const end = f.map[at + len] ?? f.text.length;
  const from = Math.max(0, start - 30);
  const to = Math.min(f.text.length, end + 30);
  return `${from > 0 ? '…' : ''}${f.text.slice(from, to)}${to < f.text.length ? '…' : ''}`;
}

export interface SearchOptions {
  limit?: number;
  kinds?: SearchKind[];
}

/** Ranked results: best match first; ties by kind (place, actor, line, event), label, id. */
export function search(index: SearchIndex, query: string, { limit = 20, kinds }: SearchOptions = {}): SearchResult[] {
  if (typeof query !== 'string') return [];
  const q = normalize(query.slice(0, 200));
  if (!q) return [];
  const results: SearchResult[] = [];
  for (const e of index.entries) {
    if (kinds && !kinds.includes(e.kind)) continue;
    let best: SearchResult | null = null;
    for (const f of e.fields) {
      const m = matchField(q, f.norm);
      if (m.score === 0) continue;
      const score = Math.round(m.score * f.weight * 1000) / 1000;
      if (!best || score > best.score) {
        best = { id: e.id, featureId: e.featureId, kind: e.kind, label: e.label, matched: snippet(f, m.at, m.len), field: f.field, score };
      }
    }
    if (best) results.push(best);
  }
  results.sort(
    (a, b) =>
      b.score - a.score ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return results.slice(0, Math.max(0, limit));
}
