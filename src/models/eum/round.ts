/**
 * One round of the expected utility model (Scholz et al. 2011, Appendix; eum-spec.md §3.1):
 * r = 1 → probabilities and security → risk exponents → probabilities again with them → every actor
 * reads every dyad from its own side and collects offers → each takes one → all move at once (A11).
 *
 * Speed: both passes over the dyads (security.ts, dyadPass.ts) walk the unordered pairs in position order
 * and serve both directions at once, in arrays preallocated for the run (workspace.ts). Nothing is
 * allocated per dyad unless dyads are kept (`dyads: true`).
 */
import type { DyadTable } from '../dyadTable.js';
import type { Hold, Move } from '../model.js';
import type { ChannelTable } from './channels/table.js';
import { collectDyads, readAllDyads, readFocusDyads } from './dyadPass.js';
import { collectPerceivedOffers } from './receiverPass.js';
import { offerKinds } from './offers.js';
import type { EumOptions } from './options.js';
import { riskExponents } from './risk.js';
import { securitySums } from './security.js';
import { statusQuoUtility } from './utility.js';
import type { RoundWorkspace } from './workspace.js';

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
  /** With channels: the round's channel settings (channels-spec §7); null keeps today's path. */
  adjust: ChannelTable | null;
  options: EumOptions;
}

/** The round's results; the arrays belong to the workspace and are overwritten by the next round. */
export interface RoundOutput {
  positions: Float64Array;
  security: Float64Array;
  risk: Float64Array;
  moves: Move[];
  dyads?: DyadTable;
  holds?: Hold[];
}

export function playRound(input: RoundInput, workspace: RoundWorkspace): RoundOutput {
  const { positions, options } = input;
  const n = positions.length;
  const { groups, tables, offers } = workspace;
  if (options.probability === 'paper') tables.preparePaper(groups, input.weights);
  // The security pass reads every row once, in order: Scholz's code streams it, without a table.
  else tables.prepareScholzCode(groups, positions, input.weights, workspace.unitRisk, input.range, true);
  const { security } = workspace;
  securitySums(input, groups, tables, security, workspace.securityScratch);
  const risk = riskExponents(security, workspace.risk);
  // Eq. 31 does not depend on r: the paper rule's first pass serves the second.
  if (options.probability !== 'paper') tables.prepareScholzCode(groups, positions, input.weights, risk, input.range);
  for (let i = 0; i < n; i++) workspace.statusQuo[i] = statusQuoUtility(risk[i]!);

  offers.clear();
  if (input.adjust !== null) workspace.channelRound();
  // With dyads of one actor only (`dyadsOf`), the offers come from the receiver pass and only that actor's 2(n − 1) views are read.
  const focusOnly = workspace.dyads !== undefined && workspace.dyads.focus !== null;
  if ((!workspace.dyads || focusOnly) && options.perspective === 'perceived' && options.Q === 1) {
    collectPerceivedOffers(input, workspace, risk);
    if (focusOnly) readFocusDyads(input, workspace, risk);
  } else readAllDyads(input, workspace, risk);
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
  if (input.adjust !== null) return withChannels(input, workspace, moves, { positions: next, security, risk, moves });
  if (!workspace.dyads) return { positions: next, security, risk, moves };
  return { positions: next, security, risk, moves, dyads: collectDyads(input, workspace) };
}

/** Adds what channels report (channels-spec §7.4): shortened moves' channel, base target and shortfall; holds; dyads. */
function withChannels(input: RoundInput, workspace: RoundWorkspace, moves: Move[], output: RoundOutput): RoundOutput {
  const table = input.adjust!;
  const work = workspace.channelWork!;
  const { offers } = workspace;
  // The moves are in actor order, one per receiver that took an offer.
  let next = 0;
  for (let i = 0; i < input.ids.length; i++) {
    if (offers.rank[i]! < 0) continue;
    const move = moves[next++]!;
    if (table.inert[i] === 1 || work.baseTo[i] === move.to) continue;
    const j = offers.proposer[i]!;
    move.channel = table.channelName(i, j);
    move.baseTo = work.baseTo[i]!;
    move.shortfall = table.shortfall(i, j, offers.rank[i]!, move.baseTo, move.from, input.positions[j]!);
    move.terms = table.terms(i, j);
  }
  const holds: Hold[] = [];
  const { refused } = work;
  for (let i = 0; i < input.ids.length; i++) {
    if (offers.rank[i]! >= 0 || refused.rank[i]! < 0) continue;
    const j = refused.proposer[i]!;
    const from = input.positions[i]!;
    holds.push({
      actor: input.ids[i]!,
      proposer: input.ids[j]!,
      kind: offerKinds[refused.rank[i]!]!,
      channel: table.channelName(i, j),
      from,
      wouldMoveTo: refused.to[i]!,
      shortfall: table.shortfall(i, j, refused.rank[i]!, refused.to[i]!, from, input.positions[j]!),
      refused: work.refusedCount[i]!,
      terms: table.terms(i, j),
      expectedUtility: refused.expectedUtility[i]!,
      otherExpectedUtility: refused.otherExpectedUtility[i]!,
    });
  }
  output.holds = holds;
  if (workspace.dyads) output.dyads = collectDyads(input, workspace);
  return output;
}

