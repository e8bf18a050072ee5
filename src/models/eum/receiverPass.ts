/**
 * The offers of a round when only offers matter (dyads not kept), both EUs a receiver compares use its
 * own exponent (`perceived`) and Q = 1 (eum-spec.md §3.7–3.8; Scholz et al. 2011, Fig. 6): receiver by
 * receiver, nearest proposers first, so that a receiver evaluates only the few dyads that can decide
 * what it takes.
 *
 * For receiver i against j,
 *   a = U_s − U_sq − α (U_s − U_f),  b = U_s − U_sq − β (U_s − U_f),
 * with α = s_a (1 − P_ij) and β = s_b (1 − P_ji) (s_a, s_b the leading saliences of a and b, A2), and
 * U_s − U_f ≥ 0. Every offer needs b − a > EU_TOLERANCE, i.e. α > β; so a proposer whose α − β is not
 * clearly positive makes no offer and its utilities are not evaluated. The margin is wide: for d ≤ 1 and
 * saliences ≤ 1 (else nothing is skipped), U_s − U_f ≤ 4, so α − β ≤ 1e-14 bounds b − a by 4e-14 plus the
 * rounding of a and b (~1e-14), far below the 1e-12 an offer needs.
 *
 * What a receiver takes is the fold of OfferTable.consider over its offers in position order. A lost
 * conflict beats every other kind, and (by `least-move` or `scholz-code`) a lost conflict whose move is
 * longer by more than the tolerance loses to it. Let D be the shortest move of a lost conflict the
 * receiver accepts (with channels: the adjusted move, E4, of an offer not refused), G = 1e-9·R. Call
 * "near" a lost conflict with a move ≤ D + G − tolerance: every other offer loses to any near one, and
 * every near one beats any offer that is not near, as long as no lost conflict's move lies in
 * (D + G − tolerance, D + G]. Then the fold over the near offers alone, in position order, ends where the
 * fold over all offers ends (the first near offer replaces whatever came before it; later offers that
 * are not near change nothing). So the receiver looks outward from its position for D (a lost conflict's
 * move only grows with the distance: for a public channel its adjusted move is a non-decreasing function
 * of the distance, computed without the utilities; private partners, whose moves are not, are sorted by
 * their moves and merged into the walk, shortest first), stops where no farther proposer can come within
 * D + 2G, and folds its near offers. Which proposers are evaluated depends on the order, what is folded
 * does not: the near set depends only on the final D. A receiver that finds no
 * lost conflict among its first proposers, or that has one in the band above, folds every offer in
 * position order, as the pair loop did. The result is the same to the bit (tests/eumToday.test.ts).
 *
 * Refusals (E6) matter only to a receiver that takes no offer (round.ts reports its holds): a receiver
 * with a near offer folds no refusals, one that folds every offer folds them all.
 */
import { offerPosition, offerRank } from './classify.js';
import type { RoundInput } from './round.js';
import { expectedUtilityOfChallenge, powerFromLog } from './utility.js';
import type { RoundWorkspace } from './workspace.js';
import type { Evaluation, NearOffers, ReceiverScratch } from './receiverScratch.js';
import { offerTo } from './channels/work.js';
import type { ChannelTable } from './channels/table.js';
import { collectOffersByPair } from './dyadPass.js';

/** How many proposers a receiver evaluates looking for a lost conflict before it folds every offer instead. */
const SEARCH_LIMIT = 48;

/** How many receivers' searches decide whether a round uses the search or the pair loop. */
const SAMPLE = 32;

