// Tests on the real built geography (scripts/data/geography.ts), with
// independent checks: a haversine written here, the Natural Earth 1:50m B38
// polygon, and the figures measured in /work/shared/geodata/README.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  area,
  bbox,
  booleanIntersects,
  booleanPointInPolygon,
  booleanWithin,
  feature,
  featureCollection,
  intersect,
  length,
  lineString,
  point,
  pointToLineDistance,
} from '@turf/turf';
import type { Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { buildGeography, REGION_BBOX, type Geography } from '../../../scripts/data/geography.ts';
import { PRECISIONS, FEATURE_KINDS, ACTOR_IDS } from '../../../src/lib/domain/types.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let g: Geography;
let json: string;

beforeAll(async () => {
  g = await buildGeography(root);
  json = JSON.stringify(g);
}, 30_000);

const feat = (id: string) => {
  const f = g.features.find((x) => x.id === id);
  if (!f) throw new Error(`missing ${id}`);
  return f;
};
const pos = (id: string) => (feat(id).geometry as Point).coordinates;
const poly = (id: string) => feat(id).geometry as Polygon | MultiPolygon;

/** Independent great-circle distance (haversine, mean Earth radius 6371.0088 km). */
function haversineKm(a: Position, b: Position): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

function kmToLines(p: Position, m: Geometry): number {
  const parts = m.type === 'LineString' ? [m.coordinates] : (m as MultiLineString).coordinates;
  return Math.min(...parts.map((c) => pointToLineDistance(point(p), lineString(c), { units: 'kilometers' })));
}

function vertices(m: Geometry): Position[] {
  if (m.type === 'Polygon') return m.coordinates.flat();
  if (m.type === 'MultiPolygon') return m.coordinates.flat(2);
  if (m.type === 'LineString') return m.coordinates;
  if (m.type === 'MultiLineString') return m.coordinates.flat();
  return [];
}

describe('places', () => {
  it('Baku–Yerevan great-circle distance matches an independent haversine (within 0.5%; about 457 km)', () => {
    const baku = pos('place:baku');
    const yerevan = pos('place:yerevan');
    const km = length(lineString([baku, yerevan]));
    expect(Math.abs(km / haversineKm(baku, yerevan) - 1)).toBeLessThan(0.005);
    expect(km).toBeGreaterThan(450);
    expect(km).toBeLessThan(470);
  });
  it.each(['stepanakert', 'shusha', 'agdam', 'lachin', 'kalbajar', 'martakert', 'martuni', 'hadrut', 'fuzuli', 'jabrayil'])(
    '%s lies inside the 1994–2020 held area',
    (id) => expect(booleanPointInPolygon(pos(`place:${id}`), poly('region:held-1994-2020'))).toBe(true),
  );
  it.each(['tartar', 'barda', 'horadiz', 'ganja', 'baku', 'yerevan', 'goris'])('%s lies outside the held area', (id) =>
    expect(booleanPointInPolygon(pos(`place:${id}`), poly('region:held-1994-2020'))).toBe(false),
  );
  it('Stepanakert and Shusha are inside the NKAO; Agdam and Lachin are not', () => {
    const nkao = poly('region:nkao-1991');
    expect(booleanPointInPolygon(pos('place:stepanakert'), nkao)).toBe(true);
    expect(booleanPointInPolygon(pos('place:shusha'), nkao)).toBe(true);
    expect(booleanPointInPolygon(pos('place:agdam'), nkao)).toBe(false);
    expect(booleanPointInPolygon(pos('place:lachin'), nkao)).toBe(false);
  });
  it('Tartar is outside the held area but within 10 km of the line; Horadiz within 5 km', () => {
    const loc = feat('line:line-of-contact-1994').geometry;
    expect(kmToLines(pos('place:tartar'), loc)).toBeLessThan(10);
    expect(kmToLines(pos('place:horadiz'), loc)).toBeLessThan(5);
  });
  it('GeoNames points fall in the right country (Goris in Armenia, Ganja and Baku in Azerbaijan)', () => {
    expect(booleanPointInPolygon(pos('place:goris'), poly('country:armenia'))).toBe(true);
    expect(booleanPointInPolygon(pos('place:yerevan'), poly('country:armenia'))).toBe(true);
    expect(booleanPointInPolygon(pos('place:ganja'), poly('country:azerbaijan'))).toBe(true);
    expect(booleanPointInPolygon(pos('place:baku'), poly('country:azerbaijan'))).toBe(true);
  });
  it('curated actors agree with the geometry: towns attributed to nk-forces are inside the held area', () => {
    const held = poly('region:held-1994-2020');
    for (const f of g.features.filter((x) => x.properties.kind === 'town')) {
      const inside = booleanPointInPolygon((f.geometry as Point).coordinates, held);
      expect([f.id, inside]).toEqual([f.id, f.properties.actors.includes('nk-forces')]);
    }
  });
  it('CSTO is offset from Russia’s seat, and says so', () => {
    const d = haversineKm(pos('actor:csto'), pos('actor:russia'));
    expect(d).toBeGreaterThan(20);
    expect(d).toBeLessThan(60);
    expect(feat('actor:csto').properties.precisionNote).toMatch(/south of the Moscow point/);
  });
});

describe('regions and lines', () => {
  it('NKAO ring encloses ~4,277 km² (±3%)', () => {
    expect(Math.abs(area(poly('region:nkao-1991')) / 1e6 / 4277 - 1)).toBeLessThan(0.03);
  });
  it('held area is ~11,915 km² (±3%) and agrees with Natural Earth’s independent 1:50m B38 polygon', () => {
    const held = poly('region:held-1994-2020');
    const heldKm2 = area(held) / 1e6;
    expect(Math.abs(heldKm2 / 11915 - 1)).toBeLessThan(0.03);
    const b38 = JSON.parse(
      readFileSync(`${root}data/sources/ne_50m_admin_0_breakaway_disputed_areas.117488dc.geojson`, 'utf8'),
    ).features.find((f: { properties: { BRK_A3: string } }) => f.properties.BRK_A3 === 'B38');
    const b38Km2 = area(b38) / 1e6;
    expect(Math.abs(heldKm2 / b38Km2 - 1)).toBeLessThan(0.05);
    const overlap = area(intersect(featureCollection([feature(held), b38]))!) / 1e6;
    expect(overlap / heldKm2).toBeGreaterThan(0.95);
  });
  it('the NKAO lies mostly within the held area (small eastern/northern parts stayed with Azerbaijan)', () => {
    const nkao = poly('region:nkao-1991');
    const inter = intersect(featureCollection([feature(nkao), feature(poly('region:held-1994-2020'))]))!;
    const share = area(inter) / area(nkao);
    expect(share).toBeGreaterThan(0.9);
    expect(share).toBeLessThan(1);
  });
  it('line of contact: one LineString, ~203 km, from the Sotk/Zod pass to the Aras west of Horadiz', () => {
    const loc = feat('line:line-of-contact-1994').geometry as LineString;
    expect(loc.type).toBe('LineString');
    expect(Math.abs(length(feature(loc)) / 203 - 1)).toBeLessThan(0.02);
    const c = loc.coordinates;
    expect(haversineKm(c[0], [45.979, 40.224])).toBeLessThan(0.5);
    expect(haversineKm(c[c.length - 1], [47.324, 39.406])).toBeLessThan(0.5);
  });
  it('the Armenia–Azerbaijan border runs along both countries and includes Nakhchivan’s', () => {
    const b = feat('line:armenia-azerbaijan-border').geometry as MultiLineString;
    expect(b.type).toBe('MultiLineString');
    const km = b.coordinates.reduce((s, c) => s + length(lineString(c)), 0);
    expect(km).toBeGreaterThan(650);
    expect(km).toBeLessThan(1100);
    // the Nakhchivan stretch: border west of 45.2°E and south of 39.8°N
    expect(b.coordinates.some((c) => c.every((p) => p[1] < 39.8) && c.some((p) => p[0] < 45.2))).toBe(true);
    // the line of contact's west end (Sotk/Zod pass) lies on this border
    const loc = feat('line:line-of-contact-1994').geometry as LineString;
    expect(kmToLines(loc.coordinates[0], b)).toBeLessThan(2);
  });
});

describe('derived zones', () => {
  it('cross-border-fire zone lies on the border: intersects it, every vertex within the 6 km buffer of it', () => {
    const zone = g.derived['cross-border-fire-zone'];
    const border = feat('line:armenia-azerbaijan-border').geometry;
    expect(['Polygon', 'MultiPolygon']).toContain(zone.type);
    expect(booleanIntersects(zone, border)).toBe(true);
    for (const v of vertices(zone)) expect(kmToLines(v, border)).toBeLessThanOrEqual(6 * 1.02);
  });
  it('cross-border-fire zone is well west of the NKAO and does not touch the held area', () => {
    const zone = g.derived['cross-border-fire-zone'];
    const nkaoWest = bbox(poly('region:nkao-1991'))[0];
    expect(bbox(zone)[2]).toBeLessThan(nkaoWest - 0.1);
    expect(booleanIntersects(zone, poly('region:held-1994-2020'))).toBe(false);
  });
  it('cross-border-fire segments are pieces of the Armenia–Azerbaijan border (mainland, north of the held area)', () => {
    const segs = g.derived['cross-border-fire-segments'] as MultiLineString;
    const border = feat('line:armenia-azerbaijan-border').geometry;
    expect(segs.coordinates.length).toBeGreaterThan(0);
    const km = segs.coordinates.reduce((s, c) => s + length(lineString(c)), 0);
    expect(km).toBeGreaterThan(100);
    for (const v of vertices(segs)) {
      expect(kmToLines(v, border)).toBeLessThan(0.01);
      expect(v[1]).toBeGreaterThan(40); // not Nakhchivan, not the Lachin/Zangilan stretch
    }
  });
  it('front-zone is the line of contact buffered by ~10 km', () => {
    const front = g.derived['front-zone'] as Polygon;
    const loc = feat('line:line-of-contact-1994').geometry as LineString;
    expect(booleanWithin(loc, front)).toBe(true);
    for (const v of vertices(front)) expect(kmToLines(v, loc)).toBeGreaterThan(9.5);
    for (const v of vertices(front)) expect(kmToLines(v, loc)).toBeLessThan(10.2);
    expect(booleanPointInPolygon(pos('place:tartar'), front)).toBe(true);
    expect(booleanPointInPolygon(pos('place:baku'), front)).toBe(false);
  });
});

describe('feature contract', () => {
  it('has every required feature with unique readable ids and complete properties', () => {
    const ids = g.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'country:azerbaijan', 'country:armenia', 'region:nkao-1991', 'region:held-1994-2020', 'region:south-caucasus',
      'line:line-of-contact-1994', 'line:armenia-azerbaijan-border', 'place:baku', 'place:yerevan', 'place:stepanakert',
      'place:riga', 'actor:turkey', 'actor:france', 'actor:russia', 'actor:un-security-council', 'actor:csto', 'actor:nato',
    ]) expect(ids).toContain(id);
    for (const f of g.features) {
      const p = f.properties;
      expect(p.id).toBe(f.id);
      expect(f.id).toMatch(/^(place|actor|country|region|line):[a-z0-9-]+$/);
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.source.length).toBeGreaterThan(0);
      expect(['Public domain', 'CC BY 4.0']).toContain(p.license);
      expect(PRECISIONS).toContain(p.precision);
      expect(FEATURE_KINDS).toContain(p.kind);
      expect(p.kind).not.toBe('incident');
      expect(p.precisionNote.length).toBeGreaterThan(10);
      expect(p.mentioned).toBe(false);
      for (const a of p.actors) expect(ACTOR_IDS).toContain(a);
    }
    expect(feat('place:stepanakert').properties.name).toBe('Stepanakert / Khankendi');
    expect(feat('place:stepanakert').properties.source).toBe('GeoNames cities500 (geonameid 146970)');
    expect(feat('actor:un-security-council').properties.precision).toBe('seat');
    expect(feat('region:south-caucasus').properties.approximate).toBe(true);
  });
  it('coordinates are in range and rounded to at most 5 decimals', () => {
    for (const f of g.features) {
      const vs = f.geometry.type === 'Point' ? [(f.geometry as Point).coordinates] : vertices(f.geometry);
      for (const [x, y] of vs) {
        expect(Math.abs(x)).toBeLessThanOrEqual(180);
        expect(Math.abs(y)).toBeLessThanOrEqual(90);
        expect(Math.round(x * 1e5) / 1e5).toBe(x);
      }
    }
  });
});

