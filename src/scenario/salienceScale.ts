/**
 * Which scale the saliences of a scenario are on, 0–1 or 0–100, when the scenario does not say.
 *
 * Inferred only where unambiguous: any salience above 1 ⇒ 0–100; otherwise any salience strictly
 * between 0 and 1 ⇒ 0–1; otherwise (every salience is 0 or 1) the scale is ambiguous and the analyst
 * must declare it. The note always says what was assumed and why, so a wrong guess is visible.
 */
import type { SalienceScale } from './schema.js';

/** One salience as written, with whose and on which issue (for the note). */
export interface SalienceReading {
  actor: string;
  issue: string;
  salience: number;
}

export type SalienceScaleInference =
  | { scale: SalienceScale; note: string }
  | { scale: undefined; problem: string };

export function inferSalienceScale(readings: readonly SalienceReading[]): SalienceScaleInference {
  const aboveOne = readings.find((reading) => reading.salience > 1);
  if (aboveOne) {
    return {
      scale: 100,
      note: `salienceScale not declared: assumed 0–100 because ${aboveOne.actor}'s salience on ${aboveOne.issue} is ${aboveOne.salience}`,
    };
  }
  const fraction = readings.find((reading) => reading.salience > 0 && reading.salience < 1);
  if (fraction) {
    return {
      scale: 1,
      note: `salienceScale not declared: assumed 0–1 because ${fraction.actor}'s salience on ${fraction.issue} is ${fraction.salience} and none exceeds 1`,
    };
  }
  return {
    scale: undefined,
    problem:
      'salienceScale not declared and every salience is 0 or 1, so the scale is ambiguous: declare salienceScale: 1 (saliences are shares) or 100 (percentages)',
  };
}
