// Side-by-side claims for contested incidents: each belligerent side's accusation with
// the exact sentences that carry it. Pure: data in, data out.
import type { AcledMapping } from './events';
import type { ActorId, SitData } from './types';

export interface SideClaim {
  by: ActorId;
  /** Actor display name from the legend. */
  byName: string;
  says: string;
  /** Exact sentence texts (report.text slices) carrying the claim, in text order, each once. */
  excerpts: { sentence: number; text: string }[];
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
    const cols = sides.map(({ side, label }) => {
      const claims: SideClaim[] = (p.claims ?? [])
        .filter((c) => acled.actors[c.by]?.side === side)
        .map((c) => {
          const sentences = [
            ...new Set(c.mentionIds.map((m) => mentionById.get(m)?.sentence).filter((s): s is number => s !== undefined)),
          ].sort((a, b) => a - b);
          const excerpts = sentences
            .map((i) => ({ i, s: data.report.sentences[i] }))
            .filter((x) => x.s !== undefined)
            .map(({ i, s }) => ({ sentence: i, text: data.report.text.slice(s.start, s.end) }));
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
    });
  }
  return rows;
}
