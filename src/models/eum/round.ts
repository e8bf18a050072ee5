/**
 * One round of the expected utility model (Scholz et al. 2011, Appendix; eum-spec.md §3.1):
 * r = 1 → probabilities and security → risk exponents → probabilities again with them → every actor
 * reads every dyad from its own side and collects offers → each takes one → all move at once (A11).
 *
 * Speed: both passes over the dyads walk the unordered pairs {i, j} in position order and serve both
 * directions at once: the two views of a pair share d, P and the logarithms behind U_s and U_f (only the
 * risk exponent differs). Every receiver still meets the others in position order, so sums and offer
 * ties come out exactly as in a receiver-by-receiver loop. Nothing is allocated per dyad unless dyads
 * are kept (`dyads: true`).
 */
import type { Dyad, Move, Perception } from '../model.js';
import { offerPosition, offerRank, perceive } from './classify.js';
import { OfferTable, offerKinds } from './offers.js';
import type { EumOptions } from './options.js';
import { PositionGroups } from './positionGroups.js';
import { ProbabilityTables } from './probability.js';
import { riskExponents } from './risk.js';
import { betterUtility, expectedUtilityOfChallenge, statusQuoTerm, statusQuoUtility, worseUtility } from './utility.js';

export interface RoundInput {
  ids: readonly string[];
  /** Start-of-round positions. */
  positions: Float64Array;
  /** Salience in [0, 1]. */
  salience: Float64Array;
  /** Voting weights c·s. */
  weights: Float64Array;
  /** R, the range distances are measured against (A5); > 0. */
  range: number;
  /** μ at the start of the round (used only in U_b/U_w when Q < 1). */
  median: number;
  /** closed[i·n + j] = 1: i and j do not challenge or make offers to each other; null when none are. */
  closed: Uint8Array | null;
  options: EumOptions;
}

/** The round's results; the arrays belong to the workspace and are overwritten by the next round. */
export interface RoundOutput {
  positions: Float64Array;
  security: Float64Array;
  risk: Float64Array;
  moves: Move[];
  dyads?: Dyad[];
}

/** The ordered dyads of one round, by receiver·n + other, kept only when dyads are reported. */
class DyadStore {
  readonly probability: Float64Array;
  readonly expectedUtility: Float64Array;
  readonly otherExpectedUtility: Float64Array;
  readonly perception: Perception[];
  /** The offer position, NaN when the dyad offers none. */
  readonly offer: Float64Array;

  constructor(size: number) {
    this.probability = new Float64Array(size * size);
    this.expectedUtility = new Float64Array(size * size);
    this.otherExpectedUtility = new Float64Array(size * size);
    this.perception = new Array<Perception>(size * size).fill('stalemate');
    this.offer = new Float64Array(size * size);
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
 * S_i = Σ_{j≠i} EU_{j→i} at r = 1 (eq. 34), where U_s = 2d, U_f = −2d, U_sq = 0. Actors at i's position
 * count (they add 0 when Q = 1); closed dyads cannot challenge, so they add nothing.
 */
function securitySums(input: RoundInput, groups: PositionGroups, tables: ProbabilityTables, security: Float64Array): void {
  const { positions, salience, range, closed } = input;
  const { actorsByPosition: order, groupOf } = groups;
  const { lowerWins, upperWins, m } = tables;
  const responder = input.options.salienceInEu === 'responder';
  const certainStatusQuo = input.options.Q === 1;
  const n = order.length;
  security.fill(0);
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const gi = groupOf[i]!;
    const row = gi * m;
    const si = salience[i]!;
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      if (closed !== null && closed[i * n + j] === 1) continue;
      const gj = groupOf[j]!;
      const sj = salience[j]!;
      const d = Math.abs(positions[j]! - positions[i]!) / range;
      const jBeatsI = gi === gj ? 0 : upperWins[row + gj]!;
      const iBeatsJ = gi === gj ? 0 : lowerWins[row + gj]!;
      // The target's salience (`responder`), or the challenger's (`as-printed`, A2), as readAllDyads's b.
      const jChallengesI = expectedUtilityOfChallenge(2 * d, -2 * d, jBeatsI, responder ? si : sj);
      const iChallengesJ = expectedUtilityOfChallenge(2 * d, -2 * d, iBeatsJ, responder ? sj : si);
      security[i]! += jChallengesI - (certainStatusQuo ? 0 : forgone(input, j, i, d, 1, 0));
      security[j]! += iChallengesJ - (certainStatusQuo ? 0 : forgone(input, i, j, d, 1, 0));
    }
  }
}

