/**
 * First-order variance-based sensitivity indices S_i = Var(E[Y | X_i]) / Var(Y) (Sobol' 1993), from
 * the sweep's own sample: the runs are grouped into M equal-probability classes of input i (by the
 * uniform each run drew for it), and Var(E[Y | X_i]) is the between-class variance of Y, bias-corrected
 * as in a one-way random-effects ANOVA: E[SSB] ≈ (M − 1)·σ²_within + N·Var(E[Y | X_i]), so
 * Var(E[Y | X_i]) ≈ (SSB − (M − 1)·SSW / (N − M)) / N. This is the "given data" estimator of Plischke,
 * Borgonovo & Smith, "Global sensitivity measures from given data", EJOR 226 (2013) 536–550; it needs
 * no extra model runs, unlike Saltelli's design.
 */
import { uniformClasses } from './run.js';

/** The number of classes for N runs: the largest power of two ≤ min(64, √N), at least 2. */
export function classCount(runs: number): number {
  let classes = 2;
  while (classes * 2 <= Math.min(64, Math.sqrt(runs))) classes *= 2;
  return classes;
}

/**
 * S_i for one output and one input. `outcomes[k·stride + offset]` is run k's output, and
 * `inputClasses[k·inputCount + input]` the class (of 256) of its uniform draw. Clamped to [0, 1];
 * 0 when the output does not vary.
 */
export function firstOrderIndex(
  outcomes: Float64Array,
  stride: number,
  offset: number,
  inputClasses: Uint8Array,
  inputCount: number,
  input: number,
  classes: number,
): number {
  const runs = outcomes.length / stride;
  const sums = new Float64Array(classes);
  const counts = new Float64Array(classes);
  const merge = uniformClasses / classes;
  let total = 0;
  for (let k = 0; k < runs; k++) {
    const y = outcomes[k * stride + offset]!;
    const group = Math.floor(inputClasses[k * inputCount + input]! / merge);
    sums[group]! += y;
    counts[group]! += 1;
    total += y;
  }
  const mean = total / runs;
  let totalSquares = 0;
  for (let k = 0; k < runs; k++) totalSquares += (outcomes[k * stride + offset]! - mean) ** 2;
  if (!(totalSquares > 0)) return 0;
  let betweenSquares = 0;
  let occupied = 0;
  for (let group = 0; group < classes; group++) {
    if (counts[group]! === 0) continue;
    occupied += 1;
    betweenSquares += counts[group]! * (sums[group]! / counts[group]! - mean) ** 2;
  }
  if (runs <= occupied) return 0;
  const withinSquares = Math.max(0, totalSquares - betweenSquares);
  const conditionalVariance = (betweenSquares - ((occupied - 1) * withinSquares) / (runs - occupied)) / runs;
  return Math.min(1, Math.max(0, conditionalVariance / (totalSquares / runs)));
}
