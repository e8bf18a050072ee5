/**
 * The pass over the dyads (Scholz et al. 2011, Fig. 6; eum-spec.md §3.7–3.8): every receiver reads every
 * open dyad from its side and keeps the best offer it gets (OfferTable); the dyads themselves are stored
 * only when asked for.
 *
 * Both loops walk the unordered pairs {i, j} in position order and serve both directions at once: the two
 * views of a pair share d, P and the logarithms behind U_s and U_f (only the risk exponent differs). Every
 * receiver still meets the others in position order, so offer ties come out exactly as in a
 * receiver-by-receiver loop.
 */
import { DyadTable, perceptionCode } from '../dyadTable.js';
import { offerPosition, offerRank, perceive } from './classify.js';
import { forgone } from './forgone.js';
import type { RoundInput } from './round.js';
import { expectedUtilityOfChallenge, powerFromLog } from './utility.js';
import type { DyadStore, RoundWorkspace } from './workspace.js';
import { offerTo, pruneDistance } from './channels/work.js';

/** Kept dyads: receiver's view of the dyad with `other`. */
function keepDyad(store: DyadStore, input: RoundInput, receiver: number, other: number, probability: number, a: number, b: number, rank: number, adjusted: number): void {
  const cell = store.cell(receiver, other);
  if (cell < 0) return;
  const from = input.positions[receiver]!;
  const at = input.positions[other]!;
  store.probability[cell] = probability;
  store.expectedUtility[cell] = a;
  store.otherExpectedUtility[cell] = b;
  store.perception[cell] = perceptionCode(perceive(a, b, from, at));
  store.offer[cell] = rank >= 0 ? offerPosition(rank, a, b, from, at) : NaN;
  // With channels (channels-spec §7.4): `offer` is the adjusted target, `baseOffer` today's.
  if (input.adjust !== null) {
    store.baseOffer[cell] = store.offer[cell]!;
    store.offer[cell] = rank >= 0 ? adjusted : NaN;
  }
}

/**
 * Every open dyad, both views: receiver i reads a = EU_{i→j} and b = EU_{j→i}, both with r_i
 * (`perceived`) or b with r_j (`own`, A3), and takes note of the offer it makes (Fig. 6). The leading
 * salience (A2) of a = EU_{i→j} is s_j either way; that of b is s_i (`responder`) or s_j (`as-printed`).
 * With Q = 1 what a challenge forgoes is U_sq of the exponent used.
 */
export function readAllDyads(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array): void {
  const { positions, range, closed, adjust } = input;
  const { groups, tables, offers, dyads: store } = workspace;
  const { actorsByPosition: order, groupOf } = groups;
  const { lowerWins, upperWins } = tables;
  const n = order.length;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const gi = groupOf[i]!;
    tables.row(gi);
    const xi = positions[i]!;
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      const xj = positions[j]!;
      if (xj === xi && store === undefined) continue;
      if (closed !== null && closed[i * n + j] === 1) continue;
      // Neither side can take an offer better than the one it holds (see OfferTable.settledAgainst).
      const distance = Math.abs(xj - xi);
      if (store === undefined && offers.settledAgainst(i, pruneDistance(adjust, i, j, distance), xi, range) && offers.settledAgainst(j, pruneDistance(adjust, j, i, distance), xj, range)) continue;
      const gj = groupOf[j]!;
      readPair(input, workspace, risk, i, j, gi === gj ? 0 : lowerWins[gj]!, gi === gj ? 0 : upperWins[gj]!, true);
    }
  }
}

/**
 * The dyads of the `dyadsOf` actor only (its 2(n − 1) views), when the offers came from the receiver
 * pass: the same arithmetic as readAllDyads for those pairs, without touching the offer table.
 */