/** Receiver x's view of the dyad with y: rank, a and b (Q = 1, perceived), after the α − β test. Returns false when y makes no offer. */
function evaluate(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array, x: number, y: number, out: Evaluation): boolean {
  const { positions, salience, range, options } = input;
  const { groups, tables, statusQuo, reach } = workspace;
  if (reach.cannotReceive(x, Math.abs(positions[x]! - positions[y]!) / range)) return false;
  const gx = workspace.groups.groupOf[x]!;
  const gy = groups.groupOf[y]!;
  let xBeatsY: number;
  let yBeatsX: number;
  if (gx < gy) {
    tables.pair(gx, gy, gx + 1);
    xBeatsY = tables.lowerWon;
    yBeatsX = tables.upperWon;
  } else {
    tables.pair(gy, gx, gy + 1);
    xBeatsY = tables.upperWon;
    yBeatsX = tables.lowerWon;
  }
  return evaluateWith(statusQuo, risk, x, y, xBeatsY, yBeatsX, positions, salience, range, options.salienceInEu === 'responder', options.capitulation, out);
}

function evaluateWith(
  statusQuo: Float64Array,
  risk: Float64Array,
  x: number,
  y: number,
  xBeatsY: number,
  yBeatsX: number,
  positions: Float64Array,
  salience: Float64Array,
  range: number,
  responder: boolean,
  capitulation: boolean,
  out: Evaluation,
): boolean {
  const xx = positions[x]!;
  const xy = positions[y]!;
  const sx = salience[x]!;
  const sy = salience[y]!;
  const d = Math.abs(xx - xy) / range;
  const bounded = d <= 1 && sx <= 1 && sy <= 1;
  // α − β (the leading salience of a is the other's; of b, A2).
  const gap = sy * (1 - xBeatsY) - (responder ? sx : sy) * (1 - yBeatsX);
  if (bounded && !(gap > 1e-14)) return false;
  // U_s = 2 − 4(0.5 − 0.5d)^r and U_f = 2 − 4(0.5 + 0.5d)^r (eqs. 15, 16).
  const successBase = 0.5 - 0.5 * d;
  const failureBase = 0.5 + 0.5 * d;
  const r = risk[x]!;
  const success = 2 - 4 * powerFromLog(successBase, Math.log(successBase), r);
  const failure = 2 - 4 * powerFromLog(failureBase, Math.log(failureBase), r);
  const a = expectedUtilityOfChallenge(success, failure, xBeatsY, sy) - statusQuo[x]!;
  const b = expectedUtilityOfChallenge(success, failure, yBeatsX, responder ? sx : sy) - statusQuo[x]!;
  const rank = offerRank(a, b, capitulation);
  if (rank < 0) return false;
  out.rank = rank;
  out.a = a;
  out.b = b;
  out.baseTo = offerPosition(rank, a, b, xx, xy);
  return true;
}

export function collectPerceivedOffers(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array): void {
  const n = input.positions.length;
  const scratch = workspace.receiverScratch!;
  const order = workspace.groups.actorsByPosition;
  for (let k = 0; k < n; k++) scratch.orderIndex[order[k]!] = k;
  workspace.reach.prepare(input.salience, risk, workspace.tables.maxProbability(), input.options.salienceInEu === 'responder');
  const receivesNothing = receiversOfNothing(input, workspace);
  if (input.options.offerChoice === 'highest-eu') {
    for (let i = 0; i < n; i++) if (!receivesNothing(i)) foldEveryOffer(input, workspace, risk, i, false);
    return;
  }
  // The search pays only when most receivers find their lost conflict near: when one in three of the
  // first receivers that can receive an offer fails, the round starts over with the pair loop (both give the same result).
  let failed = 0;
  let tried = 0;
  for (let i = 0; i < n; i++) {
    if (receivesNothing(i)) continue;
    tried++;
    if (foldNearOffers(input, workspace, risk, scratch, i)) continue;
    foldEveryOffer(input, workspace, risk, i, true);
    failed++;
    if (tried <= SAMPLE && failed * 3 > tried && tried >= SAMPLE / 2) {
      workspace.offers.clear();
      if (input.adjust !== null) workspace.channelRound();
      collectOffersByPair(input, workspace, risk);
      return;
    }
  }
}

/**
 * Whether receiver i can receive no offer from anyone this round (offerReach.ts): none at any distance ≤ 1,
 * and no two actors are farther apart than the range R.
 */
