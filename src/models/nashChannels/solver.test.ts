import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CommitmentState } from '../../scenario/timeline/world.js';
import { partyInterval, solveBargain, utility, winSetOf, type BargainingParty, type BargainingProblem, type Interval, type Loss, type WinSet } from './solver.js';

const party = (id: string, ideal: number, extra: Partial<BargainingParty> = {}): BargainingParty => ({
  id, ideal, weight: 1, utilityScale: 1, trust: 1, breachCost: 0, hurt: 0, audienceCost: 0, commitment: null, exposure: 1, ...extra,
});

/** D_i = ū_i(d) − h_i (N1), W = 100. */
function problemOf(parties: BargainingParty[], statusQuo: number, loss: Loss, winSets: WinSet[] = []): BargainingProblem {
  const disagreement = new Map(parties.map((p) => [p.id, utility(p, statusQuo, loss, 100) - p.hurt]));
  return { parties, disagreement, winSets, min: 0, max: 100, open: true };
}

const close = (actual: number | null, expected: number, tolerance = 1e-6) => {
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);
};

/** V-N1…V-N5: linear loss, R at 100 (hurt 0.2), U at 0 (hurt 0.3), status quo 50. */
function muthoo(options: { kR?: number; kU?: number; alphaR?: number; exposure?: number; winSets?: WinSet[] } = {}): number | null {
  const exposure = options.exposure ?? 1;
  const R = party('R', 100, { hurt: 0.2, audienceCost: options.alphaR ?? 0, exposure, commitment: options.kR === undefined ? null : { kind: 'atLeast', bound: 70, cost: options.kR } });
  const U = party('U', 0, { hurt: 0.3, exposure, commitment: options.kU === undefined ? null : { kind: 'atMost', bound: 40, cost: options.kU } });
  return solveBargain(problemOf([R, U], 50, 'linear', options.winSets), 'linear').outcome;
}

describe('Nash with commitments (channels-spec §12.4 vectors)', () => {
  it('V-N1: R commits to at least 70: 55 → 59 → 61.67 → 65 → 68.33 → 70 as the cost rises (Muthoo)', () => {
    close(muthoo(), 55);
    [[0.25, 59], [0.5, 61.666667], [1, 65], [2, 68.333333], [5, 70]].forEach(([cost, expected]) => close(muthoo({ kR: cost! }), expected!));
  });
  it('V-N2: both commit: cost 1 each → 55; cost 100 each → no agreement (Leventoğlu–Tarar)', () => {
    close(muthoo({ kR: 1, kU: 1 }), 55);
    assert.equal(muthoo({ kR: 100, kU: 100 }), null);
  });
  it('V-N3: a private table: λ 0 → 55, λ 0.5 → 61.666667', () => {
    close(muthoo({ kR: 1, exposure: 0 }), 55);
    close(muthoo({ kR: 1, exposure: 0.5 }), 61.666667);
  });
  it('V-N4: R audience cost 0.5 in public → 66.666667', () => close(muthoo({ alphaR: 0.5 }), 66.666667));
  it('V-N5: a ratifier of U at 20: hurt 0.1 → win-set [0, 60], outcome 55; hurt 0 → [0, 50], outcome 50', () => {
    const high = winSetOf('r', 'U', 20, 1, -30 / 100 - 0.1, 'linear', 0, 100);
    const low = winSetOf('r', 'U', 20, 1, -30 / 100, 'linear', 0, 100);
    close(high.low, 0);
    close(high.high, 60);
    close(low.high, 50);
    close(muthoo({ winSets: [high] }), 55);
    close(muthoo({ winSets: [low] }), 50);
  });
  it('V-N6: quadratic, A at 0 / B at 100, hurt 0.1: τ_A 1 → 50; τ_A 0.5, k 0 → 50; τ_A 0.5, k 0.05 → 47.824296 and I_A = [0, 54.772256)', () => {
    const solve = (trust: number, breachCost: number) => {
      const problem = problemOf([party('A', 0, { trust, breachCost, hurt: 0.1 }), party('B', 100, { hurt: 0.1 })], 50, 'quadratic');
      return solveBargain(problem, 'quadratic');
    };
    close(solve(1, 0.05).outcome, 50);
    close(solve(0.5, 0).outcome, 50);
    const distrust = solve(0.5, 0.05);
    close(distrust.outcome, 47.824296);
    close(distrust.intervals.get('A')!.low, 0);
    close(distrust.intervals.get('A')!.high, 54.772256);
  });
  it('N7: a closed table, and a member that accepts nothing, block with their reason', () => {
    const closed = solveBargain({ ...problemOf([party('A', 0, { hurt: 0.1 }), party('B', 100, { hurt: 0.1 })], 50, 'quadratic'), open: false }, 'quadratic');
    assert.deepEqual(closed.blocking, { kind: 'closed' });
    const none = solveBargain(problemOf([party('A', 0), party('B', 100, { hurt: 0.1 })], 0, 'quadratic'), 'quadratic');
    assert.deepEqual(none.blocking, { kind: 'none-acceptable', actors: ['A'] });
  });
});

