/**
 * The distances at which a receiver can receive an offer at all, when both EUs it compares use its own
 * risk exponent (`perceived`), Q = 1 and the leading salience of b is its own (`responder`): the offer
 * passes (receiverPass.ts, dyadPass.ts `collectOffersByPair`) skip the other distances without
 * computing P or a utility (issue 16: under Scholz's code P is tiny and more than half the receivers can
 * receive no offer from anyone).
 *
 * Every offer needs b > EU_TOLERANCE (eum-spec.md §3.7; classify.ts `offerRank`), where for receiver x at
 * distance d ≤ 1 from the proposer, with r = r_x, s = s_x ≤ 1 and P = P(proposer beats x) (eqs. 15, 16,
 * 24, 25a):
 *   b = s [P U_s + (1 − P) U_f] + (1 − s) U_s − U_sq = 4 · 0.5^r · g(d; σ),
 *   g(d; σ) = 1 − (1 − σ)(1 − d)^r − σ (1 + d)^r,   σ = s (1 − P).
 * g decreases in σ, and P ≤ P_max (ProbabilityTables.maxProbability), so g(d; σ) ≤ g(d; σ_min) with
 * σ_min = s (1 − P_max) ∈ [0, 1]. g(0) = 0, and g(·; σ_min) is concave for r ≥ 1 and convex for r < 1, so
 * g(d)/d is monotone: one point d* where g(d*) < 0 is verified settles a whole side of it.
 * - r ≥ 1, σ_min ≥ 1/2: g'(0) = r (1 − 2σ_min) ≤ 0, so g ≤ 0 on [0, 1]: no offer at any d ≤ 1.
 * - r ≥ 1 otherwise: no offer for d ≥ d* (g(d) ≤ d g(d*)/d* < 0).
 * - r < 1: no offer for d ≤ d* (g(d) ≤ d g(d*)/d* < 0); if g(1) < 0, none at any d ≤ 1.
 * A point is verified when g, evaluated in floating point (error ~1e-15), is below −1e-12; b is then
 * ≤ 0 in exact arithmetic and below 1e-14 as computed, far from the 1e-12 an offer needs. Skipping such a
 * side changes nothing: it would have been evaluated and found to make no offer.
 */

/** g(d; σ) (see the file comment). */
function g(d: number, sigma: number, r: number): number {
  return 1 - (1 - sigma) * Math.pow(1 - d, r) - sigma * Math.pow(1 + d, r);
}

/** g below this, as computed, is negative in exact arithmetic (with a margin of 1e-12 over the rounding). */
const VERIFIED = -1e-12;

/** Bisection steps for d* (to 2⁻⁴⁰ of the range: the band left unpruned is negligible). */
const STEPS = 40;

/**
 * Per receiver, the open interval (low, high) of distances d ≤ 1 at which it can receive an offer;
 * `cannotReceive` is true outside it. low = Infinity: none at all; (−Infinity, Infinity): no pruning.
 */
export class OfferReach {
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** False when the round's intervals are all open (nothing to prune): the checks answer at once. */
  private pruning = false;

  constructor(size: number) {
    this.low = new Float64Array(size);
    this.high = new Float64Array(size);
  }

  /**
   * The round's intervals from the receivers' saliences and risk exponents and P_max. `applies`: false
   * when b's leading salience is not the receiver's (`as-printed`), which leaves every distance open.
   */
  prepare(salience: ArrayLike<number>, risk: ArrayLike<number>, maxProbability: number, applies: boolean): void {
    const { low, high } = this;
    const keep = 1 - maxProbability;
    // P_max = 1 (the paper rule) gives σ_min = 0 and g(d; 0) = 1 − (1 − d)^r ≥ 0: no distance can be
    // pruned, so the round skips the intervals (at n = 7 they cost a sixth of a run).
    this.pruning = applies && keep > 0;
    if (!this.pruning) return;
    for (let x = 0; x < low.length; x++) {
      const s = salience[x]!;
      const r = risk[x]!;
      low[x] = -Infinity;
      high[x] = Infinity;
      if (!applies || !(s >= 0 && s <= 1) || !(r > 0) || !(keep >= 0)) continue;
      // s (1 − P_max), rounded down (the pruning needs σ_min ≤ σ for every P ≤ P_max).
      const sigma = Math.max(0, s * keep - 1e-15);
      if (r >= 1) this.concave(x, sigma, r);
      else this.convex(x, sigma, r);
    }
  }

  /** r ≥ 1: offers only below d* (or nowhere). */
  private concave(x: number, sigma: number, r: number): void {
    if (sigma >= 0.5) {
      this.low[x] = Infinity;
      return;
    }
    this.low[x] = 0;
    if (!(g(1, sigma, r) < VERIFIED)) return;
    let positive = 0;
    let negative = 1;
    for (let step = 0; step < STEPS; step++) {
      const middle = (positive + negative) / 2;
      if (g(middle, sigma, r) < VERIFIED) negative = middle;
      else positive = middle;
    }
    this.high[x] = negative;
  }

  /** r < 1: offers only above d* (or nowhere). */
  private convex(x: number, sigma: number, r: number): void {
    if (g(1, sigma, r) < VERIFIED) {
      this.low[x] = Infinity;
      return;
    }
    this.low[x] = 0;
    // g(d)/d rises from g'(0) = r (1 − 2σ): with σ < 1/2 it is never negative, so there is nothing to
    // prune and no d* to search for (low = 0 prunes nothing, always valid). Under the paper rule P_max is
    // near 1 and σ_min near 0: this saves 40 steps (80 powers) per receiver and round.
    if (sigma < 0.5) return;
    let negative = 0;
    let positive = 1;
    for (let step = 0; step < STEPS; step++) {
      const middle = (negative + positive) / 2;
      if (g(middle, sigma, r) < VERIFIED) negative = middle;
      else positive = middle;
    }
    this.low[x] = negative;
  }

  /** True when receiver x can receive no offer from a proposer at distance d (= |x_x − x_y| / R). */
  cannotReceive(x: number, d: number): boolean {
    return this.pruning && d <= 1 && !(d > this.low[x]! && d < this.high[x]!);
  }

  /** True when receiver x can receive no offer from anyone at a distance ≤ 1. */
  receivesNothing(x: number): boolean {
    return this.pruning && this.low[x] === Infinity;
  }
}
