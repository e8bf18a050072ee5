/**
 * What a round with channels keeps beside the offer table (channels-spec.md §7.4, E6): the most
 * pressing refused offer of each receiver (by today's rule on the base moves), how many it refused,
 * and the base target of the offer it took. Preallocated per workspace.
 */
import { OfferTable } from '../offers.js';
import type { RoundWorkspace } from '../workspace.js';
import type { ChannelTable } from './table.js';

export class ChannelWork {
  readonly refused: OfferTable;
  readonly refusedCount: Int32Array;
  /** y⁰ of the offer each receiver holds in the offer table. */
  readonly baseTo: Float64Array;

  constructor(size: number) {
    this.refused = new OfferTable(size);
    this.refusedCount = new Int32Array(size);
    this.baseTo = new Float64Array(size);
  }

  clear(rule: OfferTable['rule']): void {
    this.refused.rule = rule;
    this.refused.clear();
    this.refusedCount.fill(0);
  }
}

/**
 * Receiver i is offered y⁰ by j (rank, a, b): records it in the offer table, adjusted by (E4) when a
 * channel table applies to i, or as a refusal when the adjusted move is 0 (E6). Returns the target
 * the offer asks for after the adjustment (x_i when refused).
 */
export function offerTo(
  table: ChannelTable | null,
  workspace: RoundWorkspace,
  i: number,
  rank: number,
  j: number,
  xj: number,
  baseTo: number,
  a: number,
  b: number,
  xi: number,
  range: number,
): number {
  const { offers } = workspace;
  if (table === null || table.inert[i] === 1) {
    offers.consider(i, rank, j, xj, baseTo, a, b, xi, range);
    return baseTo;
  }
  const work = workspace.channelWork!;
  const to = table.target(i, j, rank, baseTo, xi, xj);
  if (Number.isNaN(to)) {
    work.refused.consider(i, rank, j, xj, baseTo, a, b, xi, range);
    work.refusedCount[i]!++;
    return xi;
  }
  offers.consider(i, rank, j, xj, to, a, b, xi, range);
  if (offers.proposer[i] === j && offers.rank[i] === rank) work.baseTo[i] = baseTo;
  return to;
}

/**
 * The distance the settledAgainst pruning compares for receiver i and proposer j: the distance itself
 * on today's path, else a lower bound on the adjusted move (ChannelTable.pruneDistance), so that a dyad
 * is skipped only when its offer cannot beat the one i holds (§7.5).
 */
export function pruneDistance(table: ChannelTable | null, i: number, j: number, distance: number): number {
  return table === null ? distance : table.pruneDistance(i, j, distance);
}
