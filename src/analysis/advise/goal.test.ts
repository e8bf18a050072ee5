import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInputError } from '../../errors.js';
import { concession, parseGoal, scoreGoal } from './goal.js';

describe('advise goals', () => {
  it('parses the three forms and refuses others', () => {
    assert.deepEqual(parseGoal('toward:50'), { kind: 'toward', value: 50 });
    assert.deepEqual(parseGoal('away:12.5'), { kind: 'away', value: 12.5 });
    assert.deepEqual(parseGoal('flip:russia'), { kind: 'flip', other: 'russia' });
    for (const bad of ['toward:', 'toward:abc', 'near:3', 'flip:', '50']) assert.throws(() => parseGoal(bad), isInputError, bad);
  });

  it('toward: reaching means getting to V or past it; gain is the distance saved', () => {
    const goal = { kind: 'toward', value: 50 } as const;
    assert.deepEqual(scoreGoal(goal, { outcome: 40 }, { outcome: 45 }, 5), { gain: 5, reached: false });
    assert.deepEqual(scoreGoal(goal, { outcome: 40 }, { outcome: 50 }, 5), { gain: 10, reached: true });
    assert.deepEqual(scoreGoal(goal, { outcome: 40 }, { outcome: 70 }, 5), { gain: -10, reached: true });
    assert.deepEqual(scoreGoal(goal, { outcome: 60 }, { outcome: 55 }, 5), { gain: 5, reached: false });
  });

  it('away: reached once the forecast is minGain further from V', () => {
    const goal = { kind: 'away', value: 50 } as const;
    assert.equal(scoreGoal(goal, { outcome: 40 }, { outcome: 36 }, 5).reached, false);
    assert.equal(scoreGoal(goal, { outcome: 40 }, { outcome: 35 }, 5).reached, true);
  });

  it('flip: the concession is the move toward the advised actor', () => {
    assert.equal(concession({ outcome: 0, otherStart: 80, otherEnd: 60, actorPosition: 20 }), 20);
    assert.equal(concession({ outcome: 0, otherStart: 80, otherEnd: 90, actorPosition: 20 }), -10);
    const goal = { kind: 'flip', other: 'x' } as const;
    const firm = { outcome: 0, otherStart: 80, otherEnd: 80, actorPosition: 20 };
    assert.equal(scoreGoal(goal, firm, { ...firm, otherEnd: 79.5 }, 1).reached, false);
    assert.equal(scoreGoal(goal, firm, { ...firm, otherEnd: 79 }, 1).reached, true);
    // An actor that already concedes 5 must concede minGain further.
    const moving = { ...firm, otherEnd: 75 };
    assert.equal(scoreGoal(goal, moving, { ...firm, otherEnd: 74.5 }, 1).reached, false);
    assert.equal(scoreGoal(goal, moving, { ...firm, otherEnd: 74 }, 1).reached, true);
  });
});
