import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedDeuDataset, shippedDeuFiles } from '../../../tests/support/deu3Data.js';
import { parseDeuDataset } from './deu3.js';
import { joinModelForecasts, modelForecasts, runBacktest } from './backtest.js';
import { buildCases, selectSubset } from './cases.js';
import { parseCapabilityRule } from './capability.js';

const dataset = shippedDeuDataset();
const equalCases = buildCases(dataset, parseCapabilityRule('equal'));

test('351 of the 364 DEU III issues are scoreable', () => {
  assert.equal(dataset.issues.length, 364);
  assert.equal(equalCases.length, 351);
});

test('the published figures are reproduced: weighted mean 23.64, median position 28.37', () => {
  const result = runBacktest(equalCases, { replicates: 200, seed: 7, folds: 5, runs: [{ model: 'weighted-mean', preset: 'default' }] });
  const mae = (id: string) => result.rows.find((row) => row.id === id)!.metrics.mae;
  assert.equal(mae('weighted-mean').value.toFixed(2), '23.64');
  assert.equal(mae('median-position').value.toFixed(2), '28.37');
  const interval = mae('weighted-mean');
  assert.ok(interval.low < interval.value && interval.value < interval.high, JSON.stringify(interval));
  const compromise = result.rows.find((row) => row.id === 'weighted-mean')!;
  assert.deepEqual(compromise.maeDifference, { value: 0, low: 0, high: 0 });
});

test('the backtest is reproducible with its seed and reports every baseline, breakdown and the CV blend', () => {
  const settings = { replicates: 100, seed: 3, folds: 4, runs: [{ model: 'weighted-mean', preset: 'default' }] };
  const first = runBacktest(equalCases, settings);
  assert.deepEqual(runBacktest(equalCases, settings), first);
  assert.deepEqual(
    first.rows.map((row) => row.id),
    ['constant-50', 'reference-point', 'commission', 'parliament', 'median-position', 'weighted-mean', 'blend-cv'],
  );
  assert.equal(first.rows.find((row) => row.id === 'reference-point')!.fallbacks, 99);
  assert.deepEqual(
    first.breakdowns.map((group) => `${group.by}:${group.group}`),
    ['procedure:CNS', 'procedure:COD', 'voting rule:QMV', 'voting rule:unanimity', 'era:1998-2001', 'era:2005-2009', 'era:2016-2019'],
  );
  for (const by of ['procedure', 'voting rule', 'era'] as const) {
    const total = first.breakdowns.filter((group) => group.by === by).reduce((sum, group) => sum + group.issues, 0);
    assert.equal(total, 351, by);
  }
  assert.equal(first.crossValidation.foldWeights.length, 4);
  for (const weights of first.crossValidation.foldWeights) assert.ok(Math.abs(weights.reduce((a, b) => a + b, 0) - 1) < 1e-9);
});

test('council-ssi capabilities give member states their index and the institutions the largest', () => {
  const cases = buildCases(dataset, parseCapabilityRule('council-ssi'));
  const documents = cases.find((item) => item.issue.id === 'd00032i1')!;
  const capability = (id: string) => documents.scenario.actors.find((actor) => actor.id === id)!.capability;
  assert.equal(capability('DE'), 0.116667);
  assert.equal(capability('COM'), 0.116667);
  const lisbon = cases.find((item) => item.issue.regime === 'Lisbon_double_majority' && item.issue.votingRule === 'QMV')!;
  const germany = lisbon.scenario.actors.find((actor) => actor.id === 'DE');
  assert.ok(germany && germany.capability > 0.1 && germany.capability < 0.2, String(germany?.capability));
  const mean = buildCases(dataset, parseCapabilityRule('council-ssi', 'zero')).find((item) => item.issue.id === 'd00032i1')!;
  assert.equal(mean.scenario.actors.find((actor) => actor.id === 'EP')!.capability, 0);
});

test('unknown rules, subsets and corrupt files are InputErrors that say where', () => {
  assert.throws(() => parseCapabilityRule('gdp'), { name: 'InputError', message: /unknown capability rule "gdp"/ });
  assert.throws(() => parseCapabilityRule('council-ssi', 'biggest'), { name: 'InputError' });
  assert.throws(() => selectSubset(equalCases, 'nordic'), { name: 'InputError', message: /unknown subset/ });
  const files = shippedDeuFiles();
  const corrupt = { ...files, positions: { ...files.positions, text: files.positions.text.replace('d00032i1,AT,Austria,member_state,40,40', 'd00032i1,AT,Austria,member_state,forty,40') } };
  assert.throws(() => parseDeuDataset(corrupt), (error: Error & { problems?: Array<{ line?: number; field?: string }> }) => {
    assert.equal(error.name, 'InputError');
    assert.equal(error.problems?.[0]?.field, 'position');
    assert.equal(error.problems?.[0]?.line, 4);
    return true;
  });
  const truncated = { ...files, issues: { ...files.issues, text: 'issue_id,outcome\nx,1\n' } };
  assert.throws(() => parseDeuDataset(truncated), { name: 'InputError', message: /missing columns/ });
});

test('forecasts joined block by block are the forecasts of the whole, the first failing block\'s reason included', () => {
  const cases = equalCases.slice(0, 40);
  const run = { model: 'eum', preset: 'default' };
  const blocks = [cases.slice(0, 7), cases.slice(7, 30), cases.slice(30)].map((block) => modelForecasts(block, run));
  assert.deepEqual(joinModelForecasts(blocks), modelForecasts(cases, run));
  const failure = { reason: 'second block' };
  assert.deepEqual(joinModelForecasts([[1, 2], failure, { reason: 'third block' }]), failure);
});

test('forecasts given from elsewhere (forecastsOf) give the same backtest as computing them here', () => {
  const cases = selectSubset(equalCases, 'cns');
  const settings = { replicates: 100, seed: 5, folds: 3, runs: [{ model: 'nash', preset: 'default' }] };
  const asked: string[] = [];
  const given = runBacktest(cases, {
    ...settings,
    forecastsOf: (run) => {
      asked.push(`${run.model}:${run.preset}`);
      return modelForecasts(cases, run);
    },
  });
  assert.deepEqual(given, runBacktest(cases, settings));
  assert.deepEqual(asked, ['weighted-mean:default', 'nash:default', 'weighted-median:default']);
});

test('what the conversion assumed reaches the result: the Lisbon population fallback, counted per note', () => {
  const cases = buildCases(dataset, parseCapabilityRule('council-ssi'));
  const result = runBacktest(cases, { replicates: 20, seed: 1, folds: 5, runs: [{ model: 'weighted-mean', preset: 'default' }] });
  const fallback2018 = result.notes.find((entry) => entry.note.includes('act of 2018'));
  assert.ok(fallback2018, JSON.stringify(result.notes));
  assert.equal(fallback2018.issues, cases.filter((item) => item.notes.includes(fallback2018.note)).length);
  assert.deepEqual(runBacktest(equalCases, { replicates: 20, seed: 1, folds: 5, runs: [] }).notes, [], 'equal capabilities assume nothing');
});
