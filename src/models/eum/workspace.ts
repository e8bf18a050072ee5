/**
 * The preallocated arrays an issue's rounds work in, so that a round allocates nothing per dyad (and,
 * for small n, nothing per run: see `workspaceFor`).
 */
import type { Perception } from '../model.js';
import { ChannelWork } from './channels/work.js';
import { OfferTable } from './offers.js';
import type { EumOptions } from './options.js';
import { PositionGroups } from './positionGroups.js';
import { ProbabilityTables } from './probability.js';

/** The ordered dyads of one round, by receiver·n + other, kept only when dyads are reported. */
export class DyadStore {
  readonly probability: Float64Array;
  readonly expectedUtility: Float64Array;
  readonly otherExpectedUtility: Float64Array;
  readonly perception: Perception[];
  /** The offer position, NaN when the dyad offers none. */
  readonly offer: Float64Array;
  /** With channels: today's offer position before the adjustment (channels-spec §7.4). */
  readonly baseOffer: Float64Array;

  constructor(size: number) {
    this.probability = new Float64Array(size * size);
    this.expectedUtility = new Float64Array(size * size);
    this.otherExpectedUtility = new Float64Array(size * size);
    this.perception = new Array<Perception>(size * size).fill('stalemate');
    this.offer = new Float64Array(size * size);
    this.baseOffer = new Float64Array(size * size);
  }
}

/**
 * The preallocated arrays of an issue's rounds. `groups` must hold the current positions' groups when a
 * round starts (the engine regroups after every round, for the median). Every array is written before it
 * is read in each round, so a workspace can serve one run after another (see `workspaceFor`).
 */
export class RoundWorkspace {
  readonly groups: PositionGroups;
  readonly tables: ProbabilityTables;
  readonly offers: OfferTable;
  dyads: DyadStore | undefined;
  /** Refusals and base targets of a round with channels (created on first use). */
  channelWork: ChannelWork | undefined;
  readonly unitRisk: Float64Array;
  readonly statusQuo: Float64Array;
  readonly security: Float64Array;
  readonly risk: Float64Array;
  /** Two buffers for the positions a round produces: each round writes the one its input is not. */
  private readonly nextPositions: [Float64Array, Float64Array];

  constructor(readonly size: number) {
    this.groups = new PositionGroups(size);
    this.tables = new ProbabilityTables(size);
    this.offers = new OfferTable(size);
    this.unitRisk = new Float64Array(size).fill(1);
    this.statusQuo = new Float64Array(size);
    this.security = new Float64Array(size);
    this.risk = new Float64Array(size);
    this.nextPositions = [new Float64Array(size), new Float64Array(size)];
    this.channelWork = undefined;
  }

  /** The channel workspace, cleared for a new round. */
  channelRound(): ChannelWork {
    this.channelWork ??= new ChannelWork(this.size);
    this.channelWork.clear(this.offers.rule);
    return this.channelWork;
  }

  /** A buffer for the positions after a round that starts from `current` (never `current` itself). */
  positionsAfter(current: Float64Array): Float64Array {
    return current === this.nextPositions[0] ? this.nextPositions[1] : this.nextPositions[0];
  }

  /** Readies the workspace for a run with these options. */
  prepare(options: EumOptions): this {
    this.offers.rule = options.offerChoice;
    if (options.dyads) this.dyads ??= new DyadStore(this.size);
    else this.dyads = undefined;
    return this;
  }
}

/**
 * Small workspaces are kept for the next run of the same size: allocating the arrays costs about as much
 * as a round at n ≈ 10, and sweeps run thousands of runs of one scenario. (Runs are synchronous, so one
 * run never meets another's workspace.) Large ones are not kept, to not hold megabytes between runs.
 */
const keptWorkspaces = new Map<number, RoundWorkspace>();
const KEEP_UP_TO_SIZE = 64;

export function workspaceFor(size: number, options: EumOptions): RoundWorkspace {
  if (size > KEEP_UP_TO_SIZE) return new RoundWorkspace(size).prepare(options);
  let workspace = keptWorkspaces.get(size);
  if (!workspace) {
    workspace = new RoundWorkspace(size);
    keptWorkspaces.set(size, workspace);
  }
  return workspace.prepare(options);
}
