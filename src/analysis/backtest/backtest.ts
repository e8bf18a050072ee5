/**
 * The backtest: every predictor (baselines, every registered model and preset, a cross-validated
 * blend) forecasts every scoreable DEU III issue; errors are summarised with seeded cluster-bootstrap
 * intervals, compared issue by issue with the compromise model (the c·s-weighted mean), and broken
 * down by procedure, Council voting rule and era. Pure: the cases come in, plain data goes out.
 */
import { outerFolds, randomCv } from './discreteChoice/study.js';
import { InputError, isInputError } from '../../errors.js';
import { getModel, models as registeredModels, runModel } from '../../models/registry.js';
import { baselines, fallbackForecast } from './baselines.js';
import { bootstrapInterval, bootstrapIntervals, clusterReplicates, restrictReplicates, type Interval, type Replicates } from './bootstrap.js';
import type { BacktestCase } from './cases.js';
import { crossValidateBlend } from './crossValidation.js';
import { errorMetrics, meanAt, type MetricName } from './metrics.js';

export interface ModelRun {
  model: string;
  preset: string;
}

export interface BacktestSettings {
  /** Bootstrap replicates (percentile intervals at 95 %). */
  replicates: number;
  /** Seed of the bootstrap and of the cross-validation folds. */
  seed: number;
  /** Folds of the proposal-grouped cross-validation. */
  folds: number;
  /** Model runs to score; default: every registered model with every preset. */
  runs?: ModelRun[];
  /**
   * Each model run's forecasts of the cases, computed elsewhere (the CLI runs them on worker threads);
   * default: `modelForecasts(cases, run)` here. Must give exactly what `modelForecasts` gives.
   */
  forecastsOf?: (run: ModelRun) => ModelForecasts;
}

/** A model run's forecast of each case, in case order, or why it cannot forecast them. */
export type ModelForecasts = number[] | { reason: string };

export const compromiseId = 'weighted-mean';

/** Models whose shipped parameters were fitted on DEU III: scored only out of sample. */
export const fittedOnThisData: ReadonlySet<string> = new Set(['discrete-choice']);

export type PredictorKind = 'baseline' | 'model' | 'fitted';

export interface PredictorRow {
  /** `model` or `model:preset` (when the model has several presets), or a baseline id. */
  id: string;
  kind: PredictorKind;
  description: string;
  /** Issues where the predictor's input was missing and it forecast 50 instead (baselines only). */
  fallbacks: number;
  metrics: Record<MetricName, Interval>;
  /** Mean over issues of |error| − |compromise error|: negative = better than the compromise model. */
  maeDifference: Interval;
}

export interface BreakdownGroup {
  by: 'procedure' | 'voting rule' | 'era';
  group: string;
  issues: number;
  rows: Array<{ id: string; mae: Interval; maeDifference: Interval }>;
}

export interface CrossValidationReport {
  method: string;
  components: string[];
  folds: number;
  seed: number;
  /** The weights fitted in each fold, in component order. */
  foldWeights: number[][];
  /** Weights fitted on all issues: descriptive only, never scored. */
  fullSampleWeights: number[];
  /** Out-of-sample MAE of the blend and of the compromise model, and their paired difference. */
  mae: Interval;
  compromiseMae: Interval;
  maeDifference: Interval;
  /** True when the out-of-sample MAE is lower than the compromise model's. */
  lowerThanCompromise: boolean;
  /** True when the whole 95 % interval of the difference is below 0. */
  significantlyLower: boolean;
}

export interface BacktestResult {
  issues: number;
  proposals: number;
  compromise: string;
  bootstrap: { replicates: number; seed: number; level: number; unit: 'proposal' };
  rows: PredictorRow[];
  breakdowns: BreakdownGroup[];
  crossValidation: CrossValidationReport;
  /** Model runs that could not forecast these issues, with the reason. */
  skipped: Array<{ id: string; reason: string }>;
  /** What the data set's conversion assumed (e.g. a fallback population table), each with its issue count. */
  notes: Array<{ note: string; issues: number }>;
}

/** Every registered model with every preset. */
export function allModelRuns(): ModelRun[] {
  return registeredModels.flatMap((model) => Object.keys(model.presets).map((preset) => ({ model: model.id, preset })));
}

/** Parses `--models a,b:preset`: a bare id means all its presets. Unknown ids and presets are InputErrors. */
export function parseModelRuns(list: string): ModelRun[] {
  const runs: ModelRun[] = [];
  for (const entry of list.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const [id, preset] = entry.split(':') as [string, string | undefined];
    const model = getModel(id);
    if (preset === undefined) runs.push(...Object.keys(model.presets).map((name) => ({ model: id, preset: name })));
    else if (!model.presets[preset]) {
      throw new InputError({ field: 'models', message: `model "${id}" has no preset "${preset}"; expected one of ${Object.keys(model.presets).join(', ')}` });
    } else runs.push({ model: id, preset });
  }
  if (runs.length === 0) throw new InputError({ field: 'models', message: 'expected at least one model id' });
  return runs;
}

