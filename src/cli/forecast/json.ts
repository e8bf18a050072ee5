/**
 * The JSON of `parley forecast --json` (written in chunks by jsonStream.ts). With one model (`--model eum`) it is exactly that model's
 * `Forecast` (src/models/model.ts). With `--model all` it is a `ForecastSet`: which file and scenario
 * were read, every model's Forecast in registry order, and the models that declined the scenario.
 */
import type { Answer } from '../../analysis/answer/answer.js';
import type { ForecastMoves } from '../../analysis/moves/moves.js';
import type { Forecast } from '../../models/model.js';
import type { SkippedModel } from '../../analysis/forecastPlan.js';
import { prettyJsonChunks } from './jsonStream.js';

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

/** The value `--json` prints: the forecast (or set), with the answer first and the moves last when given. */
function jsonValue(value: Forecast | ForecastSet, parts?: AnswerParts): unknown {
  return parts ? { answer: parts.answer, ...value, moves: parts.moves } : value;
}

/** `--json` in chunks of about 1 MB (jsonStream.ts): with dyads the text can pass the longest string V8 allows. */
export function forecastJsonChunks(value: Forecast | ForecastSet, parts?: AnswerParts): Iterable<string> {
  return prettyJsonChunks(jsonValue(value, parts));
}

/** The same text as one string (`JSON.stringify(…, null, 2)` and a newline). */
export function forecastJson(value: Forecast | ForecastSet, parts?: AnswerParts): string {
  return [...forecastJsonChunks(value, parts)].join('');
}
