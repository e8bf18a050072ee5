/**
 * Stokman's exchange of voting positions as Decide codes it (Stokman & Van Oosten 1994; Decide,
 * foarsitter/decide-exchange-model; exchange-spec.md): actors trade support across pairs of issues,
 * each giving way where it cares relatively less for a move its way where it cares more, with equal
 * gains for both; the realised trades set the voting positions, and part of each move carries over
 * into the next round's preferences. `rounds[].positions` are the preferences; `voting` holds the
 * voting positions; `forecast.exchange` the realised exchanges and externalities.
 */
import { weightedMean } from '../../math/weightedMean.js';
import { weightedMedian } from '../../math/weightedMedian.js';
import { createRandom } from '../../math/random.js';
import type { Issue, Scenario } from '../../scenario/schema.js';
import { participants, votingWeights } from '../../scenario/views.js';
import type { ExchangeRound, ExchangeSide, ExternalityAccount, Forecast, IssueForecast, Model, RealisedExchange, Round } from '../model.js';
import { denormalise, denormaliseMove, initialData, withPreferences } from './data.js';
import { addTotals, noExternalities } from './externalities.js';
import { ExchangeOptionsSchema, exchangePresets, type ExchangeOptions } from './options.js';
import { runRound, type RoundResult, type RoundRules } from './round.js';
import type { Exchange, ExchangeData, Side } from './types.js';
import { idRecord } from '../../scenario/keyed.js';

/** Weighted median and mean of raw positions, with capability × normalised salience weights (as every model reports). */
function summary(scenario: Scenario, issue: Issue, positions: Record<string, number>): Pick<Round, 'median' | 'mean'> {
  const people = participants(scenario, issue.id);
  const values = people.map((person) => positions[person.id]!);
  const weights = votingWeights(people);
  return { median: weightedMedian(values, weights), mean: weightedMean(values, weights) };
}

/** Participants' positions on issue k from a normalised matrix, on the issue's scale. */
function positionsOn(scenario: Scenario, k: number, matrix: readonly (readonly number[])[], data: ExchangeData): Record<string, number> {
  const result = idRecord<number>();
  scenario.actors.forEach((actor, a) => {
    if (data.has[a]![k]) result[actor.id] = denormalise(matrix[a]![k]!, scenario.issues[k]!);
  });
  return result;
}

/** An outcome on the issue's scale: eq. (1), or for an issue without weight (where Decide says 0) the plain mean. */
function outcomeOnScale(scenario: Scenario, k: number, normalised: number, data: ExchangeData, positions: Record<string, number>): number {
  if (data.W[k]! > 0) return denormalise(normalised, scenario.issues[k]!);
  return weightedMean(Object.values(positions), Object.values(positions).map(() => 1));
}

function sideOutput(side: Side, scenario: Scenario): ExchangeSide {
  const issue = scenario.issues[side.supply]!;
  return {
    actor: scenario.actors[side.actor]!.id,
    supplies: issue.id,
    demands: scenario.issues[side.demand]!.id,
    roundStart: denormalise(side.x0, issue),
    from: denormalise(side.xi, issue),
    to: denormalise(side.y, issue),
    move: denormaliseMove(side.move, issue),
    utility: side.utility,
    capped: side.capped,
  };
}

function exchangeOutput(exchange: Exchange, effects: ReturnType<typeof noExternalities>[], sequence: number, scenario: Scenario): RealisedExchange {
  const byActor = idRecord<number>();
  const totals = noExternalities();
  effects.forEach((account, a) => {
    addTotals(totals, account);
    if (a !== exchange.i.actor && a !== exchange.j.actor) {
      const e = account.innerPositive + account.innerNegative + account.outerPositive + account.outerNegative;
      if (e !== 0) byActor[scenario.actors[a]!.id] = e;
    }
  });
  return {
    sequence,
    issues: [scenario.issues[exchange.p]!.id, scenario.issues[exchange.q]!.id],
    groups: exchange.groups,
    gain: exchange.gain,
    i: sideOutput(exchange.i, scenario),
    j: sideOutput(exchange.j, scenario),
    effects: byActor,
    externalities: totals,
  };
}

function roundOutput(round: number, result: RoundResult, scenario: Scenario): ExchangeRound {
  const externalities = idRecord<ExternalityAccount>();
  for (const actor of scenario.actors) externalities[actor.id] = noExternalities();
  const exchanges = result.realised.map(({ exchange, externalities: effects }, index) => {
    effects.forEach((account, a) => addTotals(externalities[scenario.actors[a]!.id]!, account));
    return exchangeOutput(exchange, effects, index + 1, scenario);
  });
  return { round, exchanges, externalities };
}