function receiversOfNothing(input: RoundInput, workspace: RoundWorkspace): (i: number) => boolean {
  const { positions, range } = input;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < positions.length; i++) {
    lowest = Math.min(lowest, positions[i]!);
    highest = Math.max(highest, positions[i]!);
  }
  // Every |x_i − x_j| / R is at most this (rounding is monotone).
  const withinRange = positions.length === 0 || (highest - lowest) / range <= 1;
  const { reach } = workspace;
  return (i) => withinRange && reach.receivesNothing(i);
}

/**
 * The move an accepted lost conflict from j would ask of receiver i, NaN when it would be refused (E6):
 * the distance on today's path, else the adjusted move (E4), which needs no utilities for a lost
 * conflict (its base target is x_j). The same arithmetic as offerTo's, hence the same bits. `isPublic`:
 * the caller knows the pair is public (φ = e = 1 for a lost conflict, E1–E2), which spares the lookups.
 */
function lostConflictMove(input: RoundInput, i: number, j: number, xi: number, xj: number, isPublic: boolean): number {
  const table = input.adjust;
  // A public lost conflict to an unpressed receiver keeps its move (targetWith's first rule), here without the call.
  if (table === null || table.inert[i] === 1 || (isPublic && table.unpressed[i] === 1)) return Math.abs(xj - xi);
  const to = isPublic ? table.targetWith(i, 1, 1, xj, xi, xj) : table.target(i, j, 0, xj, xi, xj);
  return Number.isNaN(to) ? NaN : Math.abs(to - xi);
}

/**
 * Receiver i's search for its near lost conflicts (see the file comment) and their fold. Returns false
 * when i must fold every offer instead (no lost conflict among its first SEARCH_LIMIT proposers, or one
 * in the band above D + G − tolerance).
 */
