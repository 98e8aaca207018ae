// The view in the URL hash: camera, active layers, selection, time range.
// serializeView writes it; parseView reads it back and never throws: anything broken,
// unknown or hostile is dropped with a notice (plain text, never HTML).
import { isIsoDay, type DayRange } from './timeRange';

export interface MapView {
  /** [lng, lat] */
  center?: [number, number];
  zoom?: number;
  bearing?: number;
  pitch?: number;
  /** Active actor layers; undefined means the default (all). */
  actors?: string[];
  /** Active category layers; undefined means the default (all). */
  categories?: string[];
  /** Selected feature id or event id. */
  selected?: string;
  /** Time range, inclusive ISO days. */
  range?: DayRange;
}

export interface KnownIds {
  featureIds: Iterable<string>;
  eventIds: Iterable<string>;
  actorIds: Iterable<string>;
  categoryIds: Iterable<string>;
}

export interface ParsedView {
  view: MapView;
  notices: string[];
}

/** Longest hash parseView reads; longer input is ignored whole. */
export const MAX_HASH_LENGTH = 2048;
const MAX_ID_LENGTH = 120;
/** Mercator's latitude limit (MapLibre's). */
export const MAX_LAT = 85.051129;

const round = (x: number, dp: number): number => {
  const f = 10 ** dp;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Precision kept in the URL: ~1 m for the centre, 1/100 zoom level, 0.1° for bearing and pitch. */
const DP = { lnglat: 5, zoom: 2, angle: 1 } as const;

/** The view as stored: numbers rounded as in the URL. */
export function normalizeView(v: MapView): MapView {
  const out: MapView = {};
  if (v.center) out.center = [round(v.center[0], DP.lnglat), round(v.center[1], DP.lnglat)];
  if (v.zoom !== undefined) out.zoom = round(v.zoom, DP.zoom);
  if (v.bearing !== undefined) out.bearing = round(v.bearing, DP.angle);
  if (v.pitch !== undefined) out.pitch = round(v.pitch, DP.angle);
  if (v.actors) out.actors = [...v.actors];
  if (v.categories) out.categories = [...v.categories];
  if (v.selected) out.selected = v.selected;
  if (v.range) out.range = [v.range[0], v.range[1]];
  return out;
}

// Ids are written as they are except for characters outside this safe set.
const enc = (s: string): string => encodeURIComponent(s).replace(/%3A/gi, ':');

/** The view as a URL hash, starting with '#'. Keys in a fixed order; empty view gives '#'. */
export function serializeView(view: MapView): string {
  const v = normalizeView(view);
  const parts: string[] = [];
  if (v.center) parts.push(`c=${v.center[0]},${v.center[1]}`);
  if (v.zoom !== undefined) parts.push(`z=${v.zoom}`);
  if (v.bearing !== undefined) parts.push(`b=${v.bearing}`);
  if (v.pitch !== undefined) parts.push(`p=${v.pitch}`);
  if (v.actors) parts.push(`a=${v.actors.map(enc).join(',')}`);
  if (v.categories) parts.push(`k=${v.categories.map(enc).join(',')}`);
  if (v.selected) parts.push(`s=${enc(v.selected)}`);
  if (v.range) parts.push(`t=${v.range[0]}..${v.range[1]}`);
  return `#${parts.join('&')}`;
}

/** Quote a hostile value for a notice: short, printable, no markup characters. */
function show(s: string): string {
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return JSON.stringify(cut.replace(/[^\x20-\x7e]/g, '?').replace(/[<>&]/g, '?'));
}

const SCRIPT_LIKE = /[<>"'`\\{}()]|javascript:|data:|vbscript:|on\w+=|&#/i;
const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9:._-]*$/;

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** A strict decimal number: no hex, no exponent, no 'Infinity'. */
function num(s: string): number | null {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s.trim())) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Reads a URL hash (with or without '#'). Never throws. */
export function parseView(hash: unknown, known: KnownIds): ParsedView {
  const notices: string[] = [];
  const view: MapView = {};
  if (typeof hash !== 'string') return { view, notices: ['Link ignored: not text.'] };
  if (hash.length > MAX_HASH_LENGTH) {
    return { view, notices: [`Link ignored: it is ${hash.length} characters long (the limit is ${MAX_HASH_LENGTH}).`] };
  }
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.trim() === '') return { view, notices };

  const sets = {
    feature: new Set(known.featureIds),
    event: new Set(known.eventIds),
    actor: new Set(known.actorIds),
    category: new Set(known.categoryIds),
  };
  const seen = new Set<string>();

  /** Checks one id: shape, no script-like content, known. */
  const checkId = (raw: string, allowed: Set<string>[], what: string): string | null => {
    if (raw.length > MAX_ID_LENGTH || SCRIPT_LIKE.test(raw) || !ID_SHAPE.test(raw)) {
      notices.push(`Ignored a malformed ${what} in the link: ${show(raw)}.`);
      return null;
    }
    if (!allowed.some((s) => s.has(raw))) {
      notices.push(`Ignored an unknown ${what} in the link: ${show(raw)}.`);
      return null;
    }
    return raw;
  };

  const idList = (raw: string, allowed: Set<string>, what: string): string[] => {
    if (raw === '') return [];
    const out: string[] = [];
    for (const part of raw.split(',')) {
      const id = checkId(part, [allowed], what);
      if (id !== null && !out.includes(id)) out.push(id);
    }
    return out;
  };

  const number = (raw: string, what: string, min: number, max: number): number | null => {
    const n = num(raw);
    if (n === null) {
      notices.push(`Ignored ${what}: ${show(raw)} is not a number.`);
      return null;
    }
    if (n < min || n > max) {
      notices.push(`Ignored ${what}: ${n} is outside ${min}..${max}.`);
      return null;
    }
    return n;
  };

  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const decoded = safeDecode(eq < 0 ? '' : pair.slice(eq + 1));
    if (decoded === null) {
      notices.push(`Ignored ${show(key)} in the link: its value is not valid URL encoding.`);
      continue;
    }
    const value = decoded.trim();
    if (seen.has(key)) {
      notices.push(`Ignored a repeated ${show(key)} in the link.`);
      continue;
    }
    seen.add(key);
    switch (key) {
      case 'c': {
        const parts = value.split(',');
        if (parts.length !== 2) {
          notices.push(`Ignored the map centre: expected "lng,lat", got ${show(value)}.`);
          break;
        }
        const lng = number(parts[0], 'the centre longitude', -180, 180);
        const lat = number(parts[1], 'the centre latitude', -MAX_LAT, MAX_LAT);
        if (lng !== null && lat !== null) view.center = [round(lng, DP.lnglat), round(lat, DP.lnglat)];
        break;
      }
      case 'z': {
        const z = number(value, 'the zoom', 0, 24);
        if (z !== null) view.zoom = round(z, DP.zoom);
        break;
      }
      case 'b': {
        const b = number(value, 'the bearing', -180, 180);
        if (b !== null) view.bearing = round(b, DP.angle);
        break;
      }
      case 'p': {
        const p = number(value, 'the pitch', 0, 85);
        if (p !== null) view.pitch = round(p, DP.angle);
        break;
      }
      case 'a':
        view.actors = idList(value, sets.actor, 'actor layer');
        break;
      case 'k':
        view.categories = idList(value, sets.category, 'incident layer');
        break;
      case 's': {
        if (value === '') break;
        const id = checkId(value, [sets.feature, sets.event], 'selection');
        if (id !== null) view.selected = id;
        break;
      }
      case 't': {
        const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
        if (!m || !isIsoDay(m[1]) || !isIsoDay(m[2])) {
          notices.push(`Ignored the time range: expected "YYYY-MM-DD..YYYY-MM-DD", got ${show(value)}.`);
        } else if (m[1] > m[2]) {
          notices.push(`Ignored the time range: ${m[1]} is after ${m[2]}.`);
        } else {
          view.range = [m[1], m[2]];
        }
        break;
      }
      default:
        notices.push(`Ignored an unknown link parameter ${show(key)}.`);
    }
  }
  return { view, notices };
}
