/**
 * The out-of-sample record of the discrete-choice compromise on DEU III, the only way it is scored:
 *
 * - **random CV**: cluster-grouped 10-fold cross-validation repeated 5 times (repetition r deals the
 *   clusters to folds with seed + r); β and λ refitted inside every training fold (fit.ts). An issue's
 *   error is its mean absolute error over the repetitions.
 * - **leave one era out**: fit on two DEU waves, forecast the third.
 *
 * Reported with the backtest's proposal-cluster bootstrap: MAE, ΔMAE to both compromise baselines
 * (capabilities equal and Council Shapley–Shubik), RMSE, share within 10 points, share exactly right,
 * and the coverage of the central 50 / 80 / 90 % intervals.
 */
import { centralInterval, intervalLevels } from '../../../models/discreteChoice/distribution.js';
import { choiceProbabilities } from '../../../models/discreteChoice/logit.js';
import { bootstrapIntervals, clusterReplicates, type Interval } from '../bootstrap.js';
import type { BacktestCase } from '../cases.js';
import { groupedFolds } from '../crossValidation.js';
import { fitSelectingLambda, forecastCase, type Fit } from './fit.js';
import { choiceCases, clusterOf, type ChoiceCase } from './observations.js';

export const outerFolds = 10;
export const repetitions = 5;

export interface OutOfSample {
  protocol: string;
  /** Each issue's out-of-sample forecast (random CV: of the first repetition) and absolute error (mean over repetitions). */
  forecasts: number[];
  errors: number[];
  /** Per issue, per interval level: the share of repetitions whose interval covered the outcome. */
  covered: Record<IntervalName, number[]>;
  lambdas: number[];
}

export type IntervalName = 'p50' | 'p80' | 'p90';
const intervalNames: IntervalName[] = intervalLevels.map((level) => `p${Math.round(level * 100)}` as IntervalName);

/** Random CV (module comment). */
export function randomCv(cases: readonly BacktestCase[], seed: number): OutOfSample {
  const items = choiceCases(cases);
  const clusters = cases.map(clusterOf);
  const errors = new Array<number>(items.length).fill(0);
  const forecasts = new Array<number>(items.length).fill(0);
  const covered = emptyCoverage(items.length);
  const lambdas: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const folds = groupedFolds(clusters, outerFolds, seed + repetition);
    for (let fold = 0; fold < outerFolds; fold++) {
      const train = indicesWhere(folds, (f) => f !== fold);
      const fit = fitSelectingLambda(pick(items, train), pick(clusters, train), seed + repetition);
      lambdas.push(fit.lambda);
      for (const index of indicesWhere(folds, (f) => f === fold)) {
        const forecast = score(items[index]!, fit, covered, index, 1 / repetitions);
        errors[index]! += Math.abs(forecast - items[index]!.outcome) / repetitions;
        if (repetition === 0) forecasts[index] = forecast;
      }
    }
  }
  return { protocol: `cluster-grouped ${outerFolds}-fold CV repeated ${repetitions} times (seeds ${seed}–${seed + repetitions - 1}), β and λ refitted in every training fold`, forecasts, errors, covered, lambdas };
}

/** Leave one era out (module comment). */
export function leaveOneEraOut(cases: readonly BacktestCase[], seed: number): OutOfSample {
  const items = choiceCases(cases);
  const clusters = cases.map(clusterOf);
  const errors = new Array<number>(items.length).fill(0);
  const forecasts = new Array<number>(items.length).fill(0);
  const covered = emptyCoverage(items.length);
  const lambdas: number[] = [];
  for (const era of [...new Set(cases.map((item) => item.era))]) {
    const train = indicesWhere(cases, (item) => item.era !== era);
    const fit = fitSelectingLambda(pick(items, train), pick(clusters, train), seed);
    lambdas.push(fit.lambda);
    for (const index of indicesWhere(cases, (item) => item.era === era)) {
      forecasts[index] = score(items[index]!, fit, covered, index, 1);
      errors[index] = Math.abs(forecasts[index]! - items[index]!.outcome);
    }
  }
  return { protocol: 'leave one era out: fit on two DEU waves, forecast the third', forecasts, errors, covered, lambdas };
}

function score(item: ChoiceCase, fit: Fit, covered: Record<IntervalName, number[]>, index: number, weight: number): number {
  const probabilities = choiceProbabilities(item.features, fit.beta);
  intervalLevels.forEach((level, k) => {
    const [low, high] = centralInterval(item.set.candidates, probabilities, level);
    if (item.outcome >= low - 1e-9 && item.outcome <= high + 1e-9) covered[intervalNames[k]!][index]! += weight;
  });
  return forecastCase(item, fit.beta);
}

export interface OutOfSampleReport {
  protocol: string;
  issues: number;
  mae: Interval;
  rmse: Interval;
  within10: Interval;
  exact: Interval;
  /** Paired ΔMAE to each compromise baseline (negative: better). */
  deltaMae: { compromise: Interval; compromiseSsi: Interval };
  coverage: Record<IntervalName, number>;
  lambdas: number[];
}

/**
 * The report of one protocol; `compromise` and `compromiseSsi` are the compromise model's absolute
 * errors with equal and with Shapley–Shubik capabilities, issue by issue.
 */
export function reportOutOfSample(result: OutOfSample, cases: readonly BacktestCase[], compromise: readonly number[], compromiseSsi: readonly number[], bootstrap: { replicates: number; seed: number }): OutOfSampleReport {
  const items = cases.map((_, index) => index);
  const replicates = clusterReplicates(cases.map(clusterOf), bootstrap.replicates, bootstrap.seed);
  const mean = (values: readonly number[], indices: readonly number[]) => indices.reduce((sum, index) => sum + values[index]!, 0) / indices.length;
  const squared = result.errors.map((error) => error * error);
  const within = result.errors.map((error) => (error <= 10 + 1e-9 ? 1 : 0));
  const exact = result.forecasts.map((forecast, index) => (Math.abs(forecast - cases[index]!.outcome) < 1e-9 ? 1 : 0));
  const vsCompromise = result.errors.map((error, index) => error - compromise[index]!);
  const vsSsi = result.errors.map((error, index) => error - compromiseSsi[index]!);
  const intervals = bootstrapIntervals(
    (indices) => ({
      mae: mean(result.errors, indices),
      rmse: Math.sqrt(mean(squared, indices)),
      within10: mean(within, indices),
      exact: mean(exact, indices),
      compromise: mean(vsCompromise, indices),
      compromiseSsi: mean(vsSsi, indices),
    }),
    items,
    replicates,
  );
  return {
    protocol: result.protocol,
    issues: cases.length,
    mae: intervals.mae,
    rmse: intervals.rmse,
    within10: intervals.within10,
    exact: intervals.exact,
    deltaMae: { compromise: intervals.compromise, compromiseSsi: intervals.compromiseSsi },
    coverage: Object.fromEntries(intervalNames.map((name) => [name, mean(result.covered[name], items)])) as Record<IntervalName, number>,
    lambdas: result.lambdas,
  };
}

function emptyCoverage(length: number): Record<IntervalName, number[]> {
  return Object.fromEntries(intervalNames.map((name) => [name, new Array<number>(length).fill(0)])) as Record<IntervalName, number[]>;
}

function indicesWhere<T>(values: readonly T[], keep: (value: T) => boolean): number[] {
  return values.flatMap((value, index) => (keep(value) ? [index] : []));
}

function pick<T>(values: readonly T[], indices: readonly number[]): T[] {
  return indices.map((index) => values[index]!);
}
