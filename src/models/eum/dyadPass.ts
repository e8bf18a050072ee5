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
import type { Dyad } from '../model.js';
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
  store.perception[cell] = perceive(a, b, from, at);
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

/** The rank in `offerKinds` of an offer-making perception. */
function offerRankOf(perception: Dyad['perception']): number {
  return perception === 'conflict-lost' ? 0 : perception === 'compromise' ? 1 : 2;
}

/** The kept dyads, by receiver then other in the order actors are listed, each marked if its offer was taken. */
export function collectDyads(input: RoundInput, workspace: RoundWorkspace): Dyad[] {
  const store = workspace.dyads!;
  const { offers } = workspace;
  const { ids, closed, adjust } = input;
  const n = ids.length;
  const dyads: Dyad[] = [];
  const push = (i: number, j: number, cell: number): void => {
    if (closed !== null && closed[i * n + j] === 1) return;
    const offer = store.offer[cell]!;
    const dyad: Dyad = {
      actor: ids[i]!,
      other: ids[j]!,
      probability: store.probability[cell]!,
      expectedUtility: store.expectedUtility[cell]!,
      otherExpectedUtility: store.otherExpectedUtility[cell]!,
      perception: store.perception[cell]!,
      ...(Number.isNaN(offer) ? {} : { offer }),
      taken: offers.rank[i]! >= 0 && offers.proposer[i] === j,
      ...(adjust === null ? {} : { channel: adjust.channelName(i, j), ...(Number.isNaN(offer) ? {} : { baseOffer: store.baseOffer[cell]! }) }),
    };
    if (adjust !== null && !Number.isNaN(offer) && offer !== store.baseOffer[cell]) {
      dyad.from = input.positions[i]!;
      dyad.shortfall = adjust.shortfall(i, j, offerRankOf(dyad.perception), store.baseOffer[cell]!, input.positions[i]!, input.positions[j]!);
      dyad.terms = adjust.terms(i, j);
    }
    dyads.push(dyad);
  };
  const { focus } = store;
  if (focus === null) {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) push(i, j, i * n + j);
  } else if (focus >= 0) {
    for (let i = 0; i < n; i++) {
      if (i !== focus) push(i, focus, n + i);
      else for (let j = 0; j < n; j++) if (j !== i) push(i, j, j);
    }
  }
  return dyads;
}
