// Side-by-side claims for contested incidents: each belligerent side's accusation with
// the exact sentences that carry it. Pure: data in, data out.
import type { AcledMapping } from './events';
import type { ActorId, SitData } from './types';

/** How a piece of an excerpt relates to one side's claim. */
export type ClaimMark = 'speaker' | 'accused' | 'claim';

/** A piece of an excerpt sentence; the pieces concatenate to the sentence text exactly. */
export interface ClaimSegment {
  text: string;
  /** speaker: the claimant's name; accused: the other claimant's name; claim: the words of the accusation. */
  mark?: ClaimMark;
}

export interface ClaimExcerpt {
  sentence: number;
  /** The exact sentence text (report.text slice). */
  text: string;
  /** The same text cut into pieces, this side's speaker, accused and claim words marked. */
  segments: ClaimSegment[];
}

export interface SideClaim {
  by: ActorId;
  /** Actor display name from the legend. */
  byName: string;
  says: string;
  /** Exact sentence texts (report.text slices) carrying the claim, in text order, each once. */
  excerpts: ClaimExcerpt[];
}

export interface ClaimsRow {
  featureId: string;
  name: string;
  date?: string;
  datePrecision?: 'day' | 'week' | 'month';
  /** One column per side, in the order asked for; empty claims if that side says nothing. */
  sides: { side: string; label: string; claims: SideClaim[] }[];
  /** More than one side makes a claim. */
  contested: boolean;
  /** Every side's claim rests on the same sentences (e.g. 'accused one another'): only the marks tell them apart. */
  sharedExcerpts: boolean;
}

/** Feature ids that stand for an actor in the text: its legend feature, 'actor:<id>' and 'country:<id>'. */
function actorFeatureIds(data: SitData, actor: ActorId): Set<string> {
  const ids = new Set([`actor:${actor}`, `country:${actor}`]);
  const def = data.legend.actors.find((a) => a.id === actor);
  if (def) ids.add(def.featureId);
  return ids;
}

/** Cut [start, end) into pieces at the marked spans (non-overlapping, first come first served). */
function segmentsOf(text: string, start: number, end: number, marks: { start: number; end: number; mark: ClaimMark }[]): ClaimSegment[] {
  const out: ClaimSegment[] = [];
  let at = start;
  for (const m of [...marks].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < at || m.end > end || m.end <= m.start) continue;
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    out.push({ text: text.slice(m.start, m.end), mark: m.mark });
    at = m.end;
  }
  if (at < end) out.push({ text: text.slice(at, end) });
  return out;
}

/**
 * For each incident feature id: the claims grouped by belligerent side (acled.actors[x].side).
 * Unknown ids are skipped.
 */
export function claimsBySide(
  data: SitData,
  acled: Pick<AcledMapping, 'actors'>,
  featureIds: readonly string[],
  sides: readonly { side: string; label: string }[],
): ClaimsRow[] {
  const byId = new Map(data.features.features.map((f) => [f.id, f]));
  const mentionById = new Map(data.report.mentions.map((m) => [m.id, m]));
  const actorName = new Map(data.legend.actors.map((a) => [a.id, a.name]));
  const rows: ClaimsRow[] = [];
  for (const id of featureIds) {
    const f = byId.get(id);
    if (!f) continue;
    const p = f.properties;
    const claimants = [...new Set((p.claims ?? []).map((c) => c.by))];
    const cols = sides.map(({ side, label }) => {
      const claims: SideClaim[] = (p.claims ?? [])
        .filter((c) => acled.actors[c.by]?.side === side)
        .map((c) => {
          const sentences = [
            ...new Set(c.mentionIds.map((m) => mentionById.get(m)?.sentence).filter((s): s is number => s !== undefined)),
          ].sort((a, b) => a - b);
          // Which words are this side's: its own name (speaker), the other claimants' names
          // (accused) and the incident's words (the accusation itself).
          const own = actorFeatureIds(data, c.by);
          const others = new Set(claimants.filter((a) => a !== c.by).flatMap((a) => [...actorFeatureIds(data, a)]));
          const marks = c.mentionIds
            .map((m) => mentionById.get(m))
            .filter((m) => m !== undefined)
            .flatMap((m) => {
              const mark: ClaimMark | null =
                m.featureId === id ? 'claim' : own.has(m.featureId) ? 'speaker' : others.has(m.featureId) ? 'accused' : null;
              return mark ? [{ start: m.start, end: m.end, mark, sentence: m.sentence }] : [];
            });
          const excerpts = sentences
            .map((i) => ({ i, s: data.report.sentences[i] }))
            .filter((x) => x.s !== undefined)
            .map(({ i, s }) => ({
              sentence: i,
              text: data.report.text.slice(s.start, s.end),
              segments: segmentsOf(data.report.text, s.start, s.end, marks.filter((m) => m.sentence === i)),
            }));
          return { by: c.by, byName: actorName.get(c.by) ?? c.by, says: c.says, excerpts };
        });
      return { side, label, claims };
    });
    rows.push({
      featureId: id,
      name: p.name,
      date: p.date,
      datePrecision: p.datePrecision,
      sides: cols,
      contested: cols.filter((c) => c.claims.length > 0).length > 1,
      sharedExcerpts: sharedSentences(cols.flatMap((c) => c.claims)),
    });
  }
  return rows;
}

/** True when two or more claims all rest on exactly the same sentences. */
function sharedSentences(claims: SideClaim[]): boolean {
  if (claims.length < 2) return false;
  const key = (c: SideClaim): string => c.excerpts.map((e) => e.sentence).join(',');
  return claims.every((c) => key(c) === key(claims[0]));
}
