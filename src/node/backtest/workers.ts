/**
 * The backtest's model runs on worker threads. Each job is one model run on one block of consecutive
 * cases; a case's forecast depends on nothing but its scenario and the run, and the blocks are joined
 * in case order, so the forecasts (and the whole backtest) are bit-identical for any number of workers.
 */
import { Tinypool } from 'tinypool';
import { forecastRuns, joinModelForecasts, type BacktestSettings, type ModelForecasts, type ModelRun } from '../../analysis/backtest/backtest.js';
import type { BacktestCase } from '../../analysis/backtest/cases.js';
import { workerModuleUrl } from '../workerModule.js';
import type { ForecastBlockTask } from './worker.js';

/** Blocks per model run: enough for the two slowest runs to share the workers evenly at their end. */
const blocksPerRun = 8;

const runKey = (run: ModelRun): string => `${run.model}:${run.preset}`;

/**
 * Forecasts every case with every model run the backtest asks for (see `forecastRuns`), on `workers`
 * threads; returns the lookup `runBacktest` takes as `settings.forecastsOf`.
 */
export async function forecastOnWorkers(
  cases: readonly BacktestCase[],
  settings: Pick<BacktestSettings, 'runs'>,
  workers: number,
): Promise<(run: ModelRun) => ModelForecasts> {
  const runs = forecastRuns(settings);
  const blockSize = Math.max(1, Math.ceil(cases.length / blocksPerRun));
  const pool = new Tinypool({ filename: workerModuleUrl(import.meta.url, './worker'), minThreads: workers, maxThreads: workers });
  try {
    const byRun = await Promise.all(
      runs.map(async (run) => {
        const blocks: Promise<ModelForecasts>[] = [];
        for (let start = 0; start < cases.length; start += blockSize) {
          const task: ForecastBlockTask = { run, cases: cases.slice(start, start + blockSize) };
          blocks.push(pool.run(task) as Promise<ModelForecasts>);
        }
        return [runKey(run), joinModelForecasts(await Promise.all(blocks))] as const;
      }),
    );
    const forecasts = new Map(byRun);
    return (run) => {
      const found = forecasts.get(runKey(run));
      if (found === undefined) throw new Error(`no forecasts were computed for ${runKey(run)}`);
      return found;
    };
  } finally {
    await pool.destroy();
  }
}
