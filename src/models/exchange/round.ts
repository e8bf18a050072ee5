/**
 * One round of the equal-gain exchange model (exchange-spec.md §2): outcomes (1), candidates (§2.3),
 * the selection loop (§2.6) with the externalities of each realised exchange (§4), voting positions
 * and the carried-over preferences (§2.7).
 */
import { createCandidates, type CandidateRules } from './candidates.js';
import { carriedPreferences, votingPositions, type CarryOver } from './endOfRound.js';
import { externalitiesOf, type ExternalityTotals } from './externalities.js';
import { outcomeOf } from './outcome.js';
import { selectExchanges, type TieRule } from './selection.js';
import type { Calculation, Exchange, ExchangeData } from './types.js';

export interface RoundRules extends CandidateRules {
  p: number;
  tieRule: TieRule;
  carryOver: CarryOver;
  /** The seeded draws of the run (random-rate split and coin flips, in calculation order). */
  draw: () => number;
}

export interface RoundResult {
  /** Round-start outcomes (1), normalised. */
  preferenceOutcomes: number[];
  realised: Array<{ exchange: Exchange; externalities: ExternalityTotals[] }>;
  voting: number[][];
  votingOutcomes: number[];
  /** Next round's preferences (18). */
  next: number[][];
}

/** Runs one round on `data` (whose x are the round's preferences). */
export function runRound(data: ExchangeData, rules: RoundRules): RoundResult {
  const calculation: Calculation = { data, p: rules.p, draw: rules.draw };
  const outcomes = Array.from({ length: data.issueCount }, (_, k) => outcomeOf(data.x, data, k));
  const candidates = createCandidates(outcomes, calculation, rules);
  const realised: RoundResult['realised'] = [];
  const chosen = selectExchanges(candidates, calculation, { tieRule: rules.tieRule, draw: rules.draw }, (exchange) => {
    realised.push({ exchange, externalities: externalitiesOf(exchange, data, outcomes) });
  });
  const voting = votingPositions(data, chosen);
  return {
    preferenceOutcomes: outcomes,
    realised,
    voting,
    votingOutcomes: Array.from({ length: data.issueCount }, (_, k) => outcomeOf(voting, data, k)),
    next: carriedPreferences(data, chosen, rules.carryOver),
  };
}
