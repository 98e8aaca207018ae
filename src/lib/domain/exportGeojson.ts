// GeoJSON export of events: an RFC 7946 FeatureCollection. Coordinates rounded to 6 decimals,
// polygon rings wound by the right-hand rule (outer counterclockwise, holes clockwise), no crs.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { SitEvent } from './events';

export type EventProperties = Omit<SitEvent, 'geometry' | 'excerpt' | 'mention'> & {
  excerpt_start: number | null;
  excerpt_end: number | null;
};
export type EventFeature = Feature<Geometry | null, EventProperties> & { id: string };
export type EventFeatureCollection = FeatureCollection<Geometry | null, EventProperties> & { features: EventFeature[] };

const round6 = (x: number): number => {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
};

const roundPos = (p: Position): Position => [round6(p[0]), round6(p[1])];

/** Rounds and drops consecutive duplicates that rounding may create. */
function roundPath(path: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of path) {
    const r = roundPos(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) out.push(r);
  }
  return out;
}

/** Twice the signed area (shoelace): positive for counterclockwise rings. */
function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

function windRing(ring: Position[], ccw: boolean): Position[] {
  const r = roundPath(ring);
  const first = r[0];
  const last = r[r.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) r.push([first[0], first[1]]);
  const isCcw = signedArea2(r) > 0;
  return isCcw === ccw ? r : r.reverse();
}

const windPolygon = (rings: Position[][]): Position[][] => rings.map((ring, i) => windRing(ring, i === 0));

/** A copy of the geometry ready for RFC 7946: rounded, polygons wound by the right-hand rule. */
export function normalizeGeometry(g: Geometry): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundPos(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(roundPos) };
    case 'LineString':
      return { type: 'LineString', coordinates: roundPath(g.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map(roundPath) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: windPolygon(g.coordinates) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map(windPolygon) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map(normalizeGeometry) };
  }
}

export function eventToFeature(e: SitEvent): EventFeature {
  const { geometry, excerpt, mention: _mention, ...rest } = e;
  let g: Geometry | null = geometry ? normalizeGeometry(geometry) : null;
  if (!g && e.longitude !== null && e.latitude !== null) g = { type: 'Point', coordinates: roundPos([e.longitude, e.latitude]) };
  return {
    type: 'Feature',
    id: e.event_id,
    geometry: g,
    properties: {
      ...rest,
      actors: [...rest.actors],
      claimed_by: [...rest.claimed_by],
      tags: [...rest.tags],
      excerpt_start: excerpt ? excerpt.start : null,
      excerpt_end: excerpt ? excerpt.end : null,
    },
  };
}

/** The events as an RFC 7946 FeatureCollection (feature id = event_id). */
export function eventsToGeojson(events: readonly SitEvent[]): EventFeatureCollection {
  return { type: 'FeatureCollection', features: events.map(eventToFeature) };
}

/** The collection as text, e.g. for the page API's export('geojson'). */
export function eventsToGeojsonText(events: readonly SitEvent[]): string {
  return `${JSON.stringify(eventsToGeojson(events), null, 2)}\n`;
}
