import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseModelRuns, runBacktest } from '../analysis/backtest/backtest.js';
import { buildCases, selectSubset } from '../analysis/backtest/cases.js';
import { parseCapabilityRule } from '../analysis/backtest/capability.js';
import type { Problem } from '../errors.js';
import { shippedDeuDataset } from '../../tests/support/deu3Data.js';
import { startTestServer, type TestServer } from '../../tests/support/workbench.js';
import type { BacktestState } from './backtestJobs.js';
import { maxBacktestJobs } from './runLimits.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

/** Asks until the backtest is done, as the page does; returns every answer's status too. */
async function poll(body: unknown): Promise<{ statuses: number[]; state: Extract<BacktestState, { status: 'done' }> }> {
  const statuses: number[] = [];
  for (;;) {
    const { status, body: answer } = await server.request('POST', '/api/backtest', body);
    statuses.push(status);
    const state = answer as BacktestState;
    if (status === 200 && state.status === 'done') return { statuses, state };
    assert.equal(status, 202, JSON.stringify(answer));
    assert.equal(state.status, 'running');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('the backtest runs in the background, answers as the library does, and is cached per options', async () => {
  const body = { subset: 'unanimity', models: 'weighted-mean,eum:default', replicates: 200, capability: 'council-ssi', institutions: 'mean-state' };
  const { statuses, state } = await poll(body);
  assert.equal(statuses[0], 202, 'the first request starts it');
  assert.deepEqual(state.request, {
    dataset: 'deu3',
    capability: { id: 'council-ssi', institutions: 'mean-state' },
    subset: 'unanimity',
    models: ['weighted-mean:default', 'eum:default'],
    replicates: 200,
    seed: 1,
    folds: 10,
  });
  const cases = selectSubset(buildCases(shippedDeuDataset(), parseCapabilityRule('council-ssi', 'mean-state')), 'unanimity');
  const library = runBacktest(cases, { replicates: 200, seed: 1, folds: 10, runs: parseModelRuns('weighted-mean,eum:default') });
  assert.deepEqual(state.result, library);
  assert.deepEqual(state.result.rows.map((row) => row.id), ['constant-50', 'reference-point', 'commission', 'parliament', 'median-position', 'weighted-mean', 'eum:default', 'blend-cv']);

  const again = await server.request('POST', '/api/backtest', body);
  assert.equal(again.status, 200, 'the same options answer from the cache');
  assert.equal((again.body as { milliseconds: number }).milliseconds, state.milliseconds);
});

test('bad backtest options are 400s naming the field', async () => {
  const fieldsOf = async (body: unknown) => {
    const { status, body: answer } = await server.request('POST', '/api/backtest', body);
    assert.equal(status, 400, JSON.stringify(answer));
    return (answer as { problems: Problem[] }).problems.map((problem) => problem.field);
  };
  assert.deepEqual(await fieldsOf({ capability: 'gdp' }), ['capability']);
  assert.deepEqual(await fieldsOf({ capability: 'council-ssi', institutions: 'none' }), ['institutions']);
  assert.deepEqual(await fieldsOf({ subset: 'nope' }), ['subset']);
  assert.deepEqual(await fieldsOf({ models: 'eum:nope' }), ['models']);
  assert.deepEqual(await fieldsOf({ replicates: 5 }), ['replicates']);
  assert.deepEqual(await fieldsOf({ dataset: 'deu2' }), ['dataset']);
  assert.equal((await server.request('GET', '/api/backtest')).status, 405);
});

test(`at most ${maxBacktestJobs} backtests are queued or running; a new one beyond is a 429, a known one still answers`, async () => {
  const tiny = (seed: number) => ({ subset: 'unanimity', models: 'weighted-mean', replicates: 100, seed });
  for (let seed = 101; seed < 101 + maxBacktestJobs; seed++) assert.equal((await server.request('POST', '/api/backtest', tiny(seed))).status, 202, `seed ${seed}`);
  const refused = await server.request('POST', '/api/backtest', tiny(999));
  assert.equal(refused.status, 429, refused.text);
  assert.match((refused.body as { error: string }).error, new RegExp(`^${maxBacktestJobs} backtests are already queued or running, the most this server takes at once`, 'u'));
  assert.equal(refused.headers.get('retry-after'), '10');
  assert.notEqual((await server.request('POST', '/api/backtest', tiny(102))).status, 429, 'a known backtest answers its progress');
  // Once one has finished, a new one is taken.
  await poll(tiny(101));
  assert.equal((await server.request('POST', '/api/backtest', tiny(999))).status, 202);
});