const runId = (run: ModelRun): string => (Object.keys(getModel(run.model).presets).length > 1 ? `${run.model}:${run.preset}` : run.model);

/** Each case's forecast by one model run, or the reason it cannot run (its first failing case's). */
export function modelForecasts(cases: readonly BacktestCase[], run: ModelRun): ModelForecasts {
  const forecasts: number[] = [];
  for (const item of cases) {
    try {
      const outcome = runModel(run.model, item.scenario, { preset: run.preset }).issues[0]!.outcome;
      if (!Number.isFinite(outcome)) return { reason: `forecast ${outcome} on ${item.issue.id}` };
      forecasts.push(outcome);
    } catch (error) {
      if (isInputError(error)) return { reason: `${item.issue.id}: ${error.message}` };
      throw error;
    }
  }
  return forecasts;
}

/**
 * Joins the forecasts of consecutive blocks of the cases (in case order) into the forecasts of them
 * all: the same as `modelForecasts` on the whole, the first failing block's reason included.
 */
export function joinModelForecasts(blocks: readonly ModelForecasts[]): ModelForecasts {
  const forecasts: number[] = [];
  for (const block of blocks) {
    if (!Array.isArray(block)) return block;
    for (const forecast of block) forecasts.push(forecast);
  }
  return forecasts;
}

interface Predictor {
  id: string;
  kind: PredictorKind;
  description: string;
  forecasts: number[];
  fallbacks: number;
}

const compromiseRun: ModelRun = { model: compromiseId, preset: 'default' };
/** The blend's second component. */
const medianRun: ModelRun = { model: 'weighted-median', preset: 'default' };

/** The model runs scored: the settings' (default: all), the compromise model first if not among them. */
export function scoredRuns(settings: Pick<BacktestSettings, 'runs'>): ModelRun[] {
  const runs = settings.runs ?? allModelRuns();
  return runs.some((candidate) => candidate.model === compromiseId) ? runs : [compromiseRun, ...runs];
}

/** Every model run whose forecasts `runBacktest` asks for: the scored runs (but those fitted here) and the blend's median. */
export function forecastRuns(settings: Pick<BacktestSettings, 'runs'>): ModelRun[] {
  const runs = scoredRuns(settings).filter((run) => !fittedOnThisData.has(run.model));
  return runs.some((run) => run.model === medianRun.model && run.preset === medianRun.preset) ? runs : [...runs, medianRun];
}

