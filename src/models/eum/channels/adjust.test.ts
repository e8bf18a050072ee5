import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { offerPosition, offerRank, perceive } from '../classify.js';
import { adjustedMove, type MoveInputs, shortfallOf } from './adjust.js';

const close = (actual: number, expected: number, tolerance = 1e-9) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} vs ${expected}`);
const move = (inputs: Partial<MoveInputs> & { baseMove: number }) => adjustedMove({ phi: 1, exposure: 1, audienceCost: 0, redLineCost: 0, gap: Infinity, ...inputs });

describe('the adjusted move of one offer (channels-spec E1–E5)', () => {
  it('V-E1–V-E3: a lost conflict in public, with an audience cost and a red line', () => {
    close(move({ baseMove: 0.6, audienceCost: 0.2 }), 0.4);
    close(move({ baseMove: 0.6, audienceCost: 0.2, gap: 0.25, redLineCost: 1 }), 0.25);
    close(move({ baseMove: 0.6, audienceCost: 0.2, gap: 0.25, redLineCost: 0.1 }), 0.3);
  });
  it('V-E4–V-E6: a compromise is scaled by trust; in private the audience cost counts with the leak', () => {
    close(move({ baseMove: 0.4, phi: 0.5, audienceCost: 0.1 }), 0.1);
    close(move({ baseMove: 0.4, phi: 0.5, audienceCost: 0.1, exposure: 0 }), 0.2);
    close(move({ baseMove: 0.4, phi: 0.5, audienceCost: 0.1, exposure: 0.5 }), 0.15);
  });
  it('V-E7–V-E10: secrecy helps or hurts a coerced move; a private threat from a partner one does not trust moves nobody', () => {
    close(move({ baseMove: 0.5, phi: 0.6, audienceCost: 0.3, exposure: 0 }), 0.3);
    close(move({ baseMove: 0.5, audienceCost: 0.3 }), 0.2);
    close(move({ baseMove: 0.5, phi: 0.6, audienceCost: 0.1, exposure: 0 }), 0.3);
    close(move({ baseMove: 0.5, audienceCost: 0.1 }), 0.4);
    assert.equal(move({ baseMove: 1, phi: 0 }), 0);
    assert.equal(move({ baseMove: 1 }), 1);
  });
  it('neutral settings return the base move to the bit', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (baseMove) => move({ baseMove }) === baseMove));
  });
  it('E5: the shortfall parts sum to (m⁰ − m*)·W and are never negative; the move is never longer than m⁰ (E-P2)', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), fc.option(unit), (baseMove, phi, exposure, audienceCost, redLineCost, gap) => {
        const inputs: MoveInputs = { baseMove, phi, exposure, audienceCost, redLineCost, gap: gap ?? Infinity };
        const m = adjustedMove(inputs);
        const parts = shortfallOf(inputs, m, 100);
        assert.ok(m >= 0 && m <= baseMove + 1e-15);
        assert.ok(parts.trust >= -1e-12 && parts.audience >= -1e-12 && parts.redLine >= -1e-12);
        close(parts.trust + parts.audience + parts.redLine, (baseMove - m) * 100, 1e-9);
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
  it('E-P5 (Kurizaki): a private coerced move is at least the public one exactly when the public one is nil or (1 − λ)α ≥ (1 − τ)m⁰', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, fc.double({ min: 0, max: 0.5, noNaN: true }), (baseMove, tau, leak, audienceCost) => {
        const publicMove = move({ baseMove, audienceCost });
        const privateMove = move({ baseMove, audienceCost, phi: tau, exposure: leak });
        const lhs = (1 - leak) * audienceCost;
        const rhs = (1 - tau) * baseMove;
        if (Math.abs(privateMove - publicMove) < 1e-12 || Math.abs(lhs - rhs) < 1e-12) return;
        assert.equal(privateMove >= publicMove, publicMove === 0 || lhs >= rhs);
      }),
      { seed: 11, numRuns: 9000 },
    );
  });
  it('E-P7: with κ ≥ 1 in public a red line is never crossed (m* ≤ g)', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (baseMove, gap, audienceCost, redLineCost) => {
        assert.ok(move({ baseMove, audienceCost, redLineCost, gap }) <= gap);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});

describe('the rejected transforms of a and b (channels-spec §2.2, §12.7)', () => {
  const fraction = (a: number, b: number) => {
    const rank = offerRank(a, b, true);
    return { perception: perceive(a, b, 0, 1), move: rank < 0 ? 0 : offerPosition(rank, a, b, 0, 1) };
  };
  it("V-X1: a′ = a + α·d moves i more as α rises (a = −0.10, b = 0.30, d = 0.5)", () => {
    const at = (alpha: number) => fraction(-0.1 + alpha * 0.5, 0.3);
    assert.equal(at(0).perception, 'compromise');
    close(at(0).move, 1 / 3);
    close(at(0.19).move, 0.016667, 1e-6);
    assert.deepEqual(at(0.21), { perception: 'conflict-lost', move: 1 });
  });
  it('V-X2: b′ = γ·b makes a weaker threat move i more (a = −0.10, b = 0.30)', () => {
    const at = (gamma: number) => fraction(-0.1, 0.3 * gamma);
    close(at(1).move, 1 / 3);
    close(at(0.5).move, 2 / 3);
    assert.deepEqual(at(0.2), { perception: 'capitulation', move: 1 });
  });
});