describe('basemap', () => {
  it('is small, clipped to the region, with the expected ids', () => {
    expect(JSON.stringify(g.basemap).length).toBeLessThan(150_000);
    const ids = g.basemap.features.map((f) => f.id);
    for (const id of ['basemap:country:aze', 'basemap:country:arm', 'basemap:country:geo', 'basemap:country:tur',
      'basemap:country:irn', 'basemap:country:rus', 'basemap:lake:sevan', 'basemap:river:aras',
      'basemap:sea:caspian', 'basemap:sea:black']) expect(ids).toContain(id);
    for (const f of g.basemap.features) {
      expect(f.properties.id).toBe(f.id);
      if (f.properties.kind === 'land') continue; // the context land lies outside the region (next test)
      const [w, s, e, n] = bbox(f.geometry);
      expect(w).toBeGreaterThanOrEqual(REGION_BBOX[0]);
      expect(s).toBeGreaterThanOrEqual(REGION_BBOX[1]);
      expect(e).toBeLessThanOrEqual(REGION_BBOX[2]);
      expect(n).toBeLessThanOrEqual(REGION_BBOX[3]);
    }
  });
  it('context land puts the far-away actors on land and leaves the region to the 1:10m countries', () => {
    const land = g.basemap.features.find((f) => f.id === 'basemap:land:world')!;
    expect(land.properties.kind).toBe('land');
    expect(land.properties.approximate).toBe(true);
    const onLand = (pt: [number, number]) => booleanPointInPolygon(pt, land.geometry as Polygon);
    for (const id of ['actor:france', 'actor:nato', 'actor:un-security-council', 'place:riga']) {
      const f = g.features.find((x) => x.id === id)!;
      expect(onLand((f.geometry as Point).coordinates as [number, number]), id).toBe(true);
    }
    // Inside the region box there is no context land at all: Baku, Yerevan, the Caspian.
    for (const pt of [[49.892, 40.378], [44.513, 40.181], [50.5, 40.0]] as [number, number][]) expect(onLand(pt)).toBe(false);
    const coords = JSON.stringify(land.geometry.type === 'Polygon' || land.geometry.type === 'MultiPolygon' ? land.geometry.coordinates : []);
    const [w, s, e, n] = REGION_BBOX;
    const inside = [...coords.matchAll(/\[(-?[\d.]+),(-?[\d.]+)\]/g)].filter(
      ([, x, y]) => +x > w + 1e-9 && +x < e - 1e-9 && +y > s + 1e-9 && +y < n - 1e-9,
    );
    expect(inside).toEqual([]);
  });
  it('sea labels sit in open water and Lake Sevan inside Armenia', () => {
    const countries = g.basemap.features.filter((f) => f.properties.kind === 'country');
    for (const sea of g.basemap.features.filter((f) => f.properties.kind === 'sea-label')) {
      for (const c of countries) {
        expect(booleanPointInPolygon((sea.geometry as Point).coordinates, c.geometry as Polygon)).toBe(false);
      }
    }
    const sevan = g.basemap.features.find((f) => f.id === 'basemap:lake:sevan')!;
    expect(booleanIntersects(sevan.geometry, poly('country:armenia'))).toBe(true);
  });
  it('the line of contact and the border carry short map labels', () => {
    expect(feat('line:line-of-contact-1994').properties.label).toBe('Line of contact 1994–2020');
    expect(feat('line:armenia-azerbaijan-border').properties.label).toBe('Armenia–Azerbaijan border');
  });
  it('names each of the six countries once, with a label point inside that country and away from the front', () => {
    const labels = g.basemap.features.filter((f) => f.properties.kind === 'country-label');
    expect(labels.map((f) => f.properties.iso3).sort()).toEqual(['ARM', 'AZE', 'GEO', 'IRN', 'RUS', 'TUR']);
    const countries = g.basemap.features.filter((f) => f.properties.kind === 'country');
    for (const l of labels) {
      expect(l.geometry.type).toBe('Point');
      const at = (l.geometry as Point).coordinates;
      const own = countries.find((c) => c.properties.iso3 === l.properties.iso3)!;
      expect(booleanPointInPolygon(at, own.geometry as Polygon | MultiPolygon), `${l.id} inside ${own.id}`).toBe(true);
      for (const c of countries.filter((c) => c !== own)) {
        expect(booleanPointInPolygon(at, c.geometry as Polygon | MultiPolygon), `${l.id} not inside ${c.id}`).toBe(false);
      }
      expect(l.properties.name).toBe(own.properties.name);
      expect(l.properties.approximate).toBe(true);
    }
    // Azerbaijan's name does not sit on the 1991 oblast or the 1994–2020 held area.
    const aze = (labels.find((l) => l.properties.iso3 === 'AZE')!.geometry as Point).coordinates;
    expect(booleanPointInPolygon(aze, poly('region:held-1994-2020'))).toBe(false);
    expect(kmToLines(aze, feat('line:line-of-contact-1994').geometry)).toBeGreaterThan(50);
  });
  it('the Aras is approximate and runs along the Iran border, south of the Armenian and Azerbaijani towns', () => {
    const aras = g.basemap.features.find((f) => f.id === 'basemap:river:aras')!;
    expect(aras.properties.approximate).toBe(true);
    const [w, s, e, n] = bbox(aras.geometry);
    expect(w).toBeLessThan(45);
    expect(e).toBeGreaterThan(47.5);
    expect(s).toBeGreaterThan(38.5);
    expect(n).toBeLessThan(40);
    expect(kmToLines(pos('place:horadiz'), aras.geometry)).toBeLessThan(10);
  });
});

describe('determinism', () => {
  it('building twice gives identical JSON', async () => {
    const again = JSON.stringify(await buildGeography(root));
    expect(again).toBe(json);
  }, 30_000);
});
