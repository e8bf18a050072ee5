/**
 * `advise`: what should an actor do to move one issue's forecast toward a goal? The levers it controls
 * (levers.ts), scanned one at a time for their flip points, combined greedily and refined by local
 * search (search.ts), re-scored under the scenario's uncertainty (robust.ts) and explained from the
 * forecasts (explainAdvice.ts). Works with every registered model; the channel lever needs a model
 * with EUM's `closedDyads`, and a `flip:` goal an iterative model (one whose actors move in rounds).
 *
 * Pure and deterministic for a seed: the same request always gives the same advice.
 */
import { InputError, type Problem } from '../../errors.js';
import { getModel, resolveOptions } from '../../models/registry.js';
import type { Scenario } from '../../scenario/schema.js';
import { actorNames, findIssue } from '../../scenario/views.js';
import { decimalsForScale } from '../formatNumber.js';
import { prepareSweep } from '../sweep/spec.js';
import { concession, defaultMinGain, type Goal } from './goal.js';
import { channelKinds, defaultLeverSettings, leverKey, leverKinds, leversFor, moveCost, type ChannelSource, type Lever, type LeverKind, type LeverSettings, type Move, type Pair } from './levers.js';
import type { ChannelKind } from '../../scenario/channels/schema.js';
import { hasChannelFields } from '../../scenario/channels/validate.js';
import { explainCandidate } from './explainAdvice.js';
import { drawVariants, robustness, type Robustness } from './robust.js';
import { combine, paretoFront, scanLever, type Candidate, type SearchContext } from './search.js';
import { createScorer, type Variant } from './variant.js';
import { stanceOf } from '../../scenario/keyed.js';

export interface AdviseRequest {
  actor: string;
  issue: string;
  goal: Goal;
  /** A registered model (default `eum`). */
  model?: string;
  preset?: string;
  options?: Record<string, unknown>;
  /** The levers to search (default all). */
  levers?: readonly LeverKind[];
  /** The most a recommended combination may cost, in the levers' units (default: no limit). */
  budget?: number;
  /** Re-score each recommendation under this many draws of the scenario's uncertainty (default 0). */
  robust?: number;
  seed?: number;
  /** Scan resolution: equal steps over each lever's range (default 20). */
  steps?: number;
  /** The most levers in one combination (default 3). */
  maxLevers?: number;
  /** The threshold of an `away` or `flip` goal (default: 5 % / 1 % of the scale's width). */
  minGain?: number;
  settings?: Partial<LeverSettings>;
}

/** One move as reported. */
export interface MoveReport {
  lever: string;
  kind: LeverKind;
  target: string;
  field: Lever['field'];
  issue?: string;
  other?: string;
  consent?: string;
  from: number;
  to: number;
  /** A scenario channel lever: the channel's kinds before and after (`from`, `to` are their indices in closed / public / private). */
  channel?: { from: ChannelKind; to: ChannelKind };
  cost: number;
  unit: string;
}

export interface CandidateReport {
  moves: MoveReport[];
  cost: number;
  gain: number;
  reached: boolean;
  outcome: number;
  robustness?: Robustness;
  explanation?: string[];
}

export interface LeverReport {
  lever: string;
  kind: LeverKind;
  target: string;
  field: Lever['field'];
  issue?: string;
  other?: string;
  consent?: string;
  current: number;
  range: readonly [number, number];
  unit: string;
  /** The smallest change that reaches the goal (absent: not within the lever's range). */
  flipPoint?: CandidateReport;
  /** The scanned move with the best gain per unit cost. */
  bestRatio?: CandidateReport & { ratio: number };
}

export interface Advice {
  actor: string;
  issue: string;
  goal: Goal;
  model: string;
  preset: string;
  baseline: { outcome: number; concession?: number };
  minGain: number;
  budget: number | null;
  levers: LeverReport[];
  /** The best combination within the budget (highest gain, then lowest cost). */
  best?: CandidateReport;
  pareto: CandidateReport[];
  /** How many model runs the search took (robustness draws included). */
  evaluations: number;
  notes: string[];
}

