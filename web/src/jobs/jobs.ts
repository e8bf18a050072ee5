/**
 * The analyses the workbench computes off the page's thread, in the models' Web Worker (worker.ts):
 * the answer with who moves (as `parley forecast --json` gives `answer` and `moves`), the advice (as
 * `parley advise`) and a draft from a text (as `parley draft`). The same pure functions as the CLI,
 * with the same shipped predictor record (data/calibration/record.json, bundled); and the deal
 * analysis (as `parley deal`, channels-spec §9).
 */
import { advise, type Advice, type AdviseRequest } from '../../../src/analysis/advise/index.js';
import { computeAnswer, type Answer } from '../../../src/analysis/answer/answer.js';
import { analyseDeal, type DealOptions } from '../../../src/analysis/deal/analyse.js';
import type { DealResult } from '../../../src/analysis/deal/types.js';
import type { PredictorRecordLike } from '../../../src/analysis/answer/predictor.js';
import { PredictorRecordSchema } from '../../../src/analysis/backtest/record.js';
import { planRuns, runPlan, type SkippedModel } from '../../../src/analysis/forecastPlan.js';
import { forecastMoves, type ForecastMoves } from '../../../src/analysis/moves/moves.js';
import { draftScenario, type Draft } from '../../../src/scenario/draft/index.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { actorNames } from '../../../src/scenario/views.js';
import shippedRecord from '../../../data/calibration/record.json';

export type Job =
  | { kind: 'answer'; scenario: Scenario }
  | { kind: 'advise'; scenario: Scenario; request: AdviseRequest }
  | { kind: 'draft'; text: string; file?: string; scenario?: Scenario }
  | { kind: 'deal'; scenario: Scenario; options: DealOptions };

/** What `parley forecast --json` adds to the forecasts: the answer and the moves of every iterative model. */
export interface AnswerJobResult {
  answer: Answer;
  moves: ForecastMoves[];
  /** Models that declined this scenario (as `--model all` skips them). */
  skipped: SkippedModel[];
}

export type JobResult<J extends Job> = J extends { kind: 'answer' }
  ? AnswerJobResult
  : J extends { kind: 'advise' }
    ? Advice
    : J extends { kind: 'deal' }
      ? DealResult
      : Draft;

/** The shipped record, checked against its schema as the CLI checks it. */
export function predictorRecord(): PredictorRecordLike {
  return PredictorRecordSchema.parse(shippedRecord);
}

export function runJob(job: Job): AnswerJobResult | Advice | Draft | DealResult {
  if (job.kind === 'deal') return analyseDeal(job.scenario, job.options);
  if (job.kind === 'advise') return advise(job.scenario, job.request);
  if (job.kind === 'draft') return draftScenario(job.text, { ...(job.file !== undefined && { file: job.file }), ...(job.scenario !== undefined && { scenario: job.scenario }) });
  // As `parley forecast` (the default `--model all`): every model at its defaults, then the answer.
  const { forecasts, skipped } = runPlan(job.scenario, planRuns({ model: 'all' }), true);
  const { answer } = computeAnswer({ scenario: job.scenario, forecasts, record: predictorRecord() });
  const names = actorNames(job.scenario.actors);
  const moves = forecasts.flatMap((forecast) => forecastMoves(forecast, (id) => names[id] ?? id) ?? []);
  return { answer, moves, skipped };
}