function foldNearOffers(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array, scratch: ReceiverScratch, i: number): boolean {
  const { positions, closed, range, adjust } = input;
  const order = workspace.groups.actorsByPosition;
  const n = order.length;
  const xi = positions[i]!;
  const home = scratch.orderIndex[i]!;
  // G: far above the tolerance and the rounding of a move (moves are compared as |to − x_i|).
  const margin = 1e-9 * Math.max(range, Math.abs(xi), adjust === null ? 0 : adjust.width);
  const tolerance = input.options.offerChoice === 'scholz-code' ? 0 : 1e-12 * range;
  const near = scratch.near;
  const evaluation = scratch.evaluation;
  // Private partners' moves are not monotone in the distance: computed first (no utilities), sorted, and
  // merged with the walk's by move, so that the shortest candidates are evaluated first; the walk passes them by.
  const privatePartners = adjust !== null && adjust.inert[i] === 0 && adjust.privateStart[i + 1]! > adjust.privateStart[i]! ? adjust : null;
  const partners = privatePartners === null ? 0 : sortedPartnerMoves(input, scratch, i, xi, privatePartners);
  let partner = 0;
  let shortest = Infinity;
  let evaluated = 0;
  near.count = 0;
  scratch.cache.nextReceiver();
  // The walk: the nearer of the next proposer below and above, until neither side can come within D + 2G.
  let left = home - 1;
  let right = home + 1;
  if (adjust !== null && adjust.inert[i] === 0 && (adjust.audienceCost[i]! > 0 || adjust.redLineKind[i] !== 0)) {
    // Public lost conflicts closer than the audience cost allows are refused (E6): passed over by bisection.
    // (Without α_i or a red line, a public lost conflict's move is its distance, never 0: nothing to pass.)
    left = skipRefused(input, order, i, xi, left, -1, -1);
    right = skipRefused(input, order, i, xi, right, 1, n);
  }
  // The walk's next public proposer and its move (−1: none found yet).
  let walker = -1;
  let walkerMove = 0;
  for (;;) {
    while (walker < 0) {
      const leftDistance = left >= 0 ? xi - positions[order[left]!]! : Infinity;
      const rightDistance = right < n ? positions[order[right]!]! - xi : Infinity;
      const goLeft = leftDistance <= rightDistance;
      const side = goLeft ? left : right;
      if (side < 0 || side >= n) break;
      const j = order[side]!;
      if (goLeft) left--;
      else right++;
      const xj = positions[j]!;
      if (xj === xi || (closed !== null && closed[i * n + j] === 1) || (privatePartners !== null && privatePartners.isPrivate(i, j))) continue;
      const move = lostConflictMove(input, i, j, xi, xj, true);
      // Public moves grow with the distance: past D + 2G on this side, so is every farther one.
      if (move > shortest + 2 * margin) {
        if (goLeft) left = -1;
        else right = n;
        continue;
      }
      walker = j;
      walkerMove = move;
    }
    let j: number;
    let move: number;
    if (partner < partners && (walker < 0 || scratch.partnerMove[partner]! <= walkerMove)) {
      j = scratch.partner[partner]!;
      move = scratch.partnerMove[partner++]!;
    } else if (walker >= 0) {
      j = walker;
      move = walkerMove;
      walker = -1;
    } else break;
    // j's offer is evaluated when its lost conflict could come within D + 2G.
    if (!(move <= shortest + 2 * margin)) continue;
    if (++evaluated > SEARCH_LIMIT && shortest === Infinity) return false;
    const found = evaluate(input, workspace, risk, i, j, evaluation);
    scratch.cache.store(j, found, evaluation);
    if (!found || evaluation.rank !== 0) continue;
    const slot = near.count++;
    near.proposer[slot] = j;
    near.orderIndex[slot] = scratch.orderIndex[j]!;
    near.a[slot] = evaluation.a;
    near.b[slot] = evaluation.b;
    near.move[slot] = move;
    if (move < shortest) shortest = move;
  }
  if (shortest === Infinity) return false;
  // Nothing in the band (D + G − tolerance, D + G]; the near ones, in position order, folded.
  const nearLimit = shortest + margin - tolerance;
  let kept = 0;
  for (let slot = 0; slot < near.count; slot++) {
    const move = near.move[slot]!;
    if (move > nearLimit) {
      if (move <= shortest + margin) return false;
      continue;
    }
    near.proposer[kept] = near.proposer[slot]!;
    near.orderIndex[kept] = near.orderIndex[slot]!;
    near.a[kept] = near.a[slot]!;
    near.b[kept] = near.b[slot]!;
    kept++;
  }
  sortNear(near, kept);
  for (let slot = 0; slot < kept; slot++) {
    const j = near.proposer[slot]!;
    const xj = positions[j]!;
    offerTo(adjust, workspace, i, 0, j, xj, xj, near.a[slot]!, near.b[slot]!, xi, range);
  }
  return true;
}

/**
 * Receiver i's private partners that could make it an acceptable lost conflict (not at its position, not
 * closed, not refused), with the lost conflict's adjusted move, into scratch.partner / partnerMove sorted
 * by move (insertion sort: an actor has few partners). Returns how many.
 */
function sortedPartnerMoves(input: RoundInput, scratch: ReceiverScratch, i: number, xi: number, table: ChannelTable): number {
  const { positions, closed } = input;
  const n = positions.length;
  let count = 0;
  for (let slot = table.privateStart[i]!; slot < table.privateStart[i + 1]!; slot++) {
    const j = table.privatePartners[slot]!;
    const xj = positions[j]!;
    if (xj === xi || (closed !== null && closed[i * n + j] === 1)) continue;
    const move = lostConflictMove(input, i, j, xi, xj, false);
    if (Number.isNaN(move)) continue;
    let at = count++;
    while (at > 0 && scratch.partnerMove[at - 1]! > move) {
      scratch.partner[at] = scratch.partner[at - 1]!;
      scratch.partnerMove[at] = scratch.partnerMove[at - 1]!;
      at--;
    }
    scratch.partner[at] = j;
    scratch.partnerMove[at] = move;
  }
  return count;
}

