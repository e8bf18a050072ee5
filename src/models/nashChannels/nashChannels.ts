/**
 * `nash` with commitments, audience costs, trust, hurt and win-sets (channels-spec.md §8): used by
 * src/models/nash.ts only when one of them is active on an issue; the neutral case keeps today's
 * radius formula (§1.1). With dated effects the forecast gains `path`, (N6) solved on each round's
 * inputs; `outcome` stays the round-0 solution.
 */
import type { Issue, Scenario } from '../../scenario/schema.js';
import { boundary, formatDate, parseDate, roundOf, roundsToEnd, type Timeline } from '../../scenario/timeline/calendar.js';
import type { Leaf } from '../../scenario/timeline/leaves.js';
import { trustSettings } from '../../scenario/timeline/trust.js';
import { compileLeaf, timelineOf, type WorldState } from '../../scenario/timeline/world.js';
import type { Participant } from '../../scenario/views.js';
import { bargainingProblem, counts, stanceOf, type ProblemSettings, type RoundContext } from './problem.js';
import { solveBargain, type BargainingProblem, type BargainingSolution, type Loss } from './solver.js';
import { describeBlocking } from './blocking.js';

/** The options of `nash` this extension reads. */
export interface NashChannelOptions {
  loss: Loss;
  weights: 'capability' | 'capability-salience';
  disagreement: 'status-quo' | 'common-loss';
  commonLoss?: number | undefined;
}

export interface NashPathPoint {
  round: number;
  startDate?: string;
  endDate?: string;
  /** null: no agreement in that round (N7). */
  outcome: number | null;
}

/** Whether the scenario has any field of channels-spec §3 that nash reads (a cheap test that keeps today's path). */
export function mayNeedChannelNash(scenario: Scenario): boolean {
  if (scenario.trust !== undefined || (scenario.events?.length ?? 0) > 0 || (scenario.branches?.length ?? 0) > 0) return true;
  if (scenario.issues.some((issue) => issue.table !== undefined || (issue.ratifiers?.length ?? 0) > 0)) return true;
  return scenario.actors.some(
    (actor) =>
      actor.audienceCost !== undefined ||
      actor.hurt !== undefined ||
      actor.breachCost !== undefined ||
      Object.values(actor.stances).some((stance) => stance.audienceCost !== undefined || stance.hurt !== undefined || stance.breachCost !== undefined || stance.commitment !== undefined),
  );
}

/** The settings of (N1) for `nash`: its options, the issue's table (public by default) and the round's status quo. */
function settingsFor(issue: Issue, state: WorldState, options: NashChannelOptions): ProblemSettings {
  const width = issue.scale.max - issue.scale.min;
  const statusQuo = state.statusQuo.get(issue.id);
  const commonLoss = options.commonLoss ?? 2 * (options.loss === 'linear' ? width : width * width);
  const disagreement: ProblemSettings['disagreement'] =
    options.disagreement === 'status-quo' && statusQuo !== undefined ? { kind: 'status-quo', point: statusQuo } : { kind: 'common-loss', loss: commonLoss };
  const table = issue.table === undefined ? { channel: 'public' as const, leak: 0 } : { channel: issue.table.channel, leak: issue.table.channel === 'private' ? (issue.table.leak ?? 0) : 0 };
  return { loss: options.loss, weights: options.weights, disagreement, table };
}

/** True when some new term is away from neutral in this round's problem (otherwise today's formula applies). */
export function isActive(problem: BargainingProblem, issue: Issue): boolean {
  if (!problem.open || problem.winSets.length > 0 || (issue.table !== undefined && issue.table.channel !== 'public')) return true;
  return problem.parties.some((party) => party.trust !== 1 || party.breachCost !== 0 || party.hurt !== 0 || party.audienceCost !== 0 || party.commitment !== null);
}

/** The participants of a round as today's nash sees them. */
export function participantsIn(scenario: Scenario, state: WorldState, issueId: string): Participant[] {
  const people: Participant[] = [];
  for (const actor of scenario.actors) {
    const stance = stanceOf(state, actor.id, issueId);
    if (!stance) continue;
    const person: Participant = { id: actor.id, capability: stance.capability, position: stance.position, salience: stance.salience / scenario.salienceScale };
    if (actor.risk !== undefined) person.risk = actor.risk;
    people.push(person);
  }
  return people;
}

export interface ChannelRoundResult {
  problem: BargainingProblem;
  solution: BargainingSolution;
}

