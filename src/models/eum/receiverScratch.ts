/**
 * The receiver pass's per-receiver scratch (receiverPass.ts): one evaluated view, the near lost
 * conflicts, the views evaluated by a search, and the private partners sorted by move. Allocated once
 * per run (workspace.ts), so that no round allocates it.
 */
/** One evaluated offer to the receiver: its rank (−1: none), a, b and where it asks the receiver to go. */
export class Evaluation {
  rank = -1;
  a = 0;
  b = 0;
  baseTo = 0;
}

/** The near lost conflicts of one receiver (proposer, a, b, adjusted move), in the order they were found. */
export class NearOffers {
  readonly proposer: Int32Array;
  readonly orderIndex: Int32Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly move: Float64Array;
  count = 0;

  constructor(size: number) {
    this.proposer = new Int32Array(size);
    this.orderIndex = new Int32Array(size);
    this.a = new Float64Array(size);
    this.b = new Float64Array(size);
    this.move = new Float64Array(size);
  }
}

/**
 * The views one receiver's search evaluated, by proposer, so that a receiver whose search fails and
 * folds every offer (foldEveryOffer) does not evaluate them twice: with channels that receiver is most
 * often one that refuses every offer and must read every dyad to show it (§7.4). An entry is valid for
 * the receiver whose stamp it carries; `rank` −1 records a dyad that makes no offer.
 */
class EvaluationCache {
  private readonly stamp: Int32Array;
  readonly rank: Int8Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly baseTo: Float64Array;
  /** The stamp of the current receiver (0 marks no entry). */
  current = 0;

  constructor(size: number) {
    this.stamp = new Int32Array(size);
    this.rank = new Int8Array(size);
    this.a = new Float64Array(size);
    this.b = new Float64Array(size);
    this.baseTo = new Float64Array(size);
  }

  /** Starts a new receiver: every entry of the previous one becomes stale. */
  nextReceiver(): void {
    this.current++;
  }

  store(proposer: number, found: boolean, evaluation: Evaluation): void {
    this.stamp[proposer] = this.current;
    this.rank[proposer] = found ? evaluation.rank : -1;
    this.a[proposer] = evaluation.a;
    this.b[proposer] = evaluation.b;
    this.baseTo[proposer] = evaluation.baseTo;
  }

  has(proposer: number): boolean {
    return this.stamp[proposer] === this.current;
  }
}

/** The round's per-receiver scratch (created once per workspace). */
export class ReceiverScratch {
  /** orderIndex[actor] = its index in groups.actorsByPosition. */
  readonly orderIndex: Int32Array;
  readonly near: NearOffers;
  readonly evaluation = new Evaluation();
  readonly cache: EvaluationCache;
  /** The current receiver's private partners and their lost conflicts' moves, by move (sortedPartnerMoves; empty without channels). */
  readonly partner: Int32Array;
  readonly partnerMove: Float64Array;

  constructor(size: number, channels: boolean) {
    this.orderIndex = new Int32Array(size);
    this.partner = new Int32Array(channels ? size : 0);
    this.partnerMove = new Float64Array(channels ? size : 0);
    this.near = new NearOffers(size);
    this.cache = new EvaluationCache(size);
  }
}
