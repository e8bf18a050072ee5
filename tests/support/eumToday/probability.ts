/**
 * P_i(j), the probability that an actor at position a prevails over one at b (eum-spec.md §3.3, A1),
 * for every pair of distinct positions.
 *
 * Both rules are sums of weighted votes vote_k(a over b) = w_k [f_k(|x_k − b|) − f_k(|x_k − a|)], with
 * w_k = c_k s_k. Voter k prefers a exactly when it lies on a's side of the midpoint (a + b)/2, so the
 * positive votes are a sum over a prefix (or suffix) of the voters sorted by position: with prefix
 * sums, each pair costs O(log m) instead of O(n) (amortised O(1): along a row the midpoint moves
 * monotonically, so each search starts where the previous one ended).
 */
import { firstAtLeast, type PositionGroups } from './positionGroups.js';
import { power } from './utility.js';

/**
 * P for every pair of distinct positions lower < upper, in preallocated arrays refilled every pass.
 * Only the upper triangle is kept, row-major by the lower position (stride m), so a pass over the pairs
 * in position order reads both directions of a pair from the same place.
 */
export class ProbabilityTables {
  /** lowerWins[l·m + u] = P(values[l] beats values[u]), for l < u. */
  readonly lowerWins: Float64Array;
  /** upperWins[l·m + u] = P(values[u] beats values[l]), for l < u. */
  readonly upperWins: Float64Array;
  /** The stride: the number of distinct positions of the last pass. */
  m = 0;
  // Scratch for the sums behind the probabilities.
  private readonly groupWeight: Float64Array;
  private readonly groupWeightedPosition: Float64Array;
  private readonly W: Float64Array;
  private readonly WX: Float64Array;
  private readonly votersBelow: Float64Array;
  private prefix: Float64Array | undefined;

  constructor(private readonly size: number) {
    this.lowerWins = new Float64Array(size * size);
    this.upperWins = new Float64Array(size * size);
    this.groupWeight = new Float64Array(size);
    this.groupWeightedPosition = new Float64Array(size);
    this.W = new Float64Array(size + 1);
    this.WX = new Float64Array(size + 1);
    this.votersBelow = new Float64Array(size + 1);
  }

  /**
   * Eq. 30/31 as printed (Scholz et al. 2011), linear votes:
   *   P_i(j) = Σ_{k closer to i} w_k (|x_k − x_j| − |x_k − x_i|) / Σ_k w_k | |x_k − x_j| − |x_k − x_i| |,
   * so P_i(j) + P_j(i) = 1. When no voter's vote differs from zero, P = 1/2 (a coin toss; the paper is silent).
   *
   * For a < b and midpoint m: voters at x ≤ a give (b − a), voters in (a, m) give (a + b − 2x); voters at
   * x ≥ b give (b − a) to b, voters in (m, b) give (2x − a − b). Prefix sums of w and w·x give each in O(1).
   */
  fillPaper(groups: PositionGroups, weightsByActor: ArrayLike<number>): void {
    const { values, groupOf } = groups;
    const m = groups.count;
    this.m = m;
    const origin = m > 0 ? values[0]! : 0;
    const { groupWeight, groupWeightedPosition, W, WX, lowerWins, upperWins } = this;
    groupWeight.fill(0, 0, m);
    for (let actor = 0; actor < this.size; actor++) groupWeight[groupOf[actor]!]! += weightsByActor[actor]!;
    // Positions relative to the lowest one: avoids cancellation on scales far from 0 (e.g. years).
    for (let p = 0; p < m; p++) groupWeightedPosition[p] = groupWeight[p]! * (values[p]! - origin);
    cumulative(groupWeight, m, W);
    cumulative(groupWeightedPosition, m, WX);
    for (let lower = 0; lower < m; lower++) {
      let firstNotBelow = lower + 1;
      const a = values[lower]! - origin;
      for (let upper = lower + 1; upper < m; upper++) {
        const midpoint = (values[lower]! + values[upper]!) / 2;
        firstNotBelow = firstAtLeast(values, midpoint, firstNotBelow, upper);
        const b = values[upper]! - origin;
        const firstAbove = values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
        const forA = W[lower + 1]! * (b - a) + (a + b) * (W[firstNotBelow]! - W[lower + 1]!) - 2 * (WX[firstNotBelow]! - WX[lower + 1]!);
        const forB = (W[m]! - W[upper]!) * (b - a) + 2 * (WX[upper]! - WX[firstAbove]!) - (a + b) * (W[upper]! - W[firstAbove]!);
        const total = forA + forB;
        const won = total > 0 ? Math.min(1, Math.max(0, forA / total)) : 0.5;
        lowerWins[lower * m + upper] = won;
        upperWins[lower * m + upper] = 1 - won;
      }
    }
  }

