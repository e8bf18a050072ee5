/**
 * Stability diagnostics of an iterative forecast: has the trajectory settled by the last round, or
 * does it cycle? EUM runs a fixed number of rounds (eum-spec.md §5, A13) and can end inside a 2-cycle
 * (Scholz et al.'s code on the worked example's talks: median 45.2, 37.4, 45.2, 37.7, 45.2, 37.8), in
 * which case its outcome depends on whether the round count is odd or even.
 *
 * The test, on the last five states (rounds R−4 … R), with tolerance τ = 1 % of the issue's width:
 *   - settled        |x(R) − x(R−1)| ≤ τ for the median and every position;
 *   - 2-cycle        not settled, and |x(t) − x(t−2)| ≤ τ for t = R, R−1, R−2 (the values alternate);
 *   - unsettled      anything else (still moving).
 * It is applied to the median (the outcome) first; when the median is settled but positions still
 * cycle or move, that is reported too (the outcome holds while actors keep switching).
 */
import type { IssueForecast } from '../../models/model.js';

export type StabilityKind = 'settled' | 'two-cycle' | 'unsettled';

export interface Stability {
  /** The median's behaviour over the last rounds. */
  median: StabilityKind;
  /** For a 2-cycle: the two values the median alternates between (the second-to-last round's, then the last's). */
  alternates?: [number, number];
  /** For unsettled: the median in the last two rounds. */
  lastMove?: [number, number];
  /** Actors whose positions cycle or still move although the median has settled. */
  restless: Array<{ actor: string; kind: Exclude<StabilityKind, 'settled'>; values: [number, number] }>;
  /** True when a rule stopped the run early (the model judged it settled): no diagnosis. */
  stoppedEarly: boolean;
}

/** Relative tolerance of the test (a fraction of the issue's width). */
export const stabilityTolerance = 0.01;

/** The stability of a forecast's trajectory; undefined for a non-iterative forecast or fewer than 4 rounds. */
export function diagnoseStability(result: IssueForecast, width: number): Stability | undefined {
  const rounds = result.rounds;
  if (rounds.length < 5) return undefined;
  const tau = stabilityTolerance * width;
  if (result.stoppedEarly) return { median: 'settled', restless: [], stoppedEarly: true };
  const medians = rounds.map((round) => round.median);
  const median = classify(medians, tau);
  const stability: Stability = { median, restless: [], stoppedEarly: false };
  const last = medians.length - 1;
  if (median === 'two-cycle') stability.alternates = [medians[last - 1]!, medians[last]!];
  if (median === 'unsettled') stability.lastMove = [medians[last - 1]!, medians[last]!];
  if (median === 'settled') {
    for (const actor of Object.keys(rounds[0]!.positions)) {
      const path = rounds.map((round) => round.positions[actor] ?? NaN);
      const kind = classify(path, tau);
      if (kind !== 'settled') stability.restless.push({ actor, kind, values: [path[last - 1]!, path[last]!] });
    }
  }
  return stability;
}

function classify(values: readonly number[], tau: number): StabilityKind {
  const at = (back: number): number => values[values.length - 1 - back]!;
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= tau;
  if (close(at(0), at(1))) return 'settled';
  if (close(at(0), at(2)) && close(at(1), at(3)) && close(at(2), at(4))) return 'two-cycle';
  return 'unsettled';
}
