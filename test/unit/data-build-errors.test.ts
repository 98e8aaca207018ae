// Bad input stops `npm run data` with an error naming the file, the feature id and the field,
// and writes nothing. Each case breaks one file in a copy of the repo's inputs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/build-data';
import { DataError } from '../../src/lib/domain/validate';

const repo = join(__dirname, '../..');
let root = '';

function copyInputs(): string {
  root = mkdtempSync(join(tmpdir(), 'sitmap-data-'));
  for (const dir of ['seeds', 'data/sources', 'data/curated']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  return root;
}

function edit(rel: string, change: (text: string) => string): void {
  const path = join(root, rel);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${rel} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

async function failure(): Promise<DataError> {
  const err = await buildData(root).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

describe('npm run data on bad input', () => {
  it('broken JSON in a source file', async () => {
    copyInputs();
    edit('data/sources/ne_50m_lakes.lake_sevan.geojson', (s) => s.slice(0, s.length / 2));
    const e = await failure();
    expect([e.file, e.field]).toEqual(['data/sources/ne_50m_lakes.lake_sevan.geojson', '(json)']);
  });

  it('a gazetteer entry without an id', async () => {
    copyInputs();
    edit('data/curated/gazetteer.json', (s) => s.replace('"id": "place:barda",', ''));
    const e = await failure();
    expect([e.file, e.field]).toEqual(['data/curated/gazetteer.json', 'id']);
    expect(e.featureId).toMatch(/^places\[\d+\]$/);
  });

  it('a country label position out of range', async () => {
    copyInputs();
    edit('data/curated/gazetteer.json', (s) => s.replace('"labelAt": [48.3, 40.0]', '"labelAt": [48.3, 400.0]'));
    const e = await failure();
    expect([e.file, e.featureId, e.field]).toEqual(['data/curated/gazetteer.json', 'AZE', 'labelAt']);
  });

  it('coordinates out of range in the GeoNames extract', async () => {
    copyInputs();
    edit('data/sources/geonames-cities500-extract.tsv', (s) =>
      s.split('\n').map((line) => (line.startsWith('587084\t') ? line.replace(/\t40\.\d+\t/, '\t95.5\t') : line)).join('\n'),
    );
    const e = await failure();
    expect([e.file, e.featureId, e.field]).toEqual(['data/sources/geonames-cities500-extract.tsv', expect.stringContaining('587084'), 'latitude']);
  });

  it('an incident trigger phrase that does not match the text', async () => {
    copyInputs();
    edit('data/curated/incidents.json', (s) => s.replace('fought new clashes', 'fought fresh clashes'));
    const e = await failure();
    expect(e.file).toBe('data/curated/incidents.json');
    expect(e.featureId).toBe('incident:clashes-2020-09-30');
    expect(e.field).toMatch(/^triggers\[\d+\]$/);
  });

  it('a seed text that no longer matches its curated phrases', async () => {
    copyInputs();
    edit('seeds/000_2cef7bef96ce68de.txt', (s) => s.replace('attacks from both sides', 'attacks by both sides'));
    const e = await failure();
    expect(e.featureId).toBe('incident:line-of-contact-attacks');
  });

  it('the command exits non-zero with the message and writes no data file', () => {
    copyInputs();
    edit('data/curated/gazetteer.json', (s) => s.replace('"geonameid": 587084', '"geonameid": "Baku"'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/build-data.ts'), root], {
      encoding: 'utf8',
      cwd: repo,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('data/curated/gazetteer.json: feature "place:baku", field "geonameid"');
    expect(existsSync(join(root, 'data/features.json'))).toBe(false);
  }, 60_000);
});
