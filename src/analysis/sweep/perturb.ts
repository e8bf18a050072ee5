/**
 * A scenario with some estimates replaced: each run's noisy draws, or one estimate swung for the
 * tornado. The base scenario is never mutated; only the touched actors and stances are copied.
 */
import type { Actor, Scenario } from '../../scenario/schema.js';
import { sampleNoise } from './noise.js';
import type { UncertainInput } from './spec.js';
import { stanceOf, stancesCopy } from '../../scenario/keyed.js';

/** The scenario with `values[k]` as the value of `inputs[k]`. */
export function withEstimates(scenario: Scenario, inputs: readonly UncertainInput[], values: ArrayLike<number>): Scenario {
  if (inputs.length === 0) return scenario;
  const actors: Actor[] = scenario.actors.slice();
  const copied = new Set<number>();
  inputs.forEach((input, k) => {
    let actor = actors[input.actorIndex]!;
    if (!copied.has(input.actorIndex)) {
      actor = { ...actor, stances: stancesCopy(actor) };
      actors[input.actorIndex] = actor;
      copied.add(input.actorIndex);
    }
    const value = values[k]!;
    if (input.field === 'capability') actor.capability = value;
    else actor.stances[input.issue!] = { ...stanceOf(actor, input.issue!)!, [input.field]: value };
  });
  return { ...scenario, actors };
}

/**
 * Draws every uncertain input from its law: `uniforms[k]` (one uniform in [0, 1) per input) becomes
 * the value of `inputs[k]` by inversion.
 */
export function drawEstimates(inputs: readonly UncertainInput[], uniforms: ArrayLike<number>): Float64Array {
  const values = new Float64Array(inputs.length);
  for (let k = 0; k < inputs.length; k++) values[k] = sampleNoise(inputs[k]!.law, uniforms[k]!);
  return values;
}
