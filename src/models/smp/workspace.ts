/**
 * The arrays a run of the SMP works in, allocated once per run and reused by every turn (issue 16,
 * item 4: peak RSS flat in the number of turns). A turn needs about ten n × n matrices; made fresh,
 * they were 3.8 MB of ArrayBuffers per turn at 200 actors (15 MB at 400), freed only when a full GC
 * ran, so they piled up between collections and left the allocator's heap fragmented. Here they are
 * made by the first turn and the peak stays where that turn put it. Created by `runSmp`, passed down;
 * nothing outlives the run.
 */
import { SmpProposals } from './turnRecord.js';
import type { PceMatrices } from './voting.js';

/**
 * One Float64Array reused for arrays of varying length (a queue's utilities, a PCE's matrices):
 * `take(length)` returns its first `length` entries, zeroed as a new array would be, growing the
 * buffer (at least doubling it) when it is too short. A view taken earlier stays valid until the next
 * `take`, which may overwrite it.
 */
export class Scratch {
  private buffer: Float64Array;

  constructor(capacity: number) {
    this.buffer = new Float64Array(capacity);
  }

  take(length: number): Float64Array {
    if (this.buffer.length < length) this.buffer = new Float64Array(Math.max(length, 2 * this.buffer.length));
    const view = this.buffer.subarray(0, length);
    view.fill(0);
    return view;
  }
}

export class SmpWorkspace {
  /** d(y_i, x_j): actor i's distance from its ideal to j's position, in the state last analysed (n × n). */
  readonly distance: Float64Array;
  /** h's estimate of actor i's risk attitude, in the state last analysed (n × n, row h). */
  readonly estimatedRisks: Float64Array;
  /** The state `distance` and `estimatedRisks` describe (a turn is made only from it). */
  analysed: object | undefined;
  /** Risk-neutral utilities u(d_ij; 0) of the state being analysed (n × n). */
  readonly riskNeutral: Float64Array;
  /** The challenger's and the receiver's estimates of everyone's utilities, in proposeBargains (n × n). */
  readonly utilities: Float64Array;
  readonly receiverUtilities: Float64Array;
  /** Each actor's utility for every current position, in resolveQueues (n × n). */
  readonly ownUtility: Float64Array;
  /** Voters × options utilities: the distinct positions of a state, the bargains of a queue. */
  readonly optionUtilities: Scratch;
  /** Each actor's mean utility after each proposal (proposals × n). */
  readonly proposalUtility: Scratch;
  /** The options × options matrices of every PCE (coalitions, victory probabilities, Markov flows). */
  readonly pce: PceMatrices;
  /** The bargains of the turn being made (at most two per actor); the turn keeps a trimmed copy. */
  readonly proposals: SmpProposals;

  constructor(
    readonly actors: number,
    dimensions: number,
  ) {
    this.proposals = new SmpProposals(2 * actors, dimensions);
    const square = actors * actors;
    this.distance = new Float64Array(square);
    this.estimatedRisks = new Float64Array(square);
    this.riskNeutral = new Float64Array(square);
    this.utilities = new Float64Array(square);
    this.receiverUtilities = new Float64Array(square);
    this.ownUtility = new Float64Array(square);
    this.optionUtilities = new Scratch(square);
    this.proposalUtility = new Scratch(square);
    const coalitions = new Scratch(square);
    const victory = new Scratch(square);
    const incentive = new Scratch(0);
    const challenge = new Scratch(0);
    this.pce = {
      coalitions: (length) => coalitions.take(length),
      victory: (length) => victory.take(length),
      incentive: (length) => incentive.take(length),
      challenge: (length) => challenge.take(length),
    };
  }
}