export function readFocusDyads(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array): void {
  const { closed } = input;
  const { groups, tables, dyads: store } = workspace;
  const focus = store!.focus!;
  if (focus < 0) return;
  const { actorsByPosition: order, groupOf } = groups;
  const n = order.length;
  let focusPassed = false;
  for (let k = 0; k < n; k++) {
    const other = order[k]!;
    if (other === focus) {
      focusPassed = true;
      continue;
    }
    // The pair in position order, as readAllDyads meets it.
    const [i, j] = focusPassed ? [focus, other] : [other, focus];
    if (closed !== null && closed[i * n + j] === 1) continue;
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    if (gi === gj) readPair(input, workspace, risk, i, j, 0, 0, false);
    else {
      tables.pair(gi, gj, gi + 1);
      readPair(input, workspace, risk, i, j, tables.lowerWon, tables.upperWon, false);
    }
  }
}

/**
 * One open dyad, both views (i before j in position order; P(i beats j) and P(j beats i) given): the
 * offers go to the offer table when `takeOffers`, and the views to the dyad store when dyads are kept.
 */
function readPair(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array, i: number, j: number, iBeatsJ: number, jBeatsI: number, takeOffers: boolean): void {
  const { positions, salience, range, options, adjust } = input;
  const { statusQuo, dyads: store } = workspace;
  const own = options.perspective === 'own';
  const responder = options.salienceInEu === 'responder';
  const certainStatusQuo = options.Q === 1;
  const { capitulation } = options;
  const xi = positions[i]!;
  const ri = risk[i]!;
  const si = salience[i]!;
  const statusQuoI = statusQuo[i]!;
  const xj = positions[j]!;
  const samePosition = xj === xi;
  const d = Math.abs(xi - xj) / range;
  // U_s = 2 − 4(0.5 − 0.5d)^r and U_f = 2 − 4(0.5 + 0.5d)^r (eqs. 15, 16) for both exponents.
  const successBase = 0.5 - 0.5 * d;
  const failureBase = 0.5 + 0.5 * d;
  const logSuccess = Math.log(successBase);
  const logFailure = Math.log(failureBase);
  const rj = risk[j]!;
  const sj = salience[j]!;
  const statusQuoJ = statusQuo[j]!;
  const successI = 2 - 4 * powerFromLog(successBase, logSuccess, ri);
  const failureI = 2 - 4 * powerFromLog(failureBase, logFailure, ri);
  const successJ = 2 - 4 * powerFromLog(successBase, logSuccess, rj);
  const failureJ = 2 - 4 * powerFromLog(failureBase, logFailure, rj);
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
  const take = (receiver: number, rank: number, proposer: number, xr: number, xp: number, a: number, b: number): number => {
    const baseTo = offerPosition(rank, a, b, xr, xp);
    if (takeOffers) return offerTo(adjust, workspace, receiver, rank, proposer, xp, baseTo, a, b, xr, range);
    return adjustedTarget(adjust, receiver, rank, proposer, baseTo, xr, xp);
  };
  const toI = rankI >= 0 ? take(i, rankI, j, xi, xj, aI, bI) : NaN;
  const toJ = rankJ >= 0 ? take(j, rankJ, i, xj, xi, aJ, bJ) : NaN;
  if (store !== undefined) {
    keepDyad(store, input, i, j, iBeatsJ, aI, bI, rankI, toI);
    keepDyad(store, input, j, i, jBeatsI, aJ, bJ, rankJ, toJ);
  }
}

/** What offerTo returns, without recording the offer: y⁰, the adjusted target (E4), or x_i when refused (E6). */
function adjustedTarget(table: RoundInput['adjust'], i: number, rank: number, j: number, baseTo: number, xi: number, xj: number): number {
  if (table === null || table.inert[i] === 1) return baseTo;
  const to = table.target(i, j, rank, baseTo, xi, xj);
  return Number.isNaN(to) ? xi : to;
}

