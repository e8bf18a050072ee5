/**
 * The preallocated arrays an issue's rounds work in, so that a round allocates nothing per dyad.
 */
import { ChannelWork } from './channels/work.js';
import { OfferReach } from './offerReach.js';
import { OfferTable } from './offers.js';
import type { EumOptions } from './options.js';
import { PositionGroups } from './positionGroups.js';
import { ProbabilityTables } from './probability.js';
import { ReceiverScratch } from './receiverScratch.js';
import { SecurityScratch } from './security.js';

/**
 * The ordered dyads of one round, kept only when dyads are reported: every one (cell receiver·n + other),
 * or only those of one actor (`focus`, the `dyadsOf` option): cell `other` when it is the receiver,
 * n + receiver when it is the other (2n cells).
 */
export class DyadStore {
  readonly probability: Float64Array;
  readonly expectedUtility: Float64Array;
  readonly otherExpectedUtility: Float64Array;
  /** Codes into `perceptionCodes` (dyadTable.ts). */
  readonly perception: Uint8Array;
  /** The offer position, NaN when the dyad offers none. */
  readonly offer: Float64Array;
  /** With channels: today's offer position before the adjustment (channels-spec §7.4). */
  readonly baseOffer: Float64Array;

  /** The actor whose dyads are kept (its index), null for every dyad, −1 for none (it takes no part). */
  readonly focus: number | null;

  constructor(private readonly size: number, focus: number | null = null) {
    this.focus = focus;
    const cells = focus === null ? size * size : 2 * size;
    this.probability = new Float64Array(cells);
    this.expectedUtility = new Float64Array(cells);
    this.otherExpectedUtility = new Float64Array(cells);
    this.perception = new Uint8Array(cells);
    this.offer = new Float64Array(cells);
    this.baseOffer = new Float64Array(cells);
  }

  /** Where receiver's view of the dyad with `other` is kept, −1 when it is not. */
  cell(receiver: number, other: number): number {
    const { focus, size } = this;
    if (focus === null) return receiver * size + other;
    if (receiver === focus) return other;
    return other === focus ? size + receiver : -1;
  }
}

/**
 * The preallocated arrays of an issue's rounds. `groups` must hold the current positions' groups when a
 * round starts (the engine regroups after every round, for the median). Every array is written before it
 * is read in each round.
 */
export class RoundWorkspace {
  readonly groups: PositionGroups;
  readonly tables: ProbabilityTables;
  readonly offers: OfferTable;
  /** The distances at which each receiver can receive an offer (offerReach.ts; prepared by the receiver pass). */
  readonly reach: OfferReach;
  dyads: DyadStore | undefined;
  /**
   * Whether the rounds find their offers receiver by receiver (receiverPass.ts): when only offers matter
   * (no dyads kept, or those of one actor) and both EUs a receiver compares are its own (perceived, Q = 1).
   */
  receiverPass = false;
  /** Refusals and base targets of a round with channels (a run with a channel schedule). */
  channelWork: ChannelWork | undefined;
  /** The receiver pass's scratch (when `receiverPass`). */
  receiverScratch: ReceiverScratch | undefined;
  readonly unitRisk: Float64Array;
  readonly securityScratch: SecurityScratch;
  readonly statusQuo: Float64Array;
  readonly security: Float64Array;
  readonly risk: Float64Array;
  /** Two buffers for the positions a round produces: each round writes the one its input is not. */
  private readonly nextPositions: [Float64Array, Float64Array];

  constructor(readonly size: number) {
    this.groups = new PositionGroups(size);
    this.tables = new ProbabilityTables(size);
    this.offers = new OfferTable(size);
    this.reach = new OfferReach(size);
    this.unitRisk = new Float64Array(size).fill(1);
    this.securityScratch = new SecurityScratch(size);
    this.statusQuo = new Float64Array(size);
    this.security = new Float64Array(size);
    this.risk = new Float64Array(size);
    this.nextPositions = [new Float64Array(size), new Float64Array(size)];
    this.channelWork = undefined;
    this.receiverScratch = undefined;
  }

  /** The channel workspace, cleared for a new round (the run was prepared with channels). */
  channelRound(): void {
    this.channelWork!.clear(this.offers.rule);
  }

  /** A buffer for the positions after a round that starts from `current` (never `current` itself). */
  positionsAfter(current: Float64Array): Float64Array {
    return current === this.nextPositions[0] ? this.nextPositions[1] : this.nextPositions[0];
  }

  /**
   * Readies the workspace for a run with these options; `focus`: the index of `dyadsOf` in this run (−1:
   * absent); `channels`: the run has a channel schedule. Everything the rounds need is allocated here, so
   * that the first round costs what the others do.
   */
  prepare(options: EumOptions, focus: number, channels: boolean): this {
    this.offers.rule = options.offerChoice;
    this.dyads = options.dyads ? new DyadStore(this.size, options.dyadsOf === undefined ? null : focus) : undefined;
    this.receiverPass = (this.dyads === undefined || this.dyads.focus !== null) && options.perspective === 'perceived' && options.Q === 1;
    this.receiverScratch = this.receiverPass ? new ReceiverScratch(this.size, channels) : undefined;
    this.channelWork = channels ? new ChannelWork(this.size) : undefined;
    return this;
  }
}

/** A fresh workspace for one run (O(n) memory, plus the kept dyads when asked for): nothing is kept between runs. */
export function workspaceFor(ids: readonly string[], options: EumOptions, channels: boolean): RoundWorkspace {
  const focus = options.dyadsOf === undefined ? -1 : ids.indexOf(options.dyadsOf);
  return new RoundWorkspace(ids.length).prepare(options, focus, channels);
}
