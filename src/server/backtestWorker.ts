/**
 * The workbench's backtest worker thread (tinypool): reads DEU III with the CLI's loader, builds the
 * cases and runs the whole backtest off the server's event loop, reporting each model run it starts
 * on a MessagePort so the page can show progress.
 */
import type { MessagePort } from 'node:worker_threads';
import { modelForecasts, runBacktest, scoredRuns, type BacktestResult, type BacktestSettings } from '../analysis/backtest/backtest.js';
import { buildCases, selectSubset } from '../analysis/backtest/cases.js';
import type { CapabilityRule } from '../analysis/backtest/capability.js';
import { parseDeuDataset } from '../analysis/backtest/deu3.js';
import { readDeuFiles, shippedDataDirectory } from '../node/deuData.js';
import { isInputError, type Problem } from '../errors.js';

export interface BacktestTask {
  dataset: 'deu3';
  capability: CapabilityRule;
  subset: string;
  settings: Omit<BacktestSettings, 'forecastsOf'>;
  progress: MessagePort;
}

/** What the page is told while the backtest runs: model runs started of all, and the one running. */
export interface BacktestProgress {
  done: number;
  total: number;
  current: string;
}

export type BacktestAnswer = { ok: true; result: BacktestResult } | { ok: false; problems: Problem[]; message: string };

export default async function runBacktestTask(task: BacktestTask): Promise<BacktestAnswer> {
  try {
    const directory = shippedDataDirectory(task.dataset);
    const dataset = parseDeuDataset(await readDeuFiles(directory, { cwd: directory }));
    const cases = selectSubset(buildCases(dataset, task.capability), task.subset);
    // The scored runs plus the blend's weighted median: runBacktest asks for each once, in order.
    const total = scoredRuns(task.settings).length + 1;
    let done = 0;
    const forecastsOf = (run: { model: string; preset: string }) => {
      task.progress.postMessage({ done, total, current: `forecasting with ${run.model}:${run.preset}` } satisfies BacktestProgress);
      const forecasts = modelForecasts(cases, run);
      done = Math.min(total, done + 1);
      if (done === total) task.progress.postMessage({ done, total, current: 'bootstrap intervals and cross-validation' } satisfies BacktestProgress);
      return forecasts;
    };
    const result = runBacktest(cases, { ...task.settings, forecastsOf });
    return { ok: true, result };
  } catch (error) {
    // InputErrors cross the thread boundary as plain data: the API answers them with a 400.
    if (isInputError(error)) return { ok: false, problems: [...error.problems], message: error.message };
    throw error;
  } finally {
    task.progress.close();
  }
}
