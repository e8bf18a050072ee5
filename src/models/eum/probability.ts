/**
 * P_i(j), the probability that an actor at position a prevails over one at b (eum-spec.md §3.3, A1),
 * for pairs of distinct positions, one row (one lower position) at a time.
 *
 * Both rules are sums of weighted votes vote_k(a over b) = w_k [f_k(|x_k − b|) − f_k(|x_k − a|)], with
 * w_k = c_k s_k. Voter k prefers a exactly when it lies on a's side of the midpoint (a + b)/2, so the
 * positive votes are a sum over a prefix (or suffix) of the voters sorted by position: with prefix
 * sums, each pair costs O(log m) instead of O(n) (amortised O(1): along a row the midpoint moves
 * monotonically, so each search starts where the previous one ended).
 *
 * Memory: no m × m table. The passes over the dyads (security.ts, dyadPass.ts) walk the pairs in position
 * order, lower position first, so they ask for one row at a time: `row(lower)` fills P for every
 * upper > lower in two arrays of length m, from sums prepared once per pass (`preparePaper`, O(m);
 * `prepareScholzCode`, the m × (n + 1) prefix table that makes its O(log m) lookups possible). Every value
 * is the same expression on the same sums as when the rows were kept in a table: the same bits.
 */
import { firstAtLeast, type PositionGroups } from './positionGroups.js';
import { power } from './utility.js';

type Rule = 'paper' | 'scholz2011-code';

/** Voters per block when the scholz-code table is built (bounds the scratch buffer: BLOCK × m values). */
const BLOCK = 32;

/** P for the pairs (lower, upper > lower) of one lower position (`row`), or for one pair (`pair`). */
export class ProbabilityTables {
  /** lowerWins[u] = P(values[lower] beats values[u]), for u > lower of the last `row(lower)`. */
  readonly lowerWins: Float64Array;
  /** upperWins[u] = P(values[u] beats values[lower]), for u > lower of the last `row(lower)`. */
  readonly upperWins: Float64Array;
  /** P(values[lower] beats values[upper]) and the reverse, of the last `pair(lower, upper)`. */
  lowerWon = 0;
  upperWon = 0;
  /** The number of distinct positions of the prepared pass. */
  m = 0;
  /** The row `lowerWins`/`upperWins` hold (−1: none since the last prepare). */
  private current = -1;
  private rule: Rule = 'paper';
  private values: Float64Array = new Float64Array(0);
  // Sums behind the probabilities.
  private readonly groupWeight: Float64Array;
  private readonly groupWeightedPosition: Float64Array;
  private readonly W: Float64Array;
  private readonly WX: Float64Array;
  private readonly votersBelow: Float64Array;
  private origin = 0;
  private Z = 0;
  // scholz-code: the packed prefix table (see prepareScholzCode).
  private packed: Float64Array | undefined;
  /** packed[start[p] + t] = Σ over the first t voters of h_voter(values[p]), for t in row p's window. */
  private readonly start: Float64Array;
  private readonly windowLow: Float64Array;
  private readonly windowHigh: Float64Array;
  /** total[p] = Σ over all voters of h_voter(values[p]) (the table's column n). */
  private readonly total: Float64Array;
  private scratch: Float64Array | undefined;

  constructor(private readonly size: number) {
    this.lowerWins = new Float64Array(size);
    this.upperWins = new Float64Array(size);
    this.groupWeight = new Float64Array(size);
    this.groupWeightedPosition = new Float64Array(size);
    this.W = new Float64Array(size + 1);
    this.WX = new Float64Array(size + 1);
    this.votersBelow = new Float64Array(size + 1);
    this.start = new Float64Array(size);
    this.windowLow = new Float64Array(size);
    this.windowHigh = new Float64Array(size);
    this.total = new Float64Array(size);
  }

  /** Makes `lowerWins`/`upperWins` hold the row of position `lower` (a no-op when they already do). */
  row(lower: number): void {
    if (lower === this.current) return;
    this.current = lower;
    if (this.rule === 'paper') this.paperRow(lower);
    else this.scholzCodeRow(lower);
  }

