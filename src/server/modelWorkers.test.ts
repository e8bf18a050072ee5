import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { prepareSweep, runBlock, summarizeSweep } from '../analysis/sweep/index.js';
import { runModel, type RunRequest } from '../models/registry.js';
import { parseScenario } from '../scenario/parse.js';
import { runDigest } from '../store/runs.js';
import { crowdScenario } from '../../tests/support/workbench.js';
import { HttpError } from './http.js';
import { ModelWorkers } from './modelWorkers.js';
import { packagePath } from './packagePath.js';

const workedExample = parseScenario(readFileSync(packagePath('examples/backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml', format: 'yaml' }).scenario;

// A short deadline for the test; measured from the request, so the thread is started first.
const workers = new ModelWorkers({ runTimeoutMs: 3000 });
before(() => workers.warm());
after(() => workers.destroy());

test('a forecast on a worker thread is the in-process forecast, as the JSON text the store keeps', async () => {
  const cases: [string, RunRequest][] = [
    ['eum', {}],
    ['eum', { preset: 'scholz2011-code', options: { rounds: 6, dyads: true } }],
    ['smp', {}],
    ['weighted-median', {}],
    ['nash', {}],
    ['exchange', {}],
  ];
  for (const [model, request] of cases) {
    const expected = runModel(model, workedExample, request);
    const pooled = await workers.forecast(model, workedExample, request);
    assert.equal(pooled.forecastJson, JSON.stringify(expected), model);
    assert.deepStrictEqual(pooled.digest, runDigest(expected, undefined), model);
    assert.deepStrictEqual(pooled.options, structuredClone(expected.options), model);
    assert.equal(pooled.preset, expected.preset, model);
  }
});

test('sweeps run on the warm threads: every thread started once, the same threads answer one sweep after another', async () => {
  const threads = workers.threadIds();
  assert.equal(threads.length, workers.threads, 'all the threads are started and kept, not only one');
  for (const seed of [5, 6]) {
    const prepared = prepareSweep({ scenario: workedExample, model: 'eum', runs: 300, seed });
    const pooled = await workers.sweep(prepared);
    assert.equal(pooled.sweepJson, JSON.stringify(summarizeSweep(prepared, runBlock(prepared, 0, 300))));
    assert.deepEqual(workers.threadIds(), threads, `after the sweep with seed ${seed}`);
  }
});

test('bad options inside the worker come back as an InputError, not a crash', async () => {
  await assert.rejects(workers.forecast('eum', workedExample, { options: { rounds: 'many' } }), (error: Error) => error.name === 'InputError' && /options\.rounds/u.test(error.message));
});

test('a run past its deadline is stopped with a 504, and the pool answers the next run', async () => {
  const began = performance.now();
  // SMP on 250 actors computes for minutes (a turn is about 0.5 s on an idle core): always past 3 s.
  await assert.rejects(workers.forecast('smp', crowdScenario(250), {}), (error: unknown) => {
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 504);
    assert.match(error.message, /took longer than the workbench allows \(3 s\) and was stopped/u);
    return true;
  });
  // Stopped at the deadline, not after the run (about a minute): generous for a loaded machine.
  assert.ok(performance.now() - began < 15_000, `stopped after ${performance.now() - began} ms`);
  const next = await workers.forecast('weighted-median', workedExample, {});
  assert.equal(next.forecastJson, JSON.stringify(runModel('weighted-median', workedExample, {})));
});
