// scripts/data/report.ts on broken inputs: every error names the file (and the entry and field).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../../scripts/data/report.ts';
import { DataError } from '../../../src/lib/domain/validate';

const root = join(import.meta.dirname, '../../..');
const META = 'seeds/000_2cef7bef96ce68de.meta.json';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitmap-report-'));
  cpSync(join(root, 'seeds'), join(dir, 'seeds'), { recursive: true });
  for (const f of ['aliases.json', 'incidents.json'])
    cpSync(join(root, 'data/curated', f), join(dir, 'data/curated', f), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const edit = (file: string, change: (s: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
const errorOf = (): Error => {
  try {
    buildReport(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as Error;
  }
  throw new Error('expected buildReport to throw');
};

describe('buildReport on bad input', () => {
  it('builds from a clean copy', () => {
    expect(buildReport(dir).report.mentions.length).toBeGreaterThan(50);
  });
  it('broken JSON in aliases.json', () => {
    edit('data/curated/aliases.json', (s) => s.replace('"entries": [', '"entries": [,'));
    expect(errorOf().message).toMatch(/^data\/curated\/aliases\.json: top level, field "\(json\)": not valid JSON/);
  });
  it('broken JSON in incidents.json', () => {
    edit('data/curated/incidents.json', (s) => s.slice(0, -10));
    expect(errorOf().message).toMatch(/^data\/curated\/incidents\.json: .*not valid JSON/);
  });
  it('an incident without a name', () => {
    edit('data/curated/incidents.json', (s) => s.replace('"name": "Cross-border fire, Armenia–Azerbaijan border west of Nagorno-Karabakh",', ''));
    expect(errorOf().message).toMatch(/^data\/curated\/incidents\.json: feature "incident:cross-border-fire", field "name"/);
  });
  it('an incident with an unknown actor', () => {
    edit('data/curated/incidents.json', (s) => s.replace('"actors": ["turkey"]', '"actors": ["ottomans"]'));
    expect(errorOf().message).toMatch(/incidents\.json: feature "incident:statement-erdogan-2020-09-28", field "actors\[0\]": unknown actor/);
  });
  it('seed metadata without a publication date', () => {
    edit(META, (s) => s.replace('"date": "2020-09-30",', ''));
    expect(errorOf().message).toMatch(/^seeds\/000_2cef7bef96ce68de\.meta\.json: feature "000_2cef7bef96ce68de", field "published\.date"/);
  });
  it('a missing seed text file', () => {
    rmSync(join(dir, 'seeds/000_2cef7bef96ce68de.txt'));
    expect(errorOf().message).toMatch(/^seeds\/000_2cef7bef96ce68de\.txt: .*cannot read/);
  });
});