/** Notes on inputs the exchange model cannot trade on (one issue, actors without stances, zero weights). */
function scenarioNotes(scenario: Scenario, data: ExchangeData): string[] {
  const notes: string[] = [];
  if (scenario.issues.length === 1)
    notes.push('one issue only: the exchange model trades support across issues, so nothing is traded; the outcome is the compromise (the power × salience weighted mean of the positions)');
  const silent = scenario.actors.filter((actor) => Object.keys(actor.stances).length === 0).map((actor) => actor.id);
  if (silent.length > 0) notes.push(`actors without stances take no part: ${silent.join(', ')}`);
  const unweighted = scenario.issues.filter((_, k) => !(data.W[k]! > 0)).map((issue) => issue.id);
  if (unweighted.length > 0) notes.push(`every power × salience is 0 on ${unweighted.join(', ')}: nothing can be traded there, and the outcome is the plain mean of the positions`);
  return notes;
}

/** Runs the model: `options.rounds` rounds from the scenario's positions. */
export function runExchange(scenario: Scenario, options: ExchangeOptions): Forecast {
  let data = initialData(scenario, options);
  const random = createRandom(options.seed);
  const crashes = new Set<string>();
  const rules: RoundRules = {
    actorIds: scenario.actors.map((actor) => actor.id),
    issueIds: scenario.issues.map((issue) => issue.id),
    zeroWeights: options.zeroWeights,
    p: options.p,
    tieRule: options.tieRule,
    carryOver: { salienceWeight: options.salienceWeight, fixedWeight: options.fixedWeight },
    draw: () => random.next(),
    onDecideCrash: (message) => crashes.add(message),
  };
  const issueRounds: Round[][] = scenario.issues.map((issue, k) => {
    const positions = positionsOn(scenario, k, data.x, data);
    return [{ round: 0, positions, ...summary(scenario, issue, positions) }];
  });
  const exchangeRounds: ExchangeRound[] = [];
  const notes = scenarioNotes(scenario, data);
  for (let round = 1; round <= options.rounds; round++) {
    const result = runRound(data, rules);
    exchangeRounds.push(roundOutput(round, result, scenario));
    scenario.issues.forEach((issue, k) => {
      const start = issueRounds[k]![issueRounds[k]!.length - 1]!.positions;
      const voting = positionsOn(scenario, k, result.voting, data);
      const positions = positionsOn(scenario, k, result.next, data);
      issueRounds[k]!.push({
        round,
        positions,
        ...summary(scenario, issue, positions),
        voting: {
          preferenceOutcome: outcomeOnScale(scenario, k, result.preferenceOutcomes[k]!, data, start),
          positions: voting,
          outcome: outcomeOnScale(scenario, k, result.votingOutcomes[k]!, data, voting),
        },
      });
    });
    data = withPreferences(data, result.next);
  }
  const issues: IssueForecast[] = scenario.issues.map((issue, k) => {
    const rounds = issueRounds[k]!;
    const last = rounds[rounds.length - 1]!;
    return { issue: issue.id, outcome: last.voting!.outcome, rounds, notes: issueNotes(scenario, issue) };
  });
  if (crashes.size > 0) {
    const first = [...crashes].slice(0, 3);
    notes.push(`warning: Decide would stop with a division by zero on this scenario; Parley left those pairs out (${crashes.size} place${crashes.size === 1 ? '' : 's'}): ${first.join('; ')}${crashes.size > 3 ? '; …' : ''}`);
  }
  return { model: 'exchange', options: { ...options }, issues, notes, exchange: { rounds: exchangeRounds } };
}

function issueNotes(scenario: Scenario, issue: Issue): string[] {
  const count = participants(scenario, issue.id).length;
  return count === 1 ? [`only one actor takes part in ${issue.id}: nothing can be traded on it, and the forecast is its position`] : [];
}

export const exchangeModel: Model<ExchangeOptions> = {
  id: 'exchange',
  title: 'Exchange of voting positions (Stokman; Decide)',
  reference:
    'Stokman & Van Oosten (1994), "The exchange of voting positions", in Bueno de Mesquita & Stokman, European Community Decision Making; Decide (foarsitter/decide-exchange-model); exchange-spec.md.',
  summary:
    "Actors trade support across pairs of issues: each gives way where it cares relatively less for a move its way where it cares more, with equal gains (Stokman's equal-gain exchange, as Decide computes it). The outcome is the weighted mean of the last round's voting positions; preferences carry part of each move into the next round.",
  optionsSchema: ExchangeOptionsSchema,
  presets: exchangePresets,
  run: runExchange,
};
