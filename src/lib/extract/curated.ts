// Curated extraction knowledge: the shapes of data/curated/aliases.json and
// data/curated/incidents.json, and their validation. Every error is a DataError
// naming the file, the entry id and the field.
import {
  ACTOR_IDS,
  CATEGORY_IDS,
  PRECISIONS,
  type ActorId,
  type CategoryId,
  type MentionKind,
  type Precision,
} from '../domain/types';
import { DataError } from '../domain/validate';

export const ALIASES_FILE = 'data/curated/aliases.json';
export const INCIDENTS_FILE = 'data/curated/incidents.json';

/** A phrase to find in the text. A bare string matches case-sensitively. */
export type Phrase = string | { text: string; caseInsensitive?: boolean };

/** One feature and the phrases that refer to it. */
export interface AliasEntry {
  featureId: string;
  /** Mention kind; default from the id prefix: 'actor:' → actor, 'incident:' → incident, else place. */
  kind?: MentionKind;
  phrases: Phrase[];
  note?: string;
}

export interface AliasFile {
  $comment?: string;
  entries: AliasEntry[];
}

/** One side's claim inside an incident; `excerpts` are phrases of the text that carry it. */
export interface ClaimDef {
  by: ActorId;
  says: string;
  excerpts: Phrase[];
}

export type IncidentCategory = Exclude<CategoryId, 'reference'>;

export interface IncidentDef {
  /** 'incident:<slug>' */
  id: string;
  name: string;
  category: IncidentCategory;
  actors: ActorId[];
  /** Either an ISO date, or a date phrase of the text ('Sunday') resolved by the extractor. */
  date?: string;
  datePhrase?: string;
  /** Required with `date`; with `datePhrase` it comes from the resolved date. */
  datePrecision?: 'day' | 'week' | 'month';
  dateNote?: string;
  /** Phrases of the text that report the incident; each must be found. Become 'incident' mentions. */
  triggers: Phrase[];
  /** Where to draw it: a feature id, 'derived:<name>' from the geography build, or several point feature ids (→ MultiPoint). */
  at: string | string[];
  /** How the location was chosen, in words; goes into `source`. */
  location: string;
  /** Default: 'approximate' for derived zones and regions, 'line-1to10m' for lines, 'seat' for points. */
  precision?: Precision;
  precisionNote: string;
  /** Default: true for 'approximate', 'region' and 'schematic' precision. */
  approximate?: boolean;
  claims?: ClaimDef[];
  /** Reported deaths as a number, or null when the text gives none ('dozens' is not a number). */
  fatalities?: number | null;
  description: string;
}

export interface IncidentFile {
  $comment?: string;
  incidents: IncidentDef[];
}

export function phraseText(p: Phrase): string {
  return typeof p === 'string' ? p : p.text;
}
export function phraseCaseInsensitive(p: Phrase): boolean {
  return typeof p !== 'string' && p.caseInsensitive === true;
}

