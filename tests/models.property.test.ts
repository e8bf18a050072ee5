/**
 * Properties every registered model must have, for every one of its presets, on random valid
 * scenarios (tests/support/arbitraries.ts), including the degenerate ones validation accepts:
 * a single actor on an issue, ties, zero capabilities, every salience 0.
 *
 * - no NaN or ±Infinity anywhere in the Forecast (the whole object is walked);
 * - one IssueForecast per scenario issue; every outcome, every round's positions, median and mean
 *   inside the issue's scale;
 * - the same input gives a deep-equal output, and the scenario is not mutated.
 * A model whose options accept `dyads: true` (EUM) is also run with it, so the dyads are walked too.
 *
 * "Inside the scale" allows a rounding slack of 1e-9 of the scale's width: a mean of positions that
 * all equal the scale's end can exceed it in the last bit (0.1 + 0.1 + 0.1 = 0.30000000000000004).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Forecast } from '../src/models/model.js';
import { isInputError } from '../src/errors.js';
import { DyadTable, dyadList } from '../src/models/dyadTable.js';
import { models, resolveOptions, runModel, type RunRequest } from '../src/models/registry.js';
import type { Scenario } from '../src/scenario/schema.js';
import { arbitraryScenario } from './support/arbitraries.js';

const NUM_RUNS = 60;

/** Paths (like `issues[0].rounds[3].dyads[2].probability`) of every non-finite number in a value. */
function nonFiniteNumbers(value: unknown, path = 'forecast'): string[] {
  if (value instanceof DyadTable) return nonFiniteNumbers(dyadList(value), path);
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, index) => nonFiniteNumbers(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => nonFiniteNumbers(item, `${path}.${key}`));
  return [];
}

/** Every value in a forecast that must lie on its issue's scale, with where it is. */
function valuesOnScale(forecast: Forecast): { issue: string; where: string; value: number }[] {
  return forecast.issues.flatMap((issueForecast, issueIndex) => {
    const at = `issues[${issueIndex}]`;
    const values = [{ issue: issueForecast.issue, where: `${at}.outcome`, value: issueForecast.outcome }];
    issueForecast.rounds.forEach((round, roundIndex) => {
      const roundAt = `${at}.rounds[${roundIndex}]`;
      values.push({ issue: issueForecast.issue, where: `${roundAt}.median`, value: round.median });
      values.push({ issue: issueForecast.issue, where: `${roundAt}.mean`, value: round.mean });
      for (const [actor, position] of Object.entries(round.positions))
        values.push({ issue: issueForecast.issue, where: `${roundAt}.positions.${actor}`, value: position });
    });
    return values;
  });
}

function assertOnScale(scenario: Scenario, forecast: Forecast): void {
  for (const { issue: issueId, where, value } of valuesOnScale(forecast)) {
    const issue = scenario.issues.find((candidate) => candidate.id === issueId);
    assert.ok(issue, `${where}: forecast for unknown issue "${issueId}"`);
    const slack = 1e-9 * (issue.scale.max - issue.scale.min);
    assert.ok(
      value >= issue.scale.min - slack && value <= issue.scale.max + slack,
      `${where} = ${value} is outside the issue's scale [${issue.scale.min}, ${issue.scale.max}]`,
    );
  }
}

/** The preset as it is, and with `dyads: true` when the model's options have it. */
function requests(model: (typeof models)[number], preset: string): { label: string; request: RunRequest }[] {
  const plain = { label: `preset ${preset}`, request: { preset } };
  const withDyads = { label: `preset ${preset} with dyads`, request: { preset, options: { dyads: true } } };
  try {
    resolveOptions(model, withDyads.request);
    return [plain, withDyads];
  } catch (error) {
    if (!isInputError(error)) throw error;
    return [plain];
  }
}

for (const model of models) {
  for (const { label, request } of Object.keys(model.presets).flatMap((preset) => requests(model, preset))) {
    test(`model ${model.id}, ${label}: finite, on the scale, deterministic, input untouched`, () => {
      fc.assert(
        fc.property(arbitraryScenario({ minActors: 1, maxActors: 6, issues: { min: 1, max: 2 } }), (scenario) => {
          const before = structuredClone(scenario);
          const forecast = runModel(model.id, scenario, request);

          assert.deepEqual(nonFiniteNumbers(forecast), [], 'every number in the forecast is finite');
          assert.deepEqual(
            forecast.issues.map((issueForecast) => issueForecast.issue).sort(),
            scenario.issues.map((issue) => issue.id).sort(),
            'one forecast per issue',
          );
          assertOnScale(scenario, forecast);
          assert.deepEqual(scenario, before, 'the model does not mutate its input');
          assert.deepEqual(runModel(model.id, scenario, request), forecast, 'the same input gives the same output');
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }
}
