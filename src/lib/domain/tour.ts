// The kiosk's attract loop: the report's features and events in reading order.
import type { Report, SitFeature } from './types';

export interface TourStep {
  /** The feature the camera flies to. */
  featureId: string;
  /** The mention shown in the caption (its first in reading order). */
  mentionId: string;
  sentence: number;
}

/**
 * One step per feature, at its first mention, in reading order. An incident
 * mention that encloses place mentions comes first (it starts at or before
 * them, and is longer), so the tour shows what happened before where.
 * Features that are not loaded are skipped.
 */
export function buildTour(report: Report, features: readonly SitFeature[]): TourStep[] {
  const loaded = new Set(features.map((f) => f.id));
  const ordered = [...report.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const seen = new Set<string>();
  const steps: TourStep[] = [];
  for (const m of ordered) {
    if (seen.has(m.featureId) || !loaded.has(m.featureId)) continue;
    seen.add(m.featureId);
    steps.push({ featureId: m.featureId, mentionId: m.id, sentence: m.sentence });
  }
  return steps;
}

/** The step after `index`, looping forever. */
export function nextStep(index: number, length: number): number {
  if (length <= 0) throw new RangeError('the tour has no steps');
  return (index + 1) % length;
}

/** The tour index of a feature, or -1 when the tour does not visit it. */
export function tourIndexOf(tour: readonly TourStep[], featureId: string | null): number {
  return featureId === null ? -1 : tour.findIndex((s) => s.featureId === featureId);
}

/**
 * Keyboard browsing: the step `delta` away from `from`, wrapping both ways.
 * From nowhere (-1), forward starts at the first step and back at the last.
 */
export function browseStep(from: number, delta: number, length: number): number {
  if (length <= 0) throw new RangeError('the tour has no steps');
  if (from < 0 || from >= length) return delta >= 0 ? 0 : length - 1;
  return (((from + delta) % length) + length) % length;
}
