import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import { prepareSweep, runBlock } from '../../analysis/sweep/index.js';
import { threeActors } from '../../analysis/sweep/testScenario.js';
import { executeRuns } from './execute.js';
import type { SweepTimeEstimate } from './workerChoice.js';

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

test('whatever the automatic choice, the data is the same: forced to 1, 2 and 3 threads after the pilot', async () => {
  const runs = 3000;
  const prepared = prepareSweep({ scenario: threeActors, model: 'eum', runs, seed: 41 });
  const expected = runBlock(prepared, 0, runs);
  for (const threads of [1, 2, 3]) {
    // A pilot of one run (a time limit of 0), so that the forced choice runs the rest.
    const outcome = await executeRuns(prepared, 0, runs, { workers: 3, auto: true, pilotSeconds: 0, choose: () => threads });
    assert.equal(outcome.threads, threads);
    assert.equal(outcome.pilotRuns, 1);
    assert.equal(outcome.estimate?.remainingRuns, runs - outcome.pilotRuns!);
    assert.deepEqual(outcome.data, expected, `${threads} threads`);
  }
});

test('the pilot measures what the choice needs: a warm time per run, and the warm-up beyond it', async () => {
  const runs = 200_000;
  const prepared = prepareSweep({ scenario: threeActors, model: 'eum', runs, seed: 8 });
  let seen: SweepTimeEstimate | undefined;
  // Stop once the choice is made: the rest of the sweep says nothing of the pilot.
  const abort = new AbortController();
  const choose = (estimate: SweepTimeEstimate): number => {
    seen = estimate;
    abort.abort();
    return 1;
  };
  const outcome = await executeRuns(prepared, 0, runs, { workers: 2, auto: true, blockSize: 50, signal: abort.signal, choose });
  assert.ok(seen);
  assert.ok(seen.secondsPerRun > 0 && seen.secondsPerRun < 0.01, `${seen.secondsPerRun} s a run`);
  assert.ok(seen.warmUpSeconds >= 0);
  assert.equal(seen.cores, availableParallelism());
  assert.equal(seen.maxThreads, 2);
  assert.equal(seen.remainingRuns + outcome.pilotRuns!, runs);
  assert.ok(outcome.stopped);
  assert.deepEqual(outcome.data, runBlock(prepared, 0, outcome.data.end));
});

test('explicit worker counts report themselves and give the same data', async () => {
  const prepared = prepareSweep({ scenario: threeActors, model: 'eum', runs: 900, seed: 12 });
  for (const workers of [1, 2]) {
    const outcome = await executeRuns(prepared, 0, 900, { workers, blockSize: 61 });
    assert.equal(outcome.threads, workers);
    assert.equal(outcome.estimate, undefined);
    assert.deepEqual(outcome.data, runBlock(prepared, 0, 900));
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
