/** A backtest worker thread (tinypool): one model run's forecasts of a block of cases. */
import { modelForecasts, type ModelForecasts, type ModelRun } from '../../analysis/backtest/backtest.js';
import type { BacktestCase } from '../../analysis/backtest/cases.js';

export interface ForecastBlockTask {
  run: ModelRun;
  cases: BacktestCase[];
}

export default function forecastBlock(task: ForecastBlockTask): ModelForecasts {
  return modelForecasts(task.cases, task.run);
}
