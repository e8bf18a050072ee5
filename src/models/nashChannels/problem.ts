/**
 * One round's bargaining problem on one issue (channels-spec.md §8, N1–N5; §9, D1–D3) from the inputs in
 * force (a WorldState of src/scenario/timeline): the members' ideals, weights, trust in the agreement
 * (R3), costs, conflict flows and the ratifiers' win-sets. Shared by `nash` and the deal analysis.
 */
import { flooredWeight, productWeight } from '../../math/weightFloor.js';
import type { Issue, Scenario } from '../../scenario/schema.js';
import type { Timeline } from '../../scenario/timeline/calendar.js';
import { agreementTrust, trustIn, type TrustSettings } from '../../scenario/timeline/trust.js';
import { channelBetween, type ChannelState, type StanceState, type WorldState } from '../../scenario/timeline/world.js';
import { lossOf, utility, winSetOf, type BargainingParty, type BargainingProblem, type Loss, type WinSet } from './solver.js';

export type Weights = 'capability-salience' | 'capability';

/** The factors the counterfactual layers switch off (§9.2), in their fixed order. */
export const factorOrder = ['red-lines', 'trust', 'audience-costs', 'win-sets'] as const;
export type Factor = (typeof factorOrder)[number];

export interface ProblemSettings {
  loss: Loss;
  weights: Weights;
  /** D_i = ū_i(d) − h_i with the status quo d, or −K/ℓ(W) − h_i under a common loss K (N1). */
  disagreement: { kind: 'status-quo'; point: number } | { kind: 'common-loss'; loss: number };
  /** The table: the issue's `table`, or as (D1) says for the deal analysis. */
  table: ChannelState;
  /** Factors switched off for every actor (§9.2). */
  without?: ReadonlySet<Factor>;
}

export interface RoundContext {
  scenario: Scenario;
  issue: Issue;
  state: WorldState;
  timeline: Timeline | undefined;
  trust: TrustSettings;
  /** The round t (trust's half-life reads b(t − 1)). */
  round: number;
}

export const stanceOf = (state: WorldState, actor: string, issue: string): StanceState | undefined => state.stances.get(actor)?.get(issue);

/** ω_i and a_i (D2): weights c·s with a_i = 1, or c with a_i = s (salience on [0, 1]). */
export function weightAndScale(stance: StanceState, salienceScale: number, weights: Weights): { weight: number; utilityScale: number } {
  const salience = stance.salience / salienceScale;
  return weights === 'capability' ? { weight: stance.capability, utilityScale: salience } : { weight: productWeight(stance.capability, salience), utilityScale: 1 };
}

/** Whether an actor counts in the bargaining set (today's nash rule: positive weight). */
export function counts(stance: StanceState, salienceScale: number, weights: Weights): boolean {
  const salience = stance.salience / salienceScale;
  return weights === 'capability-salience' ? productWeight(stance.capability, salience) > 0 : flooredWeight(stance.capability) > 0 && flooredWeight(salience) > 0;
}

/** (D1) The table's channel: the issue's `table`; else, for exactly two members, their pair's channel in force; else public. */
export function tableOf(issue: Issue, state: WorldState, members: readonly string[]): ChannelState {
  if (issue.table !== undefined) return { channel: issue.table.channel, leak: issue.table.channel === 'private' ? (issue.table.leak ?? 0) : 0 };
  if (members.length === 2) return channelBetween(state, members[0]!, members[1]!, issue.id);
  return { channel: 'public', leak: 0 };
}

/** (N1) The conflict flow of a stance with hurt h. */
export function conflictFlow(ideal: number, utilityScale: number, hurt: number, settings: ProblemSettings, width: number): number {
  const base =
    settings.disagreement.kind === 'status-quo'
      ? utility({ ideal, utilityScale }, settings.disagreement.point, settings.loss, width)
      : -settings.disagreement.loss / lossOf(settings.loss, width);
  return base - hurt;
}

/** The bargaining problem of the members in one round (N1–N5). */
export function bargainingProblem(context: RoundContext, members: readonly string[], settings: ProblemSettings): BargainingProblem {
  const { scenario, issue, state } = context;
  const without = settings.without ?? new Set<Factor>();
  const width = issue.scale.max - issue.scale.min;
  const exposure = settings.table.channel === 'public' ? 1 : settings.table.leak;
  const stances = new Map(members.map((member) => [member, stanceOf(state, member, issue.id)!]));
  const weightOf = (member: string): number => weightAndScale(stances.get(member)!, scenario.salienceScale, settings.weights).weight;
  const parties: BargainingParty[] = [];
  const disagreement = new Map<string, number>();
  for (const member of members) {
    const stance = stances.get(member)!;
    const { weight, utilityScale } = weightAndScale(stance, scenario.salienceScale, settings.weights);
    const trust = without.has('trust') ? 1 : agreementTrust(member, members, (other) => trustIn(context.trust, state, context.timeline, context.round, member, other), weightOf); // (R3)
    parties.push({
      id: member,
      ideal: stance.position,
      weight,
      utilityScale,
      trust,
      breachCost: without.has('trust') ? 0 : stance.breachCost,
      hurt: stance.hurt,
      audienceCost: without.has('audience-costs') ? 0 : stance.audienceCost,
      commitment: without.has('red-lines') ? null : stance.commitment,
      exposure,
    });
    disagreement.set(member, conflictFlow(stance.position, utilityScale, stance.hurt, settings, width));
  }
  const winSets: WinSet[] = [];
  if (!without.has('win-sets')) {
    for (const ratifier of issue.ratifiers ?? []) {
      if (!members.includes(ratifier.for)) continue;
      const stance = stanceOf(state, ratifier.actor, issue.id);
      if (!stance) continue;
      const { utilityScale } = weightAndScale(stance, scenario.salienceScale, settings.weights);
      const flow = conflictFlow(stance.position, utilityScale, stance.hurt, settings, width);
      winSets.push(winSetOf(ratifier.actor, ratifier.for, stance.position, utilityScale, flow, settings.loss, issue.scale.min, issue.scale.max)); // (N5)
    }
  }
  return { parties, disagreement, winSets, min: issue.scale.min, max: issue.scale.max, open: settings.table.channel !== 'closed' };
}
