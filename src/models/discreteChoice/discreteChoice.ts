/**
 * The discrete-choice compromise: the outcome of an issue as a choice among the stated positions,
 * a grid on the scale and the status quo, by a conditional logit (McFadden 1974) on its distance to
 * the compromise x̄ = Σ c s x / Σ c s:
 *
 *   u_a = β₁ d + β₂ d² + β₃ · 1[a is some actor's position] + β₄ W_a,   p_a = exp(u_a) / Σ_b exp(u_b),
 *
 * d = |a − x̄| / (width / 10), W_a the share of Σ c s held by the actors at a (candidates.ts). The
 * forecast is the median of p (distribution.ts); the model also reports the most probable candidates
 * and the central 50 / 80 / 90 % intervals. β defaults to the shipped fit on DEU III
 * (data/calibration/discrete-choice.json, `parley backtest --fit discrete-choice`): outcomes of EU
 * legislative bargaining, which DEU's coders record as stated alternatives.
 */
import { z } from 'zod';
import { hasChannelFields } from '../../scenario/channels/validate.js';
import type { Scenario } from '../../scenario/schema.js';
import { participants, votingWeights } from '../../scenario/views.js';
import { degeneracyNotes, inputRound } from '../baseline.js';
import type { Forecast, IssueForecast, Model } from '../model.js';
import { shippedCalibration } from './calibration.js';
import { choiceSet, featureCount } from './candidates.js';
import { centralInterval, intervalLevels, medianOf } from './distribution.js';
import { choiceProbabilities } from './logit.js';

export const DiscreteChoiceOptionsSchema = z
  .object({
    /** The coefficients (distance, distance², is a position, weight share); default: the shipped DEU III fit. */
    beta: z
      .array(z.number().refine(Number.isFinite, 'expected a finite number'))
      .length(featureCount, `expected ${featureCount} coefficients: distance, distance², is a position, weight share`)
      .default([...shippedCalibration.beta]),
    /** How many of the most probable candidates to report. */
    top: z.number().int().min(1).max(100).default(5),
  })
  .strict();
export type DiscreteChoiceOptions = z.infer<typeof DiscreteChoiceOptionsSchema>;

export const discreteChoiceModel: Model<DiscreteChoiceOptions> = {
  id: 'discrete-choice',
  title: 'Discrete-choice compromise',
  reference: 'McFadden (1974), conditional logit; outcomes as choices among stated positions (Thomson et al., The European Union Decides, 2006); fitted on DEU III.',
  summary:
    "The outcome as a choice among the stated positions, a 5 % grid and the status quo, by a conditional logit on the distance to the compromise (weighted mean); the forecast is the distribution's median, with central 50/80/90 % intervals.",
  optionsSchema: DiscreteChoiceOptionsSchema,
  presets: { default: { description: 'the coefficients fitted on DEU III (data/calibration/discrete-choice.json)', options: {} } },
  run(scenario: Scenario, options: DiscreteChoiceOptions): Forecast {
    return {
      model: 'discrete-choice',
      options,
      notes: hasChannelFields(scenario) ? ['the discrete-choice compromise reads the round-0 inputs and ignores channels, trust, audience costs, red lines and dated effects'] : [],
      issues: scenario.issues.map((issue) => forecastIssue(scenario, issue.id, options)),
    };
  },
};

function forecastIssue(scenario: Scenario, issueId: string, options: DiscreteChoiceOptions): IssueForecast {
  const issue = scenario.issues.find((candidate) => candidate.id === issueId)!;
  const people = participants(scenario, issueId);
  const weights = votingWeights(people);
  const stated = people.map((person, index) => ({ position: person.position, weight: weights[index]! }));
  const set = choiceSet(stated, issue.scale, issue.statusQuo);
  const probabilities = choiceProbabilities(set.features, options.beta);
  const outcome = medianOf(set.candidates, probabilities);
  const order = set.candidates.map((_, k) => k).sort((a, b) => probabilities[b]! - probabilities[a]! || a - b);
  return {
    issue: issueId,
    outcome,
    rounds: [inputRound(people)],
    notes: degeneracyNotes(people),
    distribution: {
      compromise: set.compromise,
      top: order.slice(0, options.top).map((k) => ({ position: set.candidates[k]!, probability: probabilities[k]! })),
      intervals: Object.fromEntries(intervalLevels.map((level) => [`p${Math.round(level * 100)}`, centralInterval(set.candidates, probabilities, level)])) as DistributionIntervals,
    },
  };
}

type DistributionIntervals = { p50: [number, number]; p80: [number, number]; p90: [number, number] };
