/** A turn's bargains and choices in columns (turnRecord.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { perspectives, SmpProposals } from './turnRecord.js';

test('bargains are stored column by column; the trimmed copy keeps exactly those added', () => {
  const proposals = new SmpProposals(6, 2);
  proposals.add(0, 2, 'initiator', 0.75, 0.1, -0.2, Float64Array.of(0.1, 0.2), Float64Array.of(0.3, 0.4));
  proposals.add(1, 0, 'compromise', 0.5, 0.05, -0, Float64Array.of(0.5, 0.6), Float64Array.of(0.7, 0.8));
  const kept = proposals.trimmed();
  assert.equal(kept.count, 2);
  assert.equal(kept.initiator.length, 2, 'no room left over');
  assert.deepEqual([...kept.initiator], [0, 1]);
  assert.deepEqual([...kept.receiver], [2, 0]);
  assert.deepEqual([...kept.perspective].map((code) => perspectives[code]), ['initiator', 'compromise']);
  assert.deepEqual([...kept.probability], [0.75, 0.5]);
  assert.ok(Object.is(kept.receiverExpectedGain[1], -0), 'numbers are kept to the bit (−0 too)');
  assert.deepEqual([...kept.pointFor(0, 0)], [0.1, 0.2], "the initiator's point");
  assert.deepEqual([...kept.pointFor(0, 2)], [0.3, 0.4], "the receiver's point");
  assert.deepEqual([...kept.pointFor(1, 0)], [0.7, 0.8], 'actor 0 receives bargain 1');
  proposals.count = 0;
  proposals.add(3, 4, 'receiver', 0.1, 0.2, 0.3, Float64Array.of(0, 0), Float64Array.of(1, 1));
  assert.deepEqual([...kept.initiator], [0, 1], 'the copy does not change when the builder is reused');
});