  /** One row of eq. 31 (see paperWon). */
  private paperRow(lower: number): void {
    const { m, origin, W, WX, values, lowerWins, upperWins } = this;
    let firstNotBelow = lower + 1;
    const lowerValue = values[lower]!;
    const a = lowerValue - origin;
    const sums: PaperRowSums = { weightUpToLower: W[lower + 1]!, weightedUpToLower: WX[lower + 1]!, weightOfAll: W[m]! };
    for (let upper = lower + 1; upper < m; upper++) {
      const upperValue = values[upper]!;
      const midpoint = (lowerValue + upperValue) / 2;
      firstNotBelow = firstAtLeast(values, midpoint, firstNotBelow, upper);
      const firstAbove = values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
      const won = paperWon(W, WX, upper, a, upperValue - origin, firstNotBelow, firstAbove, sums);
      lowerWins[upper] = won;
      upperWins[upper] = 1 - won;
    }
  }

  /** One row of Scholz's code's P, from the packed table (see scholzCodeVotes). */
  private scholzCodeRow(pa: number): void {
    const { m, Z, values, votersBelow, start, total, lowerWins, upperWins } = this;
    if (!(Z > 0)) {
      lowerWins.fill(0, 0, m);
      upperWins.fill(0, 0, m);
      return;
    }
    const packed = this.packed!;
    let firstNotBelow = pa + 1;
    for (let pb = pa + 1; pb < m; pb++) {
      const midpoint = (values[pa]! + values[pb]!) / 2;
      firstNotBelow = firstAtLeast(values, midpoint, firstNotBelow, pb);
      const firstAbove = values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
      const below = votersBelow[firstNotBelow]!;
      const fromAbove = votersBelow[firstAbove]!;
      lowerWins[pb] = Math.max(0, scholzCodeVotesForLower(packed, start, pa, pb, below)) / Z;
      upperWins[pb] = Math.max(0, scholzCodeVotesForUpper(packed, start, total, pa, pb, fromAbove)) / Z;
    }
  }

  /**
   * P for the positions lower < upper, into `lowerWon` (lower beats upper) and `upperWon`. The midpoint
   * search starts at `from`: lower + 1, or what this returned for a pair whose midpoint is not above
   * this one's (the previous upper of the same lower, the previous lower of the same upper). Returns
   * the first position not below the midpoint, for the next call. The same bits whatever `from` is.
   */
  pair(lower: number, upper: number, from: number): number {
    const { values } = this;
    const midpoint = (values[lower]! + values[upper]!) / 2;
    const firstNotBelow = firstAtLeast(values, midpoint, from > lower ? from : lower + 1, upper);
    const firstAbove = values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
    if (this.rule === 'paper') {
      const { W, WX } = this;
      const sums = { weightUpToLower: W[lower + 1]!, weightedUpToLower: WX[lower + 1]!, weightOfAll: W[this.m]! };
      const won = paperWon(W, WX, upper, values[lower]! - this.origin, values[upper]! - this.origin, firstNotBelow, firstAbove, sums);
      this.lowerWon = won;
      this.upperWon = 1 - won;
    } else if (!(this.Z > 0)) {
      this.lowerWon = 0;
      this.upperWon = 0;
    } else {
      const { votersBelow, start, total, Z } = this;
      const packed = this.packed!;
      this.lowerWon = Math.max(0, scholzCodeVotesForLower(packed, start, lower, upper, votersBelow[firstNotBelow]!)) / Z;
      this.upperWon = Math.max(0, scholzCodeVotesForUpper(packed, start, total, lower, upper, votersBelow[firstAbove]!)) / Z;
    }
    return firstNotBelow;
  }

  /**
   * Eq. 30/31 as printed (Scholz et al. 2011), linear votes:
   *   P_i(j) = Σ_{k closer to i} w_k (|x_k − x_j| − |x_k − x_i|) / Σ_k w_k | |x_k − x_j| − |x_k − x_i| |,
   * so P_i(j) + P_j(i) = 1. When no voter's vote differs from zero, P = 1/2 (a coin toss; the paper is silent).
   * Prepares the prefix sums of w and w·x over the positions (O(m)).
   */
  preparePaper(groups: PositionGroups, weightsByActor: ArrayLike<number>): void {
    const { values, groupOf } = groups;
    const m = groups.count;
    this.begin('paper', groups);
    const origin = (this.origin = m > 0 ? values[0]! : 0);
    const { groupWeight, groupWeightedPosition, W, WX } = this;
    groupWeight.fill(0, 0, m);
    for (let actor = 0; actor < this.size; actor++) groupWeight[groupOf[actor]!]! += weightsByActor[actor]!;
    // Positions relative to the lowest one: avoids cancellation on scales far from 0 (e.g. years).
    for (let p = 0; p < m; p++) groupWeightedPosition[p] = groupWeight[p]! * (values[p]! - origin);
    cumulative(groupWeight, m, W);
    cumulative(groupWeightedPosition, m, WX);
  }

