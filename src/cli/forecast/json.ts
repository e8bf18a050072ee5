/**
 * The JSON of `parley forecast --json`. With one model (`--model eum`) it is exactly that model's
 * `Forecast` (src/models/model.ts). With `--model all` it is a `ForecastSet`: which file and scenario
 * were read, every model's Forecast in registry order, and the models that declined the scenario.
 */
import type { Answer } from '../../analysis/answer/answer.js';
import type { ForecastMoves } from '../../analysis/moves/moves.js';
import type { Forecast } from '../../models/model.js';
import type { SkippedModel } from './plan.js';

/** The answer and the moves summaries, first in the JSON (absent with --no-answer). */
export interface AnswerParts {
  answer: Answer;
  moves: ForecastMoves[];
}

export interface ForecastSet {
  /** The Parley version that made the forecasts. */
  parley: string;
  scenario: { file: string; title: string; asOf?: string };
  forecasts: Forecast[];
  /** Models that could not run on this scenario, with why (an empty list when all ran). */
  skipped: SkippedModel[];
}

export function forecastJson(value: Forecast | ForecastSet, parts?: AnswerParts): string {
  return `${JSON.stringify(parts ? { answer: parts.answer, ...value, moves: parts.moves } : value, null, 2)}\n`;
}