export function advise(scenario: Scenario, request: AdviseRequest): Advice {
  const modelId = request.model ?? 'eum';
  const model = getModel(modelId);
  const preset = request.preset ?? 'default';
  const options = resolveOptions(model, { preset, ...(request.options ? { options: request.options } : {}) });
  checkRequest(scenario, request);
  const issue = findIssue(scenario, request.issue);
  const width = issue.scale.max - issue.scale.min;
  const flipOther = request.goal.kind === 'flip' ? request.goal.other : undefined;
  let evaluations = 0;
  const inner = createScorer(model, options, request.issue, request.actor, flipOther);
  const scorer = { forecast: inner.forecast, read: (variant: Variant) => (evaluations++, inner.read(variant)) };
  const closedDyads = 'closedDyads' in options ? ((options.closedDyads as Pair[]) ?? []) : null;
  const base: Variant = { scenario, closedDyads };
  // The EUM reads the scenario's pair channels (channels-spec §7); on a scenario without channel fields its closedDyads.
  const channels: ChannelSource = closedDyads === null ? null : hasChannelFields(scenario) ? { kind: 'scenario' } : { kind: 'closedDyads', closed: closedDyads };
  const baselineForecast = scorer.forecast(base).issues.find((candidate) => candidate.issue === request.issue)!;
  if (flipOther !== undefined && baselineForecast.rounds.length < 2) {
    throw new InputError({ field: 'goal', message: `flip goals need a model whose actors move in rounds (eum, smp); ${modelId} has no rounds` });
  }
  const baseline = scorer.read(base);
  const minGain = request.minGain ?? defaultMinGain(request.goal, width);
  const context: SearchContext = {
    goal: request.goal,
    base,
    baseline,
    scorer,
    settings: { steps: request.steps ?? 20, maxLevers: request.maxLevers ?? 3, localEvaluations: 200, minGain },
  };
  const notes: string[] = [];
  const kinds = request.levers ?? leverKinds;
  if (kinds.includes('channel') && closedDyads === null) notes.push(`the channel lever needs a model with closed dyads (eum); ${modelId} has none, so it was left out`);
  if (flipOther !== undefined && concession(baseline) >= minGain) notes.push(`${flipOther} already moves toward ${request.actor} today; the advice is how to make it move further`);
  const levers = leversFor(scenario, request.actor, request.issue, kinds, channels, { ...defaultLeverSettings, ...request.settings });
  const scans = levers.map((lever) => scanLever(context, lever));
  const budget = request.budget ?? Number.POSITIVE_INFINITY;
  const candidates = [...scans.flatMap((scan) => scan.points), ...scans.flatMap((scan) => (scan.flipPoint ? [scan.flipPoint] : [])), ...combine(context, scans)];
  const affordable = candidates.filter((candidate) => candidate.cost <= budget + 1e-9 && candidate.gain > 0);
  const best = affordable.sort((a, b) => b.gain - a.gain || a.cost - b.cost)[0];

  const names = actorNames(scenario.actors);
  const wording = { names, decimals: decimalsForScale(issue.scale), issueName: issue.name ?? issue.id };
  const robust = robustnessOf(request, scenario, modelId, preset, context, minGain);
  const report = (candidate: Candidate, explain: boolean): CandidateReport => {
    const result: CandidateReport = {
      moves: candidate.moves.map(moveReport),
      cost: candidate.cost,
      gain: candidate.gain,
      reached: candidate.reached,
      outcome: candidate.outcome,
    };
    if (robust) result.robustness = robust(candidate.moves);
    if (explain) result.explanation = explainCandidate(candidate, base, inner, request.issue, wording, flipOther);
    return result;
  };
  const advice: Advice = {
    actor: request.actor,
    issue: request.issue,
    goal: request.goal,
    model: modelId,
    preset,
    baseline: { outcome: baseline.outcome, ...(flipOther !== undefined ? { concession: concession(baseline) } : {}) },
    minGain,
    budget: request.budget ?? null,
    levers: scans.map((scan) => {
      const lever: LeverReport = { ...leverFields(scan.lever), current: scan.lever.current, range: scan.lever.range, unit: scan.lever.unit };
      if (scan.flipPoint) lever.flipPoint = report(scan.flipPoint, true);
      if (scan.bestRatio) lever.bestRatio = { ...report(scan.bestRatio, false), ratio: scan.bestRatio.gain / scan.bestRatio.cost };
      return lever;
    }),
    pareto: paretoFront(affordable).map((candidate) => report(candidate, false)),
    evaluations: 0,
    notes,
  };
  if (best) advice.best = report(best, true);
  advice.evaluations = evaluations;
  return advice;
}

