/**
 * Branches → leaves (channels-spec.md §5, B1–B2) and the mixture of leaf results (B4).
 */
import type { Branch } from '../channels/schema.js';

/** The limit on leaves (B1): beyond it, sample them with `parley sweep`. */
export const maxLeaves = 256;

/** One leaf: an outcome for each branch present in it (keyed by branch id, a null-prototype object), and its probability. */
export interface Leaf {
  choice: Readonly<Record<string, string>>;
  probability: number;
}

const emptyChoice = (): Record<string, string> => Object.create(null) as Record<string, string>;

/**
 * (B1) Every combination of outcomes, branches in file order (the first varies slowest, outcomes in
 * listed order); a branch whose `when` fails is absent from that leaf. (B2) P(ℓ) = Π chosen probabilities.
 * Stops growing past `limit` leaves (the caller reports the count).
 */
export function leavesOf(branches: readonly Branch[] | undefined, limit = Infinity): Leaf[] {
  let leaves: Leaf[] = [{ choice: emptyChoice(), probability: 1 }];
  for (const branch of branches ?? []) {
    const next: Leaf[] = [];
    for (const leaf of leaves) {
      const condition = branch.when;
      if (condition !== undefined && leaf.choice[condition.branch] !== condition.outcome) {
        next.push(leaf);
        continue;
      }
      for (const outcome of branch.outcomes) {
        const choice = Object.assign(emptyChoice(), leaf.choice);
        choice[branch.id] = outcome.id;
        next.push({ choice, probability: leaf.probability * outcome.probability });
      }
    }
    leaves = next;
    if (leaves.length > limit) return leaves;
  }
  return leaves;
}

/** `aid=passes;channel=cut`: the leaf's outcomes, branches sorted by id ("" for the single leaf). */
export function leafLabel(leaf: Leaf): string {
  return Object.keys(leaf.choice)
    .sort()
    .map((branch) => `${branch}=${leaf.choice[branch]}`)
    .join(';');
}

/** The most probable leaf's index (ties: the first in enumeration order). */
export function mostProbableLeaf(leaves: readonly Leaf[]): number {
  let best = 0;
  leaves.forEach((leaf, index) => {
    if (leaf.probability > leaves[best]!.probability) best = index;
  });
  return best;
}

/** §5.4 (sweeps): the first leaf, in enumeration order, whose cumulative probability exceeds u ∈ [0, 1). */
export function drawLeaf(leaves: readonly Leaf[], u: number): number {
  let cumulative = 0;
  for (let index = 0; index < leaves.length; index++) {
    cumulative += leaves[index]!.probability;
    if (cumulative > u) return index;
  }
  return leaves.length - 1;
}

export interface Mixture {
  mean: number;
  median: number;
  /** [value, probability] pairs, sorted by value, equal values merged. */
  distribution: [number, number][];
}

/**
 * (B4) mean Σ P(ℓ)·y_ℓ; distribution {(y, Σ P)} sorted by y; median = the smallest y whose cumulative
 * probability reaches 1/2 − 1e-12.
 */
export function mixtureOf(values: readonly { value: number; probability: number }[]): Mixture {
  let mean = 0;
  for (const { value, probability } of values) mean += value * probability;
  const merged = new Map<number, number>();
  for (const { value, probability } of values) merged.set(value, (merged.get(value) ?? 0) + probability);
  const distribution = [...merged.entries()].sort((a, b) => a[0] - b[0]);
  let cumulative = 0;
  let median = distribution.at(-1)?.[0] ?? NaN;
  for (const [value, probability] of distribution) {
    cumulative += probability;
    if (cumulative >= 0.5 - 1e-12) {
      median = value;
      break;
    }
  }
  return { mean, median, distribution };
}
