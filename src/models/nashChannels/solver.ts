/**
 * Nash bargaining with commitments, audience costs, trust, hurt and win-sets (channels-spec.md §8,
 * N1–N7): the general solver behind `nash` (when an extension is active) and the deal analysis.
 * Utilities are flows per year on the scale width W (§2.5): ū_i(x) = −a_i·ℓ(|x − x_i|/W).
 * Muthoo (1996) revocation costs, Fearon (1995) commitment problem, Putnam (1988) win-sets,
 * Binmore, Rubinstein & Wolinsky (1986) impasse point.
 */
import type { CommitmentState } from '../../scenario/timeline/world.js';

export type Loss = 'linear' | 'quadratic';

export const lossOf = (loss: Loss, t: number): number => (loss === 'linear' ? Math.abs(t) : t * t);
const lossSlope = (loss: Loss, t: number): number => (loss === 'linear' ? (t >= 0 ? 1 : -1) : 2 * t);
/** ℓ⁻¹ on [0, ∞). */
export const distanceAtLoss = (loss: Loss, value: number): number => (loss === 'linear' ? value : Math.sqrt(value));

/** One member of the bargaining set M, as (N1)–(N3) see it. */
export interface BargainingParty {
  id: string;
  ideal: number;
  /** ω_i, the exponent in the Nash product. */
  weight: number;
  /** a_i: 1, or s_i under `weights: capability`. */
  utilityScale: number;
  /** τ_i, trust in the agreement (R3). */
  trust: number;
  /** k_i, per-year loss while a broken agreement lasts. */
  breachCost: number;
  /** h_i, per-year cost of no agreement. */
  hurt: number;
  /** α_i, cost per unit of scale of retreat at a public table. */
  audienceCost: number;
  commitment: CommitmentState | null;
  /** e: 1 at a public table, λ at a private one. */
  exposure: number;
}

/** A ratifier's win-set (N5), labelled "ρ for i". */
export interface WinSet {
  ratifier: string;
  for: string;
  /** Empty when low > high. */
  low: number;
  high: number;
}

export interface BargainingProblem {
  parties: BargainingParty[];
  /** D_i, the conflict flow (N1), by party id. */
  disagreement: Map<string, number>;
  winSets: WinSet[];
  min: number;
  max: number;
  /** False when the table is closed. */
  open: boolean;
}

export interface Interval {
  low: number;
  high: number;
}

export interface Bound {
  value: number;
  /** A party id, or "ρ for i" for a win-set. */
  owner: string;
}

export type Blocking =
  | { kind: 'closed' }
  | { kind: 'none-acceptable'; actors: string[] }
  | { kind: 'no-overlap'; lowest: Bound; highest: Bound };

export interface BargainingSolution {
  /** x*, or null: no agreement (N7). */
  outcome: number | null;
  /** I_i by party id (null: empty). */
  intervals: Map<string, Interval | null>;
  /** F, when non-empty. */
  feasible: Interval | null;
  blocking: Blocking | null;
}

/** (N1) ū_i(x) = −a_i·ℓ(|x − x_i|/W). */
export function utility(party: Pick<BargainingParty, 'ideal' | 'utilityScale'>, x: number, loss: Loss, width: number): number {
  return -party.utilityScale * lossOf(loss, (x - party.ideal) / width);
}

/** (N2) pen_i(x): the distance beyond the red line, in scale widths. */
export function penalty(commitment: CommitmentState | null, x: number, width: number): number {
  if (commitment === null) return 0;
  return commitment.kind === 'atLeast' ? Math.max(0, commitment.bound - x) / width : Math.max(0, x - commitment.bound) / width;
}

/** The four parts of G_i(x) (N3, D6): terms τ(ū − D), breach −(1−τ)k, audience −eα|x − x_i|/W, red line −eκ·pen. */
export interface GainParts {
  terms: number;
  breach: number;
  audience: number;
  redLine: number;
}

export function gainParts(party: BargainingParty, x: number, disagreement: number, loss: Loss, width: number): GainParts {
  return {
    terms: party.trust * (utility(party, x, loss, width) - disagreement),
    breach: -(1 - party.trust) * party.breachCost,
    audience: -party.exposure * party.audienceCost * (Math.abs(x - party.ideal) / width),
    redLine: -party.exposure * (party.commitment?.cost ?? 0) * penalty(party.commitment, x, width),
  };
}

/** (N3) G_i(x) = τ_i(ū_i(x) − D_i) − (1 − τ_i)k_i − e(α_i|x − x_i|/W + κ_i pen_i(x)). */
export function gain(party: BargainingParty, x: number, disagreement: number, loss: Loss, width: number): number {
  const parts = gainParts(party, x, disagreement, loss, width);
  return parts.terms + parts.breach + parts.audience + parts.redLine;
}

/** The right derivative of G_i at x. */
function gainSlope(party: BargainingParty, x: number, loss: Loss, width: number): number {
  const du = (-party.utilityScale * lossSlope(loss, (x - party.ideal) / width)) / width;
  const da = (party.audienceCost * (x >= party.ideal ? 1 : -1)) / width;
  const commitment = party.commitment;
  let dp = 0;
  if (commitment !== null) {
    if (commitment.kind === 'atLeast') dp = x < commitment.bound ? -1 / width : 0;
    else dp = x >= commitment.bound ? 1 / width : 0;
  }
  return party.trust * du - party.exposure * (da + (commitment?.cost ?? 0) * dp);
}

