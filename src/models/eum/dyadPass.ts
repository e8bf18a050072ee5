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
  const { positions, salience, range, closed, options, adjust } = input;
  const { groups, tables, statusQuo, offers, dyads: store } = workspace;
  const { actorsByPosition: order, groupOf } = groups;
  const { lowerWins, upperWins } = tables;
  const own = options.perspective === 'own';
  const responder = options.salienceInEu === 'responder';
  const certainStatusQuo = options.Q === 1;
  const { capitulation } = options;
  const n = order.length;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const gi = groupOf[i]!;
    tables.row(gi);
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
      if (store === undefined && offers.settledAgainst(i, pruneDistance(adjust, i, j, distance), xi, range) && offers.settledAgainst(j, pruneDistance(adjust, j, i, distance), xj, range)) continue;
      const gj = groupOf[j]!;
      const iBeatsJ = gi === gj ? 0 : lowerWins[gj]!;
      const jBeatsI = gi === gj ? 0 : upperWins[gj]!;
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
      const toI = rankI >= 0 ? offerTo(adjust, workspace, i, rankI, j, xj, offerPosition(rankI, aI, bI, xi, xj), aI, bI, xi, range) : NaN;
      const toJ = rankJ >= 0 ? offerTo(adjust, workspace, j, rankJ, i, xi, offerPosition(rankJ, aJ, bJ, xj, xi), aJ, bJ, xj, range) : NaN;
      if (store !== undefined) {
        keepDyad(store, input, i, j, iBeatsJ, aI, bI, rankI, toI);
        keepDyad(store, input, j, i, jBeatsI, aJ, bJ, rankJ, toJ);
      }
    }
  }
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
