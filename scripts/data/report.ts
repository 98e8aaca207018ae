// Report build: seeds/<id>.txt + .meta.json + data/curated/{aliases,incidents}.json → Report.
// Reads files, validates them (errors name the file, the entry id and the field), and hands the
// text to the pure extractor in src/lib/extract.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report, SeedMeta } from '../../src/lib/domain/types.ts';
import { DataError, parseJson } from '../../src/lib/domain/validate.ts';
import {
  ALIASES_FILE,
  INCIDENTS_FILE,
  extractReport,
  parseAliasFile,
  parseIncidentFile,
  type AliasFile,
  type IncidentFile,
} from '../../src/lib/extract/index.ts';

export type { AliasFile, IncidentFile };

/** The seed shown by default. */
export const DEFAULT_SEED_ID = '000_2cef7bef96ce68de';

function readText(root: string, file: string): string {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch (e) {
    throw new DataError(file, null, '(file)', `cannot read: ${(e as Error).message}`);
  }
}

/** Checks seeds/<id>.meta.json has every field SeedMeta needs. */
export function parseSeedMeta(raw: unknown, file: string): SeedMeta {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(raw)) throw new DataError(file, null, '(root)', 'expected an object');
  const id = typeof raw.id === 'string' ? raw.id : null;
  for (const f of ['id', 'file', 'title', 'source', 'dateline'])
    if (typeof raw[f] !== 'string' || (raw[f] as string).trim() === '')
      throw new DataError(file, id, f, `expected a non-empty string, got ${JSON.stringify(raw[f]) ?? 'nothing (missing)'}`);
  const p = raw.published;
  if (!isObj(p)) throw new DataError(file, id, 'published', 'expected an object');
  if (typeof p.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(p.date) || Number.isNaN(Date.parse(p.date)))
    throw new DataError(file, id, 'published.date', `expected YYYY-MM-DD, got ${JSON.stringify(p.date) ?? 'nothing (missing)'}`);
  if (!['day', 'week', 'month'].includes(p.precision as string))
    throw new DataError(file, id, 'published.precision', `expected day, week or month, got ${JSON.stringify(p.precision) ?? 'nothing (missing)'}`);
  if (typeof p.inferred !== 'boolean') throw new DataError(file, id, 'published.inferred', 'expected true or false');
  if (typeof p.method !== 'string' || p.method.trim() === '') throw new DataError(file, id, 'published.method', 'expected a non-empty string');
  return raw as unknown as SeedMeta;
}

export function buildReport(root: string, seedId: string = DEFAULT_SEED_ID): { report: Report; incidents: IncidentFile } {
  const metaFile = `seeds/${seedId}.meta.json`;
  const meta = parseSeedMeta(parseJson(metaFile, readText(root, metaFile)), metaFile);
  const textFile = `seeds/${meta.file}`;
  const text = readText(root, textFile);
  if (text.trim() === '') throw new DataError(textFile, meta.id, 'text', 'the seed text is empty');
  const aliases = parseAliasFile(parseJson(ALIASES_FILE, readText(root, ALIASES_FILE)));
  const incidents = parseIncidentFile(parseJson(INCIDENTS_FILE, readText(root, INCIDENTS_FILE)));
  return { report: extractReport(text, meta, { aliases, incidents }), incidents };
}
