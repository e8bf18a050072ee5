/**
 * (D6) The proposal test (channels-spec.md §9): a proposal (j → i, position x̂, channel c, date D) is
 * judged at t = p(D) in each leaf, with G_i at exposure 1 (public) or λ_ij (private): `closed` if the
 * pair's channel is closed, else `refuses: worse than no deal` if G_i(x̂) ≤ 0, else `refuses: waits` if
 * (D_i + G_i(x̂))/(1 − δ_i) < W_i(t), else `accepts`; with G_i split into terms, breach, audience and red line.
 */
import { bargainingProblem } from '../../models/nashChannels/problem.js';
import { gainParts, partyInterval } from '../../models/nashChannels/solver.js';
import { decisionPointOf, parseDate, yearsPerRound } from '../../scenario/timeline/calendar.js';
import { trustSettings } from '../../scenario/timeline/trust.js';
import { channelBetween } from '../../scenario/timeline/world.js';
import type { RipenessInput, RipenessLeaf } from './ripeness.js';
import type { ProposalVerdict } from './types.js';

export function judgeProposals(input: RipenessInput, result: readonly RipenessLeaf[], notes: string[]): ProposalVerdict[] {
  const { scenario, issue, timeline } = input;
  const verdicts: ProposalVerdict[] = [];
  for (const proposal of scenario.proposals ?? []) {
    if (proposal.issue !== issue.id) continue;
    const t = timeline === undefined ? 0 : decisionPointOf(timeline, parseDate(proposal.date));
    if (t > input.horizon) {
      notes.push(`${proposal.label ?? `the proposal of ${proposal.from}`} (${proposal.date}) is judged at point ${t}, after the last decision point (${input.horizon}): not judged`);
      continue;
    }
    const members = input.members.includes(proposal.to) ? input.members : [...input.members, proposal.to];
    for (const leaf of result) {
      const state = leaf.world.states[t]!;
      const pairChannel = channelBetween(state, proposal.from, proposal.to, issue.id);
      const table = { channel: proposal.channel, leak: proposal.channel === 'private' ? pairChannel.leak : 0 };
      const context = { scenario, issue, state, timeline, trust: trustSettings(scenario), round: t };
      const problem = bargainingProblem(context, members, { loss: input.loss, weights: input.weights, disagreement: { kind: 'status-quo', point: state.statusQuo.get(issue.id)! }, table, ...(input.without ? { without: input.without } : {}) });
      const party = problem.parties.find((candidate) => candidate.id === proposal.to)!;
      const D = problem.disagreement.get(party.id)!;
      const width = problem.max - problem.min;
      const parts = gainParts(party, proposal.position, D, input.loss, width);
      const G = parts.terms + parts.breach + parts.audience + parts.redLine;
      const row = leaf.rows[t]!;
      const delta = row.discount.get(party.id) ?? state.stances.get(party.id)!.get(issue.id)!.patience ** (timeline === undefined ? 1 : yearsPerRound(timeline)); // (D2)
      const acceptValue = (D + G) / (1 - delta);
      // A non-member's wait is the conflict flow for ever (it has no say in the deal on offer).
      const waitValue = row.waitValue.get(party.id) ?? D / (1 - delta);
      const verdict: ProposalVerdict['verdict'] =
        pairChannel.channel === 'closed' ? 'closed' : G <= 0 ? 'refuses: worse than no deal' : acceptValue < waitValue ? 'refuses: waits' : 'accepts';
      const interval = partyInterval(party, D, input.loss, problem.min, problem.max);
      verdicts.push({
        proposal: { date: proposal.date, from: proposal.from, to: proposal.to, issue: proposal.issue, position: proposal.position, channel: proposal.channel, ...(proposal.label !== undefined ? { label: proposal.label } : {}) },
        leaf: { ...leaf.leaf.choice },
        round: t,
        verdict,
        gain: G,
        parts,
        trust: party.trust,
        exposure: party.exposure,
        interval: interval === null ? null : [interval.low, interval.high],
        acceptValue,
        waitValue,
      });
    }
  }
  return verdicts;
}
