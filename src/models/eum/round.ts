/**
 * One round of the expected utility model (Scholz et al. 2011, Appendix; eum-spec.md §3.1):
 * r = 1 → probabilities and security → risk exponents → probabilities again with them → every actor
 * reads every dyad from its own side and collects offers → each takes one → all move at once (A11).
 */
import type { Dyad, Move } from '../model.js';
import { readDyad } from './classify.js';
import { isBetterOffer, type Offer } from './offers.js';
import type { EumOptions } from './options.js';
import { groupPositions, type PositionGroups } from './positionGroups.js';
import { paperProbabilities, scholzCodeProbabilities } from './probability.js';
import { riskExponents } from './risk.js';
import {
  betterUtility,
  expectedUtilityOfChallenge,
  failureUtility,
  statusQuoTerm,
  statusQuoUtility,
  successUtility,
  worseUtility,
} from './utility.js';

export interface RoundInput {
  ids: readonly string[];
  /** Start-of-round positions. */
  positions: Float64Array;
  capability: Float64Array;
  /** Salience in [0, 1]. */
  salience: Float64Array;
  /** R, the range distances are measured against (A5); > 0. */
  range: number;
  /** μ at the start of the round (used only in U_b/U_w when Q < 1). */
  median: number;
  /** closed(i, j): i and j do not challenge or make offers to each other. */
  closed: (i: number, j: number) => boolean;
  options: EumOptions;
}

export interface RoundOutput {
  positions: Float64Array;
  security: Float64Array;
  risk: Float64Array;
  moves: Move[];
  dyads?: Dyad[];
}

function strictlyBetween(x: number, u: number, v: number): boolean {
  return u < v ? u < x && x < v : v < x && x < u;
}

/**
 * T for challenger c facing target t (A6, `geometric`): 0 if t lies strictly between c and μ (t moving to
 * μ moves away from c), or if c lies strictly between t and μ and t would end farther from c than it is;
 * 1 otherwise. Unverified against a published figure; `always` reproduces Scholz's Fig. 11.
 */
export function betterIfNoChallenge(rule: EumOptions['T'], xc: number, xt: number, median: number): number {
  if (rule === 'always') return 1;
  if (rule === 'never') return 0;
  if (strictlyBetween(xt, xc, median)) return 0;
  if (strictlyBetween(xc, xt, median) && Math.abs(xc - median) > Math.abs(xt - xc)) return 0;
  return 1;
}

/**
 * Q U_sq + (1 − Q)[T U_b + (1 − T) U_w] for challenger c against target t with exponent r: what c
 * gives up by challenging (eq. 25a). With Q = 1 it is U_sq(r), precomputed per actor.
 */
function forgone(input: RoundInput, c: number, t: number, d: number, r: number, statusQuo: number): number {
  const { Q, T } = input.options;
  if (Q === 1) return statusQuo;
  const { positions, median, range } = input;
  const dMedian = Math.abs(positions[c]! - median) / range;
  const ifNoChallenge = betterIfNoChallenge(T, positions[c]!, positions[t]!, median) === 1 ? betterUtility(d, dMedian, r) : worseUtility(d, dMedian, r);
  return statusQuoTerm(Q, statusQuo, ifNoChallenge);
}

/**
 * A2, the leading salience of a challenge c → t seen by `receiver`: `responder` takes the target's;
 * `as-printed` (eq. 25b literally) the salience of the receiver's counterpart.
 */
function leadingSalience(input: RoundInput, c: number, t: number, receiver: number): number {
  return input.options.salienceInEu === 'responder' ? input.salience[t]! : input.salience[receiver === c ? t : c]!;
}

function probabilities(input: RoundInput, groups: PositionGroups, weights: Float64Array, risk: Float64Array): Float64Array {
  if (input.options.probability === 'paper') return paperProbabilities(groups, weights);
  return scholzCodeProbabilities(groups, input.positions, weights, risk, input.range);
}

/**
 * S_i = Σ_{j≠i} EU_{j→i} at r = 1 (eq. 34), where U_s = 2d, U_f = −2d, U_sq = 0. Actors at i's position
 * count (they add 0 when Q = 1); closed dyads cannot challenge, so they add nothing.
 */
function securitySums(input: RoundInput, groups: PositionGroups, table: Float64Array): Float64Array {
  const { positions, range } = input;
  const n = positions.length;
  const m = groups.values.length;
  const security = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (j === i || input.closed(i, j)) continue;
      const d = Math.abs(positions[j]! - positions[i]!) / range;
      const probability = table[groups.groupOf[j]! * m + groups.groupOf[i]!]!;
      sum += expectedUtilityOfChallenge(2 * d, -2 * d, probability, leadingSalience(input, j, i, i)) - forgone(input, j, i, d, 1, 0);
    }
    security[i] = sum;
  }
  return security;
}

