// Events aligned with ACLED's event data model, built from the loaded data.
// Pure TypeScript: data in, data out. All ACLED judgements (taxonomy, actor
// names, inter codes, precision codes) come from data/curated/acled.json.
import { along, booleanPointInPolygon, length, lineString, pointOnFeature } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { ActorId, CategoryId, Precision, SitData, SitFeature, Span } from './types';

/** Incident categories that become events ('reference' never does). */
export type EventCategory = Exclude<CategoryId, 'reference'>;

export interface AcledCategoryMapping {
  disorder_type: string;
  event_type: string;
  sub_event_type: string;
  note?: string;
}

export interface AcledActorMapping {
  /** ACLED-style actor name, e.g. 'Military Forces of Azerbaijan (2003-)'. */
  name: string;
  /** Name used when the actor only speaks (statements), e.g. 'Government of Turkey (2002-)'. */
  statementName?: string;
  /** ACLED inter code 1..8. */
  inter: number;
  /** ISO 3166-1 alpha-3, or '' for bodies with no country. */
  iso3: string;
  country: string;
  /** Belligerent side in this conflict ('' for third parties): groups actor 1's and actor 2's associates. */
  side: string;
  note?: string;
}

export interface AcledCountry {
  name: string;
  /** ISO 3166-1 numeric, as ACLED's 'iso' column. */
  iso: number;
  /** ACLED region, e.g. 'Caucasus and Central Asia'. */
  region: string;
}

/** Shape of data/curated/acled.json. */
export interface AcledMapping {
  notes: string[];
  categories: Record<EventCategory, AcledCategoryMapping>;
  actors: Record<ActorId, AcledActorMapping>;
  countries: Record<string, AcledCountry>;
  geo_precision: Record<Precision, number>;
  time_precision: Record<'day' | 'week' | 'month', number>;
  /** Feature id → fatalities, only where the report gives a number. */
  fatalitiesByFeature: Record<string, number>;
  /** Feature id → geo_precision, where the feature's precision class codes it wrongly (e.g. a seat that is the real place). */
  geoPrecisionByFeature?: Record<string, number>;
  /** Feature id → ISO3 of the event's country, for points outside the basemap. */
  countryByFeature?: Record<string, string>;
  /** Feature id → claimants, where the feature has no claims and its first actor alone is wrong. */
  claimedByFeature?: Record<string, string[]>;
}

/** One event: ACLED's fields plus the links back to sitmap's map and text. */
export interface SitEvent {
  /** Stable id, '<ISO3>-sitmap-<slug of feature id>', e.g. 'AZE-sitmap-clashes'. Exported as event_id_cnty. */
  event_id: string;
  /** The incident feature this event comes from. */
  feature_id: string;
  category: EventCategory;
  /** All actor ids on the feature (for layer filtering). */
  actors: ActorId[];
  event_date: string;
  year: number;
  /** 1 day, 2 week, 3 month. */
  time_precision: number;
  date_precision: 'day' | 'week' | 'month';
  disorder_type: string;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  assoc_actor_1: string;
  inter1: number | null;
  actor2: string;
  assoc_actor_2: string;
  inter2: number | null;
  /** ACLED numeric interaction code as text, e.g. '12' or '10'; '' if no actor. */
  interaction: string;
  /** ACLED: 'Civilian targeting' or empty; the report never says civilians were targeted. */
  civilian_targeting: string;
  /** ISO 3166-1 numeric of the event's country, or null when unknown. */
  iso: number | null;
  iso3: string;
  region: string;
  country: string;
  admin1: string;
  admin2: string;
  admin3: string;
  /** The feature's display name. */
  location: string;
  /** Point events: the point; zones and lines: a representative point on the geometry. */
  latitude: number | null;
  longitude: number | null;
  /** The feature's geometry, kept for zones and lines. */
  geometry: Geometry | null;
  geo_precision: number;
  /** sitmap precision of the geometry and its note. */
  precision: Precision;
  precision_note: string;
  approximate: boolean;
  source: string;
  /** '' when the source label does not say. */
  source_scale: string;
  /** The excerpt: exact text of the sentence holding the incident's first mention. */
  notes: string;
  /** Span of the excerpt in report.text (notes === text.slice(start, end)); null if the incident has no mention. */
  excerpt: Span | null;
  /** The incident's first mention span (inside the excerpt), null if none. */
  mention: Span | null;
  /** null unless the report gives a number. */
  fatalities: number | null;
  /** Actor ids asserting the event (from its claims; for statements, the speaker). */
  claimed_by: ActorId[];
  tags: string[];
  /** Unix seconds, derived from the report's publication date (deterministic). */
  timestamp: number;
}

