/**
 * How often a move still works when the estimates are uncertain. Each of N draws is one run of a
 * sweep over the scenario's uncertainty (src/analysis/sweep: run k draws from `deriveSeed(seed, k)`,
 * the default noise or the stated ranges); the move is applied as the same *change* to the drawn
 * estimates (clamped to the lever's range), and it works in that draw when the goal is reached
 * against that draw's own baseline. A move that works in fewer than half the draws is fragile.
 */
import { createRandom, deriveSeed } from '../../math/random.js';
import { drawEstimates, withEstimates } from '../sweep/perturb.js';
import type { UncertainInput } from '../sweep/spec.js';
import { scoreGoal, type Goal, type Reading } from './goal.js';
import type { Move } from './levers.js';
import { applyMoves, type Scorer, type Variant } from './variant.js';

export const fragileBelow = 0.5;

export interface Robustness {
  draws: number;
  /** The share of draws in which the move reaches the goal. */
  share: number;
  fragile: boolean;
}

export interface RobustnessContext {
  goal: Goal;
  base: Variant;
  scorer: Scorer;
  inputs: readonly UncertainInput[];
  draws: number;
  seed: number;
  minGain: number;
}

/** The drawn variants and their baselines, computed once and shared by every move. */
export interface Draws {
  variants: Variant[];
  baselines: Reading[];
}

export function drawVariants(context: RobustnessContext): Draws {
  const variants: Variant[] = [];
  const uniforms = new Float64Array(context.inputs.length);
  for (let k = 0; k < context.draws; k++) {
    const random = createRandom(deriveSeed(context.seed, k));
    for (let i = 0; i < uniforms.length; i++) uniforms[i] = random.next();
    const scenario = withEstimates(context.base.scenario, context.inputs, drawEstimates(context.inputs, uniforms));
    variants.push({ ...context.base, scenario });
  }
  return { variants, baselines: variants.map((variant) => context.scorer.read(variant)) };
}

export function robustness(context: RobustnessContext, draws: Draws, moves: readonly Move[]): Robustness {
  let works = 0;
  draws.variants.forEach((variant, k) => {
    const reading = context.scorer.read(applyMoves(variant, moves, true));
    if (scoreGoal(context.goal, draws.baselines[k]!, reading, context.minGain).reached) works++;
  });
  const share = context.draws === 0 ? 0 : works / context.draws;
  return { draws: context.draws, share, fragile: share < fragileBelow };
}