interface Scratch {
  groups: PositionGroups;
  table: Float64Array;
  risk: Float64Array;
  /** U_sq(r_k) per actor. */
  statusQuo: Float64Array;
}

/**
 * Receiver i's two numbers for the dyad with j: a = EU_{i→j} with r_i and b = EU_{j→i} with r_i
 * (`perceived`) or r_j (`own`, A3). Both challenges span the same distance, so with one exponent they
 * share U_s and U_f. Written into `out` to keep the n² loop free of allocation.
 */
function dyadUtilities(input: RoundInput, scratch: Scratch, i: number, j: number, out: Float64Array): void {
  const { groups, table, risk, statusQuo } = scratch;
  const m = groups.values.length;
  const d = Math.abs(input.positions[i]! - input.positions[j]!) / input.range;
  const ri = risk[i]!;
  const success = successUtility(d, ri);
  const failure = failureUtility(d, ri);
  const pij = table[groups.groupOf[i]! * m + groups.groupOf[j]!]!;
  const pji = table[groups.groupOf[j]! * m + groups.groupOf[i]!]!;
  out[0] = pij;
  out[1] = expectedUtilityOfChallenge(success, failure, pij, leadingSalience(input, i, j, i)) - forgone(input, i, j, d, ri, statusQuo[i]!);
  if (input.options.perspective === 'perceived') {
    out[2] = expectedUtilityOfChallenge(success, failure, pji, leadingSalience(input, j, i, i)) - forgone(input, j, i, d, ri, statusQuo[i]!);
  } else {
    const rj = risk[j]!;
    const own = expectedUtilityOfChallenge(successUtility(d, rj), failureUtility(d, rj), pji, leadingSalience(input, j, i, i));
    out[2] = own - forgone(input, j, i, d, rj, statusQuo[j]!);
  }
}

export function playRound(input: RoundInput): RoundOutput {
  const { positions, options } = input;
  const n = positions.length;
  const groups = groupPositions(positions);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = input.capability[i]! * input.salience[i]!;
  const firstPass = probabilities(input, groups, weights, new Float64Array(n).fill(1));
  const security = securitySums(input, groups, firstPass);
  const risk = riskExponents(security);
  const table = options.probability === 'paper' ? firstPass : probabilities(input, groups, weights, risk);
  const scratch: Scratch = { groups, table, risk, statusQuo: risk.map(statusQuoUtility) };

  const next = Float64Array.from(positions);
  const moves: Move[] = [];
  const dyads: Dyad[] | undefined = options.dyads ? [] : undefined;
  const values = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    let best: Offer | undefined;
    const xi = positions[i]!;
    for (let j = 0; j < n; j++) {
      if (j === i || input.closed(i, j)) continue;
      const xj = positions[j]!;
      if (xj === xi && !dyads) continue;
      dyadUtilities(input, scratch, i, j, values);
      const [probability, a, b] = [values[0]!, values[1]!, values[2]!];
      const reading = readDyad(a, b, xi, xj, options.capitulation);
      if (reading.offer !== undefined && (reading.perception === 'conflict-lost' || reading.perception === 'compromise' || reading.perception === 'capitulation')) {
        const offer: Offer = { kind: reading.perception, proposer: j, proposerPosition: xj, to: reading.offer, expectedUtility: a, otherExpectedUtility: b };
        if (!best || isBetterOffer(offer, best, xi, options.offerChoice, input.range)) best = offer;
      }
      dyads?.push({
        actor: input.ids[i]!,
        other: input.ids[j]!,
        probability,
        expectedUtility: a,
        otherExpectedUtility: b,
        perception: reading.perception,
        ...(reading.offer === undefined ? {} : { offer: reading.offer }),
        taken: false,
      });
    }
    if (best) {
      next[i] = best.to;
      moves.push({
        actor: input.ids[i]!,
        kind: best.kind,
        proposer: input.ids[best.proposer]!,
        from: xi,
        to: best.to,
        expectedUtility: best.expectedUtility,
        otherExpectedUtility: best.otherExpectedUtility,
      });
    }
  }
  if (dyads) markTaken(dyads, moves);
  return dyads ? { positions: next, security, risk, moves, dyads } : { positions: next, security, risk, moves };
}

function markTaken(dyads: Dyad[], moves: readonly Move[]): void {
  const taken = new Set(moves.map((move) => `${move.actor}\u0000${move.proposer}`));
  for (const dyad of dyads) dyad.taken = taken.has(`${dyad.actor}\u0000${dyad.other}`);
}
