/**
 * Votes, coalitions, victory probabilities and the probability that each option is the Condorcet
 * winner (the "PCE") — KTAB's `Model::vote`, `coalitions`, `vProb`, `condPCE`, `markovUniformPCE`,
 * `markovIncentivePCE` and `scalarPCE` (ktab-smp.md, turn setup steps 1–3 and "Resolution").
 * Matrices are dense row-major Float64Arrays; operation order follows KTAB so results match it.
 */
import type { PceModel, VictoryProbModel, VotingRule } from './options.js';

/** Width of the linear ramp of the Binary voting rule (KTAB's sTol). */
const binaryRamp = 1e-8;
/** Floor of every coalition, so no probability is 0/0 (KTAB's minC). */
const minCoalition = 1e-8;

/**
 * Where a PCE's options × options matrices are made, each call returning a zeroed array of the given
 * length: fresh arrays (`freshMatrices`), or a run's reused storage (SmpWorkspace.pce, workspace.ts).
 */
export interface PceMatrices {
  coalitions(length: number): Float64Array;
  victory(length: number): Float64Array;
  incentive(length: number): Float64Array;
  challenge(length: number): Float64Array;
}

const fresh = (length: number) => new Float64Array(length);
export const freshMatrices: PceMatrices = Object.freeze({ coalitions: fresh, victory: fresh, incentive: fresh, challenge: fresh });

/**
 * The vote of an actor of weight w for option a over option b, from its utilities for them
 * (du = u_a − u_b): Binary w·clip(du/1e-8), PropBin w·(0.8du + 0.2·binary), Prop w·du,
 * PropCbc w·(du + du³)/2, Cubic w·du³, ASymProsp w·du for losses and (2/3)·w·du for gains.
 */
export function vote(rule: VotingRule, weight: number, utilityA: number, utilityB: number): number {
  const du = utilityA - utilityB;
  let binary = du / binaryRamp;
  binary = binary > 1 ? 1 : binary;
  binary = binary < -1 ? -1 : binary;
  switch (rule) {
    case 'Binary':
      return weight * binary;
    case 'PropBin':
      return weight * ((1 - 0.2) * du + 0.2 * binary);
    case 'Prop':
      return weight * du;
    case 'PropCbc':
      return weight * ((1 - 0.5) * du + 0.5 * (du * du * du));
    case 'Cubic':
      return weight * (du * du * du);
    case 'ASymProsp':
      if (du < 0) return weight * du;
      if (du > 0) return (2.0 * weight * du) / 3.0;
      return 0;
  }
  // Never reached with a valid rule. Without it `vote` could return undefined, and V8 would then box every
  // vote of the O(n³) challenge loop in a fresh HeapNumber (≈ 240 MB of garbage per turn at 200 actors).
  throw new Error(`unknown voting rule: ${String(rule)}`);
}

/**
 * P(1 beats 2) from coalition strengths s1, s2: x1/(x1 + x2) with x = s (Linear), s², s⁴, s⁸, or, for
 * Binary, certain victory beyond a 10% advantage and a linear ramp inside it.
 */
export function victoryProbability(model: VictoryProbModel, s1: number, s2: number): number {
  let x1 = 0;
  let x2 = 0;
  switch (model) {
    case 'Linear':
      x1 = s1;
      x2 = s2;
      break;
    case 'Square':
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case 'Quartic':
      x1 = s1 * s1 * (s1 * s1);
      x2 = s2 * s2 * (s2 * s2);
      break;
    case 'Octic': {
      const q1 = s1 * s1 * (s1 * s1);
      const q2 = s2 * s2 * (s2 * s2);
      x1 = q1 * q1;
      x2 = q2 * q2;
      break;
    }
    case 'Binary': {
      const threshold = 1.1;
      if (s1 >= threshold * s2) {
        x1 = 1.0;
        x2 = 1e-6;
      } else if (s2 >= threshold * s1) {
        x1 = 1e-6;
        x2 = 1.0;
      } else {
        const share = s1 / (s1 + s2);
        const p12 = (share * (threshold + 1.0) - 1.0) / (threshold - 1.0);
        x1 = p12;
        x2 = 1 - p12;
      }
      break;
    }
  }
  return x1 / (x1 + x2);
}

