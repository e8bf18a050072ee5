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
 * Whatever the order offers are considered in, remaining ties go to the proposer listed first in the scenario.
 */
import type { Move } from '../../../src/models/model.js';

export type OfferChoice = 'least-move' | 'highest-eu' | 'scholz-code';

/** The offer kinds in order of preference (index = rank). */
export const offerKinds: readonly Move['kind'][] = ['conflict-lost', 'compromise', 'capitulation'];

/** Compares two numbers with a tolerance: −1 if a is clearly smaller, 1 if clearly larger, else 0. */
function compareWithin(a: number, b: number, tolerance: number): number {
  if (a < b - tolerance) return -1;
  if (a > b + tolerance) return 1;
  return 0;
}

/**
 * The best offer each receiver has seen so far, one slot per actor, in typed arrays: the round loop
 * considers up to n² offers and allocates nothing for them.
 */
export class OfferTable {
  /** Index in `offerKinds` of the best offer's kind; −1 when the receiver has none. */
  readonly rank: Int8Array;
  readonly proposer: Int32Array;
  readonly proposerPosition: Float64Array;
  /** Where the receiver would move. */
  readonly to: Float64Array;
  /** a = EU_{receiver→proposer}. */
  readonly expectedUtility: Float64Array;
  /** b = EU_{proposer→receiver}, as the receiver sees it. */
  readonly otherExpectedUtility: Float64Array;

  /** Which rule `consider` applies (set per run: tables are reused across runs). */
  rule: OfferChoice = 'least-move';

  constructor(size: number) {
    this.rank = new Int8Array(size).fill(-1);
    this.proposer = new Int32Array(size);
    this.proposerPosition = new Float64Array(size);
    this.to = new Float64Array(size);
    this.expectedUtility = new Float64Array(size);
    this.otherExpectedUtility = new Float64Array(size);
  }

  clear(): void {
    this.rank.fill(-1);
  }

  /**
   * Receiver (at `from`) is offered a move to `to` by `proposer`; keeps it if it beats the incumbent.
   * `range` scales the distance tolerance.
   */
  consider(receiver: number, rank: number, proposer: number, proposerPosition: number, to: number, a: number, b: number, from: number, range: number): void {
    if (this.rank[receiver]! >= 0 && !this.beats(receiver, rank, proposer, proposerPosition, to, a, b, from, range)) return;
    this.rank[receiver] = rank;
    this.proposer[receiver] = proposer;
    this.proposerPosition[receiver] = proposerPosition;
    this.to[receiver] = to;
    this.expectedUtility[receiver] = a;
    this.otherExpectedUtility[receiver] = b;
  }

  /**
   * True when no offer from `distance` away can beat the receiver's incumbent, so the dyad need not be
   * evaluated: the incumbent is a lost conflict (no other kind beats it) and, by `least-move` or
   * `scholz-code`, a lost conflict farther away loses to it (`beats` would say so, to the bit).
   * `highest-eu` ranks by EU first: never settled early.
   */
  settledAgainst(receiver: number, distance: number, from: number, range: number): boolean {
    if (this.rank[receiver] !== 0 || this.rule === 'highest-eu') return false;
    const incumbentMove = Math.abs(this.to[receiver]! - from);
    return this.rule === 'scholz-code' ? distance > incumbentMove : distance > incumbentMove + 1e-12 * range;
  }

  /** True when the candidate offer beats the receiver's incumbent under the rule (see the file comment). */
  private beats(receiver: number, rank: number, proposer: number, proposerPosition: number, to: number, a: number, b: number, from: number, range: number): boolean {
    const byCategory = rank - this.rank[receiver]!;
    if (byCategory !== 0) return byCategory < 0;
    const listedFirst = proposer < this.proposer[receiver]!;
    const incumbentTo = this.to[receiver]!;
    if (this.rule === 'scholz-code') {
      const mine = scholzCodeKey(rank, to, a, b, proposerPosition, from);
      const theirs = scholzCodeKey(rank, incumbentTo, this.expectedUtility[receiver]!, this.otherExpectedUtility[receiver]!, this.proposerPosition[receiver]!, from);
      return mine !== theirs ? mine < theirs : listedFirst;
    }
    const byMove = compareWithin(Math.abs(to - from), Math.abs(incumbentTo - from), 1e-12 * range);
    const byEu = this.rule === 'highest-eu' ? compareWithin(this.otherExpectedUtility[receiver]!, b, 1e-12) : 0;
    if (byEu !== 0) return byEu < 0;
    return byMove !== 0 ? byMove < 0 : listedFirst;
  }
}

/** Scholz's code's key (smaller wins): the move for a lost conflict, the weighted position for a compromise. */
function scholzCodeKey(rank: number, to: number, a: number, b: number, proposerPosition: number, from: number): number {
  if (offerKinds[rank] !== 'compromise') return Math.abs(to - from);
  const weightOfFrom = Math.abs(a);
  const weightOfProposer = Math.abs(b);
  return (weightOfFrom * from + weightOfProposer * proposerPosition) / (weightOfFrom + weightOfProposer);
}
