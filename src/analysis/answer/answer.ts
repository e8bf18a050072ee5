/**
 * The answer, first: per issue one forecast from Parley's validated predictor, how sure it is (an
 * automatic seeded sweep over the stated ranges, else the documented default spread), a fragility
 * flag (fragility.ts), the spread of the models with each one's backtest MAE, and stability notes.
 * Pure: the predictor record comes in as an argument (the CLI loads data/calibration/record.json).
 * See docs/answer.md.
 */
import { InputError } from '../../errors.js';
import type { Forecast, IssueForecast } from '../../models/model.js';
import { runModel } from '../../models/registry.js';
import type { Issue, Question, Scenario } from '../../scenario/schema.js';
import { decimalsForScale, formatFixed } from '../formatNumber.js';
import { diagnoseStability, type Stability } from '../moves/stability.js';
import { defaultNoise } from '../sweep/noise.js';
import { hasRanges, prepareSweep } from '../sweep/spec.js';
import { runRange } from '../sweep/sweep.js';
import { quantileOfSorted } from '../sweep/statistics.js';
import { testFragility, type Fragility } from './fragility.js';
import { choosePredictor, recordRow, type ChosenPredictor, type PredictorRecordLike } from './predictor.js';
import { smpOutcomeDefinition, smpOutcomeText } from './smpOutcome.js';

/** Runs of the predictor's sweep, and of each other model's (for its fragility test). */
export const answerRuns = { predictor: 1000, model: 400 } as const;
/** The sweep's master seed when none is given. */
export const answerSeed = 1;
/**
 * Models the answer does not sweep for the fragility test: too slow for an answer well under a second
 * (on the worked example SMP takes ~4 ms a run, exchange ~0.8 ms; the others 0.03–0.2 ms).
 */
export const unsweptModels: readonly string[] = ['smp', 'exchange'];

export const defaultSpreadText = 'positions ±5 % of the scale, saliences and capabilities ±10 % (1 sd, truncated normal)';

export interface AnswerProbability {
  /** What the probability is of, in words, e.g. "P(outcome > 50, the scale midpoint)". */
  label: string;
  threshold: number;
  direction: 'above' | 'at-least' | 'at-most';
  probability: number;
  /** The scenario question it answers, when it answers one, and that question's deadline round. */
  question?: string;
  deadline?: number;
}

export interface AnswerModel {
  model: string;
  preset: string | null;
  outcome: number;
  /** The model's out-of-sample MAE on the DEU III backtest (0–100 scales), or null when the record has no row for it. */
  backtestMae: number | null;
}

export interface IssueAnswer {
  issue: string;
  forecast: number;
  predictor: { model: string; preset: string | null; mae: number | null; interval: [number, number] | null; dataset: string | null };
  interval: { p5: number; p25: number; median: number; p75: number; p95: number };
  probabilities: AnswerProbability[];
  fragile: { value: boolean; reason: string };
  models: AnswerModel[];
  notes: string[];
}

export interface Answer {
  predictor: { model: string; preset: string | null; label: string; dataset: string | null; mae: number | null; interval: [number, number] | null; outOfSample: boolean | null; n: number | null };
  sweep: { runs: number; seed: number; spread: string };
  issues: IssueAnswer[];
  notes: string[];
}

export interface AnswerRequest {
  scenario: Scenario;
  /** The forecasts already made (the models whose spread, MAE and stability the answer reports). */
  forecasts: readonly Forecast[];
  record?: PredictorRecordLike;
  seed?: number;
  runs?: { predictor: number; model: number };
}

export interface AnswerResult {
  answer: Answer;
  /** The predictor's sweep outcomes per issue (scenario order), for the ledger's CRPS. */
  samples: Float64Array[];
}

export const modelLabel = (model: string, preset: string | null | undefined): string => (preset ? `${model} (${preset})` : model);