/** 'actor:' → actor, 'incident:' → incident, anything else (country:, region:, line:, place:) → place. */
export function defaultKind(featureId: string): MentionKind {
  if (featureId.startsWith('actor:')) return 'actor';
  if (featureId.startsWith('incident:')) return 'incident';
  return 'place';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const show = (v: unknown): string => (v === undefined ? 'nothing (missing)' : JSON.stringify(v));

function checkPhrase(file: string, id: string, field: string, p: unknown): Phrase {
  if (typeof p === 'string') {
    if (p.trim() === '') throw new DataError(file, id, field, 'empty phrase');
    return p;
  }
  if (isObj(p) && typeof p.text === 'string' && p.text.trim() !== '' &&
    (p.caseInsensitive === undefined || typeof p.caseInsensitive === 'boolean'))
    return p as Phrase;
  throw new DataError(file, id, field, `expected a phrase string or { "text", "caseInsensitive" }, got ${show(p)}`);
}

function checkPhrases(file: string, id: string, field: string, list: unknown): Phrase[] {
  if (!Array.isArray(list) || list.length === 0) throw new DataError(file, id, field, 'expected a non-empty array of phrases');
  return list.map((p, i) => checkPhrase(file, id, `${field}[${i}]`, p));
}

/** Validates parsed aliases.json. A phrase listed for two different features is an error (it would be ambiguous). */
export function parseAliasFile(raw: unknown, file: string = ALIASES_FILE): AliasFile {
  if (!isObj(raw) || !Array.isArray(raw.entries)) throw new DataError(file, null, 'entries', 'expected an object with an "entries" array');
  const owner = new Map<string, string>();
  const entries = raw.entries.map((e, i): AliasEntry => {
    if (!isObj(e)) throw new DataError(file, `#${i}`, '(entry)', 'expected an object');
    if (typeof e.featureId !== 'string' || !ID.test(e.featureId))
      throw new DataError(file, `#${i}`, 'featureId', `expected an id such as "place:baku", got ${show(e.featureId)}`);
    const id = e.featureId;
    if (e.kind !== undefined && !['place', 'actor', 'incident'].includes(e.kind as string))
      throw new DataError(file, id, 'kind', `expected place, actor or incident, got ${show(e.kind)}`);
    const phrases = checkPhrases(file, id, 'phrases', e.phrases);
    phrases.forEach((p, j) => {
      const key = phraseText(p).toLowerCase();
      const prev = owner.get(key);
      if (prev !== undefined && prev !== id)
        throw new DataError(file, id, `phrases[${j}]`, `phrase ${show(phraseText(p))} is also listed for "${prev}"`);
      owner.set(key, id);
    });
    return { ...(e as object), featureId: id, phrases } as AliasEntry;
  });
  return { ...(raw as object), entries } as AliasFile;
}

/** Validates parsed incidents.json (shape only; phrases and `at` are checked against the text and geography later). */
export function parseIncidentFile(raw: unknown, file: string = INCIDENTS_FILE): IncidentFile {
  if (!isObj(raw) || !Array.isArray(raw.incidents))
    throw new DataError(file, null, 'incidents', 'expected an object with an "incidents" array');
  const seen = new Set<string>();
  const incidents = raw.incidents.map((e, i): IncidentDef => {
    if (!isObj(e)) throw new DataError(file, `#${i}`, '(entry)', 'expected an object');
    if (typeof e.id !== 'string' || !/^incident:[a-z0-9][a-z0-9-]*$/.test(e.id))
      throw new DataError(file, `#${i}`, 'id', `expected an id such as "incident:cross-border-fire", got ${show(e.id)}`);
    const id = e.id;
    const fail = (field: string, detail: string): never => {
      throw new DataError(file, id, field, detail);
    };
    if (seen.has(id)) fail('id', 'duplicate id');
    seen.add(id);
    for (const f of ['name', 'location', 'precisionNote', 'description'])
      if (typeof e[f] !== 'string' || (e[f] as string).trim() === '') fail(f, `expected a non-empty string, got ${show(e[f])}`);
    if (!CATEGORY_IDS.includes(e.category as CategoryId) || e.category === 'reference')
      fail('category', `expected one of ${CATEGORY_IDS.filter((c) => c !== 'reference').join(', ')}, got ${show(e.category)}`);
    if (!Array.isArray(e.actors) || e.actors.length === 0) fail('actors', 'expected a non-empty array of actor ids');
    (e.actors as unknown[]).forEach((a, j) => {
      if (!ACTOR_IDS.includes(a as ActorId)) fail(`actors[${j}]`, `unknown actor ${show(a)}; known: ${ACTOR_IDS.join(', ')}`);
    });
    if (e.date !== undefined && e.datePhrase !== undefined) fail('date', 'give either "date" or "datePhrase", not both');
    if (e.date !== undefined) {
      if (typeof e.date !== 'string' || !ISO_DATE.test(e.date) || Number.isNaN(Date.parse(e.date)))
        fail('date', `expected YYYY-MM-DD, got ${show(e.date)}`);
      if (!['day', 'week', 'month'].includes(e.datePrecision as string))
        fail('datePrecision', `expected day, week or month with "date", got ${show(e.datePrecision)}`);
    }
    if (e.datePhrase !== undefined && (typeof e.datePhrase !== 'string' || e.datePhrase.trim() === ''))
      fail('datePhrase', `expected a non-empty string, got ${show(e.datePhrase)}`);
    checkPhrases(file, id, 'triggers', e.triggers);
    const at = e.at;
    const ats = Array.isArray(at) ? at : [at];
    if (ats.length === 0 || ats.some((a) => typeof a !== 'string' || !ID.test(a)))
      fail('at', `expected a feature id, "derived:<name>" or an array of point feature ids, got ${show(at)}`);
    if (e.precision !== undefined && !PRECISIONS.includes(e.precision as Precision))
      fail('precision', `expected one of ${PRECISIONS.join(', ')}, got ${show(e.precision)}`);
    if (e.approximate !== undefined && typeof e.approximate !== 'boolean') fail('approximate', 'expected true or false');
    if (e.fatalities !== undefined && e.fatalities !== null && (typeof e.fatalities !== 'number' || !Number.isInteger(e.fatalities) || e.fatalities < 0))
      fail('fatalities', `expected a whole number or null, got ${show(e.fatalities)}`);
    if (e.claims !== undefined) {
      if (!Array.isArray(e.claims)) fail('claims', 'expected an array');
      (e.claims as unknown[]).forEach((c, j) => {
        if (!isObj(c)) fail(`claims[${j}]`, 'expected an object');
        const claim = c as Obj;
        if (!ACTOR_IDS.includes(claim.by as ActorId)) fail(`claims[${j}].by`, `unknown actor ${show(claim.by)}`);
        if (typeof claim.says !== 'string' || claim.says.trim() === '') fail(`claims[${j}].says`, 'expected a non-empty string');
        checkPhrases(file, id, `claims[${j}].excerpts`, claim.excerpts);
      });
    }
    return e as unknown as IncidentDef;
  });
  return { ...(raw as object), incidents } as IncidentFile;
}