/** Kept dyads: receiver's view of the dyad with `other`. */
function keepDyad(store: DyadStore, input: RoundInput, receiver: number, other: number, probability: number, a: number, b: number, rank: number): void {
  const from = input.positions[receiver]!;
  const at = input.positions[other]!;
  const cell = receiver * input.positions.length + other;
  store.probability[cell] = probability;
  store.expectedUtility[cell] = a;
  store.otherExpectedUtility[cell] = b;
  store.perception[cell] = perceive(a, b, from, at);
  store.offer[cell] = rank >= 0 ? offerPosition(rank, a, b, from, at) : NaN;
}

/**
 * Every open dyad, both views: receiver i reads a = EU_{i→j} and b = EU_{j→i}, both with r_i
 * (`perceived`) or b with r_j (`own`, A3), and takes note of the offer it makes (Fig. 6). The leading
 * salience (A2) of a = EU_{i→j} is s_j either way; that of b is s_i (`responder`) or s_j (`as-printed`).
 * With Q = 1 what a challenge forgoes is U_sq of the exponent used.
 */
function readAllDyads(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array): void {
  const { positions, salience, range, closed, options } = input;
  const { groups, tables, statusQuo, offers, dyads: store } = workspace;
  const { actorsByPosition: order, groupOf } = groups;
  const { lowerWins, upperWins, m } = tables;
  const own = options.perspective === 'own';
  const responder = options.salienceInEu === 'responder';
  const certainStatusQuo = options.Q === 1;
  const { capitulation } = options;
  const n = order.length;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const gi = groupOf[i]!;
    const row = gi * m;
    const xi = positions[i]!;
    const ri = risk[i]!;
    const si = salience[i]!;
    const statusQuoI = statusQuo[i]!;
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      const xj = positions[j]!;
      const samePosition = xj === xi;
      if (samePosition && store === undefined) continue;
      if (closed !== null && closed[i * n + j] === 1) continue;
      // Neither side can take an offer better than the one it holds (see OfferTable.settledAgainst).
      const distance = Math.abs(xj - xi);
      if (store === undefined && offers.settledAgainst(i, distance, xi, range) && offers.settledAgainst(j, distance, xj, range)) continue;
      const gj = groupOf[j]!;
      const iBeatsJ = gi === gj ? 0 : lowerWins[row + gj]!;
      const jBeatsI = gi === gj ? 0 : upperWins[row + gj]!;
      const d = Math.abs(xi - xj) / range;
      // U_s = 2 − 4(0.5 − 0.5d)^r and U_f = 2 − 4(0.5 + 0.5d)^r (eqs. 15, 16) for both exponents.
      const successBase = 0.5 - 0.5 * d;
      const failureBase = 0.5 + 0.5 * d;
      const logSuccess = Math.log(successBase);
      const logFailure = Math.log(failureBase);
      const rj = risk[j]!;
      const sj = salience[j]!;
      const statusQuoJ = statusQuo[j]!;
      // base^r as `power` (utility.ts) computes it, sharing ln(base): exactly base at r = 1, 0 at base 0.
      const positiveSuccess = successBase > 0;
      const successI = 2 - 4 * (ri === 1 ? successBase : positiveSuccess ? Math.exp(ri * logSuccess) : 0);
      const failureI = 2 - 4 * (ri === 1 ? failureBase : Math.exp(ri * logFailure));
      const successJ = 2 - 4 * (rj === 1 ? successBase : positiveSuccess ? Math.exp(rj * logSuccess) : 0);
      const failureJ = 2 - 4 * (rj === 1 ? failureBase : Math.exp(rj * logFailure));
      // What i (resp. j) forgoes by challenging, with r_i and with r_j.
      const forgoneII = certainStatusQuo ? statusQuoI : forgone(input, i, j, d, ri, statusQuoI);
      const forgoneJJ = certainStatusQuo ? statusQuoJ : forgone(input, j, i, d, rj, statusQuoJ);
      const forgoneJI = certainStatusQuo ? statusQuoI : forgone(input, j, i, d, ri, statusQuoI);
      const forgoneIJ = certainStatusQuo ? statusQuoJ : forgone(input, i, j, d, rj, statusQuoJ);
      const bLeadI = responder ? si : sj;
      const bLeadJ = responder ? sj : si;
      const aI = expectedUtilityOfChallenge(successI, failureI, iBeatsJ, sj) - forgoneII;
      const aJ = expectedUtilityOfChallenge(successJ, failureJ, jBeatsI, si) - forgoneJJ;
      const bI = own
        ? expectedUtilityOfChallenge(successJ, failureJ, jBeatsI, bLeadI) - forgoneJJ
        : expectedUtilityOfChallenge(successI, failureI, jBeatsI, bLeadI) - forgoneJI;
      const bJ = own
        ? expectedUtilityOfChallenge(successI, failureI, iBeatsJ, bLeadJ) - forgoneII
        : expectedUtilityOfChallenge(successJ, failureJ, iBeatsJ, bLeadJ) - forgoneIJ;
      const rankI = samePosition ? -1 : offerRank(aI, bI, capitulation);
      const rankJ = samePosition ? -1 : offerRank(aJ, bJ, capitulation);
      if (rankI >= 0) offers.consider(i, rankI, j, xj, offerPosition(rankI, aI, bI, xi, xj), aI, bI, xi, range);
      if (rankJ >= 0) offers.consider(j, rankJ, i, xi, offerPosition(rankJ, aJ, bJ, xj, xi), aJ, bJ, xj, range);
      if (store !== undefined) {
        keepDyad(store, input, i, j, iBeatsJ, aI, bI, rankI);
        keepDyad(store, input, j, i, jBeatsI, aJ, bJ, rankJ);
      }
    }
  }
}

