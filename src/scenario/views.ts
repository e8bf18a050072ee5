/**
 * Views of a scenario that models share: the actors taking part in one issue, with salience
 * normalised to [0, 1]. One place does this, so every model reads a scenario the same way.
 */
import { productWeight } from '../math/weightFloor.js';
import type { Actor, Issue, Scenario } from './schema.js';
import { idRecord, stanceOf } from './keyed.js';

/** One actor's inputs on one issue, salience normalised to [0, 1]. */
export interface Participant {
  id: string;
  capability: number;
  position: number;
  /** Salience in [0, 1] (the scenario's value divided by its `salienceScale`). */
  salience: number;
  /** The actor's fixed risk exponent, when the scenario gives one. */
  risk?: number;
}

export function findIssue(scenario: Scenario, issueId: string): Issue {
  const issue = scenario.issues.find((candidate) => candidate.id === issueId);
  if (!issue) throw new RangeError(`unknown issue "${issueId}"`);
  return issue;
}

/** The actors with a stance on the issue, in the scenario's actor order. */
export function participants(scenario: Scenario, issueId: string): Participant[] {
  const result: Participant[] = [];
  for (const actor of scenario.actors) {
    const stance = stanceOf(actor, issueId);
    if (!stance) continue;
    const participant: Participant = {
      id: actor.id,
      capability: actor.capability,
      position: stance.position,
      salience: stance.salience / scenario.salienceScale,
    };
    if (actor.risk !== undefined) participant.risk = actor.risk;
    result.push(participant);
  }
  return result;
}

/** The voting weights cᵢ·sᵢ of the participants (BDM's w_i), below the weight floor counted as zero (src/math/weightFloor.ts). */
export function votingWeights(people: readonly Participant[]): number[] {
  return people.map((participant) => productWeight(participant.capability, participant.salience));
}

/**
 * How to name actors to a person: by `name`, or by `id` when the actor has none or shares its name
 * with another actor (a KTAB import fills `name` from KTAB's Description column, which often reads
 * "Random Spatial Actor" for every actor). Explanations, tables and charts must tell actors apart.
 */
export function actorNames(actors: readonly Pick<Actor, 'id' | 'name'>[]): Record<string, string> {
  const count = new Map<string, number>();
  for (const actor of actors) if (actor.name !== undefined) count.set(actor.name, (count.get(actor.name) ?? 0) + 1);
  return idRecord(actors.map((actor) => [actor.id, actor.name !== undefined && count.get(actor.name) === 1 ? actor.name : actor.id]));
}