export function computeAnswer(request: AnswerRequest): AnswerResult {
  const { scenario, forecasts, record } = request;
  const seed = request.seed ?? answerSeed;
  const runs = request.runs ?? answerRuns;
  const chosen = choosePredictor(record);
  const point = forecasts.find((forecast) => forecast.model === chosen.model && (forecast.preset ?? 'default') === (chosen.preset ?? 'default'))
    ?? runModel(chosen.model, scenario, chosen.preset === undefined ? {} : { preset: chosen.preset });
  const predictorSamples = sweepOutcomes(scenario, chosen.model, chosen.preset, undefined, runs.predictor, seed);
  const declined: string[] = [];
  const modelFragility = forecasts.filter((forecast) => forecast !== point && !unsweptModels.includes(forecast.model)).flatMap((forecast) => {
    try {
      return [{ forecast, samples: sweepOutcomes(scenario, forecast.model, forecast.preset, forecast.options, runs.model, seed) }];
    } catch (error) {
      // A model may decline a perturbed copy of the scenario; the answer says so instead of failing.
      if (!(error instanceof InputError)) throw error;
      declined.push(`${modelLabel(forecast.model, forecast.preset)} (${error.problems[0]?.message ?? error.message})`);
      return [];
    }
  });
  const spread = hasRanges(scenario) ? `stated ranges drawn uniformly; the default spread on estimates without one: ${defaultSpreadText}` : `no estimate has a range, so the default spread: ${defaultSpreadText}`;
  const issues = scenario.issues.map((issue, index) => {
    const result = point.issues.find((candidate) => candidate.issue === issue.id)!;
    const others = modelFragility.map(({ forecast, samples }) => {
      const own = forecast.issues.find((candidate) => candidate.issue === issue.id)!;
      return { forecast, fragility: testFragility(samples[index]!, own.outcome, issue.scale), outcome: own.outcome };
    });
    return issueAnswer(scenario, issue, result, predictorSamples[index]!, chosen, others, forecasts, record);
  });
  const notes: string[] = [];
  if (chosen.fallback) notes.push(chosen.fallback);
  const unswept = forecasts.filter((forecast) => unsweptModels.includes(forecast.model)).map((forecast) => forecast.model);
  if (declined.length > 0) notes.push(`not swept for the fragility test (the model declined a perturbed scenario): ${declined.join('; ')}`);
  if (unswept.length > 0) notes.push(`not swept for the fragility test (too slow for the answer): ${[...new Set(unswept)].join(', ')}; use parley sweep --model ID`);
  const row = chosen.row;
  return {
    answer: {
      predictor: {
        model: chosen.model,
        preset: chosen.preset ?? null,
        label: modelLabel(chosen.model, chosen.preset),
        dataset: chosen.dataset ?? null,
        mae: row?.mae ?? null,
        interval: row?.interval ?? null,
        outOfSample: row?.outOfSample ?? null,
        n: row?.n ?? null,
      },
      sweep: { runs: runs.predictor, seed, spread },
      issues,
      notes,
    },
    samples: predictorSamples,
  };
}

/** Each issue's outcomes over `runs` seeded runs of a model (the sweep engine, default noise, ranges honoured). */
function sweepOutcomes(scenario: Scenario, model: string, preset: string | undefined, options: Record<string, unknown> | undefined, runs: number, seed: number): Float64Array[] {
  const spec: Parameters<typeof prepareSweep>[0] = { scenario, model, runs, seed, noise: [...defaultNoise] };
  if (preset !== undefined) spec.preset = preset;
  // Dyads are bookkeeping: the sweep needs outcomes only.
  if (options && 'dyads' in options) spec.options = { ...options, dyads: false };
  else if (options) spec.options = options;
  const prepared = prepareSweep(spec);
  const data = runRange(prepared, 0, runs);
  const issueCount = prepared.issueIds.length;
  return prepared.issueIds.map((_, issueIndex) => Float64Array.from({ length: data.end }, (_, run) => data.outcomes[run * issueCount + issueIndex]!));
}

interface ModelFragility {
  forecast: Forecast;
  fragility: Fragility;
  outcome: number;
}

function issueAnswer(
  scenario: Scenario,
  issue: Issue,
  result: IssueForecast,
  sample: Float64Array,
  chosen: ChosenPredictor,
  others: readonly ModelFragility[],
  forecasts: readonly Forecast[],
  record: PredictorRecordLike | undefined,
): IssueAnswer {
  const decimals = decimalsForScale(issue.scale);
  const show = (value: number): string => formatFixed(value, decimals);
  const sorted = sample.slice().sort();
  const own = testFragility(sample, result.outcome, issue.scale);
  const notes: string[] = [];
  const models = forecasts.flatMap((forecast): AnswerModel[] => {
    const outcome = forecast.issues.find((candidate) => candidate.issue === issue.id);
    if (!outcome) return [];
    notes.push(...stabilityNotes(forecast, outcome, issue, show));
    if (outcome.mostProbable) notes.push(`${modelLabel(forecast.model, forecast.preset)}: ${smpOutcomeText(outcome, decimals)}. ${smpOutcomeDefinition}.`);
    return [{ model: forecast.model, preset: forecast.preset ?? null, outcome: outcome.outcome, backtestMae: recordRow(record, forecast.model, forecast.preset)?.mae ?? null }];
  });
  if (result.rounds.length <= 1)
    for (const question of scenario.questions ?? [])
      if (question.issue === issue.id && question.deadline !== undefined)
        notes.push(`question ${question.id}: its deadline (round ${question.deadline}) is sealed with it, but ${modelLabel(chosen.model, chosen.preset)} has no rounds: the probability is that of its outcome`);
  return {
    issue: issue.id,
    forecast: result.outcome,
    predictor: { model: chosen.model, preset: chosen.preset ?? null, mae: chosen.row?.mae ?? null, interval: chosen.row?.interval ?? null, dataset: chosen.dataset ?? null },
    interval: {
      p5: quantileOfSorted(sorted, 0.05),
      p25: quantileOfSorted(sorted, 0.25),
      median: quantileOfSorted(sorted, 0.5),
      p75: quantileOfSorted(sorted, 0.75),
      p95: quantileOfSorted(sorted, 0.95),
    },
    probabilities: probabilities(scenario, issue, sample, show),
    fragile: fragileFlag(own, others, chosen, show, { point: result.outcome, p5: quantileOfSorted(sorted, 0.05), p95: quantileOfSorted(sorted, 0.95) }),
    models,
    notes,
  };
}

