/**
 * Every number a forecast puts on an issue's scale (outcome, mostProbable position, each round's
 * positions, median and mean) clamped to that scale. Models compute on the scale, so only rounding
 * takes a value off it, by an ulp or so (EUM's 10.000000000000002 on [0, 10]); a forecast already on
 * its scales is returned as it is, object for object, so its output is unchanged.
 *
 * Where it applies: `onScaleModel` wraps every registered model's `run`, so every path that runs a
 * model through the registry (runModel, sweeps, tornado swings, advise, the answer's fragility
 * sweeps, backtests, the server) gets on-scale values; `runEveryLeaf` clamps its mixture mean the same
 * way. The clamp is this one function.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Forecast, IssueForecast, Model, Round } from './model.js';

const clamp = (value: number, min: number, max: number): number => (value < min ? min : value > max ? max : value);

function clampRecord(record: Record<string, number>, min: number, max: number): Record<string, number> {
  const values = Object.values(record);
  if (values.every((value) => !(value < min || value > max))) return record;
  const clamped: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [key, value] of Object.entries(record)) clamped[key] = clamp(value, min, max);
  return clamped;
}

function clampRound(round: Round, min: number, max: number): Round {
  const positions = clampRecord(round.positions, min, max);
  const median = clamp(round.median, min, max);
  const mean = clamp(round.mean, min, max);
  return positions === round.positions && median === round.median && mean === round.mean ? round : { ...round, positions, median, mean };
}

function clampIssue(issue: IssueForecast, min: number, max: number): IssueForecast {
  const outcome = clamp(issue.outcome, min, max);
  const rounds = issue.rounds.map((round) => clampRound(round, min, max));
  const mostProbable = issue.mostProbable && { ...issue.mostProbable, position: clamp(issue.mostProbable.position, min, max) };
  const unchanged = outcome === issue.outcome && rounds.every((round, index) => round === issue.rounds[index]) && mostProbable?.position === issue.mostProbable?.position;
  return unchanged ? issue : { ...issue, outcome, rounds, ...(mostProbable && { mostProbable }) };
}

/** The forecast with every on-scale number clamped to its issue's scale (NaN stays NaN). */
export function clampToScales(scenario: Scenario, forecast: Forecast): Forecast {
  const scales = new Map(scenario.issues.map((issue) => [issue.id, issue.scale]));
  const issues = forecast.issues.map((issue) => {
    const scale = scales.get(issue.issue);
    return scale === undefined ? issue : clampIssue(issue, scale.min, scale.max);
  });
  return issues.every((issue, index) => issue === forecast.issues[index]) ? forecast : { ...forecast, issues };
}

/** The model with its `run` clamped to the scenario's scales (the registry holds only such models). */
export function onScaleModel<Options extends object>(model: Model<Options>): Model<Options> {
  return { ...model, run: (scenario, options, leaf) => clampToScales(scenario, model.run(scenario, options, leaf)) };
}
