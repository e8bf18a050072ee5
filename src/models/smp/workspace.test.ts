/** The SMP's per-run workspace (issue 16, item 4): reused arrays behave as fresh ones. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Scratch, SmpWorkspace } from './workspace.js';

test('Scratch.take gives zeroed arrays of the length asked, reusing and growing one buffer', () => {
  const scratch = new Scratch(4);
  const first = scratch.take(3);
  first.fill(7);
  const second = scratch.take(4);
  assert.equal(second.length, 4);
  assert.deepEqual([...second], [0, 0, 0, 0], 'what an earlier take wrote is cleared');
  assert.equal(second.buffer, first.buffer, 'within its capacity the buffer is reused');
  second.fill(1);
  const grown = scratch.take(9);
  assert.equal(grown.length, 9);
  assert.notEqual(grown.buffer, first.buffer, 'beyond it, a larger buffer');
  assert.deepEqual([...grown], new Array(9).fill(0));
  assert.equal(scratch.take(0).length, 0);
});

test('the PCE matrices of a workspace are zeroed views of the size asked, one buffer per kind', () => {
  const work = new SmpWorkspace(3, 2);
  const coalitions = work.pce.coalitions(9);
  coalitions.fill(5);
  const victory = work.pce.victory(9);
  assert.notEqual(victory.buffer, coalitions.buffer, 'coalitions and victory probabilities are alive together');
  assert.deepEqual([...work.pce.coalitions(4)], [0, 0, 0, 0]);
  assert.equal(work.pce.incentive(16).length, 16, 'the Markov matrices grow on first use');
  assert.equal(work.proposals.initiator.length, 6, 'room for two bargains per actor');
});