/** P(outcome > status quo, else the scale midpoint), then each question on the issue. */
function probabilities(scenario: Scenario, issue: Issue, sample: Float64Array, show: (value: number) => string): AnswerProbability[] {
  const reference = issue.statusQuo ?? (issue.scale.min + issue.scale.max) / 2;
  const what = issue.statusQuo !== undefined ? 'the status quo' : 'the scale midpoint';
  const share = (test: (value: number) => boolean): number => sample.reduce((count, value) => count + (test(value) ? 1 : 0), 0) / sample.length;
  const list: AnswerProbability[] = [{ label: `P(outcome > ${show(reference)}, ${what})`, threshold: reference, direction: 'above', probability: share((value) => value > reference) }];
  for (const question of scenario.questions ?? []) {
    if (question.issue !== issue.id) continue;
    const entry: AnswerProbability = { label: question.text, threshold: question.threshold, direction: question.direction, probability: share((value) => questionHolds(question, value)), question: question.id };
    if (question.deadline !== undefined) entry.deadline = question.deadline;
    list.push(entry);
  }
  return list;
}

/** Whether a question's event happened for an outcome: outcome ≥ threshold (at-least) or ≤ (at-most). */
export function questionHolds(question: Pick<Question, 'direction' | 'threshold'>, outcome: number): boolean {
  return question.direction === 'at-least' ? outcome >= question.threshold : outcome <= question.threshold;
}

function describeModes(fragility: Fragility, show: (value: number) => string): string {
  return fragility.modes.map((mode) => `${Math.round(mode.mass * 100)} % of runs near ${show(mode.at)}`).join(', ');
}

/**
 * Fragile when the predictor's distribution is multimodal, when its point forecast lies outside the
 * central 90 % of its own runs (small changes of the estimates move it away), or when some model's
 * point forecast sits in a minority mode of its own sweep.
 */
function fragileFlag(
  own: Fragility,
  others: readonly ModelFragility[],
  chosen: ChosenPredictor,
  show: (value: number) => string,
  spread: { point: number; p5: number; p95: number },
): IssueAnswer['fragile'] {
  const reasons: string[] = [];
  const predictor = modelLabel(chosen.model, chosen.preset);
  if (own.multimodal) reasons.push(`the predictor's runs are multimodal (${describeModes(own, show)})`);
  if (spread.point < spread.p5 || spread.point > spread.p95)
    reasons.push(`${predictor}'s point forecast ${show(spread.point)} lies outside the central 90 % of its own runs (${show(spread.p5)}–${show(spread.p95)}): small changes of the estimates move it`);
  for (const { forecast, fragility, outcome } of others) {
    if (fragility.pointInMinorityMode)
      reasons.push(`${modelLabel(forecast.model, forecast.preset)}'s point forecast ${show(outcome)} sits in a minority mode of its own runs (${describeModes(fragility, show)})`);
  }
  if (reasons.length > 0) return { value: true, reason: reasons.join('; ') };
  return { value: false, reason: `one mode: ${predictor}'s runs peak near ${show(own.modes[0]?.at ?? 0)}, its point forecast lies within its runs' central 90 %, and no swept model's point forecast sits in a minority mode` };
}

function stabilityNotes(forecast: Forecast, result: IssueForecast, issue: Issue, show: (value: number) => string): string[] {
  const stability: Stability | undefined = diagnoseStability(result, issue.scale.max - issue.scale.min);
  if (!stability) return [];
  const label = modelLabel(forecast.model, forecast.preset);
  const last = result.rounds[result.rounds.length - 1]!.round;
  if (stability.median === 'two-cycle') {
    const [before, after] = stability.alternates!;
    return [`${label} cycles: its median alternates between ${show(before)} and ${show(after)} in the last rounds (a 2-cycle), so its outcome depends on the round count (${show(before)} after ${last - 1} rounds, ${show(after)} after ${last})`];
  }
  if (stability.median === 'unsettled') {
    const [before, after] = stability.lastMove!;
    return [`${label} has not settled by round ${last}: its median still moves (${show(before)} → ${show(after)} in the last round)`];
  }
  if (stability.restless.length === 0) return [];
  const actors = stability.restless.map(({ actor, kind, values }) => kind === 'two-cycle' ? `${actor} alternates between ${show(values[0])} and ${show(values[1])}` : `${actor} still moves (${show(values[0])} → ${show(values[1])})`);
  return [`${label}: the median holds, but positions have not settled by round ${last}: ${actors.join('; ')}`];
}
