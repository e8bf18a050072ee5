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
  if (workspace.receiverPass) {
    collectPerceivedOffers(input, workspace, risk);
    if (workspace.dyads !== undefined) readFocusDyads(input, workspace, risk);
  } else readAllDyads(input, workspace, risk);
  const next = workspace.positionsAfter(positions);
  next.set(positions);
  const moves: Move[] = [];
  for (let i = 0; i < n; i++) {
    if (offers.rank[i]! < 0) continue;
    next[i] = offers.to[i]!;
    moves.push(moveOf(input, workspace, i));
  }
  if (input.adjust !== null) return withHolds(input, workspace, { positions: next, security, risk, moves });
  if (!workspace.dyads) return { positions: next, security, risk, moves };
  return { positions: next, security, risk, moves, dyads: collectDyads(input, workspace) };
}

/**
 * Receiver i's move, to the offer it took; with channels, a move that was shortened also reports its
 * channel, base target and shortfall (channels-spec §7.4). One object literal either way: adding the
 * channel fields afterwards costs a shape change per move.
 */
function moveOf(input: RoundInput, workspace: RoundWorkspace, i: number): Move {
  const { offers } = workspace;
  const table = input.adjust;
  const rank = offers.rank[i]!;
  const j = offers.proposer[i]!;
  const from = input.positions[i]!;
  const to = offers.to[i]!;
  const actor = input.ids[i]!;
  const kind = offerKinds[rank]!;
  const proposer = input.ids[j]!;
  const expectedUtility = offers.expectedUtility[i]!;
  const otherExpectedUtility = offers.otherExpectedUtility[i]!;
  const baseTo = table === null || table.inert[i] === 1 ? to : workspace.channelWork!.baseTo[i]!;
  if (table === null || baseTo === to) return { actor, kind, proposer, from, to, expectedUtility, otherExpectedUtility };
  const shortfall = table.shortfall(i, j, rank, baseTo, from, input.positions[j]!);
  return { actor, kind, proposer, from, to, expectedUtility, otherExpectedUtility, channel: table.channelName(i, j), baseTo, shortfall, terms: table.terms(i, j) };
}

/** Adds what channels report besides the moves (channels-spec §7.4): the holds, and the dyads when kept. */
function withHolds(input: RoundInput, workspace: RoundWorkspace, output: RoundOutput): RoundOutput {
  const table = input.adjust!;
  const work = workspace.channelWork!;
  const { offers } = workspace;
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

