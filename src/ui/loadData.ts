// Loads the data files as hashed assets fetched at runtime (Vite `?url`:
// not bundled into the JS), parses and validates them. Any failure is thrown
// as a DataError naming the file (and feature id and field where known).
import basemapUrl from '../../data/basemap.json?url&no-inline';
import featuresUrl from '../../data/features.json?url&no-inline';
import reportUrl from '../../data/report.json?url&no-inline';
import legendUrl from '../../data/legend.json?url&no-inline';
import analysisUrl from '../../data/analysis.json?url&no-inline';
import { DataError, DATA_FILES, parseJson, validateSitData } from '../lib/domain/validate';
import type { SitData } from '../lib/domain/types';

export const DATA_URLS: Record<keyof typeof DATA_FILES, string> = {
  basemap: basemapUrl,
  features: featuresUrl,
  report: reportUrl,
  legend: legendUrl,
  analysis: analysisUrl,
};

async function fetchText(file: string, url: string, fetchFn: typeof fetch): Promise<string> {
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch (e) {
    throw new DataError(file, null, '(fetch)', `could not be fetched: ${(e as Error).message}`);
  }
  if (!res.ok) throw new DataError(file, null, '(fetch)', `HTTP ${res.status} ${res.statusText}`.trim());
  return res.text();
}

/** Fetches, parses and validates data/*.json. Throws DataError on any problem. */
export async function loadData(urls: Record<keyof typeof DATA_FILES, string> = DATA_URLS, fetchFn: typeof fetch = fetch): Promise<SitData> {
  const keys = Object.keys(DATA_FILES) as (keyof typeof DATA_FILES)[];
  const texts = await Promise.all(keys.map((k) => fetchText(DATA_FILES[k], urls[k], fetchFn)));
  const raw = Object.fromEntries(keys.map((k, i) => [k, parseJson(DATA_FILES[k], texts[i])])) as Record<
    keyof typeof DATA_FILES,
    unknown
  >;
  return validateSitData(raw);
}

/** What the error screen shows: a DataError's parts, or a generic message. */
export interface LoadFailure {
  file: string | null;
  featureId: string | null;
  field: string | null;
  message: string;
}

export function describeFailure(e: unknown): LoadFailure {
  if (e instanceof DataError) return { file: e.file, featureId: e.featureId, field: e.field, message: e.detail };
  const message = e instanceof Error ? e.message : String(e);
  return { file: null, featureId: null, field: null, message };
}
