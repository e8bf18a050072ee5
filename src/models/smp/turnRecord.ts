/**
 * What a turn of the SMP keeps for the forecast, column by column: the bargains proposed and what each
 * actor took. O(n) numbers per turn in a dozen typed arrays, rather than an object and two small
 * arrays per bargain and an object per choice (≈ 165 KB of JS heap per turn at 200 actors, all of it
 * surviving into the old generation and growing V8's young generation with the number of turns;
 * issue 16, item 4). smp.ts turns them into the forecast's SmpBargain / SmpChoice objects.
 */

/** Whose estimate of the contest a bargain interpolates with (the bargain model); codes are indices. */
export const perspectives = ['initiator', 'receiver', 'compromise'] as const;
export type Perspective = (typeof perspectives)[number];

/** The bargains of one turn; bargain p's points are entries [p·m, p·m + m) of the position columns. */
export class SmpProposals {
  count = 0;
  readonly initiator: Int32Array;
  readonly receiver: Int32Array;
  /** Codes into `perspectives`. */
  readonly perspective: Uint8Array;
  /** The initiator's estimate that it prevails over the receiver. */
  readonly probability: Float64Array;
  /** The initiator's expected gain from the challenge (its best target's value). */
  readonly expectedGain: Float64Array;
  /** The initiator's estimate of the receiver's change in utility from the challenge. */
  readonly receiverExpectedGain: Float64Array;
  /** The positions offered to the initiator and to the receiver (m coordinates each, on [0, 1]). */
  readonly initiatorPositions: Float64Array;
  readonly receiverPositions: Float64Array;

  /** Room for `capacity` bargains in an m-dimensional space. */
  constructor(
    capacity: number,
    readonly dimensions: number,
  ) {
    this.initiator = new Int32Array(capacity);
    this.receiver = new Int32Array(capacity);
    this.perspective = new Uint8Array(capacity);
    this.probability = new Float64Array(capacity);
    this.expectedGain = new Float64Array(capacity);
    this.receiverExpectedGain = new Float64Array(capacity);
    this.initiatorPositions = new Float64Array(capacity * dimensions);
    this.receiverPositions = new Float64Array(capacity * dimensions);
  }

  add(
    initiator: number,
    receiver: number,
    perspective: Perspective,
    probability: number,
    expectedGain: number,
    receiverExpectedGain: number,
    initiatorPosition: Float64Array,
    receiverPosition: Float64Array,
  ): void {
    const p = this.count++;
    this.initiator[p] = initiator;
    this.receiver[p] = receiver;
    this.perspective[p] = perspectives.indexOf(perspective);
    this.probability[p] = probability;
    this.expectedGain[p] = expectedGain;
    this.receiverExpectedGain[p] = receiverExpectedGain;
    this.initiatorPositions.set(initiatorPosition, p * this.dimensions);
    this.receiverPositions.set(receiverPosition, p * this.dimensions);
  }

  /** The point bargain p offers to `actor` (its initiator or its receiver), as a view. */
  pointFor(p: number, actor: number): Float64Array {
    const m = this.dimensions;
    return (this.initiator[p] === actor ? this.initiatorPositions : this.receiverPositions).subarray(p * m, p * m + m);
  }

  /** A copy holding exactly the bargains added (what the turn keeps). */
  trimmed(): SmpProposals {
    const copy = new SmpProposals(this.count, this.dimensions);
    copy.count = this.count;
    const m = this.dimensions;
    copy.initiator.set(this.initiator.subarray(0, this.count));
    copy.receiver.set(this.receiver.subarray(0, this.count));
    copy.perspective.set(this.perspective.subarray(0, this.count));
    copy.probability.set(this.probability.subarray(0, this.count));
    copy.expectedGain.set(this.expectedGain.subarray(0, this.count));
    copy.receiverExpectedGain.set(this.receiverExpectedGain.subarray(0, this.count));
    copy.initiatorPositions.set(this.initiatorPositions.subarray(0, this.count * m));
    copy.receiverPositions.set(this.receiverPositions.subarray(0, this.count * m));
    return copy;
  }
}

/** What each actor k took in one turn (entry k). */
export class SmpChoices {
  /** The bargain taken, −1 when the actor stayed put. */
  readonly proposal: Int32Array;
  /** The probability of the chosen option in the actor's queue. */
  readonly probability: Float64Array;
  /** The number of options in the queue, the status quo included. */
  readonly options: Int32Array;

  constructor(actors: number) {
    this.proposal = new Int32Array(actors);
    this.probability = new Float64Array(actors);
    this.options = new Int32Array(actors);
  }
}