export function runBacktest(cases: readonly BacktestCase[], settings: BacktestSettings): BacktestResult {
  if (cases.length === 0) throw new InputError({ field: 'subset', message: 'no scoreable issue in this subset' });
  const outcomes = cases.map((item) => item.outcome);
  const proposals = cases.map((item) => item.issue.proposalId);
  const predictors: Predictor[] = [];
  const skipped: BacktestResult['skipped'] = [];

  for (const baseline of baselines) {
    let fallbacks = 0;
    const forecasts = cases.map((item) => {
      const value = baseline.forecast(item);
      if (value === undefined) fallbacks++;
      return value ?? fallbackForecast;
    });
    predictors.push({ id: baseline.id, kind: 'baseline', description: baseline.description, forecasts, fallbacks });
  }
  const forecastsOf = settings.forecastsOf ?? ((run: ModelRun) => modelForecasts(cases, run));
  for (const run of scoredRuns(settings)) {
    const id = runId(run);
    if (fittedOnThisData.has(run.model)) {
      // Its shipped coefficients were fitted on these issues: score it out of sample only (first CV repetition).
      const forecasts = randomCv(cases, settings.seed).forecasts;
      predictors.push({ id, kind: 'fitted', description: `${getModel(run.model).title}, out of sample (${outerFolds}-fold CV by proposal, refitted in every fold)`, forecasts, fallbacks: 0 });
      continue;
    }
    const forecasts = forecastsOf(run);
    if (Array.isArray(forecasts)) {
      const model = getModel(run.model);
      const preset = model.presets[run.preset]!;
      predictors.push({ id, kind: 'model', description: `${model.title}${Object.keys(model.presets).length > 1 ? ` — ${preset.description}` : ''}`, forecasts, fallbacks: 0 });
    } else skipped.push({ id, reason: forecasts.reason });
  }
  const compromise = predictors.find((predictor) => predictor.id === compromiseId)!.forecasts;

  const crossValidation = crossValidatedBlend(cases, outcomes, proposals, compromise, settings, forecastsOf);
  predictors.push({
    id: 'blend-cv',
    kind: 'fitted',
    description: `${crossValidation.method} (out of sample, ${settings.folds}-fold by proposal)`,
    forecasts: crossValidation.forecasts,
    fallbacks: 0,
  });

  const replicates = clusterReplicates(proposals, settings.replicates, settings.seed);
  const all = cases.map((_, index) => index);
  const compromiseErrors = compromise.map((forecast, index) => forecast - outcomes[index]!);
  const errorsOf = (predictor: Predictor) => predictor.forecasts.map((forecast, index) => forecast - outcomes[index]!);
  const differencesOf = (errors: readonly number[]) => errors.map((error, index) => Math.abs(error) - Math.abs(compromiseErrors[index]!));

  const rows: PredictorRow[] = predictors.map((predictor) => {
    const errors = errorsOf(predictor);
    const metrics: Record<MetricName, Interval> = bootstrapIntervals((indices) => errorMetrics(errors, indices), all, replicates);
    const differences = differencesOf(errors);
    return {
      id: predictor.id,
      kind: predictor.kind,
      description: predictor.description,
      fallbacks: predictor.fallbacks,
      metrics,
      maeDifference: bootstrapInterval((indices) => meanAt(differences, indices), all, replicates),
    };
  });

  const breakdowns = breakdownGroups(cases).map(({ by, group, includes }): BreakdownGroup => {
    const members = all.filter((index) => includes(cases[index]!));
    const groupReplicates: Replicates = restrictReplicates(replicates, (index) => includes(cases[index]!));
    return {
      by,
      group,
      issues: members.length,
      rows: predictors.map((predictor) => {
        const errors = errorsOf(predictor);
        const absolute = errors.map(Math.abs);
        const differences = differencesOf(errors);
        return {
          id: predictor.id,
          mae: bootstrapInterval((indices) => meanAt(absolute, indices), members, groupReplicates),
          maeDifference: bootstrapInterval((indices) => meanAt(differences, indices), members, groupReplicates),
        };
      }),
    };
  }).filter((group) => group.issues > 0);

  const blendRow = rows.find((row) => row.id === 'blend-cv')!;
  const compromiseRow = rows.find((row) => row.id === compromiseId)!;
  return {
    issues: cases.length,
    proposals: new Set(proposals).size,
    compromise: compromiseId,
    bootstrap: { replicates: settings.replicates, seed: settings.seed, level: 0.95, unit: 'proposal' },
    rows,
    breakdowns,
    crossValidation: {
      method: crossValidation.method,
      components: crossValidation.components,
      folds: settings.folds,
      seed: settings.seed,
      foldWeights: crossValidation.foldWeights,
      fullSampleWeights: crossValidation.fullSampleWeights,
      mae: blendRow.metrics.mae,
      compromiseMae: compromiseRow.metrics.mae,
      maeDifference: blendRow.maeDifference,
      lowerThanCompromise: blendRow.maeDifference.value < 0,
      significantlyLower: blendRow.maeDifference.high < 0,
    },
    skipped,
    notes: caseNotes(cases),
  };
}

/** The distinct notes of the cases (from the capability rule), with how many issues carry each. */
function caseNotes(cases: readonly BacktestCase[]): BacktestResult['notes'] {
  const counts = new Map<string, number>();
  for (const item of cases) for (const note of new Set(item.notes)) counts.set(note, (counts.get(note) ?? 0) + 1);
  return [...counts].map(([note, issues]) => ({ note, issues }));
}

/**
 * The fitted method: a convex blend of the compromise model, the weighted median, the reference point
 * and the Commission's position (the last two fall back to the compromise forecast where missing),
 * weights on a 0.1 grid, scored only out of sample.
 */
function crossValidatedBlend(
  cases: readonly BacktestCase[],
  outcomes: readonly number[],
  proposals: readonly string[],
  compromise: readonly number[],
  settings: BacktestSettings,
  forecastsOf: (run: ModelRun) => ModelForecasts,
) {
  const median = forecastsOf(medianRun);
  if (!Array.isArray(median)) throw new Error(`weighted median failed: ${median.reason}`);
  const reference = cases.map((item, index) => item.issue.referencePoint ?? compromise[index]!);
  const commission = cases.map((item, index) => item.positions.find((position) => position.actor === 'COM')?.position ?? compromise[index]!);
  const components = ['weighted-mean', 'weighted-median', 'reference-point (else weighted-mean)', 'commission (else weighted-mean)'];
  const folds = Math.min(settings.folds, new Set(proposals).size);
  const fit = crossValidateBlend([compromise, median, reference, commission], outcomes, proposals, { folds, seed: settings.seed, divisions: 10 });
  return { method: 'convex blend minimising MAE', components, forecasts: fit.predictions, foldWeights: fit.foldWeights, fullSampleWeights: fit.fullSampleWeights };
}

function breakdownGroups(cases: readonly BacktestCase[]) {
  const groups: Array<{ by: BreakdownGroup['by']; group: string; includes: (item: BacktestCase) => boolean }> = [];
  const add = (by: BreakdownGroup['by'], key: (item: BacktestCase) => string) => {
    for (const group of [...new Set(cases.map(key))].sort()) groups.push({ by, group, includes: (item) => key(item) === group });
  };
  add('procedure', (item) => item.issue.procedure);
  add('voting rule', (item) => item.issue.votingRule);
  add('era', (item) => item.era);
  return groups;
}
