/**
 * One round's channel settings on one issue: per actor the audience cost and the red line; per pair
 * the channel (public unless listed private, with its leak) and the trust (the prior's unless a record
 * or an estimate is about the proposer), in O(n) memory plus the private pairs and judged columns.
 * `target` applies (E0–E4) to an offer.
 */
import type { ChannelTerms } from '../../model.js';
import { adjustedMove, type MoveInputs, redLineGap, type Shortfall, shortfallOf } from './adjust.js';

/** The rank of a compromise in `offerKinds` (conflict-lost 0, compromise 1, capitulation 2). */
const COMPROMISE = 1;

export class ChannelTable {
  readonly audienceCost: Float64Array;
  /** 0 none, 1 atLeast, 2 atMost. */
  readonly redLineKind: Uint8Array;
  readonly redLineBound: Float64Array;
  readonly redLineCost: Float64Array;
  /**
   * 1 when nothing adjusts receiver i's moves (no α, no red line, full trust): today's path. A private
   * pair alone adjusts nothing: with τ = 1 and α = 0, E1–E4 give φ = 1 and e·α = 0, so m* = m⁰.
   */
  readonly inert: Uint8Array;
  /**
   * 1 when receiver i has no audience cost and no red line: an offer with φ = 1 then keeps its move
   * exactly (E4 with α = 0, g = +∞ gives m* = φm⁰), whatever its channel.
   */
  readonly unpressed: Uint8Array;
  /** τ_ij for a proposer j nobody judged (no record, no estimate): the prior's (1 without trust settings). */
  priorTrust = 1;
  /** judgedColumn[j]: j's column in `judgedTrust` when some record or estimate is about j, else −1. */
  private readonly judgedColumn: Int32Array;
  private judgedCount = 0;
  /** τ_ij = judgedTrust[i · judgedCount + judgedColumn[j]] for the judged proposers j. */
  private judgedTrust: Float64Array = new Float64Array(0);
  /** The private pairs (both directions) and their leaks while the table is filled; `seal` lists them per receiver. */
  private readonly privateLeaks = new Map<number, number>();
  /** Receiver i's private partners, ascending: privatePartners[privateStart[i] .. privateStart[i + 1]), with their leaks. */
  privateStart: Int32Array = new Int32Array(0);
  privatePartners: Int32Array = new Int32Array(0);
  private privateLeak: Float64Array = new Float64Array(0);

  /** O(n) memory: the pair settings are the few private pairs and the judged proposers' columns. */
  constructor(readonly size: number, readonly width: number) {
    this.audienceCost = new Float64Array(size);
    this.redLineKind = new Uint8Array(size);
    this.redLineBound = new Float64Array(size);
    this.redLineCost = new Float64Array(size);
    this.inert = new Uint8Array(size);
    this.unpressed = new Uint8Array(size);
    this.judgedColumn = new Int32Array(size).fill(-1);
  }

  /** Makes the pair {i, j} private with leak λ (a later call for the same pair wins). */
  setPrivate(i: number, j: number, leak: number): void {
    this.privateLeaks.set(i * this.size + j, leak);
    this.privateLeaks.set(j * this.size + i, leak);
  }

  /** Gives the proposers in `judged` (indices) columns of their own, every τ_ij in them from `trust(i, j)` (τ_jj = 1). */
  setJudged(judged: readonly number[], trust: (i: number, j: number) => number): void {
    const n = this.size;
    const count = judged.length;
    this.judgedCount = count;
    this.judgedTrust = new Float64Array(n * count);
    judged.forEach((j, column) => {
      this.judgedColumn[j] = column;
      for (let i = 0; i < n; i++) this.judgedTrust[i * count + column] = i === j ? 1 : trust(i, j);
    });
  }

  /** τ_ij: receiver i's trust in proposer j. */
  trustOf(i: number, j: number): number {
    if (i === j) return 1;
    const column = this.judgedColumn[j]!;
    return column < 0 ? this.priorTrust : this.judgedTrust[i * this.judgedCount + column]!;
  }