const round = (x: number, dp: number): number => {
  const f = 10 ** dp;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/** A point that lies on the geometry: the point itself, the middle of the longest line, or a point inside the polygon. */
export function representativePoint(geometry: Geometry | null): Position | null {
  if (!geometry) return null;
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'MultiPoint':
      return geometry.coordinates[0] ?? null;
    case 'LineString':
    case 'MultiLineString': {
      const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      let best: Position[] | null = null;
      let bestLen = -1;
      for (const p of parts) {
        if (p.length < 2) continue;
        const l = length(lineString(p));
        if (l > bestLen) {
          bestLen = l;
          best = p;
        }
      }
      if (!best) return parts[0]?.[0] ?? null;
      return along(lineString(best), bestLen / 2).geometry.coordinates;
    }
    case 'Polygon':
    case 'MultiPolygon':
      return pointOnFeature({ type: 'Feature', properties: {}, geometry }).geometry.coordinates;
    case 'GeometryCollection':
      for (const g of geometry.geometries) {
        const p = representativePoint(g);
        if (p) return p;
      }
      return null;
  }
}

/** ISO3 of the basemap country containing the point, or '' (sea, outside the basemap). */
function countryAt(data: SitData, pt: Position | null): string {
  if (!pt) return '';
  for (const f of data.basemap.features) {
    const g = f.geometry;
    if (f.properties.kind !== 'country' || !f.properties.iso3) continue;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    if (booleanPointInPolygon(pt, g)) return f.properties.iso3;
  }
  return '';
}

