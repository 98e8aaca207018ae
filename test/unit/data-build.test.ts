// The orchestrator: `npm run data` is deterministic, and the committed data/*.json
// are exactly what the sources build (so a stale data file fails CI).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildData, serialise } from '../../scripts/build-data';
import { DATA_FILES } from '../../src/lib/domain/validate';
import type { SitData } from '../../src/lib/domain/types';

const root = join(__dirname, '../..');
let first: SitData;
let second: SitData;

beforeAll(async () => {
  first = await buildData(root);
  second = await buildData(root);
}, 60_000);

describe('npm run data', () => {
  it('builds the same bytes twice', () => {
    for (const key of Object.keys(DATA_FILES) as (keyof typeof DATA_FILES)[]) {
      expect(serialise(second[key])).toBe(serialise(first[key]));
    }
  });

  it('matches the committed data files', () => {
    for (const key of Object.keys(DATA_FILES) as (keyof typeof DATA_FILES)[]) {
      const committed = readFileSync(join(root, DATA_FILES[key]), 'utf8');
      expect(committed, `${DATA_FILES[key]} is stale: run npm run data`).toBe(serialise(first[key]));
    }
  });

  it('marks exactly the features the report mentions', () => {
    const mentioned = new Set(first.report.mentions.map((m) => m.featureId));
    for (const f of first.features.features) expect(f.properties.mentioned, f.id).toBe(mentioned.has(f.id));
    expect(mentioned.has('place:stepanakert')).toBe(false);
    expect(mentioned.has('place:baku')).toBe(true);
  });

  it('gives every feature a source, licence and precision, and says where it is approximate', () => {
    for (const f of [...first.features.features, ...first.basemap.features]) {
      expect(f.properties.source, f.id).not.toBe('');
      expect(f.properties.license, f.id).not.toBe('');
      if (['approximate', 'region', 'schematic'].includes(f.properties.precision)) {
        expect(f.properties.approximate, f.id).toBe(true);
      }
    }
    const zone = first.features.features.find((f) => f.id === 'incident:cross-border-fire')!;
    expect(zone.geometry.type).toMatch(/Polygon/);
    expect(zone.properties.approximate).toBe(true);
  });
});
