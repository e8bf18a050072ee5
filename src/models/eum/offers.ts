/**
 * Which of the offers an actor received it accepts (Scholz et al. 2011, §6.2; eum-spec.md §3.8, A9).
 *
 * Every rule first prefers a lost conflict, then a compromise, then a capitulation (the paper's
 * priority). Within a category:
 * - `least-move` (paper; default): the smallest |Δx|, then the proposer listed first in the scenario
 *   (this tie rule reproduces the paper-literal means of eum-spec.md §4: 7.52, 7.89, 7.16, 7.0).
 *   Distances equal within 1e-12 of the range count as equal, so the choice does not flip when the
 *   scale is reflected and rounding differs.
 * - `highest-eu` ("not equally enforceable" offers): the proposer with the highest EU as the receiver
 *   sees it, then least move, then the proposer listed first.
 * - `scholz-code`: lost conflicts by the smallest |x_j − x_i|; compromises by the smallest
 *   (|a| x_i + |b| x_j) / (|a| + |b|), a weighted position rather than a distance. It favours proposers at
 *   the low end of the scale, so it breaks mirror symmetry (spec TV1d); kept for the golden test only.
 * Offers are considered in the order actors are listed; an offer must be strictly better to replace one.
 */
import type { Move } from '../model.js';

export type OfferChoice = 'least-move' | 'highest-eu' | 'scholz-code';

export interface Offer {
  kind: Move['kind'];
  proposer: number;
  proposerPosition: number;
  /** Where the receiver would move. */
  to: number;
  /** a = EU_{receiver→proposer}. */
  expectedUtility: number;
  /** b = EU_{proposer→receiver}, as the receiver sees it. */
  otherExpectedUtility: number;
}

const categoryRank: Record<Move['kind'], number> = { 'conflict-lost': 0, compromise: 1, capitulation: 2 };

/** Compares two numbers with a tolerance: −1 if a is clearly smaller, 1 if clearly larger, else 0. */
function compareWithin(a: number, b: number, tolerance: number): number {
  if (a < b - tolerance) return -1;
  if (a > b + tolerance) return 1;
  return 0;
}

function scholzCodeKey(offer: Offer, from: number): number {
  if (offer.kind !== 'compromise') return Math.abs(offer.to - from);
  const a = Math.abs(offer.expectedUtility);
  const b = Math.abs(offer.otherExpectedUtility);
  return (a * from + b * offer.proposerPosition) / (a + b);
}

/**
 * True when `candidate` beats `incumbent` for a receiver at `from`. `range` scales the distance tolerance.
 */
export function isBetterOffer(candidate: Offer, incumbent: Offer, from: number, rule: OfferChoice, range: number): boolean {
  const byCategory = categoryRank[candidate.kind] - categoryRank[incumbent.kind];
  if (byCategory !== 0) return byCategory < 0;
  if (rule === 'scholz-code') return scholzCodeKey(candidate, from) < scholzCodeKey(incumbent, from);
  const byMove = compareWithin(Math.abs(candidate.to - from), Math.abs(incumbent.to - from), 1e-12 * range);
  if (rule === 'least-move') return byMove < 0;
  const byEu = compareWithin(incumbent.otherExpectedUtility, candidate.otherExpectedUtility, 1e-12);
  return byEu !== 0 ? byEu < 0 : byMove < 0;
}
