// Pure selectors over the loaded data: visibility under the layer toggles,
// toggle counts, and the excerpts (sentences) that mention a feature.
import type { ActorId, CategoryId, Mention, Report, SitFeature, Span } from './types';
import { buildSpanTree, type SpanNode } from './spanTree';

type Toggles<T extends string> = ReadonlySet<T> | readonly T[];

const asSet = <T extends string>(t: Toggles<T>): ReadonlySet<T> => (t instanceof Set ? t : new Set(t as readonly T[]));

/**
 * Whether a feature shows under the toggles: its category is on, and it has no
 * actors or at least one of its actors is on.
 */
export function isVisible(
  f: Pick<SitFeature, 'properties'>,
  activeActors: ReadonlySet<ActorId>,
  activeCategories: ReadonlySet<CategoryId>,
): boolean {
  const p = f.properties;
  if (!activeCategories.has(p.category)) return false;
  return p.actors.length === 0 || p.actors.some((a) => activeActors.has(a));
}

/** Ids of the features visible under the toggles, in input order. */
export function visibleFeatureIds(
  features: readonly SitFeature[],
  activeActors: Toggles<ActorId>,
  activeCategories: Toggles<CategoryId>,
): string[] {
  const a = asSet(activeActors);
  const c = asSet(activeCategories);
  return features.filter((f) => isVisible(f, a, c)).map((f) => f.id);
}

/**
 * For each actor: how many features carry that actor and would be visible if
 * the actor's toggle were on (their category is on). Independent of the
 * actor's own toggle state, so a switched-off toggle still shows what it hides.
 */
export function countsByActor(
  features: readonly SitFeature[],
  actorIds: readonly ActorId[],
  activeCategories: Toggles<CategoryId>,
): Record<string, number> {
  const c = asSet(activeCategories);
  const out: Record<string, number> = {};
  for (const a of actorIds) {
    out[a] = features.filter((f) => f.properties.actors.includes(a) && c.has(f.properties.category)).length;
  }
  return out;
}

/**
 * For each category: how many features of that category would be visible if
 * the category's toggle were on (no actors, or one of their actors is on).
 */
export function countsByCategory(
  features: readonly SitFeature[],
  categoryIds: readonly CategoryId[],
  activeActors: Toggles<ActorId>,
): Record<string, number> {
  const a = asSet(activeActors);
  const out: Record<string, number> = {};
  for (const cat of categoryIds) {
    out[cat] = features.filter(
      (f) =>
        f.properties.category === cat &&
        (f.properties.actors.length === 0 || f.properties.actors.some((x) => a.has(x))),
    ).length;
  }
  return out;
}

/** Mentions grouped by feature id, each list in text order. */
export function mentionsByFeature(report: Pick<Report, 'mentions'>): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  for (const m of report.mentions) {
    let list = out.get(m.featureId);
    if (!list) out.set(m.featureId, (list = []));
    list.push(m);
  }
  for (const list of out.values()) list.sort((x, y) => x.start - y.start || x.end - y.end);
  return out;
}

export interface Excerpt {
  /** Index into report.sentences. */
  sentence: number;
  /** The sentence range in the report text. */
  span: Span;
  text: string;
  /** Ranges of the feature's mentions, relative to the sentence start. */
  highlights: { start: number; end: number; mentionId: string }[];
  /** The sentence as a tree: only this feature's mentions marked (for <mark>). */
  tree: SpanNode[];
}

/** Every sentence that mentions the feature, with the mentions highlighted. */
export function excerptsFor(report: Pick<Report, 'text' | 'sentences' | 'mentions'>, featureId: string): Excerpt[] {
  const mine = report.mentions.filter((m) => m.featureId === featureId);
  const bySentence = new Map<number, Mention[]>();
  for (const m of mine) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  return [...bySentence.keys()]
    .sort((a, b) => a - b)
    .flatMap((i) => {
      const span = report.sentences[i];
      if (!span) return [];
      const ms = bySentence.get(i)!.slice().sort((x, y) => x.start - y.start);
      return [
        {
          sentence: i,
          span: { start: span.start, end: span.end },
          text: report.text.slice(span.start, span.end),
          highlights: ms.map((m) => ({
            start: Math.max(m.start, span.start) - span.start,
            end: Math.min(m.end, span.end) - span.start,
            mentionId: m.id,
          })),
          tree: buildSpanTree(report.text, span, ms),
        },
      ];
    });
}

/** Mention ids by the claim's mention ids, resolved to excerpts text (for claims lists). */
export function mentionTexts(report: Pick<Report, 'mentions' | 'sentences' | 'text'>, mentionIds: readonly string[]): { mention: Mention; sentence: string }[] {
  const byId = new Map(report.mentions.map((m) => [m.id, m]));
  return mentionIds.flatMap((id) => {
    const m = byId.get(id);
    if (!m) return [];
    const s = report.sentences[m.sentence];
    return [{ mention: m, sentence: s ? report.text.slice(s.start, s.end) : m.text }];
  });
}

/** The feature ids that are mentioned within a text range (e.g. to highlight hovered mentions). */
export function featureIdsIn(report: Pick<Report, 'mentions'>, range: Span): string[] {
  return [...new Set(report.mentions.filter((m) => m.start < range.end && m.end > range.start).map((m) => m.featureId))];
}