/**
 * Coalition strengths c(i, j) = floor + Σ_k max(0, v_k(i, j)) over the voters k, for options i ≠ j;
 * `voteOf(k, i, j)` is voter k's vote for i over j. The diagonal holds the floor.
 */
export function coalitions(
  voteOf: (voter: number, i: number, j: number) => number,
  voters: number,
  options: number,
  c: Float64Array = new Float64Array(options * options),
): Float64Array {
  for (let i = 0; i < options; i++) {
    for (let j = 0; j < i; j++) {
      let cij = minCoalition;
      let cji = minCoalition;
      for (let k = 0; k < voters; k++) {
        const v = voteOf(k, i, j);
        if (v > 0) cij = cij + v;
        if (v < 0) cji = cji - v;
      }
      c[i * options + j] = cij;
      c[j * options + i] = cji;
    }
    c[i * options + i] = minCoalition;
  }
  return c;
}

/**
 * Coalitions of weighted voters over options judged by a utility matrix u (voters × options, row-major):
 * voter k votes `vote(rule, w_k, u[k,i], u[k,j])`. Written into `c` (options × options) when given.
 */
export function utilityCoalitions(
  rule: VotingRule,
  weights: ArrayLike<number>,
  utilities: ArrayLike<number>,
  voters: number,
  options: number,
  c: Float64Array = new Float64Array(options * options),
): Float64Array {
  if (rule === 'Prop') {
    // The common case, inlined: the same arithmetic as `vote` without the call per voter.
    for (let i = 0; i < options; i++) {
      for (let j = 0; j < i; j++) {
        let cij = minCoalition;
        let cji = minCoalition;
        for (let k = 0; k < voters; k++) {
          const v = weights[k]! * (utilities[k * options + i]! - utilities[k * options + j]!);
          if (v > 0) cij = cij + v;
          if (v < 0) cji = cji - v;
        }
        c[i * options + j] = cij;
        c[j * options + i] = cji;
      }
      c[i * options + i] = minCoalition;
    }
    return c;
  }
  return coalitions((k, i, j) => vote(rule, weights[k]!, utilities[k * options + i]!, utilities[k * options + j]!), voters, options, c);
}

/** The square matrix of P(i beats j) from coalition strengths; P(i beats i) = 1/2. Written into `p` when given. */
export function victoryMatrix(model: VictoryProbModel, c: Float64Array, options: number, p: Float64Array = new Float64Array(options * options)): Float64Array {
  for (let i = 0; i < options; i++) {
    for (let j = 0; j < i; j++) {
      const pij = victoryProbability(model, c[i * options + j]!, c[j * options + i]!);
      p[i * options + j] = pij;
      p[j * options + i] = victoryProbabilityComplement(model, c[i * options + j]!, c[j * options + i]!);
    }
    p[i * options + i] = 0.5;
  }
  return p;
}

/** P(2 beats 1) computed as KTAB does (x2/(x1 + x2), not 1 − P(1 beats 2)), to keep its rounding. */
function victoryProbabilityComplement(model: VictoryProbModel, s1: number, s2: number): number {
  if (model === 'Binary') {
    const threshold = 1.1;
    if (s1 >= threshold * s2) return 1e-6 / (1.0 + 1e-6);
    if (s2 >= threshold * s1) return 1.0 / (1e-6 + 1.0);
    const share = s1 / (s1 + s2);
    const p12 = (share * (threshold + 1.0) - 1.0) / (threshold - 1.0);
    return (1 - p12) / (p12 + (1 - p12));
  }
  return victoryProbability(model, s2, s1);
}

/** Conditional PCE: p_i ∝ Π_j P(i beats j), normalised (the probability that i beats every alternative). */
export function conditionalPce(victory: Float64Array, options: number): Float64Array {
  const p = new Float64Array(options);
  let total = 0;
  for (let i = 0; i < options; i++) {
    let pi = 1.0;
    for (let j = 0; j < options; j++) pi = pi * victory[i * options + j]!;
    p[i] = pi;
  }
  for (let i = 0; i < options; i++) total = total + p[i]!;
  for (let i = 0; i < options; i++) p[i] = p[i]! / total;
  return p;
}