  /** Where j is among i's private partners, −1 when the pair is public (binary search: partners are sorted). */
  private privateSlot(i: number, j: number): number {
    let low = this.privateStart[i]!;
    let high = this.privateStart[i + 1]!;
    const partners = this.privatePartners;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const partner = partners[middle]!;
      if (partner === j) return middle;
      if (partner < j) low = middle + 1;
      else high = middle;
    }
    return -1;
  }

  isPrivate(i: number, j: number): boolean {
    return this.privateStart[i + 1]! > this.privateStart[i]! && this.privateSlot(i, j) >= 0;
  }

  /**
   * Lists the private partners per receiver and marks the receivers whose moves nothing adjusts (call
   * after filling): no audience cost, no red line, and τ_ij = 1 for every j (private pairs or not).
   */
  seal(): this {
    const n = this.size;
    this.listPrivatePartners();
    const { judgedCount, judgedColumn, judgedTrust } = this;
    for (let i = 0; i < n; i++) {
      const unpressed = this.audienceCost[i] === 0 && this.redLineKind[i] === 0;
      this.unpressed[i] = unpressed ? 1 : 0;
      let inert = unpressed;
      const unjudgedOthers = n - 1 - (judgedCount - (judgedColumn[i]! >= 0 ? 1 : 0));
      if (inert && unjudgedOthers > 0 && this.priorTrust !== 1) inert = false;
      for (let column = 0; inert && column < judgedCount; column++) if (judgedTrust[i * judgedCount + column] !== 1) inert = false;
      this.inert[i] = inert ? 1 : 0;
    }
    return this;
  }

  private listPrivatePartners(): void {
    const n = this.size;
    const cells = [...this.privateLeaks.keys()].sort((a, b) => a - b);
    const start = new Int32Array(n + 1);
    for (const cell of cells) start[Math.floor(cell / n) + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    this.privateStart = start;
    this.privatePartners = Int32Array.from(cells, (cell) => cell % n);
    this.privateLeak = Float64Array.from(cells, (cell) => this.privateLeaks.get(cell)!);
  }

  /**
   * True when some receiver's moves are adjusted, or some pair is private: the round then reports what
   * channels report (holds, the dyads' channel), though a private pair alone shortens nothing.
   */
  active(): boolean {
    return this.privatePartners.length > 0 || this.inert.some((flag) => flag === 0);
  }

  /** e for receiver i and proposer j: λ_ij in a private channel, 1 in public (E2). */
  private exposureOf(i: number, j: number): number {
    if (this.privateStart[i + 1] === this.privateStart[i]) return 1;
    const slot = this.privateSlot(i, j);
    return slot < 0 ? 1 : this.privateLeak[slot]!;
  }

  /** The inputs of (E4) for receiver i, proposer j, an offer of rank `rank` to base target y⁰. */
  inputs(i: number, j: number, rank: number, baseTo: number, xi: number, xj: number): MoveInputs {
    const isPrivate = this.isPrivate(i, j);
    const kind = this.redLineKind[i] === 1 ? 'atLeast' : this.redLineKind[i] === 2 ? 'atMost' : undefined;
    return {
      baseMove: Math.abs(baseTo - xi) / this.width,
      phi: rank === COMPROMISE || isPrivate ? this.trustOf(i, j) : 1,
      exposure: isPrivate ? this.exposureOf(i, j) : 1,
      audienceCost: this.audienceCost[i]!,
      redLineCost: kind === undefined ? 0 : this.redLineCost[i]!,
      gap: redLineGap(kind, this.redLineBound[i]!, xi, xj, this.width),
    };
  }

  /**
   * (E4) The adjusted target y: y⁰ when m* = m⁰ exactly, NaN when refused (m* = 0, E6), else
   * x_i + sign(x_j − x_i)·m*·W. Inline (no allocation): it runs once per offer.
   */
  target(i: number, j: number, rank: number, baseTo: number, xi: number, xj: number): number {
    const slot = this.privateStart[i + 1] === this.privateStart[i] ? -1 : this.privateSlot(i, j);
    const phi = rank === COMPROMISE || slot >= 0 ? this.trustOf(i, j) : 1;
    return this.targetWith(i, phi, slot < 0 ? 1 : this.privateLeak[slot]!, baseTo, xi, xj);
  }

  /** `target` for given φ and e (E1, E2): with φ = e = 1, a lost conflict's target in a public channel. */
  targetWith(i: number, phi: number, exposure: number, baseTo: number, xi: number, xj: number): number {
    if (phi === 1 && this.unpressed[i] === 1) return baseTo;
    const width = this.width;
    const baseMove = Math.abs(baseTo - xi) / width;
    const line = this.redLineKind[i]!;
    const gap = line === 1 && xj < xi ? Math.max(0, xi - this.redLineBound[i]!) / width : line === 2 && xj > xi ? Math.max(0, this.redLineBound[i]! - xi) / width : Infinity;
    const pressed = phi * baseMove - exposure * this.audienceCost[i]!;
    const move = Math.max(0, Math.min(pressed, Math.max(gap, pressed - (line === 0 ? 0 : exposure * this.redLineCost[i]!))));
    if (move === baseMove) return baseTo;
    if (move === 0) return NaN;
    return xi + Math.sign(xj - xi) * move * width;
  }

  /**
   * A lower bound on the adjusted length of a lost conflict at `distance` from receiver i toward j:
   * φ·d − e·(α + κ)·W (E4 with max(g, ·) ≥ ·), less a margin of 1e-9·W. The settledAgainst pruning
   * compares it with the adjusted move i already holds, so it skips only dyads that cannot win (§7.5).
   */
  pruneDistance(i: number, j: number, distance: number): number {
    if (this.inert[i] === 1) return distance;
    const isPrivate = this.isPrivate(i, j);
    const phi = isPrivate ? this.trustOf(i, j) : 1;
    const exposure = isPrivate ? this.exposureOf(i, j) : 1;
    const costs = this.audienceCost[i]! + (this.redLineKind[i] === 0 ? 0 : this.redLineCost[i]!);
    return phi * distance - exposure * costs * this.width - 1e-9 * this.width;
  }

  /** (E5) The shortfall of an offer, split into trust, audience and red line. */
  shortfall(i: number, j: number, rank: number, baseTo: number, xi: number, xj: number): Shortfall {
    const inputs = this.inputs(i, j, rank, baseTo, xi, xj);
    return shortfallOf(inputs, adjustedMove(inputs), this.width);
  }

  /** The settings behind receiver i's offers from j, for the explanations. */
  terms(i: number, j: number): ChannelTerms {
    const terms: ChannelTerms = { trust: this.trustOf(i, j), audienceCost: this.audienceCost[i]! };
    if (this.isPrivate(i, j)) terms.leak = this.exposureOf(i, j);
    const kind = this.redLineKind[i];
    if (kind !== 0) terms.redLine = { kind: kind === 1 ? 'atLeast' : 'atMost', bound: this.redLineBound[i]!, cost: this.redLineCost[i]! };
    return terms;
  }

  channelName(i: number, j: number): 'public' | 'private' {
    return this.isPrivate(i, j) ? 'private' : 'public';
  }
}