/**
 * The first index from `from` toward `end` (exclusive, in steps of ±1 through the position order) whose
 * lost conflict in a public channel receiver i would not refuse: its adjusted move (E4) grows with the
 * distance, so the refused ones come first (the same arithmetic as offerTo's).
 */
function skipRefused(input: RoundInput, order: Int32Array, i: number, xi: number, from: number, step: 1 | -1, end: number): number {
  const table = input.adjust!;
  const { positions } = input;
  let low = 0;
  let high = (end - from) * step;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const xj = positions[order[from + step * middle]!]!;
    if (Number.isNaN(table.targetWith(i, 1, 1, xj, xi, xj))) low = middle + 1;
    else high = middle;
  }
  return from + step * low;
}

/** Sorts the first `count` near offers by position order (insertion sort: there are few). */
function sortNear(near: NearOffers, count: number): void {
  for (let k = 1; k < count; k++) {
    const index = near.orderIndex[k]!;
    const proposer = near.proposer[k]!;
    const a = near.a[k]!;
    const b = near.b[k]!;
    let slot = k;
    while (slot > 0 && near.orderIndex[slot - 1]! > index) {
      near.orderIndex[slot] = near.orderIndex[slot - 1]!;
      near.proposer[slot] = near.proposer[slot - 1]!;
      near.a[slot] = near.a[slot - 1]!;
      near.b[slot] = near.b[slot - 1]!;
      slot--;
    }
    near.orderIndex[slot] = index;
    near.proposer[slot] = proposer;
    near.a[slot] = a;
    near.b[slot] = b;
  }
}

/**
 * Every offer to receiver i, in position order (the pair loop's sequence for i). `searched`: i's search
 * has just failed, and the views it evaluated are reused.
 */
function foldEveryOffer(input: RoundInput, workspace: RoundWorkspace, risk: Float64Array, i: number, searched: boolean): void {
  const { positions, salience, range, closed, options, adjust } = input;
  const { groups, tables, statusQuo, offers, reach } = workspace;
  const { actorsByPosition: order, groupOf } = groups;
  const responder = options.salienceInEu === 'responder';
  const { capitulation } = options;
  const n = order.length;
  const xi = positions[i]!;
  const gi = groupOf[i]!;
  const { evaluation, cache } = workspace.receiverScratch!;
  let from = 0;
  for (let k = 0; k < n; k++) {
    const j = order[k]!;
    const xj = positions[j]!;
    if (xj === xi) {
      from = gi + 1;
      continue;
    }
    if (closed !== null && closed[i * n + j] === 1) continue;
    if (reach.cannotReceive(i, Math.abs(xi - xj) / range)) continue;
    if (offers.rank[i] === 0 && offers.settledAgainst(i, adjust === null ? Math.abs(xj - xi) : adjust.pruneDistance(i, j, Math.abs(xj - xi)), xi, range)) continue;
    // The search's views of this receiver: the same bits (`from` is only a hint for the midpoint search).
    if (searched && cache.has(j)) {
      const rank = cache.rank[j]!;
      if (rank >= 0) offerTo(adjust, workspace, i, rank, j, xj, cache.baseTo[j]!, cache.a[j]!, cache.b[j]!, xi, range);
      continue;
    }
    const gj = groupOf[j]!;
    let iBeatsJ: number;
    let jBeatsI: number;
    if (gj < gi) {
      // Lower proposers: the midpoint grows with gj, so each search resumes where the last ended.
      from = tables.pair(gj, gi, from);
      iBeatsJ = tables.upperWon;
      jBeatsI = tables.lowerWon;
    } else {
      from = tables.pair(gi, gj, from);
      iBeatsJ = tables.lowerWon;
      jBeatsI = tables.upperWon;
    }
    if (!evaluateWith(statusQuo, risk, i, j, iBeatsJ, jBeatsI, positions, salience, range, responder, capitulation, evaluation)) continue;
    offerTo(adjust, workspace, i, evaluation.rank, j, xj, evaluation.baseTo, evaluation.a, evaluation.b, xi, range);
  }
}
