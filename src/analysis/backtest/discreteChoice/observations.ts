/**
 * DEU III issues as observations of the discrete-choice compromise: each issue's choice set
 * (src/models/discreteChoice/candidates.ts) and the candidate its outcome chose. 330 of the 351
 * outcomes are candidates; the other 21 (outcomes between the stated positions and off the 5 % grid)
 * count as choosing the nearest candidate (the lower of two equally near), so every issue is used.
 */
import { choiceSet, type ChoiceSet } from '../../../models/discreteChoice/candidates.js';
import type { Observation } from '../../../models/discreteChoice/logit.js';
import { participants, votingWeights } from '../../../scenario/views.js';
import type { BacktestCase } from '../cases.js';

export interface ChoiceCase extends Observation {
  set: ChoiceSet;
  outcome: number;
}

export function choiceCases(cases: readonly BacktestCase[]): ChoiceCase[] {
  return cases.map((item) => {
    const issue = item.scenario.issues[0]!;
    const people = participants(item.scenario, issue.id);
    const weights = votingWeights(people);
    const set = choiceSet(
      people.map((person, index) => ({ position: person.position, weight: weights[index]! })),
      issue.scale,
      issue.statusQuo,
    );
    return { set, features: set.features, chosen: nearestCandidate(set.candidates, item.outcome), outcome: item.outcome };
  });
}

function nearestCandidate(candidates: readonly number[], value: number): number {
  let best = 0;
  for (let k = 1; k < candidates.length; k++) if (Math.abs(candidates[k]! - value) < Math.abs(candidates[best]! - value)) best = k;
  return best;
}

/**
 * The cluster of an issue for folds and the bootstrap: its id without the issue suffix (`d04167i3` →
 * `d04167`). It equals the proposal id except where DEU III files issues of one act under two ids
 * (d04167i1/i2 carry a04163): 136 clusters for the 351 issues, none split.
 */
export function clusterOf(item: BacktestCase): string {
  return item.issue.id.replace(/i\d+$/u, '');
}
