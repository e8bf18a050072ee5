/**
 * Distances, utilities and risk attitudes of KTAB's Spatial Model of Politics (SMP), on positions
 * normalised to [0, 1] (ktab-smp.md, "Distance and utility"; KTAB `SMPModel::bvDiff`, `bsUtil`,
 * `Model::bigRfromProb`, `Model::estNRA`). Written to reproduce KTAB's floating-point results, so the
 * order of operations follows KTAB's.
 */
import type { BigRAdjust, BigRRange } from './options.js';

/**
 * Salience-weighted, normalised distance from point a to point b (both m-vectors starting at the
 * given offsets), with the saliences s of the actor who judges:
 * d = sqrt( Σ_k (s_k·(a_k − b_k))² / Σ_k s_k² ) ∈ [0, 1].
 */
export function weightedDistance(
  a: ArrayLike<number>,
  aOffset: number,
  b: ArrayLike<number>,
  bOffset: number,
  salience: ArrayLike<number>,
  salienceOffset: number,
  dimensions: number,
): number {
  let weightedSquares = 0;
  let salienceSquares = 0;
  for (let k = 0; k < dimensions; k++) {
    const s = salience[salienceOffset + k]!;
    const ds = (a[aOffset + k]! - b[bOffset + k]!) * s;
    weightedSquares += ds * ds;
    salienceSquares += s * s;
  }
  return Math.sqrt(weightedSquares / salienceSquares);
}

/**
 * Utility of a position at normalised distance d for an actor of risk attitude R ∈ [−1, 1]:
 * u = (1 − d)(1 + d·R). R = 0 is linear, R > 0 concave (risk-averse), R < 0 convex. Round-off can push
 * d slightly above 1; KTAB then uses (1 − d)(1 + R), and so does this.
 */
export function spatialUtility(distance: number, risk: number): number {
  if (distance <= 1) return (1 - distance) * (1 + distance * risk);
  return (1 - distance) * (1 + risk);
}

/**
 * Actor h's estimate of actor i's risk attitude, anchored on its own (ktab-smp.md, turn setup step 5):
 * None r_h, OneThird (2r_h + r_i)/3, Half (r_h + r_i)/2, TwoThirds (r_h + 2r_i)/3, Full r_i.
 */
export function estimatedRisk(ownRisk: number, otherRisk: number, rule: BigRAdjust): number {
  switch (rule) {
    case 'Full':
      return otherRisk;
    case 'TwoThirds':
      return (ownRisk + 2.0 * otherRisk) / 3.0;
    case 'Half':
      return (ownRisk + otherRisk) / 2;
    case 'OneThird':
      return (2.0 * ownRisk + otherRisk) / 3.0;
    case 'None':
      return ownRisk;
  }
  // Never reached with a valid rule; it keeps the result a number (see `vote` in voting.ts).
  throw new Error(`unknown risk adjustment: ${String(rule)}`);
}

/**
 * Risk attitudes read off the probabilities that each position wins (ktab-smp.md, turn setup step 4):
 * a linear map sending the likeliest position to the top of the range and the least likely to the
 * bottom. Min: [0, 1]; Mid: [−0.5, 1]; Max: [−1, 1]. When every position is equally likely the map is
 * undefined (KTAB divides by zero): everyone is then risk-neutral (R = 0).
 */
export function riskFromProbabilities(probabilities: ArrayLike<number>, range: BigRRange): Float64Array {
  let pMin = 1.0;
  let pMax = 0.0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    pMin = p < pMin ? p : pMin;
    pMax = p > pMax ? p : pMax;
  }
  const risks = new Float64Array(probabilities.length);
  if (!(pMax - pMin > 0)) return risks;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    switch (range) {
      case 'Min':
        risks[i] = (p - pMin) / (pMax - pMin);
        break;
      case 'Mid':
        risks[i] = (3 * p - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
        break;
      case 'Max':
        risks[i] = (2 * p - (pMax + pMin)) / (pMax - pMin);
        break;
    }
  }
  return risks;
}
