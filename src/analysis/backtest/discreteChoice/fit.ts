/**
 * Fitting the discrete-choice compromise: β by penalised maximum likelihood for a given λ
 * (src/models/discreteChoice/logit.ts), and λ chosen from a fixed grid by the grouped cross-validated
 * MAE of the fit on the training issues (5 inner folds by cluster, a fixed seed): the larger λ of
 * two equal errors (the simpler model).
 */
import { medianOf } from '../../../models/discreteChoice/distribution.js';
import { choiceProbabilities, fitLogit } from '../../../models/discreteChoice/logit.js';
import { groupedFolds } from '../crossValidation.js';
import type { ChoiceCase } from './observations.js';

/** The penalties λ tried (ℓ(β) − (λ/2)‖β‖²). */
export const lambdaGrid = [1, 3, 10, 30, 100] as const;
export const innerFolds = 5;

export interface Fit {
  beta: number[];
  lambda: number;
}

/** The forecast of one case with coefficients β: the predicted distribution's median. */
export function forecastCase(item: ChoiceCase, beta: ArrayLike<number>): number {
  return medianOf(item.set.candidates, choiceProbabilities(item.features, beta));
}

export function fitWith(items: readonly ChoiceCase[], lambda: number, start?: ArrayLike<number>): Fit {
  return { beta: Array.from(fitLogit(items, lambda, start)), lambda };
}

/** λ by inner grouped CV on `items`, then β on all of them. */
export function fitSelectingLambda(items: readonly ChoiceCase[], clusters: readonly string[], seed: number): Fit {
  const folds = groupedFolds(clusters, Math.min(innerFolds, new Set(clusters).size), seed);
  let best: { lambda: number; error: number } | undefined;
  // Each fold's fit starts from the previous λ's (the maximum is unique, so only the speed changes).
  const starts: Array<Float64Array | undefined> = new Array(innerFolds).fill(undefined);
  for (const lambda of lambdaGrid) {
    let error = 0;
    for (let fold = 0; fold < innerFolds; fold++) {
      const train = items.filter((_, index) => folds[index] !== fold);
      const beta = fitLogit(train, lambda, starts[fold]);
      starts[fold] = beta;
      items.forEach((item, index) => {
        if (folds[index] === fold) error += Math.abs(forecastCase(item, beta) - item.outcome);
      });
    }
    if (!best || error <= best.error + 1e-9) best = { lambda, error };
  }
  return fitWith(items, best!.lambda, starts[0]);
}
