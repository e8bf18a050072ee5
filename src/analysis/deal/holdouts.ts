/**
 * Who holds out and why at a non-ripe decision point (channels-spec.md §9.1): no channel; a member that
 * accepts nothing (G_i at its own position, with its parts); no overlap (the binding bounds and each
 * owner's bound with its own factors switched off); or waiting (A_i and W_i as steady flows, and what it
 * expects given its information node).
 */
import { gain, gainParts, partyInterval, type BargainingParty } from '../../models/nashChannels/solver.js';
import { boundary, formatDate } from '../../scenario/timeline/calendar.js';
import { nodesAt, nodeWeights, type RipenessInput, type RipenessLeaf, type RipenessRow } from './ripeness.js';
import type { BoundDetail, Holdout, WaitingDetail } from './types.js';

/** The node (leaf indices) holding leaf `index` at point t. */
function nodeOf(input: RipenessInput, index: number, t: number): number[] {
  return nodesAt(input, t).find((node) => node.includes(index))!;
}

/** (§9.1.4) What member i expects when it waits at point t of leaf `index`. */
export function waitingDetail(input: RipenessInput, result: readonly RipenessLeaf[], index: number, row: RipenessRow, member: string): WaitingDetail {
  const t = row.round;
  const delta = row.discount.get(member)!;
  const node = nodeOf(input, index, t);
  const weights = nodeWeights(input.leaves, node);
  let pLater = 0;
  let terms = 0;
  let when = 0;
  const carrying: number[] = [];
  node.forEach((other, k) => {
    const first = result[other]!.firstRipe;
    if (first === null || first <= t || !(weights[k]! > 0)) return;
    pLater += weights[k]!;
    terms += weights[k]! * result[other]!.rows[first]!.deal!;
    when += weights[k]! * first;
    carrying.push(other);
  });
  const expectedRound = pLater > 0 ? when / pLater : null;
  const until = expectedRound === null ? input.horizon : Math.round(expectedRound);
  const expecting = new Map<string, number>();
  for (const other of carrying) {
    for (const item of result[other]!.world.items) if (item.kind !== 'record' && item.round > t && item.round <= until) expecting.set(`${item.label} (${item.dateText})`, item.date);
  }
  return {
    acceptFlow: row.acceptValue.get(member)! * (1 - delta),
    waitFlow: row.waitValue.get(member)! * (1 - delta),
    pLater,
    expectedTerms: pLater > 0 ? terms / pLater : null,
    expectedRound,
    expectedDate: expectedRound === null || input.timeline === undefined ? null : formatDate(boundary(input.timeline, Math.round(expectedRound))),
    expecting: [...expecting].sort((a, b) => a[1] - b[1]).map(([text]) => text),
  };
}

/** (§9.1.3) The owner's bound with each of its own factors switched off. */
function boundDetail(input: RipenessInput, row: RipenessRow, owner: string, value: number, side: 'low' | 'high'): BoundDetail {
  const detail: BoundDetail = { actor: owner, value };
  const party = row.problem.parties.find((candidate) => candidate.id === owner);
  if (!party) return detail;
  const D = row.problem.disagreement.get(owner)!;
  const bound = (changed: BargainingParty): number | null => {
    const interval = partyInterval(changed, D, input.loss, row.problem.min, row.problem.max);
    return interval === null ? null : interval[side];
  };
  if (party.commitment !== null) detail.withoutRedLine = bound({ ...party, commitment: null });
  if (party.trust !== 1) detail.withFullTrust = bound({ ...party, trust: 1 });
  if (party.audienceCost !== 0 && party.exposure !== 0) detail.withoutAudienceCost = bound({ ...party, audienceCost: 0 });
  return detail;
}

/** The holdouts of one row (empty when ripe). */
export function holdoutsOf(input: RipenessInput, result: readonly RipenessLeaf[], index: number, row: RipenessRow): Holdout[] {
  if (row.ripe) return [];
  const blocking = row.solution.blocking;
  if (blocking?.kind === 'closed') return [{ actor: null, reason: 'closed', detail: null }];
  if (blocking?.kind === 'none-acceptable') {
    const width = row.problem.max - row.problem.min;
    return blocking.actors.map((actor): Holdout => {
      const party = row.problem.parties.find((candidate) => candidate.id === actor)!;
      const D = row.problem.disagreement.get(actor)!;
      const x = party.ideal;
      return { actor, reason: 'none-acceptable', detail: { ownPosition: x, gain: gain(party, x, D, input.loss, width), parts: gainParts(party, x, D, input.loss, width), trust: party.trust } };
    });
  }
  if (blocking?.kind === 'no-overlap') {
    return [{
      actor: null,
      reason: 'no-overlap',
      detail: { lowest: boundDetail(input, row, blocking.lowest.owner, blocking.lowest.value, 'low'), highest: boundDetail(input, row, blocking.highest.owner, blocking.highest.value, 'high') },
    }];
  }
  return input.members.filter((member) => !row.accept.get(member)).map((member): Holdout => ({ actor: member, reason: 'waiting', detail: waitingDetail(input, result, index, row, member) }));
}
