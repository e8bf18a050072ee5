/**
 * The deal on offer and the holdout recursion (channels-spec.md §9, D1–D5): in each decision round of
 * each leaf, the Nash deal among the veto players (N6 with the round's inputs); each member compares
 * accepting it now with waiting, by backward induction over the rounds and the information nodes of the
 * branch tree (B3) — the Snell envelope of optimal stopping (Chow, Robbins & Siegmund 1971) — and a round
 * is ripe when a deal exists and every member accepts (Zartman 2000).
 */
import { bargainingProblem, counts, tableOf, type Factor, type Weights } from '../../models/nashChannels/problem.js';
import { gain, solveBargain, type BargainingProblem, type BargainingSolution, type Loss } from '../../models/nashChannels/solver.js';
import type { Issue, Scenario } from '../../scenario/schema.js';
import { parseDate, roundOf, type Timeline } from '../../scenario/timeline/calendar.js';
import type { Leaf } from '../../scenario/timeline/leaves.js';
import { trustSettings } from '../../scenario/timeline/trust.js';
import type { LeafWorld } from '../../scenario/timeline/world.js';

/** One decision point of one leaf, with the recursion's values. */
export interface RipenessRow {
  round: number;
  problem: BargainingProblem;
  solution: BargainingSolution;
  /** x*_t or null. */
  deal: number | null;
  /** A_i(t) (null without a deal) and D_i(t), flows per year (D3). */
  agreementFlow: Map<string, number | null>;
  conflictFlow: Map<string, number>;
  /** δ_i = patience_i^Δ (D2). */
  discount: Map<string, number>;
  acceptValue: Map<string, number | null>;
  waitValue: Map<string, number>;
  accept: Map<string, boolean>;
  ripe: boolean;
}

export interface RipenessLeaf {
  leaf: Leaf;
  world: LeafWorld;
  rows: RipenessRow[];
  firstRipe: number | null;
}

export interface RipenessInput {
  scenario: Scenario;
  issue: Issue;
  members: readonly string[];
  leaves: readonly Leaf[];
  worlds: readonly LeafWorld[];
  timeline: Timeline | undefined;
  horizon: number;
  loss: Loss;
  weights: Weights;
  without?: ReadonlySet<Factor>;
}

/** (D1) M = vetoPlayers, or the participants with a positive bargaining weight in round 0. */
export function membersOf(scenario: Scenario, issue: Issue, world: LeafWorld, weights: Weights): string[] {
  if (issue.vetoPlayers !== undefined && issue.vetoPlayers.length > 0) return [...issue.vetoPlayers];
  const state = world.states[0]!;
  return scenario.actors.filter((actor) => {
    const stance = state.stances.get(actor.id)?.get(issue.id);
    return stance !== undefined && counts(stance, scenario.salienceScale, weights);
  }).map((actor) => actor.id);
}

/** The key of a leaf's information node at point t (B3): the outcomes of the branches resolved by then. */
export function nodeKey(scenario: Scenario, timeline: Timeline | undefined, leaf: Leaf, t: number): string {
  const parts: string[] = [];
  for (const branch of scenario.branches ?? []) {
    const outcome = leaf.choice[branch.id];
    if (outcome === undefined) continue;
    const round = timeline === undefined ? 0 : (roundOf(timeline, parseDate(branch.date)) ?? 0);
    if (round <= t) parts.push(`${branch.id}=${outcome}`);
  }
  return parts.join(';');
}

