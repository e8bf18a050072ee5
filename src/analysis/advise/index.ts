/** Advice: lever search and the flip points of a refusal. */
export { advise, type Advice, type AdviseRequest, type CandidateReport, type LeverReport, type MoveReport } from './advise.js';
export { parseGoal, goalSyntax, type Goal } from './goal.js';
export { channelChange, channelState, leverKinds, type LeverKind } from './levers.js';