// The generator of §12.4: 2–6 parties, quadratic or linear, random status quo, hurt in [0, 0.4], trust, breach costs,
// audience costs, red lines (40 %), exposure.
const unit = (steps = 1000) => fc.integer({ min: 0, max: steps }).map((k) => k / steps);
const arbitraryParty = fc
  .record({
    ideal: fc.oneof(fc.integer({ min: 0, max: 10 }).map((k) => k * 10), unit().map((u) => u * 100)),
    weight: unit().map((u) => 0.1 + 9.9 * u),
    trust: fc.oneof(fc.constant(1), unit().map((u) => 0.05 + 0.95 * u)),
    breachCost: fc.oneof(fc.constant(0), unit().map((u) => 0.3 * u)),
    hurt: unit().map((u) => 0.4 * u),
    audienceCost: fc.oneof(fc.constant(0), unit().map((u) => 0.5 * u)),
    redLine: fc.option(fc.record({ atLeast: fc.boolean(), distance: unit().map((u) => 50 * u), cost: unit().map((u) => 2 * u) }), { freq: 3 }),
    exposure: fc.oneof(fc.constant(1), unit()),
  })
  .map((p): Omit<BargainingParty, 'id'> => ({
    ideal: p.ideal, weight: p.weight, utilityScale: 1, trust: p.trust, breachCost: p.breachCost, hurt: p.hurt, audienceCost: p.audienceCost, exposure: p.exposure,
    commitment: p.redLine === null ? null : { kind: p.redLine.atLeast ? 'atLeast' : 'atMost', bound: p.redLine.atLeast ? p.ideal - p.redLine.distance : p.ideal + p.redLine.distance, cost: p.redLine.cost },
  }));
const arbitraryProblem = fc.record({
  parties: fc.array(arbitraryParty, { minLength: 2, maxLength: 6 }),
  loss: fc.constantFrom<Loss>('quadratic', 'linear'),
  statusQuo: unit().map((u) => u * 100),
  pick: fc.nat(),
  grid: fc.array(unit().map((u) => 3 * u), { minLength: 6, maxLength: 6 }).map((values) => [0, ...values.sort((a, b) => a - b)]),
});
type Arbitrary = { parties: Omit<BargainingParty, 'id'>[]; loss: Loss; statusQuo: number; pick: number; grid: number[] };

const build = (sample: Arbitrary, change?: (p: BargainingParty, index: number) => BargainingParty) => {
  const parties = sample.parties.map((p, index) => ({ ...p, id: `p${index}` })).map((p, index) => (change ? change(p, index) : p));
  return problemOf(parties, sample.statusQuo, sample.loss);
};
const chosen = (sample: Arbitrary) => sample.pick % sample.parties.length;
const nests = (inner: Interval | null, outer: Interval | null) => inner === null || (outer !== null && inner.low >= outer.low - 1e-9 && inner.high <= outer.high + 1e-9);
const settings = { seed: 5, numRuns: 300 };

/** Along `values`, the outcome's measure never goes the wrong way (direction −1: non-increasing). */
function monotone(sample: Arbitrary, values: number[], set: (p: BargainingParty, v: number) => BargainingParty, measure: (x: number, p: BargainingParty) => number, direction: 1 | -1): void {
  const i = chosen(sample);
  let previous: number | null = null;
  for (const v of values) {
    const problem = build(sample, (p, index) => (index === i ? set(p, v) : p));
    const x = solveBargain(problem, sample.loss).outcome;
    if (x === null) continue;
    const m = measure(x, problem.parties[i]!);
    if (previous !== null) assert.ok(direction < 0 ? m <= previous + 1e-7 : m >= previous - 1e-7, `measure ${m} after ${previous}`);
    previous = m;
  }
}

function intervalsNest(sample: Arbitrary, values: number[], set: (p: BargainingParty, v: number) => BargainingParty): void {
  const i = chosen(sample);
  let previous: Interval | null | undefined;
  for (const v of values) {
    const problem = build(sample, (p, index) => (index === i ? set(p, v) : p));
    const interval = partyInterval(problem.parties[i]!, problem.disagreement.get(`p${i}`)!, sample.loss, 0, 100);
    if (previous !== undefined) assert.ok(nests(interval, previous), 'the interval grew');
    previous = interval;
  }
}

