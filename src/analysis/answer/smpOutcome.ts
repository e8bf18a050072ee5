/**
 * SMP's outcome, defined once: the SMP reports, per issue, the probability-weighted mean of its final
 * positions, Σ_i P(i) · x_i, where P(i) is the probability that actor i's final position is the
 * outcome (KTAB's Condorcet-lottery probabilities over the last state); `mostProbable` is the position
 * with the largest P. Tables and the answer print both, from this one sentence.
 */
import { formatFixed } from '../formatNumber.js';
import type { IssueForecast } from '../../models/model.js';

export const smpOutcomeDefinition = "SMP's outcome is the probability-weighted mean of its final positions (each position weighted by its probability of being the outcome)";

/** "outcome 67.0 (probability-weighted mean); most probable 69.3 (P 0.47: us-republicans, china)". */
export function smpOutcomeText(result: IssueForecast, decimals: number): string | undefined {
  const mode = result.mostProbable;
  if (!mode) return undefined;
  return `outcome ${formatFixed(result.outcome, decimals)} (probability-weighted mean); most probable ${formatFixed(mode.position, decimals)} (P ${mode.probability.toFixed(2)}: ${mode.actors.join(', ')})`;
}
