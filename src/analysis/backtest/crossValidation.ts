/**
 * Out-of-sample evaluation of anything fitted on the data: proposal-grouped k-fold cross-validation
 * (issues of one proposal are never split across folds, so a fold never learns from the sibling issues
 * of the proposal it is tested on), with a fixed seed for the assignment of proposals to folds.
 *
 * The fitted method here is a blend: a convex combination Σ βₘ·x̂ₘ of component forecasts (βₘ ≥ 0,
 * Σβₘ = 1) whose weights minimise the mean absolute error on the training folds, searched exhaustively
 * on a grid of the simplex. Each issue is forecast by the blend fitted without its fold.
 */
import { createRandom } from '../../math/random.js';

/** The fold (0..folds−1) of every item: groups are shuffled with the seed and dealt out in turn. */
export function groupedFolds(groupOf: readonly string[], folds: number, seed: number): number[] {
  const groups = [...new Set(groupOf)];
  if (folds < 2 || folds > groups.length) throw new RangeError(`folds must be from 2 to ${groups.length}, got ${folds}`);
  const random = createRandom(seed);
  for (let i = groups.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  const foldOfGroup = new Map(groups.map((group, index) => [group, index % folds]));
  return groupOf.map((group) => foldOfGroup.get(group)!);
}

/** Every weight vector on the simplex with steps of 1/`divisions`. */
export function simplexGrid(components: number, divisions: number): number[][] {
  const result: number[][] = [];
  const walk = (prefix: number[], remaining: number): void => {
    if (prefix.length === components - 1) {
      result.push([...prefix, remaining / divisions]);
      return;
    }
    for (let k = 0; k <= remaining; k++) walk([...prefix, k / divisions], remaining - k);
  };
  walk([], divisions);
  return result;
}

/** The grid weights with the least mean absolute error on `train` (the first of equals). */
export function fitBlend(components: readonly (readonly number[])[], outcomes: readonly number[], train: readonly number[], grid: readonly number[][]): number[] {
  let best = grid[0]!;
  let bestError = Number.POSITIVE_INFINITY;
  for (const weights of grid) {
    let error = 0;
    for (const index of train) {
      let forecast = 0;
      for (let m = 0; m < components.length; m++) forecast += weights[m]! * components[m]![index]!;
      error += Math.abs(forecast - outcomes[index]!);
    }
    if (error < bestError - 1e-9) {
      bestError = error;
      best = weights;
    }
  }
  return best;
}

export interface CrossValidatedBlend {
  /** Each item's out-of-sample forecast. */
  predictions: number[];
  /** The weights fitted in each fold (fold k was forecast with foldWeights[k]). */
  foldWeights: number[][];
  /** The weights fitted on all items (for reporting only: not an out-of-sample result). */
  fullSampleWeights: number[];
}

export function crossValidateBlend(
  components: readonly (readonly number[])[],
  outcomes: readonly number[],
  groupOf: readonly string[],
  options: { folds: number; seed: number; divisions: number },
): CrossValidatedBlend {
  const fold = groupedFolds(groupOf, options.folds, options.seed);
  const grid = simplexGrid(components.length, options.divisions);
  const predictions = new Array<number>(outcomes.length).fill(0);
  const foldWeights: number[][] = [];
  const all = outcomes.map((_, index) => index);
  for (let k = 0; k < options.folds; k++) {
    const weights = fitBlend(components, outcomes, all.filter((index) => fold[index] !== k), grid);
    foldWeights.push(weights);
    for (const index of all.filter((item) => fold[item] === k)) {
      predictions[index] = weights.reduce((sum, weight, m) => sum + weight * components[m]![index]!, 0);
    }
  }
  return { predictions, foldWeights, fullSampleWeights: fitBlend(components, outcomes, all, grid) };
}