/** The iteration cap of the Markov PCEs (KTAB's iMax; 10–30 iterations are typical). */
const markovIterationCap = 1000;

/**
 * Markov PCE with uniform challenges: q_i = (1/n) Σ_j P(i beats j)(p_i + p_j), iterated with damping
 * p ← (p + q)/2 until no entry changes by more than 1e-6.
 */
export function markovUniformPce(victory: Float64Array, options: number): Float64Array {
  let p = new Float64Array(options).fill(1.0 / options);
  const q = new Float64Array(options);
  let change = 1.0;
  for (let iteration = 0; change > 1e-6 && iteration < markovIterationCap; iteration++) {
    change = 0;
    for (let i = 0; i < options; i++) {
      let pi = 0.0;
      for (let j = 0; j < options; j++) pi = pi + victory[i * options + j]! * (p[i]! + p[j]!);
      q[i] = pi / options;
      const c = Math.abs(q[i]! - p[i]!);
      change = c > change ? c : change;
    }
    p = p.map((value, i) => (value + q[i]!) / 2.0);
  }
  return p;
}

/**
 * Markov PCE with challenges in proportion to the incentive to challenge, s_ij·P(i beats j) (KTAB's
 * "Markov Voting with Incentives"), iterated with damping until no entry changes by more than 1e-8.
 */
export function markovIncentivePce(c: Float64Array, victory: Float64Array, options: number, matrices: PceMatrices = freshMatrices): Float64Array {
  const incentive = matrices.incentive(options * options);
  for (let i = 0; i < options; i++) {
    for (let j = 0; j < options; j++) {
      incentive[i * options + j] = c[i * options + j]! * victory[i * options + j]! + (i === j ? 1e-10 : 0);
    }
  }
  const challenge = matrices.challenge(options * options);
  for (let j = 0; j < options; j++) {
    let sum = 0.0;
    for (let k = 0; k < options; k++) sum = sum + incentive[k * options + j]!;
    for (let i = 0; i < options; i++) challenge[i * options + j] = incentive[i * options + j]! / sum;
  }
  let p = new Float64Array(options).fill(1.0 / options);
  const q = new Float64Array(options);
  let change = 1.0;
  for (let iteration = 0; change > 1e-8 && iteration < markovIterationCap; iteration++) {
    change = 0.0;
    for (let i = 0; i < options; i++) {
      let qi = 0.0;
      for (let j = 0; j < options; j++) {
        const flow = p[i]! * challenge[j * options + i]! + p[j]! * challenge[i * options + j]!;
        qi = qi + victory[i * options + j]! * flow;
      }
      q[i] = qi;
      const d = Math.abs(qi - p[i]!);
      change = d > change ? d : change;
    }
    p = p.map((value, i) => (value + q[i]!) / 2.0);
  }
  return p;
}

/** The probability of each option being the outcome, from coalition strengths (KTAB `probCE2`); the matrices from `matrices`. */
export function outcomeProbabilities(
  pce: PceModel,
  victoryModel: VictoryProbModel,
  c: Float64Array,
  options: number,
  matrices: PceMatrices = freshMatrices,
): Float64Array {
  const victory = victoryMatrix(victoryModel, c, options, matrices.victory(options * options));
  switch (pce) {
    case 'Conditional':
      return conditionalPce(victory, options);
    case 'MarkovUniform':
      return markovUniformPce(victory, options);
    case 'MarkovIncentive':
      return markovIncentivePce(c, victory, options, matrices);
  }
}

/**
 * KTAB's `scalarPCE`: weighted voters (weights w) judge options by their utilities u (voters × options);
 * returns the probability that each option is the outcome (a fresh array; the matrices from `matrices`).
 */
export function scalarPce(
  weights: ArrayLike<number>,
  utilities: ArrayLike<number>,
  voters: number,
  options: number,
  rule: VotingRule,
  victoryModel: VictoryProbModel,
  pce: PceModel,
  matrices: PceMatrices = freshMatrices,
): Float64Array {
  const c = utilityCoalitions(rule, weights, utilities, voters, options, matrices.coalitions(options * options));
  return outcomeProbabilities(pce, victoryModel, c, options, matrices);
}
