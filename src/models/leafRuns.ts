/**
 * Branches (channels-spec.md §5.4): a model runs once per leaf and the results are mixed by leaf
 * probability (B4). Each issue reports every leaf and the mixture; `outcome` becomes the mixture mean
 * and `rounds` (and Nash's `path`) hold the most probable leaf (ties: the first in enumeration order);
 * each leaf keeps its own rounds and path.
 */
import type { Scenario } from '../scenario/schema.js';
import { roundsToEnd } from '../scenario/timeline/calendar.js';
import { leafLabel, leavesOf, mixtureOf, mostProbableLeaf } from '../scenario/timeline/leaves.js';
import { timelineOf } from '../scenario/timeline/world.js';
import { InputError } from '../errors.js';
import type { Forecast, IssueForecast, Model } from './model.js';
import { clampToScales } from './onScale.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

/** Runs every leaf of the scenario's branches and mixes the results. */
export function runEveryLeaf(model: AnyModel, scenario: Scenario, options: Record<string, unknown>): Forecast {
  const leaves = leavesOf(scenario.branches);
  const forecasts = leaves.map((leaf) => model.run(scenario, options, leaf));
  const likeliest = mostProbableLeaf(leaves);
  const base = forecasts[likeliest]!;
  const notes = [...new Set(forecasts.flatMap((forecast) => forecast.notes))];
  const issues = base.issues.map((issue, index): IssueForecast => {
    const perLeaf = forecasts.map((forecast, leafIndex) => {
      const result = forecast.issues[index]!;
      const leaf = Object.assign(Object.create(null) as Record<string, string>, leaves[leafIndex]!.choice);
      return { leaf, probability: leaves[leafIndex]!.probability, outcome: result.outcome, rounds: result.rounds, ...(result.path ? { path: result.path } : {}) };
    });
    const mixture = mixtureOf(perLeaf.map((leaf) => ({ value: leaf.outcome, probability: leaf.probability })));
    const note = `with ${leaves.length} branch leaves, the outcome is the mixture mean ${mixture.mean.toFixed(2)} (median ${mixture.median.toFixed(2)}); the rounds shown are the most probable leaf's (${leafLabel(leaves[likeliest]!)}, p = ${leaves[likeliest]!.probability.toFixed(3)})`;
    return { ...issue, outcome: mixture.mean, leaves: perLeaf, mixture, notes: [...issue.notes, note] };
  });
  // The mixture mean of on-scale outcomes can still be an ulp off: clamped as every run is (onScale.ts).
  return clampToScales(scenario, { ...base, notes, issues });
}

/** (T3) With `timeline.end`, iterative models run the rounds that start before it unless `rounds` is given. */
export function timelineRounds(model: AnyModel, scenario: Scenario, given: Record<string, unknown> | undefined): number | undefined {
  if (scenario.timeline?.end === undefined || given?.['rounds'] !== undefined) return undefined;
  const shape = (model.optionsSchema as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape || !('rounds' in shape)) return undefined;
  const timeline = timelineOf(scenario);
  return timeline && roundsToEnd(timeline);
}

/**
 * (§5.4, `explain --leaf channel=cut,aid=passes`) The forecast with every issue's rounds taken from the
 * named leaf: the leaf whose outcomes are exactly the ones given (branches absent from it left out).
 */
export function forecastOfLeaf(forecast: Forecast, spec: string): Forecast {
  const wanted = new Map<string, string>();
  for (const part of spec.split(',')) {
    const [branch, outcome, ...rest] = part.split('=');
    if (!branch || !outcome || rest.length > 0)
      throw new InputError({ field: 'leaf', message: `expected BRANCH=OUTCOME[,BRANCH=OUTCOME…], got ${JSON.stringify(spec)}` });
    wanted.set(branch.trim(), outcome.trim());
  }
  const issues = forecast.issues.map((issue) => {
    if (!issue.leaves) throw new InputError({ field: 'leaf', message: 'the scenario has no branches: --leaf picks one of their leaves' });
    const leaf = issue.leaves.find((candidate) => {
      const entries = Object.entries(candidate.leaf);
      return entries.length === wanted.size && entries.every(([branch, outcome]) => wanted.get(branch) === outcome);
    });
    if (!leaf) {
      const known = issue.leaves.map((candidate) => Object.entries(candidate.leaf).map(([branch, outcome]) => `${branch}=${outcome}`).join(',')).join('; ');
      throw new InputError({ field: 'leaf', message: `no leaf ${JSON.stringify(spec)}; expected one of ${known}` });
    }
    return { ...issue, outcome: leaf.outcome, rounds: leaf.rounds, ...(leaf.path ? { path: leaf.path } : {}) };
  });
  return { ...forecast, issues };
}
