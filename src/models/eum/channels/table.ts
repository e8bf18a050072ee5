/**
 * One round's channel settings on one issue, in flat arrays by receiver·n + proposer: channel kind,
 * leak, trust; per actor the audience cost and the red line. `target` applies (E0–E4) to an offer.
 */
import type { ChannelTerms } from '../../model.js';
import { adjustedMove, type MoveInputs, redLineGap, type Shortfall, shortfallOf } from './adjust.js';

export const PUBLIC = 0;
export const PRIVATE = 1;

/** The rank of a compromise in `offerKinds` (conflict-lost 0, compromise 1, capitulation 2). */
const COMPROMISE = 1;

export class ChannelTable {
  /** PUBLIC or PRIVATE per ordered pair (closed pairs are in the run's `closed` array). */
  readonly kind: Uint8Array;
  readonly leak: Float64Array;
  /** τ_ij: receiver i's trust in proposer j. */
  readonly trust: Float64Array;
  readonly audienceCost: Float64Array;
  /** 0 none, 1 atLeast, 2 atMost. */
  readonly redLineKind: Uint8Array;
  readonly redLineBound: Float64Array;
  readonly redLineCost: Float64Array;
  /** 1 when nothing adjusts receiver i's moves (no α, no red line, no private pair, full trust): today's path. */
  readonly inert: Uint8Array;
  /** Receiver i's private partners: privatePartners[privateStart[i] .. privateStart[i + 1]) (filled by `seal`). */
  privateStart: Int32Array = new Int32Array(0);
  privatePartners: Int32Array = new Int32Array(0);

  constructor(readonly size: number, readonly width: number) {
    this.kind = new Uint8Array(size * size);
    this.leak = new Float64Array(size * size);
    this.trust = new Float64Array(size * size).fill(1);
    this.audienceCost = new Float64Array(size);
    this.redLineKind = new Uint8Array(size);
    this.redLineBound = new Float64Array(size);
    this.redLineCost = new Float64Array(size);
    this.inert = new Uint8Array(size);
  }

  /**
   * Marks the receivers whose moves nothing adjusts (call after filling). `withPrivatePair` flags the
   * actors with a private pair; `trustFilled` says whether any τ may differ from 1 (else rows are not scanned).
   */
  seal(withPrivatePair: Uint8Array, trustFilled: boolean): this {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      let inert = this.audienceCost[i] === 0 && this.redLineKind[i] === 0 && withPrivatePair[i] === 0;
      for (let j = 0; inert && trustFilled && j < n; j++) if (this.trust[i * n + j] !== 1) inert = false;
      this.inert[i] = inert ? 1 : 0;
    }
    this.listPrivatePartners();
    return this;
  }

  private listPrivatePartners(): void {
    const n = this.size;
    const start = new Int32Array(n + 1);
    for (let cell = 0; cell < n * n; cell++) if (this.kind[cell] === PRIVATE) start[Math.floor(cell / n) + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const partners = new Int32Array(start[n]!);
    const next = start.slice(0, n);
    for (let cell = 0; cell < n * n; cell++) if (this.kind[cell] === PRIVATE) partners[next[Math.floor(cell / n)]!++] = cell % n;
    this.privateStart = start;
    this.privatePartners = partners;
  }

  /** True when some receiver's moves are adjusted. */
  active(): boolean {
    return this.inert.some((flag) => flag === 0);
  }

  /** The inputs of (E4) for receiver i, proposer j, an offer of rank `rank` to base target y⁰. */
  inputs(i: number, j: number, rank: number, baseTo: number, xi: number, xj: number): MoveInputs {
    const cell = i * this.size + j;
    const isPrivate = this.kind[cell] === PRIVATE;
    const kind = this.redLineKind[i] === 1 ? 'atLeast' : this.redLineKind[i] === 2 ? 'atMost' : undefined;
    return {
      baseMove: Math.abs(baseTo - xi) / this.width,
      phi: rank === COMPROMISE || isPrivate ? this.trust[cell]! : 1,
      exposure: isPrivate ? this.leak[cell]! : 1,
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
    const cell = i * this.size + j;
    const width = this.width;
    const isPrivate = this.kind[cell] === PRIVATE;
    const baseMove = Math.abs(baseTo - xi) / width;
    const phi = rank === COMPROMISE || isPrivate ? this.trust[cell]! : 1;
    const exposure = isPrivate ? this.leak[cell]! : 1;
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
    const cell = i * this.size + j;
    const isPrivate = this.kind[cell] === PRIVATE;
    const phi = isPrivate ? this.trust[cell]! : 1;
    const exposure = isPrivate ? this.leak[cell]! : 1;
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
    const cell = i * this.size + j;
    const terms: ChannelTerms = { trust: this.trust[cell]!, audienceCost: this.audienceCost[i]! };
    if (this.kind[cell] === PRIVATE) terms.leak = this.leak[cell]!;
    const kind = this.redLineKind[i];
    if (kind !== 0) terms.redLine = { kind: kind === 1 ? 'atLeast' : 'atMost', bound: this.redLineBound[i]!, cost: this.redLineCost[i]! };
    return terms;
  }

  channelName(i: number, j: number): 'public' | 'private' {
    return this.kind[i * this.size + j] === PRIVATE ? 'private' : 'public';
  }
}