/**
 * The fast path of `readAllDyads` when only offers matter (dyads not kept), both EUs a receiver compares
 * use its own exponent (`perceived`) and Q = 1. Then, for receiver i against j,
 *   a = U_s − U_sq − α (U_s − U_f),  b = U_s − U_sq − β (U_s − U_f),
 * with α = s_a (1 − P_ij) and β = s_b (1 − P_ji) (s_a, s_b the leading saliences of a and b, A2), and
 * U_s − U_f ≥ 0. Every offer needs b − a > EU_TOLERANCE (a lost conflict: b > a > 0; a compromise or a
 * capitulation: a < 0 < b), i.e. α > β; so a side whose α − β is not clearly positive cannot receive an
 * offer and its utilities are not evaluated. The margin (1e-14, with U_s − U_f ≤ 4 for d ≤ 1) covers the
 * rounding of a and b, so every offer the full loop would see is seen, in the same order. With responder
 * salience at most one side of a pair gets an offer: half of the powers are skipped. A side that already
 * holds a lost conflict closer than the other is not evaluated either (OfferTable.settledAgainst).
 */
function collectPerceivedOffers(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array): void {
  const { positions, salience, range, closed, options } = input;
  const { groups, tables, statusQuo, offers } = workspace;
  const { actorsByPosition: order, groupOf } = groups;
  const { lowerWins, upperWins, m } = tables;
  const responder = options.salienceInEu === 'responder';
  const { capitulation } = options;
  const n = order.length;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const gi = groupOf[i]!;
    const row = gi * m;
    const xi = positions[i]!;
    const si = salience[i]!;
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      const xj = positions[j]!;
      if (xj === xi) continue;
      if (closed !== null && closed[i * n + j] === 1) continue;
      const gj = groupOf[j]!;
      const iBeatsJ = lowerWins[row + gj]!;
      const jBeatsI = upperWins[row + gj]!;
      const sj = salience[j]!;
      const d = Math.abs(xi - xj) / range;
      // α − β for each side (the leading salience of a is the other's; of b, A2).
      const gapI = sj * (1 - iBeatsJ) - (responder ? si : sj) * (1 - jBeatsI);
      const gapJ = si * (1 - jBeatsI) - (responder ? sj : si) * (1 - iBeatsJ);
      const bounded = d <= 1 && si <= 1 && sj <= 1;
      const distance = Math.abs(xj - xi);
      const offerToI = (!bounded || gapI > 1e-2) && !offers.settledAgainst(i, distance, xi, range);
      const offerToJ = (!bounded || gapJ > 1e-14) && !offers.settledAgainst(j, distance, xj, range);
      if (!offerToI && !offerToJ) continue;
      const successBase = 0.5 - 0.5 * d;
      const failureBase = 0.5 + 0.5 * d;
      const logSuccess = Math.log(successBase);
      const logFailure = Math.log(failureBase);
      if (offerToI) {
        const ri = risk[i]!;
        // base^r as `power` (utility.ts) computes it, sharing ln(base): exactly base at r = 1, 0 at base 0.
        const success = 2 - 4 * (ri === 1 ? successBase : successBase > 0 ? Math.exp(ri * logSuccess) : 0);
        const failure = 2 - 4 * (ri === 1 ? failureBase : Math.exp(ri * logFailure));
        const a = expectedUtilityOfChallenge(success, failure, iBeatsJ, sj) - statusQuo[i]!;
        const b = expectedUtilityOfChallenge(success, failure, jBeatsI, responder ? si : sj) - statusQuo[i]!;
        const rank = offerRank(a, b, capitulation);
        if (rank >= 0) offers.consider(i, rank, j, xj, offerPosition(rank, a, b, xi, xj), a, b, xi, range);
      }
      if (offerToJ) {
        const rj = risk[j]!;
        const success = 2 - 4 * (rj === 1 ? successBase : successBase > 0 ? Math.exp(rj * logSuccess) : 0);
        const failure = 2 - 4 * (rj === 1 ? failureBase : Math.exp(rj * logFailure));
        const a = expectedUtilityOfChallenge(success, failure, jBeatsI, si) - statusQuo[j]!;
        const b = expectedUtilityOfChallenge(success, failure, iBeatsJ, responder ? sj : si) - statusQuo[j]!;
        const rank = offerRank(a, b, capitulation);
        if (rank >= 0) offers.consider(j, rank, i, xi, offerPosition(rank, a, b, xj, xi), a, b, xj, range);
      }
    }
  }
}

