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
 * `prepareScholzCode`, the prefix table that makes its O(log m) lookups possible, kept at every fourth
 * voter count, or for the security pass, which reads each row once in order, no table at all: a streamed
 * pass, O(m)). Every value is the same expression on the same sums as when the rows were kept in a
 * table: the same bits.
 */
import { firstAtLeast, type PositionGroups } from './positionGroups.js';
import { power } from './utility.js';

type Rule = 'paper' | 'scholz2011-code';

/**
 * The scholz-code table keeps pref_p(t) only at every 2^CHECKPOINT_SHIFT-th voter count t (a quarter of
 * the cells: less memory to fill, to fault in and to miss in the cache); a read at another t adds the
 * h of the voters after the checkpoint below it, in voter order: the build's own sum, to the bit.
 */
const CHECKPOINT_SHIFT = 2;
const CHECKPOINT_MASK = (1 << CHECKPOINT_SHIFT) - 1;

/** The arrays of Scholz's code's probabilities (prepareScholzCode), O(n) each. */
class ScholzCodeBuffers {
  /**
   * Checkpoint-major: packed[checkpointStart[c] + p − firstRow[c]] = pref_p(c · 2^CHECKPOINT_SHIFT), for the
   * rows p in firstRow[c] … lastRowOf[c], those whose window holds checkpoint c (see windows).
   */
  readonly checkpointStart: Float64Array;
  readonly firstRow: Float64Array;
  readonly lastRowOf: Float64Array;
  /** The voters in position order (the table's t): position, weight and risk exponent, for `prefix`. */
  readonly voterPosition: Float64Array;
  readonly voterWeight: Float64Array;
  readonly voterRisk: Float64Array;
  /** The positions between sentinels: bounded[0] = −∞, bounded[p + 1] = values[p], bounded[m + 1] = +∞ (see walk). */
  readonly bounded: Float64Array;
  /** streamedCount[p], streamedSum[p]: the last voter count pref_p was read at in a streamed pass, and pref_p there. */
  readonly streamedCount: Float64Array;
  readonly streamedSum: Float64Array;
  /** total[p] = Σ over all voters of h_voter(values[p]) (the table's column n). */
  readonly total: Float64Array;

