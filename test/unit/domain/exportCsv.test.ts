import { describe, expect, it } from 'vitest';
import { buildEvents, type SitEvent } from '../../../src/lib/domain/events';
import { ACLED_CSV_COLUMNS, csvField, eventsToCsv } from '../../../src/lib/domain/exportCsv';
import { loadAcled, loadFixture, loadRealData } from '../../fixtures/events/load';

const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

/**
 * An independent RFC 4180 parser (no CSV package is installed): records end in CRLF,
 * fields are either plain (no quote, comma, CR or LF) or quoted with doubled quotes inside.
 * Throws on anything RFC 4180 forbids, so sloppy output fails the test.
 */
function parseRfc4180(text: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  if (text === '') return rows;
  while (i < text.length) {
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += text[i++];
        }
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after closing quote at ${i}`);
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
          if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in unquoted field at ${i}`);
          field += text[i++];
        }
      }
      row.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') {
        i += 2;
        break;
      }
      throw new Error(`record not ended by CRLF at ${i}`);
    }
    rows.push(row);
  }
  return rows;
}

const toObjects = (rows: string[][]): Record<string, string>[] =>
  rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, j) => [h, r[j]])));

describe('the test parser itself', () => {
  it('parses quoted commas, doubled quotes and embedded newlines, and rejects bare quotes', () => {
    expect(parseRfc4180('a,"b,c","d""e","f\r\ng"\r\n')).toEqual([['a', 'b,c', 'd"e', 'f\r\ng']]);
    expect(() => parseRfc4180('a,b"c\r\n')).toThrow();
    expect(() => parseRfc4180('a,b\n')).toThrow();
  });
});

describe('eventsToCsv', () => {
  const acled = loadAcled();
  const events = buildEvents(loadFixture(), acled);

  it('writes exactly ACLED\'s header, in order, with CRLF line ends', () => {
    const csv = eventsToCsv(events);
    expect(ACLED_CSV_COLUMNS.join(',')).toBe(HEADER);
    expect(csv.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(eventsToCsv([])).toBe(`${HEADER}\r\n`);
  });

  it('round-trips every field through an RFC 4180 parser', () => {
    const rows = parseRfc4180(eventsToCsv(events));
    expect(rows[0].join(',')).toBe(HEADER);
    expect(rows).toHaveLength(events.length + 1);
    for (const r of rows) expect(r).toHaveLength(31);
    const objs = toObjects(rows);
    objs.forEach((o, k) => {
      const e = events[k];
      expect(o.event_id_cnty).toBe(e.event_id);
      expect(o.notes).toBe(e.notes);
      expect(o.source).toBe(e.source);
      expect(o.location).toBe(e.location);
      expect(o.actor1).toBe(e.actor1);
      expect(Number(o.latitude)).toBe(e.latitude);
      expect(Number(o.longitude)).toBe(e.longitude);
      expect(Number(o.time_precision)).toBe(e.time_precision);
      expect(Number(o.timestamp)).toBe(e.timestamp);
      expect(o.tags).toBe(e.tags.join('; '));
    });
  });

  it('leaves inapplicable columns empty rather than inventing values', () => {
    const objs = toObjects(parseRfc4180(eventsToCsv(events)));
    for (const o of objs) {
      expect(o.fatalities).toBe(''); // "dozens" is not a number
      expect(o.admin1 + o.admin2 + o.admin3).toBe('');
      expect(o.source_scale).toBe('');
      expect(o.civilian_targeting).toBe('');
    }
    const clash = objs.find((o) => o.sub_event_type === 'Armed clash')!;
    expect(clash.assoc_actor_1).toBe('');
    const oneSided = { ...events[2], actor2: '', inter2: null, interaction: '10' };
    const row = toObjects(parseRfc4180(eventsToCsv([oneSided])))[0];
    expect([row.actor2, row.inter2, row.interaction]).toEqual(['', '', '10']);
  });

  it('quotes commas, quotes and newlines (hostile notes survive intact)', () => {
    const nasty = 'He said "no, never",\r\nthen left;\n=cmd|"x"';
    const e: SitEvent = { ...events[0], notes: nasty, location: 'A, "B"', fatalities: 3 };
    const objs = toObjects(parseRfc4180(eventsToCsv([e])));
    expect(objs[0].notes).toBe(nasty);
    expect(objs[0].location).toBe('A, "B"');
    expect(objs[0].fatalities).toBe('3');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('round-trips the events of the built data (data/*.json) with the exact header', () => {
    const real = buildEvents(loadRealData(), acled);
    expect(real.length).toBeGreaterThan(0);
    const rows = parseRfc4180(eventsToCsv(real));
    expect(rows[0].join(',')).toBe(HEADER);
    const objs = toObjects(rows);
    expect(objs.map((o) => o.event_id_cnty)).toEqual(real.map((e) => e.event_id));
    expect(objs.map((o) => o.notes)).toEqual(real.map((e) => e.notes));
  });
});