/** The leaves of each information node at t, in enumeration order. */
export function nodesAt(input: Pick<RipenessInput, 'scenario' | 'timeline' | 'leaves'>, t: number): number[][] {
  const groups = new Map<string, number[]>();
  input.leaves.forEach((leaf, index) => {
    const key = nodeKey(input.scenario, input.timeline, leaf, t);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()];
}

/** Conditional weights of a node's leaves (equal when the node has probability 0). */
export function nodeWeights(leaves: readonly Leaf[], node: readonly number[]): number[] {
  const mass = node.reduce((sum, index) => sum + leaves[index]!.probability, 0);
  return node.map((index) => (mass > 0 ? leaves[index]!.probability / mass : 1 / node.length));
}

/** (D3) The deal on offer at point t of one leaf. */
function dealRow(input: RipenessInput, world: LeafWorld, t: number, yearsPerRound: number): RipenessRow {
  const { scenario, issue, members } = input;
  const state = world.states[t]!;
  const statusQuo = state.statusQuo.get(issue.id)!;
  const context = { scenario, issue, state, timeline: input.timeline, trust: trustSettings(scenario), round: t };
  const settings = { loss: input.loss, weights: input.weights, disagreement: { kind: 'status-quo' as const, point: statusQuo }, table: tableOf(issue, state, members), ...(input.without ? { without: input.without } : {}) };
  const problem = bargainingProblem(context, members, settings);
  const solution = solveBargain(problem, input.loss);
  const width = issue.scale.max - issue.scale.min;
  const agreementFlow = new Map<string, number | null>();
  const conflictFlow = new Map<string, number>();
  const discount = new Map<string, number>();
  for (const party of problem.parties) {
    const D = problem.disagreement.get(party.id)!;
    conflictFlow.set(party.id, D);
    agreementFlow.set(party.id, solution.outcome === null ? null : D + gain(party, solution.outcome, D, input.loss, width));
    discount.set(party.id, state.stances.get(party.id)!.get(issue.id)!.patience ** yearsPerRound); // (D2)
  }
  return {
    round: t, problem, solution, deal: solution.outcome, agreementFlow, conflictFlow, discount,
    acceptValue: new Map(), waitValue: new Map(), accept: new Map(), ripe: false,
  };
}

/**
 * (D4) V_i(T) = A_i(T)/(1−δ_i) if ripe(T) else D_i(T)/(1−δ_i); W_i(t) = D_i(t) + δ_i·E[V_i(t+1) | node(t)]
 * (W_i(T) = D_i(T)/(1−δ_i)); accept_i(t) ⇔ a deal exists and A_i(t)/(1−δ_i) ≥ W_i(t) − 1e-12·max(1, |W_i(t)|);
 * ripe(t) ⇔ a deal exists and every member accepts; V_i(t) = A_i(t)/(1−δ_i) if ripe(t) else W_i(t).
 */
export function ripeness(input: RipenessInput, yearsPerRound: number): RipenessLeaf[] {
  const { leaves, worlds, horizon: T, members } = input;
  const rows = worlds.map((world) => Array.from({ length: T + 1 }, (_, t) => dealRow(input, world, t, yearsPerRound)));
  const value: Map<string, number>[][] = leaves.map(() => new Array<Map<string, number>>(T + 1));
  for (let t = T; t >= 0; t--) {
    for (const node of nodesAt(input, t)) {
      const weights = nodeWeights(leaves, node);
      for (const index of node) {
        const row = rows[index]![t]!;
        const v = new Map<string, number>();
        for (const member of members) {
          const delta = row.discount.get(member)!;
          const D = row.conflictFlow.get(member)!;
          let wait = D / (1 - delta);
          if (t < T) {
            let expected = 0;
            node.forEach((other, k) => (expected += weights[k]! * value[other]![t + 1]!.get(member)!));
            wait = D + delta * expected;
          }
          const A = row.agreementFlow.get(member) ?? null;
          const accept = A === null ? null : A / (1 - delta);
          row.waitValue.set(member, wait);
          row.acceptValue.set(member, accept);
          row.accept.set(member, accept !== null && accept >= wait - 1e-12 * Math.max(1, Math.abs(wait)));
        }
        row.ripe = row.deal !== null && members.every((member) => row.accept.get(member));
        for (const member of members) v.set(member, row.ripe ? row.acceptValue.get(member)! : row.waitValue.get(member)!);
        value[index]![t] = v;
      }
    }
  }
  return leaves.map((leaf, index) => {
    const leafRows = rows[index]!;
    const first = leafRows.findIndex((row) => row.ripe);
    return { leaf, world: worlds[index]!, rows: leafRows, firstRipe: first < 0 ? null : first };
  });
}
