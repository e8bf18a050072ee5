/**
 * What the three baseline models share: each reads the actors' starting positions on an issue and
 * returns one number, with round 0 (the input) as the only round.
 */
import { hasChannelFields } from '../scenario/channels/validate.js';
import { z } from 'zod';
import { weightedMean } from '../math/weightedMean.js';
import { weightedMedian } from '../math/weightedMedian.js';
import type { Scenario } from '../scenario/schema.js';
import { participants, votingWeights, type Participant } from '../scenario/views.js';
import type { Forecast, IssueForecast, Model } from './model.js';
import { idRecord } from '../scenario/keyed.js';

export const NoOptionsSchema = z.object({}).strict();
export type NoOptions = z.infer<typeof NoOptionsSchema>;

/** Round 0 of any model: the input positions, their weighted median and c·s-weighted mean. */
export function inputRound(people: readonly Participant[]): IssueForecast['rounds'][number] {
  const positions = people.map((participant) => participant.position);
  const weights = votingWeights(people);
  return {
    round: 0,
    positions: idRecord(people.map((participant) => [participant.id, participant.position])),
    median: weightedMedian(positions, weights),
    mean: weightedMean(positions, weights),
  };
}

/** Notes on inputs that make a forecast degenerate; every model reports them the same way. */
export function degeneracyNotes(people: readonly Participant[]): string[] {
  const notes: string[] = [];
  if (people.length === 1) notes.push(`only one actor (${people[0]!.id}) takes part: the forecast is its position`);
  else if (people.every((participant) => participant.position === people[0]!.position))
    notes.push(`every actor holds the same position (${people[0]!.position}): the forecast is that position`);
  if (people.length > 0 && people.every((participant) => participant.salience === 0))
    notes.push('warning: every salience is 0, so nobody cares; weights are taken as equal');
  else if (people.length > 0 && votingWeights(people).every((weight) => weight === 0))
    notes.push('warning: every capability × salience is 0; weights are taken as equal');
  return notes;
}

/** Builds a static (one-shot) model from a rule mapping an issue's participants to an outcome. */
export function staticModel(definition: {
  id: string;
  title: string;
  reference: string;
  summary: string;
  outcome: (people: readonly Participant[]) => number;
}): Model<NoOptions> {
  return {
    ...definition,
    optionsSchema: NoOptionsSchema,
    presets: { default: { description: 'the only variant', options: {} } },
    run(scenario: Scenario): Forecast {
      return {
        model: definition.id,
        options: {},
        // channels-spec §1.4: the baselines read the round-0 inputs only.
        notes: hasChannelFields(scenario) ? ['the baselines read the round-0 inputs and ignore channels, trust, audience costs, red lines and dated effects'] : [],
        issues: scenario.issues.map((issue) => {
          const people = participants(scenario, issue.id);
          return {
            issue: issue.id,
            outcome: definition.outcome(people),
            rounds: [inputRound(people)],
            notes: degeneracyNotes(people),
          };
        }),
      };
    },
  };
}
