import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browseStep, buildTour, nextStep, tourIndexOf } from '../../../src/lib/domain/tour';
import { parseKioskParams } from '../../../src/lib/domain/kioskParams';
import { checkWatchdog, onAdvance, onPause, onRender, startWatchdog } from '../../../src/lib/domain/watchdog';
import type { Report, SitFeature } from '../../../src/lib/domain/types';

const data = JSON.parse(readFileSync(new URL('../../fixtures/domain/valid-data.json', import.meta.url), 'utf8'));
const report = data.report as Report;
const features = data.features.features as SitFeature[];

describe('buildTour', () => {
  it('visits each loaded feature once, in reading order', () => {
    const steps = buildTour(report, features);
    expect(steps.map((s) => s.featureId)).toEqual(['place:baku', 'incident:clashes']);
    expect(steps[0].mentionId).toBe('m:place:baku:0');
  });

  it('puts an enclosing incident before the places inside it, and skips unknown features', () => {
    const r: Report = {
      ...report,
      mentions: [
        { id: 'm:place:baku:6', start: 6, end: 10, text: 'x', featureId: 'place:baku', kind: 'place', sentence: 0 },
        { id: 'm:incident:clashes:6', start: 6, end: 17, text: 'x', featureId: 'incident:clashes', kind: 'incident', sentence: 0 },
        { id: 'm:place:nowhere:20', start: 20, end: 22, text: 'x', featureId: 'place:nowhere', kind: 'place', sentence: 0 },
      ],
    };
    expect(buildTour(r, features).map((s) => s.featureId)).toEqual(['incident:clashes', 'place:baku']);
  });

  it('loops forever', () => {
    expect([nextStep(0, 3), nextStep(1, 3), nextStep(2, 3)]).toEqual([1, 2, 0]);
    expect(() => nextStep(0, 0)).toThrow(RangeError);
  });
});

describe('parseKioskParams', () => {
  it('reads kiosk, step, idle and theme', () => {
    expect(parseKioskParams('?kiosk&step=5&idle=30&theme=light')).toEqual({
      kiosk: true, stepSeconds: 5, idleSeconds: 30, theme: 'light', notices: [],
    });
  });
  it('defaults without the kiosk flag', () => {
    const p = parseKioskParams('');
    expect([p.kiosk, p.stepSeconds, p.idleSeconds, p.theme]).toEqual([false, 12, 60, 'dark']);
  });
  it('ignores bad values with a notice', () => {
    const p = parseKioskParams('?kiosk&step=-1&idle=abc&theme=<script>');
    expect([p.stepSeconds, p.idleSeconds, p.theme]).toEqual([12, 60, 'dark']);
    expect(p.notices).toHaveLength(3);
  });
});

describe('watchdog', () => {
  const opts = { stepMs: 1000 };
  it('stays quiet while the tour advances', () => {
    let s = startWatchdog(0);
    for (let t = 900; t < 10_000; t += 900) {
      s = onRender(onAdvance(s, t), t);
      expect(checkWatchdog(s, t + 100, opts).action).toBe('ok');
    }
  });
  it('rebuilds the map after three steps without progress, then reloads', () => {
    let s = startWatchdog(0);
    s = onRender(s, 0);
    expect(checkWatchdog(s, 2999, opts).action).toBe('ok');
    const first = checkWatchdog(s, 3001, opts);
    expect(first.action).toBe('rebuild-map');
    expect(checkWatchdog(first.state, 4000, opts).action).toBe('ok');
    expect(checkWatchdog(first.state, 6002, opts).action).toBe('reload-page');
  });
  it('a successful advance after a rebuild clears the escalation', () => {
    const first = checkWatchdog(startWatchdog(0), 3001, opts);
    const s = onRender(onAdvance(first.state, 3500), 3500);
    expect(checkWatchdog(s, 6000, opts).action).toBe('ok');
    expect(checkWatchdog(s, 6501, opts).action).toBe('rebuild-map');
  });
  it('never fires while paused by a person', () => {
    const s = onPause(startWatchdog(0), true, 0);
    expect(checkWatchdog(s, 1_000_000, opts).action).toBe('ok');
    expect(checkWatchdog(onPause(s, false, 1_000_000), 1_002_000, opts).action).toBe('ok');
  });
});

describe('keyboard browsing through the tour', () => {
  it('steps forward and back from a step, wrapping both ways', () => {
    expect(browseStep(0, 1, 3)).toBe(1);
    expect(browseStep(2, 1, 3)).toBe(0);
    expect(browseStep(0, -1, 3)).toBe(2);
    expect(browseStep(1, -1, 3)).toBe(0);
  });

  it('from nowhere: forward starts at the first step, back at the last', () => {
    expect(browseStep(-1, 1, 3)).toBe(0);
    expect(browseStep(-1, -1, 3)).toBe(2);
    expect(() => browseStep(0, 1, 0)).toThrow(RangeError);
  });

  it('finds a feature in the tour, -1 when the tour does not visit it', () => {
    const steps = buildTour(report, features);
    expect(tourIndexOf(steps, 'incident:clashes')).toBe(1);
    expect(tourIndexOf(steps, 'place:nowhere')).toBe(-1);
    expect(tourIndexOf(steps, null)).toBe(-1);
  });
});