  /**
   * Scholz's code (eum-spec.md §3.3, A1): each voter k uses its own risk exponent r_k,
   *   vote_k(a over b) = w_k [ (|x_k − b| / R)^{r_k} − (|x_k − a| / R)^{r_k} ],
   *   P(a beats b) = Σ_k max(0, vote_k(a over b)) / Z,   Z = Σ_k Σ_{actors u} Σ_{actors v} |vote_k(x_u over x_v)|.
   * Z runs over all ordered pairs of ACTORS (so shared positions count several times) and is the same for
   * every pair. P = 0 for equal positions, and when Z = 0.
   *
   * Cost: h_k(p) = w_k (|x_k − p| / R)^{r_k} is evaluated once per voter and distinct position (n·m powers),
   * kept as prefix sums over the voters sorted by position (pref_p(t) = Σ over the first t voters of
   * h_voter(values[p])), so a pair costs O(log m). Z per voter is the sum of absolute pairwise
   * differences of its h values: walking the positions outward from the voter visits them in increasing h
   * (h is monotone in distance), which gives that sum in O(m) without sorting.
   *
   * Memory: a pair (a, b) reads pref_a and pref_b at the voter counts below its midpoint (and at n), so
   * row p is only ever read between the counts below (values[0] + values[p]) / 2 and above
   * (values[p] + values[m − 1]) / 2: that window is all that is kept (about half of the m × (n + 1)
   * table for spread positions), the same sums to the bit. The table is built a block of voters at a time,
   * row by row, so that its writes stay in the cache.
   */
  prepareScholzCode(groups: PositionGroups, positionsByActor: ArrayLike<number>, weightsByActor: ArrayLike<number>, riskByActor: ArrayLike<number>, range: number): void {
    const { values, counts, groupOf, actorsByPosition } = groups;
    const m = groups.count;
    this.begin('scholz2011-code', groups);
    const n = this.size;
    const { votersBelow, total } = this;
    for (let p = 0; p < m; p++) votersBelow[p + 1] = votersBelow[p]! + counts[p]!;
    const packed = this.windows(m);
    const scratch = (this.scratch ??= new Float64Array(BLOCK * n));
    const { start, windowLow, windowHigh } = this;
    total.fill(0, 0, m);
    let Z = 0;
    for (let first = 0; first < n; first += BLOCK) {
      const end = Math.min(n, first + BLOCK);
      for (let t = first; t < end; t++) {
        const voter = actorsByPosition[t]!;
        const x = positionsByActor[voter]!;
        const w = weightsByActor[voter]!;
        const r = riskByActor[voter]!;
        const column = t - first;
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
          scratch[p * BLOCK + column] = h;
          const count = counts[p]!;
          pairSum += count * (h * seenCount - seenSum);
          seenCount += count;
          seenSum += count * h;
        }
        Z += 2 * pairSum;
      }
      // The running sums of each row over this block of voters; kept where the row's window is.
      for (let p = 0; p < m; p++) {
        let sum = total[p]!;
        const base = p * BLOCK - first;
        const low = windowLow[p]!;
        const high = windowHigh[p]!;
        const at = start[p]!;
        for (let t = first; t < end; t++) {
          sum += scratch[base + t]!;
          if (t + 1 >= low && t + 1 <= high) packed[at + t + 1] = sum;
        }
        total[p] = sum;
      }
    }
    this.Z = Z;
  }

  /**
   * Row p's window of voter counts (see prepareScholzCode): from the count below the midpoint of
   * (values[0], values[p]) to the count up to the midpoint of (values[p], values[m − 1]), found by the same
   * searches as the pairs'; returns the packed table, grown when needed.
   */
  private windows(m: number): Float64Array {
    const { values, votersBelow, start, windowLow, windowHigh } = this;
    const firstAbove = (lower: number, upper: number): number => {
      const midpoint = (values[lower]! + values[upper]!) / 2;
      const firstNotBelow = firstAtLeast(values, midpoint, lower + 1, upper);
      return values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
    };
    const firstNotBelow = (lower: number, upper: number): number => firstAtLeast(values, (values[lower]! + values[upper]!) / 2, lower + 1, upper);
    let cells = 0;
    for (let p = 0; p < m; p++) {
      if (m < 2) {
        windowLow[p] = 1;
        windowHigh[p] = 0;
        start[p] = 0;
        continue;
      }
      const low = p > 0 ? votersBelow[firstNotBelow(0, p)]! : votersBelow[1]!;
      const high = p < m - 1 ? votersBelow[firstAbove(p, m - 1)]! : votersBelow[firstAbove(m - 2, m - 1)]!;
      windowLow[p] = low;
      windowHigh[p] = high;
      start[p] = cells - low;
      cells += Math.max(0, high - low + 1);
    }
    if (this.packed === undefined || this.packed.length < cells) this.packed = new Float64Array(cells);
    return this.packed;
  }

  /**
   * An upper bound of every P of the prepared pass, as computed (offerReach.ts): 1 for eq. 31; for Scholz's
   * code max_p total[p] / Z. A pair's votes are a difference of sums of h ≥ 0 (sums that only grow along a
   * row, and never past the row's total), so they never exceed the larger total, and rounding is monotone.
   */
  maxProbability(): number {
    if (this.rule === 'paper') return 1;
    if (!(this.Z > 0)) return 0;
    let largest = 0;
    for (let p = 0; p < this.m; p++) largest = Math.max(largest, this.total[p]!);
    return largest / this.Z;
  }

  private begin(rule: Rule, groups: PositionGroups): void {
    this.rule = rule;
    this.values = groups.values;
    this.m = groups.count;
    this.current = -1;
  }
}