  /**
   * Scholz's code (eum-spec.md §3.3, A1): each voter k uses its own risk exponent r_k,
   *   vote_k(a over b) = w_k [ (|x_k − b| / R)^{r_k} − (|x_k − a| / R)^{r_k} ],
   *   P(a beats b) = Σ_k max(0, vote_k(a over b)) / Z,   Z = Σ_k Σ_{actors u} Σ_{actors v} |vote_k(x_u over x_v)|.
   * Z runs over all ordered pairs of ACTORS (so shared positions count several times) and is the same for
   * every pair. P = 0 for equal positions, and when Z = 0.
   *
   * Cost: h_k(p) = w_k (|x_k − p| / R)^{r_k} is evaluated once per voter and distinct position (n·m powers),
   * kept as prefix sums over the voters sorted by position, so a pair costs O(log m). Z per voter is the sum of
   * absolute pairwise differences of its h values: walking the positions outward from the voter visits them
   * in increasing h (h is monotone in distance), which gives that sum in O(m) without sorting.
   */
  fillScholzCode(groups: PositionGroups, positionsByActor: ArrayLike<number>, weightsByActor: ArrayLike<number>, riskByActor: ArrayLike<number>, range: number): void {
    const { values, counts, groupOf, actorsByPosition } = groups;
    const m = groups.count;
    this.m = m;
    const n = this.size;
    const stride = n + 1;
    // prefix[p·stride + t] = Σ over the first t voters (by position) of h_voter(values[p]).
    const prefix = (this.prefix ??= new Float64Array(n * stride));
    let Z = 0;
    for (let t = 0; t < n; t++) {
      const voter = actorsByPosition[t]!;
      const x = positionsByActor[voter]!;
      const w = weightsByActor[voter]!;
      const r = riskByActor[voter]!;
      let seenCount = 0;
      let seenSum = 0;
      let pairSum = 0;
      let left = groupOf[voter]! - 1;
      let right = groupOf[voter]!;
      while (left >= 0 || right < m) {
        const takeRight = left < 0 || (right < m && values[right]! - x <= x - values[left]!);
        const p = takeRight ? right++ : left--;
        const distance = Math.abs(x - values[p]!) / range;
        const h = w * power(distance, r);
        prefix[p * stride + t + 1] = h;
        const count = counts[p]!;
        pairSum += count * (h * seenCount - seenSum);
        seenCount += count;
        seenSum += count * h;
      }
      Z += 2 * pairSum;
    }
    for (let p = 0; p < m; p++) {
      const row = p * stride;
      prefix[row] = 0;
      for (let t = 0; t < n; t++) prefix[row + t + 1]! += prefix[row + t]!;
    }
    const { votersBelow, lowerWins, upperWins } = this;
    for (let p = 0; p < m; p++) votersBelow[p + 1] = votersBelow[p]! + counts[p]!;
    if (!(Z > 0)) {
      lowerWins.fill(0, 0, m * m);
      upperWins.fill(0, 0, m * m);
      return;
    }
    for (let pa = 0; pa < m; pa++) {
      let firstNotBelow = pa + 1;
      const rowA = pa * stride;
      for (let pb = pa + 1; pb < m; pb++) {
        const midpoint = (values[pa]! + values[pb]!) / 2;
        firstNotBelow = firstAtLeast(values, midpoint, firstNotBelow, pb);
        const firstAbove = values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
        const below = votersBelow[firstNotBelow]!;
        const fromAbove = votersBelow[firstAbove]!;
        const rowB = pb * stride;
        const forA = prefix[rowB + below]! - prefix[rowA + below]!;
        const forB = prefix[rowA + n]! - prefix[rowA + fromAbove]! - (prefix[rowB + n]! - prefix[rowB + fromAbove]!);
        lowerWins[pa * m + pb] = Math.max(0, forA) / Z;
        upperWins[pa * m + pb] = Math.max(0, forB) / Z;
      }
    }
  }
}

/** Cumulative sums of values[0..count) into sums (index p covers values 0..p−1). */
function cumulative(values: Float64Array, count: number, sums: Float64Array): void {
  sums[0] = 0;
  for (let p = 0; p < count; p++) sums[p + 1] = sums[p]! + values[p]!;
}