/**
 * The pair loop of the offers (receiverPass.ts uses it for rounds where few receivers find a near lost
 * conflict): the fast path of `readAllDyads` when only offers matter (dyads not kept), both EUs a receiver compares
 * use its own exponent (`perceived`) and Q = 1. Then, for receiver i against j,
 *   a = U_s − U_sq − α (U_s − U_f),  b = U_s − U_sq − β (U_s − U_f),
 * with α = s_a (1 − P_ij) and β = s_b (1 − P_ji) (s_a, s_b the leading saliences of a and b, A2), and
 * U_s − U_f ≥ 0. Every offer needs b − a > EU_TOLERANCE (a lost conflict: b > a > 0; a compromise or a
 * capitulation: a < 0 < b), i.e. α > β; so a side whose α − β is not clearly positive cannot receive an
 * offer and its utilities are not evaluated. The margin is wide: for d ≤ 1 and saliences ≤ 1 (else no
 * side is skipped), U_s − U_f ≤ 4, so α − β ≤ 1e-14 bounds b − a by 4e-14 plus the rounding of a and b
 * (~1e-14), far below the 1e-12 an offer needs. Every offer the full loop would see is seen, in the same
 * order: the result is the same to the bit (eum.paths.test.ts). With responder
 * salience at most one side of a pair gets an offer: half of the powers are skipped. A side that already
 * holds a lost conflict closer than the other is not evaluated either (OfferTable.settledAgainst), nor
 * one that cannot receive an offer at that distance (offerReach.ts) or whose α − β cannot be positive
 * whatever P is (mayGain); P itself is computed only for the pairs left.
 */
export function collectOffersByPair(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array): void {
  const { positions, salience, range, closed, options, adjust } = input;
  const { groups, tables, statusQuo, offers, reach } = workspace;
  const { actorsByPosition: order, groupOf } = groups;
  const responder = options.salienceInEu === 'responder';
  const { capitulation } = options;
  const n = order.length;
  // Every P ≤ maxProbability, so α − β ≤ s_a − s_b (1 − maxProbability): see mayGain.
  const keep = 1 - tables.maxProbability();
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const gi = groupOf[i]!;
    const xi = positions[i]!;
    const si = salience[i]!;
    // The last pair's P (its upper group and where its midpoint search ended), for the next pair of this lower actor.
    let pairedWith = -1;
    let from = gi + 1;
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      const xj = positions[j]!;
      if (xj === xi) continue;
      if (closed !== null && closed[i * n + j] === 1) continue;
      const sj = salience[j]!;
      const d = Math.abs(xi - xj) / range;
      const bounded = d <= 1 && si <= 1 && sj <= 1;
      const distance = Math.abs(xj - xi);
      // The sides that may receive an offer, decided without P where possible (offerReach.ts, mayGain).
      const mayI = (!bounded || mayGain(sj, responder ? si : sj, keep)) && !reach.cannotReceive(i, d) && !offers.settledAgainst(i, pruneDistance(adjust, i, j, distance), xi, range);
      const mayJ = (!bounded || mayGain(si, responder ? sj : si, keep)) && !reach.cannotReceive(j, d) && !offers.settledAgainst(j, pruneDistance(adjust, j, i, distance), xj, range);
      if (!mayI && !mayJ) continue;
      const gj = groupOf[j]!;
      if (gj !== pairedWith) {
        from = tables.pair(gi, gj, from);
        pairedWith = gj;
      }
      const iBeatsJ = tables.lowerWon;
      const jBeatsI = tables.upperWon;
      // α − β for each side (the leading salience of a is the other's; of b, A2).
      const gapI = sj * (1 - iBeatsJ) - (responder ? si : sj) * (1 - jBeatsI);
      const gapJ = si * (1 - jBeatsI) - (responder ? sj : si) * (1 - iBeatsJ);
      const offerToI = mayI && (!bounded || gapI > 1e-14);
      const offerToJ = mayJ && (!bounded || gapJ > 1e-14);
      if (!offerToI && !offerToJ) continue;
      const successBase = 0.5 - 0.5 * d;
      const failureBase = 0.5 + 0.5 * d;
      const logSuccess = Math.log(successBase);
      const logFailure = Math.log(failureBase);
      if (offerToI) {
        const ri = risk[i]!;
        const success = 2 - 4 * powerFromLog(successBase, logSuccess, ri);
        const failure = 2 - 4 * powerFromLog(failureBase, logFailure, ri);
        const a = expectedUtilityOfChallenge(success, failure, iBeatsJ, sj) - statusQuo[i]!;
        const b = expectedUtilityOfChallenge(success, failure, jBeatsI, responder ? si : sj) - statusQuo[i]!;
        const rank = offerRank(a, b, capitulation);
        if (rank >= 0) offerTo(adjust, workspace, i, rank, j, xj, offerPosition(rank, a, b, xi, xj), a, b, xi, range);
      }
      if (offerToJ) {
        const rj = risk[j]!;
        const success = 2 - 4 * powerFromLog(successBase, logSuccess, rj);
        const failure = 2 - 4 * powerFromLog(failureBase, logFailure, rj);
        const a = expectedUtilityOfChallenge(success, failure, jBeatsI, si) - statusQuo[j]!;
        const b = expectedUtilityOfChallenge(success, failure, iBeatsJ, responder ? sj : si) - statusQuo[j]!;
        const rank = offerRank(a, b, capitulation);
        if (rank >= 0) offerTo(adjust, workspace, j, rank, i, xi, offerPosition(rank, a, b, xj, xi), a, b, xj, range);
      }
    }
  }
}