describe('Nash with commitments: properties (channels-spec §12.4, fast-check, seed 5)', () => {
  it('N-P1 (Muthoo): raising κ_i never moves x* away from i\'s side of its red line, and I_i nests', () => {
    fc.assert(
      fc.property(arbitraryProblem, (sample) => {
        const p = sample.parties[chosen(sample)]!;
        if (p.commitment === null) return;
        const { kind, bound } = p.commitment;
        const withCost = (q: BargainingParty, cost: number): BargainingParty => ({ ...q, commitment: { kind, bound, cost } as CommitmentState });
        monotone(sample, sample.grid, withCost, (x) => (kind === 'atLeast' ? x : -x), 1);
        intervalsNest(sample, sample.grid, withCost);
      }),
      settings,
    );
  });
  it('N-P2: |x* − x_i| is non-increasing in α_i, and I_i nests', () => {
    fc.assert(
      fc.property(arbitraryProblem, (sample) => {
        const set = (q: BargainingParty, audienceCost: number) => ({ ...q, audienceCost });
        monotone(sample, sample.grid, set, (x, q) => Math.abs(x - q.ideal), -1);
        intervalsNest(sample, sample.grid, set);
      }),
      settings,
    );
  });
  it('N-P3: with k_i = 0, α_i = 0 and no red line, x* does not depend on τ_i', () => {
    fc.assert(
      fc.property(arbitraryProblem, (sample) => {
        const i = chosen(sample);
        const outcomes = [1, 0.7, 0.3, 0.05].map((trust) =>
          solveBargain(build(sample, (p, index) => (index === i ? { ...p, trust, breachCost: 0, audienceCost: 0, commitment: null } : p)), sample.loss).outcome,
        );
        for (const x of outcomes) {
          assert.equal(x === null, outcomes[0] === null);
          if (x !== null) assert.ok(Math.abs(x - outcomes[0]!) < 1e-7);
        }
      }),
      settings,
    );
  });
  it('N-P4: with k_i > 0 lower trust never moves x* away from x_i; I_i nests as τ_i falls', () => {
    const trusts = [1, 0.8, 0.6, 0.4, 0.2, 0.1];
    fc.assert(
      fc.property(arbitraryProblem, (sample) => {
        const set = (q: BargainingParty, trust: number) => ({ ...q, trust });
        intervalsNest(sample, trusts, set);
        if (sample.parties[chosen(sample)]!.breachCost > 0) monotone(sample, trusts, set, (x, q) => Math.abs(x - q.ideal), -1);
      }),
      settings,
    );
  });
  it('N-P5: |x* − x_i| is non-decreasing in h_i; I_i nests as h_i falls', () => {
    fc.assert(
      fc.property(arbitraryProblem, (sample) => {
        const hurts = sample.grid.map((g) => (g / 3) * 0.8);
        const set = (q: BargainingParty, hurt: number) => ({ ...q, hurt });
        monotone(sample, hurts, set, (x, q) => Math.abs(x - q.ideal), 1);
        intervalsNest(sample, [...hurts].reverse(), set);
      }),
      settings,
    );
  });
  it('N-P6: a win-set clamps the unconstrained deal into [lo, hi] ∩ F, or leaves no agreement', () => {
    fc.assert(
      fc.property(arbitraryProblem, unit(), unit(), (sample, a, b) => {
        const [lo, hi] = [Math.min(a, b) * 100, Math.max(a, b) * 100];
        const base = solveBargain(build(sample), sample.loss);
        if (base.outcome === null) return;
        const clamped = solveBargain({ ...build(sample), winSets: [{ ratifier: 'r', for: 'p0', low: lo, high: hi }] }, sample.loss);
        const low = Math.max(lo, base.feasible!.low);
        const high = Math.min(hi, base.feasible!.high);
        if (low < high) close(clamped.outcome, Math.min(Math.max(base.outcome, low), high), 1e-7);
        else assert.equal(clamped.outcome, null);
      }),
      settings,
    );
  });
  it('N-P7: reflecting positions, status quo and red lines reflects x*', () => {
    fc.assert(
      fc.property(arbitraryProblem, (sample) => {
        const base = solveBargain(build(sample), sample.loss).outcome;
        const mirrored: Arbitrary = {
          ...sample,
          statusQuo: 100 - sample.statusQuo,
          parties: sample.parties.map((p) => ({
            ...p,
            ideal: 100 - p.ideal,
            commitment: p.commitment === null ? null : { kind: p.commitment.kind === 'atLeast' ? 'atMost' : 'atLeast', bound: 100 - p.commitment.bound, cost: p.commitment.cost },
          })),
        };
        const reflected = solveBargain(build(mirrored), sample.loss).outcome;
        assert.equal(reflected === null, base === null);
        if (base !== null) assert.ok(Math.abs(100 - reflected! - base) < 1e-7);
      }),
      settings,
    );
  });
});
