import { describe, expect, it } from 'vitest';
import { analystApi, exportText } from '../../../src/ui/analystApi';
import { buildEvents } from '../../../src/lib/domain/events';
import { loadAcled, loadRealData } from '../../fixtures/events/load';

const events = buildEvents(loadRealData(), loadAcled());

describe('window.sitmap export/events (analystApi)', () => {
  it('exports the given events as CSV with the ACLED header and as GeoJSON with one feature each', () => {
    const some = events.slice(0, 3);
    const csv = exportText(some, 'csv');
    expect(csv.split('\r\n')[0].split(',')[0]).toBe('event_id_cnty');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + some.length);
    const fc = JSON.parse(exportText(some, 'geojson'));
    expect(fc.features.map((f: { id: string }) => f.id)).toEqual(some.map((e) => e.event_id));
  });
  it('rejects unknown formats', () => {
    expect(() => exportText(events, 'xml')).toThrow(/unknown format/);
  });
  it('events() returns copies of the current list', () => {
    let current = events.slice(0, 2);
    const api = analystApi(() => current);
    const got = api.events();
    expect(got.map((e) => e.event_id)).toEqual(current.map((e) => e.event_id));
    got[0].location = 'changed';
    expect(current[0].location).not.toBe('changed');
    current = events.slice(0, 1);
    expect(api.events()).toHaveLength(1);
  });
});
