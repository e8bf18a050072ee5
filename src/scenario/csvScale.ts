/**
 * A CSV file gives positions but no scale, so the scale is inferred: the smallest of [0, 1],
 * [0, 10], [0, 100] holding every position (the scales analysts use), else the range of the
 * positions.
 *
 * One refinement: a conventional scale is taken only if the positions spread over at least a tenth
 * of it. Positions bunched far inside it, like BDM's Sultan problem (an oil price, 12.85–14.25), are
 * not on a 0–100 scale; their own range is the honest guess. When every position is the same, the
 * spread says nothing and the conventional scale is kept (or, beyond 100, [min(0, x), max(0, x)],
 * so that min < max still holds).
 */
import type { Scale } from './schema.js';

const CONVENTIONAL_MAXIMA = [1, 10, 100] as const;
/** The least share of a conventional scale the positions must spread over to be read on it. */
const MIN_SPREAD_SHARE = 0.1;

export function inferCsvScale(positions: readonly number[]): { scale: Scale; reason: string } {
  if (positions.length === 0) return { scale: { min: 0, max: 100 }, reason: 'the default, as no position was readable' };
  const lowest = Math.min(...positions);
  const highest = Math.max(...positions);
  const conventional = CONVENTIONAL_MAXIMA.find((maximum) => lowest >= 0 && highest <= maximum);
  if (conventional !== undefined && (lowest === highest || highest - lowest >= MIN_SPREAD_SHARE * conventional))
    return { scale: { min: 0, max: conventional }, reason: 'the smallest of [0, 1], [0, 10], [0, 100] holding every position' };
  if (conventional !== undefined)
    return {
      scale: { min: lowest, max: highest },
      reason: `the range of the positions, which spread over less than a tenth of [0, ${conventional}]`,
    };
  if (lowest < highest) return { scale: { min: lowest, max: highest }, reason: 'the range of the positions, which do not fit [0, 100]' };
  return { scale: { min: Math.min(0, lowest), max: Math.max(0, highest) }, reason: 'from 0 to the only position, which is outside [0, 100]' };
}