export function playRound(input: RoundInput, workspace: RoundWorkspace): RoundOutput {
  const { positions, options } = input;
  const n = positions.length;
  const { groups, tables, offers } = workspace;
  if (options.probability === 'paper') tables.fillPaper(groups, input.weights);
  else tables.fillScholzCode(groups, positions, input.weights, workspace.unitRisk, input.range);
  const { security } = workspace;
  securitySums(input, groups, tables, security);
  const risk = riskExponents(security, workspace.risk);
  // Eq. 31 does not depend on r: the paper rule's first pass serves the second.
  if (options.probability !== 'paper') tables.fillScholzCode(groups, positions, input.weights, risk, input.range);
  for (let i = 0; i < n; i++) workspace.statusQuo[i] = statusQuoUtility(risk[i]!);

  offers.clear();
  if (!workspace.dyads && options.perspective === 'perceived' && options.Q === 1) collectPerceivedOffers(input, workspace, risk);
  else readAllDyads(input, workspace, risk);
  const next = workspace.positionsAfter(positions);
  next.set(positions);
  const moves: Move[] = [];
  for (let i = 0; i < n; i++) {
    const rank = offers.rank[i]!;
    if (rank < 0) continue;
    next[i] = offers.to[i]!;
    moves.push({
      actor: input.ids[i]!,
      kind: offerKinds[rank]!,
      proposer: input.ids[offers.proposer[i]!]!,
      from: positions[i]!,
      to: offers.to[i]!,
      expectedUtility: offers.expectedUtility[i]!,
      otherExpectedUtility: offers.otherExpectedUtility[i]!,
    });
  }
  if (!workspace.dyads) return { positions: next, security, risk, moves };
  return { positions: next, security, risk, moves, dyads: collectDyads(input, workspace) };
}

/** The kept dyads, by receiver then other in the order actors are listed, each marked if its offer was taken. */
function collectDyads(input: RoundInput, workspace: RoundWorkspace): Dyad[] {
  const store = workspace.dyads!;
  const { offers } = workspace;
  const { ids, closed } = input;
  const n = ids.length;
  const dyads: Dyad[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i || (closed !== null && closed[i * n + j] === 1)) continue;
      const cell = i * n + j;
      const offer = store.offer[cell]!;
      dyads.push({
        actor: ids[i]!,
        other: ids[j]!,
        probability: store.probability[cell]!,
        expectedUtility: store.expectedUtility[cell]!,
        otherExpectedUtility: store.otherExpectedUtility[cell]!,
        perception: store.perception[cell]!,
        ...(Number.isNaN(offer) ? {} : { offer }),
        taken: offers.rank[i]! >= 0 && offers.proposer[i] === j,
      });
    }
  }
  return dyads;
}
