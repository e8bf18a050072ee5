import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseThreads, expectedWallSeconds, otherBusyCores, usableCores, type SweepTimeEstimate } from './workerChoice.js';

/** The worked example on a quiet 2-core machine: 0.06 ms a warm run, 0.3 s warm-up, 0.25 s to start a thread. */
const workedExample: SweepTimeEstimate = { remainingRuns: 0, secondsPerRun: 0.00006, warmUpSeconds: 0.3, threadStartSeconds: 0.25, cores: 2, load: 0, maxThreads: 2 };
const sweep = (remainingRuns: number, changes: Partial<SweepTimeEstimate> = {}): SweepTimeEstimate => ({ ...workedExample, remainingRuns, ...changes });

test('tiny sweeps run in-process', () => {
  for (const runs of [0, 1, 100, 2_000]) assert.equal(chooseThreads(sweep(runs)), 1, `${runs} runs`);
});

test('a long sweep on 2 free cores uses 2', () => {
  assert.equal(chooseThreads(sweep(100_000)), 2);
  assert.equal(chooseThreads(sweep(4_000, { secondsPerRun: 0.0008, warmUpSeconds: 0.2 })), 2, '4,000 runs of 50 actors');
});

test('a busy machine uses 1', () => {
  assert.equal(chooseThreads(sweep(100_000, { load: 1 })), 1);
  assert.equal(chooseThreads(sweep(1_000_000, { load: 4.5 })), 1);
});

test('the break-even: a second thread pays when the runs outlast its start-up and warm-up (T(2) = (R·t + s + w) / 2)', () => {
  const breakEven = (0.25 + 0.3) / 0.00006;
  assert.equal(chooseThreads(sweep(Math.floor(breakEven * 0.95))), 1);
  assert.equal(chooseThreads(sweep(Math.ceil(breakEven * 1.05))), 2);
  assert.equal(expectedWallSeconds(2, sweep(20_000)), (20_000 * 0.00006 + 0.55) / 2);
  assert.equal(expectedWallSeconds(1, sweep(20_000)), 20_000 * 0.00006);
});

test('a half-busy core moves the break-even: with 1.5 usable cores the runs must outlast twice the start-up', () => {
  assert.equal(usableCores(2, 0.5), 1.5);
  const breakEven = (2 * (0.25 + 0.3)) / 0.00006;
  assert.equal(chooseThreads(sweep(Math.floor(breakEven * 0.95), { load: 0.5 })), 1);
  assert.equal(chooseThreads(sweep(Math.ceil(breakEven * 1.05), { load: 0.5 })), 2);
});

test('never more threads than free cores, nor than allowed', () => {
  assert.equal(chooseThreads(sweep(10_000_000, { cores: 8, maxThreads: 8 })), 8);
  assert.equal(chooseThreads(sweep(10_000_000, { cores: 8, maxThreads: 8, load: 5 })), 3);
  assert.equal(chooseThreads(sweep(10_000_000, { cores: 8, maxThreads: 4 })), 4);
  assert.equal(chooseThreads(sweep(10_000_000, { cores: 1, maxThreads: 1 })), 1);
});

test('usable cores: the cores not busy, at least one, at most all', () => {
  assert.equal(usableCores(2, 0), 2);
  assert.equal(usableCores(2, 0.3), 1.7);
  assert.equal(usableCores(2, 7), 1);
  assert.equal(usableCores(4, -1), 4);
});

test('the cores other processes kept busy over an interval: all, less the idle ones, less this process (never below 0)', () => {
  assert.equal(otherBusyCores(2, 1.8, 1, 1), 0);
  assert.ok(Math.abs(otherBusyCores(2, 0.5, 1, 1) - 0.5) < 1e-12);
  assert.ok(Math.abs(otherBusyCores(4, 1, 0.5, 0.5) - 1) < 1e-12, 'idle and own time are per wall second');
  assert.equal(otherBusyCores(2, 3, 1, 1), 0);
});