function robustnessOf(request: AdviseRequest, scenario: Scenario, model: string, preset: string, context: SearchContext, minGain: number) {
  const draws = request.robust ?? 0;
  if (draws === 0) return undefined;
  const prepared = prepareSweep({ scenario, model, preset, ...(request.options ? { options: request.options } : {}), runs: draws, seed: request.seed ?? 1 });
  const robustContext = { goal: request.goal, base: context.base, scorer: context.scorer, inputs: prepared.inputs, draws, seed: request.seed ?? 1, minGain };
  const drawn = drawVariants(robustContext);
  return (moves: readonly Move[]) => robustness(robustContext, drawn, moves);
}

function leverFields(lever: Lever) {
  return {
    lever: leverKey(lever),
    kind: lever.kind,
    target: lever.target,
    field: lever.field,
    ...(lever.issue !== undefined ? { issue: lever.issue } : {}),
    ...(lever.other !== undefined ? { other: lever.other } : {}),
    ...(lever.consent !== undefined ? { consent: lever.consent } : {}),
  };
}

function moveReport(move: Move): MoveReport {
  const { lever } = move;
  const channel = lever.field === 'channel' && lever.issue !== undefined ? { channel: { from: channelKinds[lever.current]!, to: channelKinds[move.value]! } } : {};
  return { ...leverFields(lever), from: lever.current, to: move.value, ...channel, cost: moveCost(move), unit: lever.unit };
}

/** Every problem with the request at once. */
function checkRequest(scenario: Scenario, request: AdviseRequest): void {
  const problems: Problem[] = [];
  const actor = scenario.actors.find((candidate) => candidate.id === request.actor);
  const issue = scenario.issues.find((candidate) => candidate.id === request.issue);
  if (!actor) problems.push({ field: 'actor', message: `unknown actor "${request.actor}"; expected one of ${scenario.actors.map((a) => a.id).join(', ')}` });
  if (!issue) problems.push({ field: 'issue', message: `unknown issue "${request.issue}"; expected one of ${scenario.issues.map((i) => i.id).join(', ')}` });
  if (actor && issue && stanceOf(actor, issue.id) === undefined) problems.push({ field: 'actor', message: `actor "${actor.id}" takes no part in issue "${issue.id}"` });
  const { goal } = request;
  if (issue && goal.kind !== 'flip' && (goal.value < issue.scale.min || goal.value > issue.scale.max))
    problems.push({ field: 'goal', message: `goal value ${goal.value} is outside the issue's scale [${issue.scale.min}, ${issue.scale.max}]` });
  if (goal.kind === 'flip') {
    const other = scenario.actors.find((candidate) => candidate.id === goal.other);
    if (goal.other === request.actor) problems.push({ field: 'goal', message: 'flip: names the advised actor itself; name another actor' });
    else if (!other) problems.push({ field: 'goal', message: `flip: unknown actor "${goal.other}"` });
    else if (issue && stanceOf(other, issue.id) === undefined) problems.push({ field: 'goal', message: `flip: actor "${goal.other}" takes no part in issue "${issue.id}"` });
  }
  if (request.budget !== undefined && !(request.budget > 0)) problems.push({ field: 'budget', message: `expected a budget above 0, got ${request.budget}` });
  for (const kind of request.levers ?? []) if (!(leverKinds as readonly string[]).includes(kind)) problems.push({ field: 'levers', message: `unknown lever "${kind}"; expected ${leverKinds.join(', ')}` });
  if (request.robust !== undefined && (!Number.isInteger(request.robust) || request.robust < 0 || request.robust > 100_000))
    problems.push({ field: 'robust', message: `expected a whole number of draws in [0, 100000], got ${request.robust}` });
  if (request.steps !== undefined && (!Number.isInteger(request.steps) || request.steps < 2 || request.steps > 1000))
    problems.push({ field: 'steps', message: `expected a whole number of scan steps in [2, 1000], got ${request.steps}` });
  if (request.maxLevers !== undefined && (!Number.isInteger(request.maxLevers) || request.maxLevers < 1 || request.maxLevers > 5))
    problems.push({ field: 'maxLevers', message: `expected 1 to 5 levers, got ${request.maxLevers}` });
  if (problems.length > 0) throw new InputError(problems);
}
