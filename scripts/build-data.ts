// `npm run data`: builds data/*.json from seeds/, data/sources/ and data/curated/.
// One direction of flow: sources → pure builders → validation → files. Output is
// deterministic: the same inputs write the same bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGeography } from './data/geography.ts';
import { buildReport } from './data/report.ts';
import { buildAnalysis, buildPipelineFeatures } from './data/analysis.ts';
import { buildIncidentFeatures } from '../src/lib/extract/incidents.ts';
import { DATA_FILES, DataError, parseJson, validateSitData } from '../src/lib/domain/validate.ts';
import type { SitData, SitFeature } from '../src/lib/domain/types.ts';

export const LEGEND_SOURCE = 'data/curated/legend.json';

/** Builds every data file in memory and validates it; writes nothing. */
export async function buildData(root: string): Promise<SitData> {
  const geography = await buildGeography(root);
  const { report, incidents } = buildReport(root);
  const incidentFeatures = buildIncidentFeatures(incidents, report, geography);
  const mentioned = new Set(report.mentions.map((m) => m.featureId));
  // Schematic pipelines (issue 3) are reference features, so they are clickable and mentionable.
  const pipelines = buildPipelineFeatures(root);
  const features: SitFeature[] = [...geography.features, ...pipelines, ...incidentFeatures].map((f) => ({
    ...f,
    properties: { ...f.properties, mentioned: mentioned.has(f.id) },
  }));
  const legend = parseJson(LEGEND_SOURCE, readFileSync(join(root, LEGEND_SOURCE), 'utf8'));
  return validateSitData({
    basemap: geography.basemap,
    features: { type: 'FeatureCollection', features },
    report,
    legend,
    analysis: buildAnalysis(
      features,
      pipelines.map((p) => p.id),
    ),
  });
}

/** Serialises one data file; compact, with a trailing newline, key order as built. */
export function serialise(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

export async function writeData(root: string): Promise<Record<string, number>> {
  const data = await buildData(root);
  const sizes: Record<string, number> = {};
  for (const key of Object.keys(DATA_FILES) as (keyof typeof DATA_FILES)[]) {
    const path = join(root, DATA_FILES[key]);
    mkdirSync(dirname(path), { recursive: true });
    const text = serialise(data[key]);
    writeFileSync(path, text);
    sizes[DATA_FILES[key]] = Buffer.byteLength(text);
  }
  return sizes;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  // The repo by default; another folder with the same layout (seeds/, data/) as the first argument.
  const root = resolve(process.argv[2] ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  writeData(root).then(
    (sizes) => {
      for (const [file, bytes] of Object.entries(sizes)) console.log(`wrote ${file} (${bytes} bytes)`);
    },
    (err: unknown) => {
      if (err instanceof DataError) console.error(`npm run data: ${err.message}`);
      else console.error('npm run data failed:', err);
      process.exit(1);
    },
  );
}