/** (N4) {x ∈ [min, max] : g(x) > 0} for a concave g maximal at `ideal`, by bisection of each edge; null when empty. */
export function acceptableInterval(g: (x: number) => number, ideal: number, min: number, max: number): Interval | null {
  const centre = Math.min(Math.max(ideal, min), max);
  if (!(g(centre) > 0)) return null;
  const edge = (inside: number, outside: number): number => {
    if (g(outside) > 0) return outside;
    for (let step = 0; step < 200; step++) {
      const middle = (inside + outside) / 2;
      if (middle === inside || middle === outside) break;
      if (g(middle) > 0) inside = middle;
      else outside = middle;
    }
    return inside;
  };
  return { low: edge(centre, min), high: edge(centre, max) };
}

/** I_i of one party (N4). */
export function partyInterval(party: BargainingParty, disagreement: number, loss: Loss, min: number, max: number): Interval | null {
  const width = max - min;
  return acceptableInterval((x) => gain(party, x, disagreement, loss, width), party.ideal, min, max);
}

/** (N5) W_ρ = {x : ū_ρ(x) ≥ D_ρ} = |x − x_ρ| ≤ W·ℓ⁻¹(−D_ρ/a_ρ), cut to the scale. */
export function winSetOf(ratifier: string, member: string, ideal: number, utilityScale: number, disagreement: number, loss: Loss, min: number, max: number): WinSet {
  const value = -disagreement / utilityScale;
  if (!(value >= 0)) return { ratifier, for: member, low: max, high: min };
  const radius = distanceAtLoss(loss, value) * (max - min);
  return { ratifier, for: member, low: Math.max(min, ideal - radius), high: Math.min(max, ideal + radius) };
}

export const winSetLabel = (winSet: WinSet): string => `${winSet.ratifier} for ${winSet.for}`;

/** Bisection on the sign of the right derivative of a concave objective; linear loss snaps to a kink within 1e-9·|F| (N6). */
function maximise(slope: (x: number) => number, low: number, high: number, loss: Loss, kinks: readonly number[]): number {
  let left = low;
  let right = high;
  for (let step = 0; step < 200 && right - left > 1e-13 * Math.max(1, Math.abs(left), Math.abs(right)); step++) {
    const middle = (left + right) / 2;
    if (middle <= left || middle >= right) break;
    if (slope(middle) > 0) left = middle;
    else right = middle;
  }
  const found = (left + right) / 2;
  if (loss === 'quadratic') return found;
  const tolerance = 1e-9 * Math.max(1, high - low);
  return kinks.find((kink) => Math.abs(kink - found) <= tolerance) ?? found;
}

/**
 * (N6) F = ∩ I_i ∩ ∩ W_ρ; x* = argmax_{x ∈ F} Σ ω_i ln G_i(x). (N7) Empty F or a closed table: no agreement,
 * with who blocks: every member whose I_i is empty, else the highest lower bound and the lowest upper bound.
 */
export function solveBargain(problem: BargainingProblem, loss: Loss): BargainingSolution {
  const { parties, min, max } = problem;
  const width = max - min;
  const intervals = new Map<string, Interval | null>();
  const solution: BargainingSolution = { outcome: null, intervals, feasible: null, blocking: null };
  if (!problem.open) {
    solution.blocking = { kind: 'closed' };
    return solution;
  }
  const D = (party: BargainingParty): number => problem.disagreement.get(party.id)!;
  const bounds: { low: Bound; high: Bound }[] = [];
  const empty: string[] = [];
  for (const party of parties) {
    const interval = partyInterval(party, D(party), loss, min, max);
    intervals.set(party.id, interval);
    if (interval === null) empty.push(party.id);
    else bounds.push({ low: { value: interval.low, owner: party.id }, high: { value: interval.high, owner: party.id } });
  }
  if (empty.length > 0) {
    solution.blocking = { kind: 'none-acceptable', actors: empty };
    return solution;
  }
  for (const winSet of problem.winSets) bounds.push({ low: { value: winSet.low, owner: winSetLabel(winSet) }, high: { value: winSet.high, owner: winSetLabel(winSet) } });
  let lowest = bounds[0]?.low ?? { value: min, owner: '' };
  let highest = bounds[0]?.high ?? { value: max, owner: '' };
  for (const bound of bounds) {
    if (bound.low.value > lowest.value) lowest = bound.low;
    if (bound.high.value < highest.value) highest = bound.high;
  }
  const low = Math.max(min, lowest.value);
  const high = Math.min(max, highest.value);
  if (!(low < high)) {
    solution.blocking = { kind: 'no-overlap', lowest, highest };
    return solution;
  }
  solution.feasible = { low, high };
  const first = parties[0]!.ideal;
  if (parties.every((party) => party.ideal === first) && low <= first && first <= high) {
    solution.outcome = first;
    return solution;
  }
  const slope = (x: number): number => {
    let sum = 0;
    for (const party of parties) {
      const g = gain(party, x, D(party), loss, width);
      const gs = gainSlope(party, x, loss, width);
      if (g <= 0) return gs < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      sum += (party.weight * gs) / g;
    }
    return sum;
  };
  const kinks = [...parties.map((party) => party.ideal), ...parties.flatMap((party) => (party.commitment ? [party.commitment.bound] : []))];
  solution.outcome = maximise(slope, low, high, loss, kinks);
  return solution;
}
