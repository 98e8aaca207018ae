// The where-is-this query: for one [lng, lat], which country, which side of the
// 1994 line, how far from the line and the border, and the nearest places.
// Pure TypeScript over the built data (basemap countries + situation features).
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { BasemapCollection, BasemapFeature, SitFeature, SitFeatureCollection } from '../domain/types.ts';
import { greatCircleKm, nearestPointOnLineKm, pointToLineKm, type LineLike } from './distance.ts';
import { buildPointIndex, nearestPoints, type PointIndex } from './pointIndex.ts';
import { assertLngLat, type LngLat } from './validateInput.ts';

/** Feature ids the query relies on (see data/features.json). */
export const WHERE_IS_IDS = {
  nkao: 'region:nkao-1991',
  held: 'region:held-1994-2020',
  lineOfContact: 'line:line-of-contact-1994',
  border: 'line:armenia-azerbaijan-border',
} as const;

export interface WhereIsData {
  basemap: BasemapCollection;
  features: SitFeatureCollection;
}

export interface CountryHit {
  id: string;
  name: string;
  iso3: string | null;
}

export interface PlaceHit {
  id: string;
  name: string;
  km: number;
}

export interface WhereIs {
  /** The query point, as checked. */
  point: LngLat;
  /** Country polygon of the regional basemap containing the point; null at sea (e.g. the Caspian) or off the basemap. */
  country: CountryHit | null;
  /** Inside the 1991 NKAO boundary; null if the data has no region:nkao-1991. */
  inNKAO1991: boolean | null;
  /** Inside the area held by ethnic Armenian forces 1994–2020; null if the data lacks it. */
  inHeld1994to2020: boolean | null;
  /** Great-circle km to the nearest point of the 1994 line of contact; null if missing. */
  kmToLineOfContact: number | null;
  /** The nearest point of the line of contact, for drawing a connector. */
  nearestOnLineOfContact: LngLat | null;
  /** Great-circle km to the Armenia–Azerbaijan international border; null if missing. */
  kmToBorder: number | null;
  /** Nearest capital or town, mentioned or not. */
  nearestPlace: PlaceHit | null;
  /** Nearest capital or town the report mentions. */
  nearestMentionedPlace: PlaceHit | null;
  /** Nearest reference town (not mentioned in the report). */
  nearestReferenceTown: PlaceHit | null;
  /** The precision notes of the lines the distances are measured to (Natural Earth 1:10m, a few km). */
  precision: { lineOfContact: string | null; border: string | null };
}

interface AreaEntry {
  geometry: Polygon | MultiPolygon;
  box: [number, number, number, number];
}

interface Prepared {
  countries: (AreaEntry & CountryHit)[];
  nkao: AreaEntry | null;
  held: AreaEntry | null;
  lineOfContact: SitFeature | null;
  border: SitFeature | null;
  places: PointIndex;
  placeFeatures: SitFeature[];
}

function isArea(g: { type: string } | null | undefined): g is Polygon | MultiPolygon {
  return !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');
}