/** (N6)–(N7) on one round's inputs, or undefined when no extension is active (the caller uses today's formula). */
export function channelRound(context: RoundContext, options: NashChannelOptions): ChannelRoundResult | undefined {
  const { scenario, issue, state } = context;
  const members = scenario.actors.filter((actor) => {
    const stance = stanceOf(state, actor.id, issue.id);
    return stance !== undefined && counts(stance, scenario.salienceScale, options.weights);
  });
  if (members.length === 0) return undefined;
  const problem = bargainingProblem(context, members.map((actor) => actor.id), settingsFor(issue, state, options));
  if (!isActive(problem, issue)) return undefined;
  return { problem, solution: solveBargain(problem, options.loss) };
}

export interface ChannelNashIssue {
  /** Set when round 0 needs the general solver; otherwise today's formula gives the outcome. */
  round0?: { outcome: number; notes: string[] };
  path?: NashPathPoint[];
  notes: string[];
}

/** The last round holding a dated item (T3 without an end). */
function lastDatedRound(scenario: Scenario, timeline: Timeline): number {
  const dates = [...(scenario.events ?? []).map((event) => event.date), ...(scenario.branches ?? []).map((branch) => branch.date)];
  return dates.reduce((last, date) => Math.max(last, roundOf(timeline, parseDate(date)) ?? 0), 0);
}

/**
 * The extension's part of nash's forecast of one issue in one leaf: the round-0 outcome when an extension
 * is active, the path when the scenario has dated effects, and the notes of §10.3.
 * `today(people)` is today's solution (the neutral rounds of the path).
 */
export function channelNashIssue(scenario: Scenario, issue: Issue, options: NashChannelOptions, leaf: Leaf | undefined, today: (people: Participant[]) => number): ChannelNashIssue {
  const timeline = timelineOf(scenario);
  const dated = timeline !== undefined && ((scenario.events?.length ?? 0) > 0 || (scenario.branches?.length ?? 0) > 0 || (scenario.trust?.records?.length ?? 0) > 0);
  const rounds = dated ? (roundsToEnd(timeline) ?? lastDatedRound(scenario, timeline)) : 0;
  const world = compileLeaf(scenario, leaf ?? { choice: Object.create(null) as Record<string, string>, probability: 1 }, rounds, timeline);
  const trust = trustSettings(scenario);
  const notes: string[] = [];
  if ((scenario.channels?.length ?? 0) > 0) notes.push('pair channels are ignored by nash (it reads the issue\'s table)');
  const result: ChannelNashIssue = { notes };
  const solve = (t: number) => channelRound({ scenario, issue, state: world.states[t]!, timeline, trust, round: t }, options);
  const first = solve(0);
  if (first !== undefined) {
    const { problem, solution } = first;
    const trusts = problem.parties.filter((party) => party.trust !== 1);
    if (trusts.length > 0) notes.push(`trust enters the agreement value: ${trusts.map((party) => `τ_${party.id} = ${party.trust.toFixed(2)}`).join(', ')}`);
    const width = issue.scale.max - issue.scale.min;
    const commonLoss = options.commonLoss ?? 2 * (options.loss === 'linear' ? width : width * width);
    const fallbackNotes =
      options.disagreement === 'status-quo' && world.states[0]!.statusQuo.get(issue.id) === undefined
        ? [`issue "${issue.id}" has no status quo: the disagreement point is the common disagreement utility −${commonLoss} (twice the largest loss on the scale unless commonLoss is set)`]
        : [];
    if (solution.outcome !== null) result.round0 = { outcome: solution.outcome, notes: fallbackNotes };
    else {
      const point = options.disagreement === 'status-quo' ? world.states[0]!.statusQuo.get(issue.id) : undefined;
      const fallback = point ?? today(participantsIn(scenario, world.states[0]!, issue.id));
      const what = point !== undefined ? 'the status quo' : 'the compromise';
      result.round0 = { outcome: fallback, notes: [...fallbackNotes, `no agreement acceptable to every actor: ${describeBlocking(solution.blocking!, (id) => id)}; the forecast is ${what}`] };
    }
  }
  if (dated) {
    result.path = [];
    for (let t = 0; t <= rounds; t++) {
      const general = t === 0 ? first : solve(t);
      const outcome = general !== undefined ? general.solution.outcome : today(participantsIn(scenario, world.states[t]!, issue.id));
      const dates = timeline === undefined ? {} : { startDate: formatDate(t === 0 ? timeline.start : boundary(timeline, t - 1)), endDate: formatDate(boundary(timeline, t)) };
      result.path.push({ round: t, ...dates, outcome });
    }
  }
  return result;
}
