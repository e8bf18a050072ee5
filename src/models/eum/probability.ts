/**
 * P_i(j), the probability that an actor at position a prevails over one at b (eum-spec.md §3.3, A1),
 * for every ordered pair of distinct positions, as an m × m table: table[a·m + b] = P(a beats b).
 *
 * Both rules are sums of weighted votes vote_k(a over b) = w_k [f_k(|x_k − b|) − f_k(|x_k − a|)], with
 * w_k = c_k s_k. Voter k prefers a exactly when it lies on a's side of the midpoint (a + b)/2, so the
 * positive votes are a sum over a prefix (or suffix) of the voters sorted by position: with prefix
 * sums, each pair costs O(log m) instead of O(n).
 */
import { firstAtLeast, type PositionGroups } from './positionGroups.js';

/** Cumulative sums over the distinct positions (index p covers positions 0..p−1). */
function cumulative(values: Float64Array): Float64Array {
  const sums = new Float64Array(values.length + 1);
  for (let p = 0; p < values.length; p++) sums[p + 1] = sums[p]! + values[p]!;
  return sums;
}

/**
 * Eq. 30/31 as printed (Scholz et al. 2011), linear votes:
 *   P_i(j) = Σ_{k closer to i} w_k (|x_k − x_j| − |x_k − x_i|) / Σ_k w_k | |x_k − x_j| − |x_k − x_i| |,
 * so P_i(j) + P_j(i) = 1. When no voter's vote differs from zero, P = 1/2 (a coin toss; the paper is silent).
 *
 * For a < b and midpoint m: voters at x ≤ a give (b − a), voters in (a, m) give (a + b − 2x); voters at
 * x ≥ b give (b − a) to b, voters in (m, b) give (2x − a − b). Prefix sums of w and w·x give each in O(1).
 */
export function paperProbabilities(groups: PositionGroups, weightsByActor: ArrayLike<number>): Float64Array {
  const { values } = groups;
  const m = values.length;
  const origin = values[0] ?? 0;
  const groupWeight = new Float64Array(m);
  const groupWeightedPosition = new Float64Array(m);
  for (let actor = 0; actor < groups.groupOf.length; actor++) {
    const p = groups.groupOf[actor]!;
    groupWeight[p]! += weightsByActor[actor]!;
  }
  // Positions relative to the lowest one: avoids cancellation on scales far from 0 (e.g. years).
  for (let p = 0; p < m; p++) groupWeightedPosition[p] = groupWeight[p]! * (values[p]! - origin);
  const W = cumulative(groupWeight);
  const WX = cumulative(groupWeightedPosition);
  const table = new Float64Array(m * m);
  for (let pa = 0; pa < m; pa++) {
    const a = values[pa]! - origin;
    for (let pb = pa + 1; pb < m; pb++) {
      const b = values[pb]! - origin;
      const midpoint = (values[pa]! + values[pb]!) / 2;
      const firstNotBelow = firstAtLeast(values, midpoint, pa + 1, pb);
      const firstAbove = values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
      const forA = W[pa + 1]! * (b - a) + (a + b) * (W[firstNotBelow]! - W[pa + 1]!) - 2 * (WX[firstNotBelow]! - WX[pa + 1]!);
      const forB = (W[m]! - W[pb]!) * (b - a) + 2 * (WX[pb]! - WX[firstAbove]!) - (a + b) * (W[pb]! - W[firstAbove]!);
      const total = forA + forB;
      const pA = total > 0 ? Math.min(1, Math.max(0, forA / total)) : 0.5;
      table[pa * m + pb] = pA;
      table[pb * m + pa] = 1 - pA;
    }
  }
  return table;
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
export function scholzCodeProbabilities(
  groups: PositionGroups,
  positionsByActor: ArrayLike<number>,
  weightsByActor: ArrayLike<number>,
  riskByActor: ArrayLike<number>,
  range: number,
): Float64Array {
  const { values, counts, groupOf, actorsByPosition } = groups;
  const m = values.length;
  const n = actorsByPosition.length;
  const stride = n + 1;
  // prefix[p·stride + t] = Σ over the first t voters (by position) of h_voter(values[p]).
  const prefix = new Float64Array(m * stride);
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
      const h = w * (r === 1 ? distance : Math.pow(distance, r));
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
    for (let t = 0; t < n; t++) prefix[row + t + 1]! += prefix[row + t]!;
  }
  const votersBelow = new Float64Array(m + 1);
  for (let p = 0; p < m; p++) votersBelow[p + 1] = votersBelow[p]! + counts[p]!;
  const table = new Float64Array(m * m);
  if (!(Z > 0)) return table;
  for (let pa = 0; pa < m; pa++) {
    for (let pb = pa + 1; pb < m; pb++) {
      const midpoint = (values[pa]! + values[pb]!) / 2;
      const firstNotBelow = firstAtLeast(values, midpoint, pa + 1, pb);
      const firstAbove = values[firstNotBelow] === midpoint ? firstNotBelow + 1 : firstNotBelow;
      const below = votersBelow[firstNotBelow]!;
      const fromAbove = votersBelow[firstAbove]!;
      const rowA = pa * stride;
      const rowB = pb * stride;
      const forA = prefix[rowB + below]! - prefix[rowA + below]!;
      const forB = prefix[rowA + n]! - prefix[rowA + fromAbove]! - (prefix[rowB + n]! - prefix[rowB + fromAbove]!);
      table[pa * m + pb] = Math.max(0, forA) / Z;
      table[pb * m + pa] = Math.max(0, forB) / Z;
    }
  }
  return table;
}
