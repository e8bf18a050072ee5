import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareSweep, runBlock } from '../../analysis/sweep/index.js';
import { threeActors } from '../../analysis/sweep/testScenario.js';
import { executeRuns } from './execute.js';

test('the automatic choice of workers changes nothing but the speed: pilot plus the rest is bit-identical', async () => {
  for (const runs of [1, 40, 3000]) {
    const prepared = prepareSweep({ scenario: threeActors, model: 'eum', runs, seed: 77 });
    const progress: number[] = [];
    const outcome = await executeRuns(prepared, 0, runs, { workers: 2, auto: true, onProgress: (done) => progress.push(done) });
    assert.equal(outcome.stopped, false);
    assert.deepEqual(outcome.data, runBlock(prepared, 0, runs));
    assert.equal(progress.at(-1), runs);
    assert.ok(progress.every((done, index) => index === 0 || done >= progress[index - 1]!), 'progress never goes back');
  }
});

test('an automatic run stopped by an abort returns a prefix from its first run', async () => {
  const prepared = prepareSweep({ scenario: threeActors, model: 'eum', runs: 5000, seed: 3 });
  const abort = new AbortController();
  abort.abort();
  const outcome = await executeRuns(prepared, 10, 5000, { workers: 2, auto: true, signal: abort.signal });
  assert.equal(outcome.data.start, 10);
  assert.ok(outcome.stopped);
  assert.deepEqual(outcome.data, runBlock(prepared, 10, outcome.data.end));
});
