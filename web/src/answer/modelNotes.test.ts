import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notesByModel } from './modelNotes.js';

test('each note goes beside the model it names (the longest label wins); others stay general', () => {
  const { byModel, others } = notesByModel({
    models: [
      { model: 'smp', preset: null, outcome: 1, backtestMae: null },
      { model: 'exchange', preset: 'default', outcome: 2, backtestMae: null },
      { model: 'eum', preset: 'scholz2011-code', outcome: 3, backtestMae: null },
    ],
    notes: [
      'smp: outcome 43.6 (probability-weighted mean)',
      'exchange (default) has not settled by round 10',
      'eum (scholz2011-code) cycles: its median alternates',
      'question q1: its deadline is sealed with it',
    ],
  });
  assert.deepEqual(byModel.get('smp'), ['outcome 43.6 (probability-weighted mean)']);
  assert.deepEqual(byModel.get('exchange (default)'), ['has not settled by round 10']);
  assert.deepEqual(byModel.get('eum (scholz2011-code)'), ['cycles: its median alternates']);
  assert.deepEqual(others, ['question q1: its deadline is sealed with it']);
});
