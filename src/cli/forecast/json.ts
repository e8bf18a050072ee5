/**
 * The JSON of `parley forecast --json` (written in chunks by jsonStream.ts). With one model (`--model eum`) it is exactly that model's
 * `Forecast` (src/models/model.ts). With `--model all` it is a `ForecastSet`: which file and scenario
 * were read, every model's Forecast in registry order, and the models that declined the scenario.
 */
import type { Forecast } from '../../models/model.js';
import type { SkippedModel } from './plan.js';

export interface ForecastSet {
  /** The Parley version that made the forecasts. */
  parley: string;
  scenario: { file: string; title: string; asOf?: string };
  forecasts: Forecast[];
  /** Models that could not run on this scenario, with why (an empty list when all ran). */
  skipped: SkippedModel[];
}
