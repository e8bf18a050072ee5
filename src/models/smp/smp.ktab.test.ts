/**
 * The two KTAB reference runs (../shared/vectors/ktab/, KTAB smpc, deterministic, default parameters):
 * the number of turns, every actor's position at every state within 0.051 on 0–100 (KTAB prints one
 * decimal), and every actor's probability of winning at every state within 0.001.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import { readKtab, type KtabFormat } from '../../scenario/ktab/index.js';
import { runModel } from '../registry.js';
import type { Forecast } from '../model.js';

function readCsvRows(name: string): string[][] {
  return readFileSync(fromShared('vectors', 'ktab', name), 'utf8')
    .trim()
    .split(/\r?\n/u)
    .slice(1)
    .map((line) => line.split(','));
}

function forecastOf(input: string, format: KtabFormat): Forecast {
  const { scenario } = readKtab(readFileSync(fromShared('vectors', 'ktab', 'inputs', input), 'utf8'), format, input);
  return runModel('smp', scenario);
}

function assertMatchesReference(forecast: Forecast, reference: string, expectedTurns: number): void {
  const rounds = forecast.issues[0]!.rounds;
  assert.equal(rounds.length - 1, expectedTurns, 'number of turns');
  const issueOfDimension = new Map(forecast.issues.map((issueForecast) => [issueForecast.issue, issueForecast]));
  let compared = 0;
  for (const [state, actor, dimension, position] of readCsvRows(`${reference}_positions.csv`)) {
    const issueForecast = issueOfDimension.get(dimension!.trim().replace(/\s+/gu, '-'));
    assert.ok(issueForecast, `dimension ${dimension}`);
    const ours = issueForecast.rounds[Number(state)]?.positions[actor!];
    assert.ok(ours !== undefined, `state ${state}, actor ${actor}`);
    assert.ok(Math.abs(ours - Number(position)) <= 0.051, `state ${state}, ${actor}, ${dimension}: ${ours} vs KTAB ${position}`);
    compared++;
  }
  for (const [state, actor, probability] of readCsvRows(`${reference}_win_probabilities.csv`)) {
    const ours = rounds[Number(state)]?.smp?.probabilities[actor!];
    assert.ok(ours !== undefined, `state ${state}, actor ${actor}`);
    assert.ok(Math.abs(ours - Number(probability)) <= 0.001, `state ${state}, ${actor}: P = ${ours} vs KTAB ${probability}`);
    compared++;
  }
  assert.ok(compared > 100, 'the reference files were read');
}

test('dummyData_3Dim (KTAB CSV): 10 turns, positions and win probabilities as KTAB', () => {
  const forecast = forecastOf('dummyData_3Dim.csv', 'ktab-csv');
  assertMatchesReference(forecast, 'dummyData_3Dim', 10);
  // ktab-smp.md: the most probable cluster ends at (79.9, 34.4, 75.2).
  assert.deepEqual(
    forecast.issues.map((issueForecast) => Math.round(issueForecast.mostProbable!.position * 10) / 10),
    [79.9, 34.4, 75.2],
  );
});

test('dummyData_3Dim (KTAB XML with an identity ideal adjustment) runs exactly as the CSV', () => {
  assertMatchesReference(forecastOf('dummyData_3Dim-fixed.xml', 'ktab-xml'), 'dummyData_3Dim', 10);
});

test('SOE-Pol-Comp (KTAB CSV): 27 turns, positions and win probabilities as KTAB', () => {
  const forecast = forecastOf('SOE-Pol-Comp.csv', 'ktab-csv');
  assertMatchesReference(forecast, 'SOE-Pol-Comp', 27);
  const [policy, competitive] = forecast.issues;
  // ktab-smp.md: Policy about 38.8 (mode) / 39.7 (mean); Competitive about 30.7 / 32.8.
  assert.ok(Math.abs(policy!.mostProbable!.position - 38.8) < 0.05 && Math.abs(policy!.outcome - 39.7) < 0.05);
  assert.ok(Math.abs(competitive!.mostProbable!.position - 30.7) < 0.05 && Math.abs(competitive!.outcome - 32.8) < 0.05);
  const last = policy!.rounds[policy!.rounds.length - 1]!;
  assert.equal(last.positions['WY'], 15, 'WY stays at 15 on policy');
  assert.ok(forecast.issues[0]!.stoppedEarly, 'KTAB stopping rule ended the run');
});