/**
 * Eq. 31 for positions a < b (relative to the lowest), midpoint between them. Voters at x ≤ a give
 * (b − a), voters in (a, mid) give (a + b − 2x); voters at x ≥ b give (b − a) to b, voters in (mid, b)
 * give (2x − a − b). Prefix sums of w and w·x (W, WX) give each in O(1). Returns P(a beats b).
 */
interface PaperRowSums {
  /** W[lower + 1], WX[lower + 1], W[m]: the same for every pair of a row (read once: the row's stores could alias them). */
  weightUpToLower: number;
  weightedUpToLower: number;
  weightOfAll: number;
}

function paperWon(W: Float64Array, WX: Float64Array, upper: number, a: number, b: number, firstNotBelow: number, firstAbove: number, sums: PaperRowSums): number {
  const { weightUpToLower, weightedUpToLower, weightOfAll } = sums;
  const forA = weightUpToLower * (b - a) + (a + b) * (W[firstNotBelow]! - weightUpToLower) - 2 * (WX[firstNotBelow]! - weightedUpToLower);
  const forB = (weightOfAll - W[upper]!) * (b - a) + 2 * (WX[upper]! - WX[firstAbove]!) - (a + b) * (W[upper]! - W[firstAbove]!);
  const total = forA + forB;
  return total > 0 ? Math.min(1, Math.max(0, forA / total)) : 0.5;
}

/** Scholz's code: Σ of the votes for the lower position pa over pb (voters below the midpoint), before max(0, ·). */
function scholzCodeVotesForLower(packed: Float64Array, start: Float64Array, pa: number, pb: number, below: number): number {
  return packed[start[pb]! + below]! - packed[start[pa]! + below]!;
}

/** Scholz's code: Σ of the votes for the upper position pb over pa (voters above the midpoint), before max(0, ·). */
function scholzCodeVotesForUpper(packed: Float64Array, start: Float64Array, total: Float64Array, pa: number, pb: number, fromAbove: number): number {
  return total[pa]! - packed[start[pa]! + fromAbove]! - (total[pb]! - packed[start[pb]! + fromAbove]!);
}

/** Cumulative sums of values[0..count) into sums (index p covers values 0..p−1). */
function cumulative(values: Float64Array, count: number, sums: Float64Array): void {
  sums[0] = 0;
  for (let p = 0; p < count; p++) sums[p + 1] = sums[p]! + values[p]!;
}