  constructor(size: number) {
    const checkpoints = (size >> CHECKPOINT_SHIFT) + 2;
    this.checkpointStart = new Float64Array(checkpoints);
    this.firstRow = new Float64Array(checkpoints);
    this.lastRowOf = new Float64Array(checkpoints);
    this.voterPosition = new Float64Array(size);
    this.voterWeight = new Float64Array(size);
    this.voterRisk = new Float64Array(size);
    this.bounded = new Float64Array(size + 2);
    this.streamedCount = new Float64Array(size);
    this.streamedSum = new Float64Array(size);
    this.total = new Float64Array(size);
  }
}

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
  private counts: Float64Array = new Float64Array(0);
  // Sums behind the probabilities.
  private readonly groupWeight: Float64Array;
  private readonly groupWeightedPosition: Float64Array;
  private readonly W: Float64Array;
  private readonly WX: Float64Array;
  private readonly votersBelow: Float64Array;
  private origin = 0;
  private Z = 0;
  // scholz-code: the packed prefix table (see prepareScholzCode) and its arrays (ScholzCodeBuffers).
  private packed: Float64Array | undefined;
  private buffers: ScholzCodeBuffers | undefined;
  /** R, for `prefix`. */
  private range = 1;
  /**
   * A streamed pass (`prepareScholzCode(…, true)`): no table; rows come in increasing order and pref_p is
   * carried forward from one read to the next (streamedRow). lastRow: the last row served.
   */
  private streamed = false;
  private lastRow = -1;

  constructor(private readonly size: number) {
    this.lowerWins = new Float64Array(size);
    this.upperWins = new Float64Array(size);
    this.groupWeight = new Float64Array(size);
    this.groupWeightedPosition = new Float64Array(size);
    this.W = new Float64Array(size + 1);
    this.WX = new Float64Array(size + 1);
    this.votersBelow = new Float64Array(size + 1);
  }

  /** The arrays only Scholz's code reads, created on its first pass: a paper-rule run never allocates them. */
  private scholzBuffers(): ScholzCodeBuffers {
    return (this.buffers ??= new ScholzCodeBuffers(this.size));
  }

  /** Makes `lowerWins`/`upperWins` hold the row of position `lower` (a no-op when they already do). */
  row(lower: number): void {
    if (lower === this.current) return;
    this.current = lower;
    if (this.rule === 'paper') this.paperRow(lower);
    else if (this.streamed) this.streamedRow(lower);
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
    const { m, Z, values, votersBelow, lowerWins, upperWins } = this;
    if (!(Z > 0)) {
      lowerWins.fill(0, 0, m);
      upperWins.fill(0, 0, m);
      return;
    }
    const { total } = this.scholzBuffers();
    const totalA = total[pa]!;
    let firstNotBelow = pa + 1;
    // pref_pa along the row: its voter counts only grow, so each one extends the last (the same sums).
    let countA = 0;
    let prefixA = 0;
    for (let pb = pa + 1; pb < m; pb++) {
      const midpoint = (values[pa]! + values[pb]!) / 2;
      firstNotBelow = firstAtLeast(values, midpoint, firstNotBelow, pb);
      const firstAbove = values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
      const below = votersBelow[firstNotBelow]!;
      const fromAbove = votersBelow[firstAbove]!;
      prefixA = pb === pa + 1 ? this.prefix(pa, below) : this.extend(pa, prefixA, countA, below);
      countA = below;
      const prefixB = this.prefix(pb, below);
      // Votes for pa (voters below the midpoint) and for pb (voters above it), before max(0, ·).
      lowerWins[pb] = Math.max(0, prefixB - prefixA) / Z;
      const aboveA = this.extend(pa, prefixA, below, fromAbove);
      const aboveB = this.extend(pb, prefixB, below, fromAbove);
      upperWins[pb] = Math.max(0, totalA - aboveA - (total[pb]! - aboveB)) / Z;
    }
  }

  /**
   * One row of Scholz's code's P in a streamed pass, without a table. Along a row the voter count below
   * the midpoint only grows with the upper position, and for a fixed upper position it only grows with
   * the lower one (the midpoint grows, and the search starts above the lower position); the counts
   * position p is read at as an upper (≤ votersBelow[p]) come before those of its own row
   * (≥ votersBelow[p + 1]). So with the rows in increasing order, each pref_p extends the one read last
   * (`extend`): the chain of additions the table's build makes, the same sums to the bit, O(n) work per
   * position in all. The count above the midpoint (`fromAbove`, past the voters at the midpoint) can
   * exceed the next pair's count below, so it is reached from the kept sum without being kept.
   */
  private streamedRow(pa: number): void {
    const { m, Z, values, votersBelow, lowerWins, upperWins } = this;
    const { total, streamedCount, streamedSum } = this.scholzBuffers();
    if (pa <= this.lastRow) throw new Error('internal: a streamed pass serves its rows once each, in increasing order');
    this.lastRow = pa;
    if (!(Z > 0)) {
      lowerWins.fill(0, 0, m);
      upperWins.fill(0, 0, m);
      return;
    }
    const totalA = total[pa]!;
    let countA = streamedCount[pa]!;
    let prefixA = streamedSum[pa]!;
    let firstNotBelow = pa + 1;
    for (let pb = pa + 1; pb < m; pb++) {
      const midpoint = (values[pa]! + values[pb]!) / 2;
      firstNotBelow = firstAtLeast(values, midpoint, firstNotBelow, pb);
      const firstAbove = values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
      const below = votersBelow[firstNotBelow]!;
      const fromAbove = votersBelow[firstAbove]!;
      prefixA = this.extend(pa, prefixA, countA, below);
      countA = below;
      const prefixB = this.extend(pb, streamedSum[pb]!, streamedCount[pb]!, below);
      streamedSum[pb] = prefixB;
      streamedCount[pb] = below;
      // Votes for pa (voters below the midpoint) and for pb (voters above it), before max(0, ·).
      lowerWins[pb] = Math.max(0, prefixB - prefixA) / Z;
      const aboveA = this.extend(pa, prefixA, below, fromAbove);
      const aboveB = this.extend(pb, prefixB, below, fromAbove);
      upperWins[pb] = Math.max(0, totalA - aboveA - (total[pb]! - aboveB)) / Z;
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
    } else if (this.streamed) {
      throw new Error('internal: a streamed pass serves whole rows only');
    } else if (!(this.Z > 0)) {
      this.lowerWon = 0;
      this.upperWon = 0;
    } else {
      const { votersBelow, Z } = this;
      this.lowerWon = Math.max(0, this.votesForLower(lower, upper, votersBelow[firstNotBelow]!)) / Z;
      this.upperWon = Math.max(0, this.votesForUpper(lower, upper, votersBelow[firstAbove]!)) / Z;
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
   * table for spread positions), the same sums to the bit, and only at every fourth voter count (see
   * CHECKPOINT_SHIFT). The build adds each voter's h to the running sums total[p] (as a streamed pass
   * does) and copies them, every fourth voter, into that checkpoint's stretch of the table: one
   * contiguous copy, since the rows whose window holds a checkpoint are consecutive.
   *
   * `streamed`: no table at all, for a pass that reads every row once, in increasing order (the security
   * pass, securitySums): only the totals and Z are prepared, and the rows carry each pref_p forward
   * (streamedRow). O(m) memory.
   */
  prepareScholzCode(groups: PositionGroups, positionsByActor: ArrayLike<number>, weightsByActor: ArrayLike<number>, riskByActor: ArrayLike<number>, range: number, streamed = false): void {
    const { values, counts, groupOf, actorsByPosition } = groups;
    const m = groups.count;
    this.begin('scholz2011-code', groups);
    const n = this.size;
    const { votersBelow } = this;
    const { total, voterPosition, voterWeight, voterRisk } = this.scholzBuffers();
    for (let p = 0; p < m; p++) votersBelow[p + 1] = votersBelow[p]! + counts[p]!;
    for (let t = 0; t < n; t++) {
      const voter = actorsByPosition[t]!;
      voterPosition[t] = positionsByActor[voter]!;
      voterWeight[t] = weightsByActor[voter]!;
      voterRisk[t] = riskByActor[voter]!;
    }
    this.range = range;
    this.streamed = streamed;
    const { bounded } = this.scholzBuffers();
    bounded[0] = -Infinity;
    for (let p = 0; p < m; p++) bounded[p + 1] = values[p]!;
    bounded[m + 1] = Infinity;
    if (streamed) {
      this.prepareStreamed(groups, positionsByActor, weightsByActor, riskByActor);
      return;
    }
    const packed = this.windows(m);
    const { checkpointStart, firstRow, lastRowOf } = this.scholzBuffers();
    total.fill(0, 0, m);
    // pref_p(0) = 0.
    if (lastRowOf[0]! >= firstRow[0]!) packed.fill(0, checkpointStart[0]!, checkpointStart[0]! + lastRowOf[0]! - firstRow[0]! + 1);
    let Z = 0;
    for (let t = 0; t < n; t++) {
      const voter = actorsByPosition[t]!;
      Z += 2 * this.walk(positionsByActor[voter]!, weightsByActor[voter]!, riskByActor[voter]!, groupOf[voter]!);
      const count = t + 1;
      if ((count & CHECKPOINT_MASK) !== 0) continue;
      const c = count >> CHECKPOINT_SHIFT;
      const from = firstRow[c]!;
      const to = lastRowOf[c]! + 1;
      if (to > from) packed.set(total.subarray(from, to), checkpointStart[c]!);
    }
    this.Z = Z;
  }

  /**
   * The totals and Z of a streamed pass: the same walk as the table's build (the same h, the same order of
   * every sum: total[p] adds the voters in order), without the table.
   */
  private prepareStreamed(groups: PositionGroups, positionsByActor: ArrayLike<number>, weightsByActor: ArrayLike<number>, riskByActor: ArrayLike<number>): void {
    const { groupOf, actorsByPosition } = groups;
    const m = groups.count;
    const { total, streamedCount, streamedSum } = this.scholzBuffers();
    total.fill(0, 0, m);
    streamedCount.fill(0, 0, m);
    streamedSum.fill(0, 0, m);
    this.lastRow = -1;
    let Z = 0;
    for (let t = 0; t < this.size; t++) {
      const voter = actorsByPosition[t]!;
      Z += 2 * this.walk(positionsByActor[voter]!, weightsByActor[voter]!, riskByActor[voter]!, groupOf[voter]!);
    }
    this.Z = Z;
  }

  /**
   * One voter (at x, weight w, exponent r, in group `group`): h = w (|x − values[p]| / R)^r at every
   * position p, added to the running sum total[p] (the voters come in position order). Returns the voter's Σ over pairs of actors of |h(x_u) − h(x_v)| / 2: the
   * positions walked outward from x, the nearer side first (the right one on a tie), come in increasing h,
   * so each adds count · (h · seenCount − seenSum). The walk is branch-free: `bounded` holds the positions
   * between −∞ and +∞ sentinels (bounded[p + 1] = values[p]), so a side that has run out is never the nearer.
   */
  private walk(x: number, w: number, r: number, group: number): number {
    const { m, values, counts, range } = this;
    const { total, bounded } = this.scholzBuffers();
    let seenCount = 0;
    let seenSum = 0;
    let pairSum = 0;
    // Indices into `bounded`: the next position on each side is values[left − 1] and values[right − 1].
    let left = group;
    let right = group + 1;
    for (let step = 0; step < m; step++) {
      const takeRight = +(bounded[right]! - x <= x - bounded[left]!);
      const p = left + takeRight * (right - left) - 1;
      right += takeRight;
      left -= 1 - takeRight;
      const distance = Math.abs(x - values[p]!) / range;
      const h = w * power(distance, r);
      total[p]! += h;
      const count = counts[p]!;
      pairSum += count * (h * seenCount - seenSum);
      seenCount += count;
      seenSum += count * h;
    }
    return pairSum;
  }

  /**
   * Row p's window of voter counts (see prepareScholzCode): from the count below the midpoint of
   * (values[0], values[p]) to the count up to the midpoint of (values[p], values[m − 1]), found by the same
   * searches as the pairs'; kept at the checkpoints c from ⌊low / 4⌋ to ⌊high / 4⌋. Checkpoint c's rows
   * run from the first row whose last checkpoint is ≥ c to the last row whose first checkpoint is ≤ c
   * (the windows grow with p, so those are the rows that hold c; any row that holds c lies between them
   * in any case). Returns the packed table, grown when needed.
   */
  private windows(m: number): Float64Array {
    const { values, votersBelow } = this;
    const { checkpointStart, firstRow, lastRowOf } = this.scholzBuffers();
    const checkpoints = (this.size >> CHECKPOINT_SHIFT) + 1;
    const firstAbove = (lower: number, upper: number): number => {
      const midpoint = (values[lower]! + values[upper]!) / 2;
      const firstNotBelow = firstAtLeast(values, midpoint, lower + 1, upper);
      return values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
    };
    const firstNotBelow = (lower: number, upper: number): number => firstAtLeast(values, (values[lower]! + values[upper]!) / 2, lower + 1, upper);
    const lowCheckpoint = (p: number): number => (p > 0 ? votersBelow[firstNotBelow(0, p)]! : votersBelow[1]!) >> CHECKPOINT_SHIFT;
    const highCheckpoint = (p: number): number => (p < m - 1 ? votersBelow[firstAbove(p, m - 1)]! : votersBelow[firstAbove(m - 2, m - 1)]!) >> CHECKPOINT_SHIFT;
    // No pair, no read (m < 2): every checkpoint empty.
    firstRow.fill(m, 0, checkpoints);
    lastRowOf.fill(-1, 0, checkpoints);
    if (m >= 2) {
      // firstRow[c]: the first p whose highest checkpoint, or an earlier row's, reaches c.
      let c = 0;
      let reach = -1;
      for (let p = 0; p < m; p++) {
        reach = Math.max(reach, highCheckpoint(p));
        for (; c <= reach && c < checkpoints; c++) firstRow[c] = p;
      }
      // lastRowOf[c]: the last p whose lowest checkpoint, or a later row's, is ≤ c.
      c = checkpoints - 1;
      let lowest = Infinity;
      for (let p = m - 1; p >= 0; p--) {
        lowest = Math.min(lowest, lowCheckpoint(p));
        for (; c >= lowest && c >= 0; c--) lastRowOf[c] = p;
      }
    }
    let cells = 0;
    for (let c = 0; c < checkpoints; c++) {
      checkpointStart[c] = cells;
      cells += Math.max(0, lastRowOf[c]! - firstRow[c]! + 1);
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
    const { total } = this.scholzBuffers();
    for (let p = 0; p < this.m; p++) largest = Math.max(largest, total[p]!);
    return largest / this.Z;
  }

  /**
   * pref_p(t) = Σ over the first t voters of h_voter(values[p]): the checkpoint at or below t, then the h
   * of the voters after it (h = w (|x − values[p]| / R)^r, as the build computes it), added in voter order.
   */
  private prefix(p: number, t: number): number {
    const checkpoint = t >> CHECKPOINT_SHIFT;
    const { checkpointStart, firstRow } = this.scholzBuffers();
    return this.extend(p, this.packed![checkpointStart[checkpoint]! + p - firstRow[checkpoint]!]!, checkpoint << CHECKPOINT_SHIFT, t);
  }

  /** pref_p(to) from sum = pref_p(from), from ≤ to: the h of voters from … to − 1 added in voter order. */
  private extend(p: number, sum: number, from: number, to: number): number {
    const value = this.values[p]!;
    const { range } = this;
    const { voterPosition, voterWeight, voterRisk } = this.scholzBuffers();
    for (let u = from; u < to; u++) sum += voterWeight[u]! * power(Math.abs(voterPosition[u]! - value) / range, voterRisk[u]!);
    return sum;
  }

  /** Scholz's code: Σ of the votes for the lower position pa over pb (voters below the midpoint), before max(0, ·). */
  private votesForLower(pa: number, pb: number, below: number): number {
    return this.prefix(pb, below) - this.prefix(pa, below);
  }

  /** Scholz's code: Σ of the votes for the upper position pb over pa (voters above the midpoint), before max(0, ·). */
  private votesForUpper(pa: number, pb: number, fromAbove: number): number {
    const { total } = this.scholzBuffers();
    return total[pa]! - this.prefix(pa, fromAbove) - (total[pb]! - this.prefix(pb, fromAbove));
  }

  private begin(rule: Rule, groups: PositionGroups): void {
    this.rule = rule;
    this.values = groups.values;
    this.counts = groups.counts;
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


/** Cumulative sums of values[0..count) into sums (index p covers values 0..p−1). */
function cumulative(values: Float64Array, count: number, sums: Float64Array): void {
  sums[0] = 0;
  for (let p = 0; p < count; p++) sums[p + 1] = sums[p]! + values[p]!;
}
