import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareSweep, runBlock, summarizeSweep, type SweepSpec } from '../../analysis/sweep/index.js';
import { threeActors } from '../../analysis/sweep/testScenario.js';
import { runBesideWorkers, runOnWorkers } from './pool.js';

test('1 worker, 2 workers, the main thread beside 2 workers and the main thread alone give bit-identical results', async () => {
  const spec: SweepSpec = { scenario: threeActors, model: 'eum', runs: 600, seed: 2024, thresholds: [{ value: 50 }] };
  const prepared = prepareSweep(spec);
  const inProcess = runBlock(prepared, 0, spec.runs);
  const one = await runOnWorkers(prepared, 0, spec.runs, { workers: 1 });
  const two = await runOnWorkers(prepared, 0, spec.runs, { workers: 2, blockSize: 37 });
  const beside = await runBesideWorkers(prepared, 0, spec.runs, { workers: 3, blockSize: 23 });
  assert.equal(one.stopped, false);
  assert.deepEqual(one.data, inProcess);
  assert.deepEqual(two.data, inProcess);
  assert.deepEqual(beside.data, inProcess, 'this thread beside 2 workers');
  assert.deepEqual(summarizeSweep(prepared, two.data), summarizeSweep(prepared, inProcess));
});

test('an abort stops the pool cleanly and returns the runs done, from run 0', async () => {
  const prepared = prepareSweep({ scenario: threeActors, model: 'eum', runs: 4000, seed: 9 });
  const abort = new AbortController();
  const outcome = await runOnWorkers(prepared, 0, 4000, {
    workers: 2,
    blockSize: 100,
    onProgress: (completed) => {
      if (completed >= 300) abort.abort();
    },
    signal: abort.signal,
  });
  assert.equal(outcome.stopped, true);
  assert.equal(outcome.data.start, 0);
  assert.ok(outcome.data.end >= 300 && outcome.data.end < 4000, `stopped at ${outcome.data.end}`);
  assert.deepEqual(outcome.data, runBlock(prepared, 0, outcome.data.end));
});