/**
 * False when a side's α − β = s_a (1 − P_a) − s_b (1 − P_b) (see collectOffersByPair) cannot exceed 1e-14
 * whatever the pair's P: it is at most s_a − s_b (1 − P_max), `keep` = 1 − P_max. Computed here within
 * ~1e-16 of its exact value, so ≤ 1e-15 means the side's gap, as collectOffersByPair computes it, is
 * below 1e-14.
 */
function mayGain(leadOfA: number, leadOfB: number, keep: number): boolean {
  return leadOfA - leadOfB * keep > 1e-15;
}

/** The rank in `offerKinds` of an offer-making perception, by its code in `perceptionCodes` (conflict-lost 1, compromise 2, else capitulation). */
function offerRankOfCode(code: number): number {
  return code === 1 ? 0 : code === 2 ? 1 : 2;
}

/**
 * The kept dyads as columns (DyadTable), by receiver then other in the order actors are listed, each
 * marked if its offer was taken. Two walks over the kept cells: one counts them, one fills the columns.
 */
export function collectDyads(input: RoundInput, workspace: RoundWorkspace): DyadTable {
  const store = workspace.dyads!;
  const { offers } = workspace;
  const { ids, closed, adjust } = input;
  const n = ids.length;
  const walk = (visit: (i: number, j: number, cell: number) => void): void => {
    const open = (i: number, j: number, cell: number): void => {
      if (closed === null || closed[i * n + j] !== 1) visit(i, j, cell);
    };
    const { focus } = store;
    if (focus === null) {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) open(i, j, i * n + j);
    } else if (focus >= 0) {
      for (let i = 0; i < n; i++) {
        if (i !== focus) open(i, focus, n + i);
        else for (let j = 0; j < n; j++) if (j !== i) open(i, j, j);
      }
    }
  };
  let length = 0;
  walk(() => length++);
  const table = new DyadTable(ids, length, adjust !== null);
  let k = 0;
  walk((i, j, cell) => {
    const offer = store.offer[cell]!;
    table.actor[k] = i;
    table.other[k] = j;
    table.probability[k] = store.probability[cell]!;
    table.expectedUtility[k] = store.expectedUtility[cell]!;
    table.otherExpectedUtility[k] = store.otherExpectedUtility[cell]!;
    table.perception[k] = store.perception[cell]!;
    table.offer[k] = offer;
    table.taken[k] = offers.rank[i]! >= 0 && offers.proposer[i] === j ? 1 : 0;
    if (adjust !== null) {
      table.channel![k] = adjust.channelName(i, j) === 'public' ? 1 : 2;
      table.baseOffer![k] = Number.isNaN(offer) ? Number.NaN : store.baseOffer[cell]!;
      if (!Number.isNaN(offer) && offer !== store.baseOffer[cell]) {
        const from = input.positions[i]!;
        const shortfall = adjust.shortfall(i, j, offerRankOfCode(store.perception[cell]!), store.baseOffer[cell]!, from, input.positions[j]!);
        table.adjusted!.set(k, { from, shortfall, terms: adjust.terms(i, j) });
      }
    }
    k++;
  });
  return table;
}
