/**
 * What both KTAB readers produce before validation: a KTAB scenario in KTAB's own terms (0–100
 * positions and saliences), and its conversion into one Parley scenario with one issue per KTAB
 * dimension and one space holding them all, the space carrying KTAB's model parameters, seed and
 * ideal adjustments as SMP options (`spaces[0].smpOptions`).
 */
import type { ScenarioInput } from '../schema.js';
import { idFromName } from './names.js';

export interface KtabActor {
  name: string;
  description: string;
  capability: number;
  /** One per dimension, 0–100. */
  positions: number[];
  /** One per dimension, 0–100, summing to ≤ 100. */
  saliences: number[];
}

export interface KtabScenario {
  name: string;
  description: string;
  dimensions: string[];
  actors: KtabActor[];
  /** SMP options (KTAB's parameters, seed, ideal adjustments by actor NAME), when the file has them. */
  smpOptions?: Record<string, unknown>;
}

/** The id of the one space a KTAB file becomes. */
export const ktabSpaceId = 'ktab';

export function toParleyScenario(ktab: KtabScenario): ScenarioInput {
  const issueIds = new Set<string>();
  const issues = ktab.dimensions.map((dimension, k) => ({
    id: idFromName(dimension, `dimension-${k + 1}`, issueIds),
    name: dimension.trim(),
    scale: { min: 0, max: 100 },
  }));
  const actorIds = new Set<string>();
  const idOfName = new Map<string, string>();
  const actors = ktab.actors.map((actor, i) => {
    const id = idFromName(actor.name, `actor-${i + 1}`, actorIds);
    idOfName.set(actor.name, id);
    const stances = Object.fromEntries(
      issues.map((issue, k) => [issue.id, { position: actor.positions[k]!, salience: actor.saliences[k]! }]),
    );
    const description = actor.description.trim();
    // Without a description, a name that had to be changed into an id is kept as the actor's name.
    const name = description !== '' ? description : actor.name.trim() !== id ? actor.name.trim() : undefined;
    return name === undefined ? { id, capability: actor.capability, stances } : { id, name, capability: actor.capability, stances };
  });
  const space: NonNullable<ScenarioInput['spaces']>[number] = { id: ktabSpaceId, issues: issues.map((issue) => issue.id) };
  const title = ktab.name.trim();
  if (title !== '') space.name = title;
  if (ktab.smpOptions) {
    const options = { ...ktab.smpOptions };
    const adjustments = options.idealAdjustment as { actor: string; reference: string; adjust: number }[] | undefined;
    if (adjustments) {
      options.idealAdjustment = adjustments.map((entry) => ({
        actor: idOfName.get(entry.actor) ?? entry.actor,
        reference: idOfName.get(entry.reference) ?? entry.reference,
        adjust: entry.adjust,
      }));
    }
    space.smpOptions = options;
  }
  const scenario: ScenarioInput = {
    title: title === '' ? 'KTAB scenario' : title,
    salienceScale: 100,
    issues,
    actors,
    spaces: [space],
  };
  const description = ktab.description.trim();
  if (description !== '') scenario.description = description;
  return scenario;
}