function isLine(f: SitFeature | undefined): f is SitFeature {
  return !!f && !!f.geometry && (f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString');
}

function area(geometry: Polygon | MultiPolygon): AreaEntry {
  return { geometry, box: turfBbox(geometry) as [number, number, number, number] };
}

function inArea(pt: LngLat, a: AreaEntry): boolean {
  const [w, s, e, n] = a.box;
  if (pt[0] < w || pt[0] > e || pt[1] < s || pt[1] > n) return false;
  return booleanPointInPolygon(pt, a.geometry);
}

/** Is this feature a place for the nearest-place answers (a capital or town drawn as a point)? */
export function isPlace(f: SitFeature): boolean {
  return (f.properties.kind === 'capital' || f.properties.kind === 'town') && f.geometry?.type === 'Point';
}

const cache = new WeakMap<object, WeakMap<object, Prepared>>();

function prepare(data: WhereIsData): Prepared {
  let inner = cache.get(data.basemap);
  const hit = inner?.get(data.features);
  if (hit) return hit;
  const basemapFeatures: BasemapFeature[] = data.basemap.features;
  const sitFeatures: SitFeature[] = data.features.features;
  const countries = basemapFeatures
    .filter((f) => f.properties.kind === 'country' && isArea(f.geometry))
    .map((f) => ({
      ...area(f.geometry as Polygon | MultiPolygon),
      id: String(f.id ?? f.properties.id),
      name: f.properties.name,
      iso3: f.properties.iso3 ?? null,
    }));
  const byId = new Map(sitFeatures.map((f) => [f.id, f]));
  const region = (id: string) => {
    const g = byId.get(id)?.geometry;
    return isArea(g) ? area(g) : null;
  };
  const loc = byId.get(WHERE_IS_IDS.lineOfContact);
  const border = byId.get(WHERE_IS_IDS.border);
  const placeFeatures = sitFeatures.filter(isPlace);
  const prepared: Prepared = {
    countries,
    nkao: region(WHERE_IS_IDS.nkao),
    held: region(WHERE_IS_IDS.held),
    lineOfContact: isLine(loc) ? loc : null,
    border: isLine(border) ? border : null,
    places: buildPointIndex(
      placeFeatures.map((f) => (f.geometry as Point).coordinates),
      placeFeatures.map((f) => f.id),
    ),
    placeFeatures,
  };
  if (!inner) {
    inner = new WeakMap();
    cache.set(data.basemap, inner);
  }
  inner.set(data.features, prepared);
  return prepared;
}

function nearest(p: Prepared, pt: LngLat, keep: (f: SitFeature) => boolean): PlaceHit | null {
  const [h] = nearestPoints(p.places, pt, 1, undefined, (i) => keep(p.placeFeatures[i]));
  if (!h) return null;
  const f = p.placeFeatures[h.index];
  return { id: f.id, name: f.properties.name, km: h.km };
}

/**
 * Where is this point? `pt` is [lng, lat]; a bad coordinate throws GeoInputError.
 * The first call on a data object prepares bounding boxes and a place index;
 * later calls on the same objects reuse them.
 */
export function queryPoint(data: WhereIsData, pt: LngLat | unknown): WhereIs {
  const point = assertLngLat(pt, 'query point');
  const p = prepare(data);
  const country = p.countries.find((c) => inArea(point, c)) ?? null;
  const loc = p.lineOfContact;
  const nearestLoc = loc ? nearestPointOnLineKm(point, loc.geometry as LineLike) : null;
  return {
    point,
    country: country ? { id: country.id, name: country.name, iso3: country.iso3 } : null,
    inNKAO1991: p.nkao ? inArea(point, p.nkao) : null,
    inHeld1994to2020: p.held ? inArea(point, p.held) : null,
    kmToLineOfContact: loc ? pointToLineKm(point, loc.geometry as LineLike) : null,
    nearestOnLineOfContact: nearestLoc ? nearestLoc.point : null,
    kmToBorder: p.border ? pointToLineKm(point, p.border.geometry as LineLike) : null,
    nearestPlace: nearest(p, point, () => true),
    nearestMentionedPlace: nearest(p, point, (f) => f.properties.mentioned),
    nearestReferenceTown: nearest(p, point, (f) => f.properties.kind === 'town' && !f.properties.mentioned),
    precision: {
      lineOfContact: loc?.properties.precisionNote ?? null,
      border: p.border?.properties.precisionNote ?? null,
    },
  };
}

/** Great-circle km between two features' points by id (for the key-distances panel); null if either is not a point. */
export function kmBetweenPoints(features: SitFeatureCollection, idA: string, idB: string): number | null {
  const all: SitFeature[] = features.features;
  const a = all.find((f) => f.id === idA)?.geometry;
  const b = all.find((f) => f.id === idB)?.geometry;
  if (a?.type !== 'Point' || b?.type !== 'Point') return null;
  return greatCircleKm(a.coordinates, b.coordinates);
}