function slug(featureId: string): string {
  const s = featureId.replace(/^incident:/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'event';
}

/** Unix seconds at 00:00 UTC of an ISO date. */
export function isoDateToUnix(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

const isEventCategory = (c: CategoryId): c is EventCategory => c !== 'reference';

/** One event per incident feature, in feature order. */
export function buildEvents(data: SitData, acled: AcledMapping): SitEvent[] {
  const { report } = data;
  const meta = report.meta;
  const mentionsByFeature = new Map<string, typeof report.mentions>();
  for (const m of report.mentions) {
    const list = mentionsByFeature.get(m.featureId) ?? [];
    list.push(m);
    mentionsByFeature.set(m.featureId, list);
  }
  const mentionById = new Map(report.mentions.map((m) => [m.id, m]));
  const timestamp = isoDateToUnix(meta.published.date);
  const source = `${meta.source}: "${meta.title}"`;
  const usedIds = new Set<string>();

  const events: SitEvent[] = [];
  for (const f of data.features.features as SitFeature[]) {
    const p = f.properties;
    if (p.kind !== 'incident' || !isEventCategory(p.category)) continue;
    const category = p.category;
    const cat = acled.categories[category];
    const claims = p.claims ?? [];
    const isStatement = category === 'statements';

    // Who asserts it: the claimants; a statement with no claims is asserted by its first actor (the speaker).
    let claimedBy = uniq(claims.map((c) => c.by));
    const curatedClaimants = acled.claimedByFeature?.[f.id];
    if (claimedBy.length === 0 && Array.isArray(curatedClaimants)) {
      claimedBy = uniq(curatedClaimants.filter((a): a is ActorId => a in acled.actors));
    }
    if (claimedBy.length === 0 && isStatement && p.actors.length > 0) claimedBy = [p.actors[0]];

    // Actor 1: the speaker for statements, otherwise the first actor. Actor 2: for statements the
    // next actor (the other party), otherwise the first actor on the other side. Same-side actors
    // of a fight become associated actors.
    const ordered = uniq(isStatement ? [...claimedBy.slice(0, 1), ...p.actors] : [...p.actors]);
    const side = (id: ActorId | undefined): string => (id && acled.actors[id] ? acled.actors[id].side : '');
    const actorName = (id: ActorId | undefined): string => {
      if (!id) return '';
      const a = acled.actors[id];
      if (!a) return '';
      return isStatement ? (a.statementName ?? a.name) : a.name;
    };
    const a1 = ordered[0];
    let a2: ActorId | undefined;
    const assoc1: ActorId[] = [];
    const assoc2: ActorId[] = [];
    if (isStatement) {
      a2 = ordered[1];
    } else {
      const rest = ordered.slice(1);
      a2 = rest.find((x) => side(a1) === '' || side(x) !== side(a1)) ?? undefined;
      for (const x of rest) {
        if (x === a2) continue;
        if (side(x) !== '' && side(x) === side(a1)) assoc1.push(x);
        else if (a2 !== undefined && side(x) !== '' && side(x) === side(a2)) assoc2.push(x);
      }
    }
    const inter1 = a1 && acled.actors[a1] ? acled.actors[a1].inter : null;
    const inter2 = a2 && acled.actors[a2] ? acled.actors[a2].inter : null;
    let interaction = '';
    if (inter1 !== null && inter2 !== null) interaction = `${Math.min(inter1, inter2)}${Math.max(inter1, inter2)}`;
    else if (inter1 !== null) interaction = `${inter1}0`;

    // Where.
    const geometry = f.geometry ?? null;
    const rep = representativePoint(geometry);
    const curatedIso3 = acled.countryByFeature?.[f.id];
    let iso3 = typeof curatedIso3 === 'string' && acled.countries[curatedIso3] ? curatedIso3 : countryAt(data, rep);
    if (!iso3 && a1 && acled.actors[a1]) iso3 = acled.actors[a1].iso3;
    const country = iso3 ? acled.countries[iso3] : undefined;

    // When.
    const datePrecision = p.date ? (p.datePrecision ?? 'day') : meta.published.precision;
    const date = p.date ?? meta.published.date;

    // The excerpt: the sentence of the first mention of the incident (or of its claims).
    let mentions = [...(mentionsByFeature.get(f.id) ?? [])];
    if (mentions.length === 0) {
      mentions = claims.flatMap((c) => c.mentionIds.map((id) => mentionById.get(id))).filter((m) => m !== undefined);
    }
    mentions.sort((x, y) => x.start - y.start || x.end - y.end);
    const first = mentions[0];
    const sentence = first ? report.sentences[first.sentence] : undefined;
    const excerpt = sentence ? { start: sentence.start, end: sentence.end } : first ? { start: first.start, end: first.end } : null;

    const tags: string[] = [];
    const distinctSays = new Set(claims.map((c) => `${c.by}\u0000${c.says}`));
    if (claimedBy.length >= 2 && distinctSays.size >= 2) tags.push('contested claims');
    if (claims.length > 0 && !isStatement) tags.push('unverified');
    if (p.approximate) tags.push('approximate location');
    if (!p.date) tags.push('date: publication date');
    if (meta.published.inferred && !p.date) tags.push('publication date inferred');

    let id = `${iso3 || 'XXX'}-sitmap-${slug(f.id)}`;
    for (let n = 2; usedIds.has(id); n++) id = `${iso3 || 'XXX'}-sitmap-${slug(f.id)}-${n}`;
    usedIds.add(id);

    const curatedGeo = acled.geoPrecisionByFeature?.[f.id];
    const geoPrecision = curatedGeo === 1 || curatedGeo === 2 || curatedGeo === 3 ? curatedGeo : acled.geo_precision[p.precision];
    const fat = acled.fatalitiesByFeature[f.id];
    events.push({
      event_id: id,
      feature_id: f.id,
      category,
      actors: [...p.actors],
      event_date: date,
      year: Number(date.slice(0, 4)),
      time_precision: acled.time_precision[datePrecision],
      date_precision: datePrecision,
      disorder_type: cat.disorder_type,
      event_type: cat.event_type,
      sub_event_type: cat.sub_event_type,
      actor1: actorName(a1),
      assoc_actor_1: assoc1.map(actorName).filter(Boolean).join('; '),
      inter1,
      actor2: actorName(a2),
      assoc_actor_2: assoc2.map(actorName).filter(Boolean).join('; '),
      inter2,
      interaction,
      civilian_targeting: '',
      iso: country ? country.iso : null,
      iso3,
      region: country ? country.region : '',
      country: country ? country.name : '',
      admin1: '',
      admin2: '',
      admin3: '',
      location: p.name,
      latitude: rep ? round(rep[1], 5) : null,
      longitude: rep ? round(rep[0], 5) : null,
      geometry,
      geo_precision: geoPrecision,
      precision: p.precision,
      precision_note: p.precisionNote,
      approximate: p.approximate,
      source,
      source_scale: '',
      notes: excerpt ? report.text.slice(excerpt.start, excerpt.end) : '',
      excerpt,
      mention: first ? { start: first.start, end: first.end } : null,
      fatalities: typeof fat === 'number' && Number.isFinite(fat) ? fat : null,
      claimed_by: claimedBy,
      tags,
      timestamp,
    });
  }
  return events;
}
