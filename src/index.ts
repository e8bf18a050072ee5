/**
 * Parley's library entry (`import … from 'parley'`): read, validate and write scenarios, run any
 * registered model by id, explain a forecast, and run sweeps. Everything here is pure and runs in
 * a browser as well as in Node; the CLI, server and store are the Node edges built on it.
 */
export * from './scenario/index.js';
export { models, modelIds, getModel, resolveOptions, runModel, type RunRequest } from './models/registry.js';
export type { Dyad, Forecast, IssueForecast, Model, Move, Perception, Preset, Round } from './models/model.js';
export { DyadTable, dyadAt, dyadList, dyadsInvolving, reviveDyads } from './models/dyadTable.js';
export { InputError, isInputError, formatProblem, type Problem } from './errors.js';
export { explainActor, describeDyad, type Explanation, type ExplanationSentence, type ExplainRequest } from './analysis/explain.js';
export { decimalsForScale, formatFixed, formatShort, formatSignificant } from './analysis/formatNumber.js';
export * from './analysis/sweep/index.js';
export { createRandom, deriveSeed, type Random } from './math/random.js';
export * from './analysis/advise/index.js';
export { computeAnswer, type Answer, type AnswerRequest, type IssueAnswer } from './analysis/answer/answer.js';
export { summarizeMoves, forecastMoves, type MovesSummary, type ActorMoves, type MoveStep } from './analysis/moves/moves.js';
export { diagnoseStability, type Stability } from './analysis/moves/stability.js';
export { brierScore, crpsFromQuantiles, calibrationBins } from './analysis/ledger/score.js';
export { analyseDeal, type DealOptions } from './analysis/deal/analyse.js';
export { dealText } from './analysis/deal/explain.js';
export type { DealResult, DealIssue, DealRow, Holdout } from './analysis/deal/types.js';
