/**
 * The choice set of the discrete-choice compromise on one issue, and each candidate's features.
 *
 * With weights w_i = c_i·s_i of the actors that have both, x̄ = Σ w x / Σ w (the compromise; the
 * unweighted mean when every weight is 0). Candidates A = a grid every 5 % of the scale's width ∪
 * every actor's position ∪ the status quo when defined (values closer than 1e-9 of the width are one).
 * For candidate a, with d = |a − x̄| / (width / 10) and W_a the share of Σ w held by the actors whose
 * position is a, the features are f(a) = (d, d², 1[a is some actor's position], W_a).
 */
export interface Stated {
  position: number;
  /** c·s, the actor's voting weight. */
  weight: number;
}

export interface ChoiceSet {
  /** Candidate positions, ascending. */
  candidates: number[];
  /** features[k] = f(candidates[k]). */
  features: Float64Array[];
  /** The compromise x̄. */
  compromise: number;
}

export const featureNames = ['distance', 'distance²', 'is a position', 'weight share'] as const;
export const featureCount = featureNames.length;
/** The grid's step as a share of the scale's width. */
export const gridStep = 0.05;

export function choiceSet(stated: readonly Stated[], scale: { min: number; max: number }, statusQuo?: number): ChoiceSet {
  const width = scale.max - scale.min;
  const total = stated.reduce((sum, actor) => sum + actor.weight, 0);
  const compromise =
    total > 0 ? stated.reduce((sum, actor) => sum + actor.weight * actor.position, 0) / total : stated.reduce((sum, actor) => sum + actor.position, 0) / stated.length;
  const tolerance = 1e-9 * Math.max(width, 1);
  const values: number[] = [];
  const steps = Math.round(1 / gridStep);
  for (let k = 0; k <= steps; k++) values.push(k === steps ? scale.max : scale.min + (width * k) / steps);
  for (const actor of stated) values.push(actor.position);
  if (statusQuo !== undefined) values.push(statusQuo);
  values.sort((a, b) => a - b);
  const candidates: number[] = [];
  for (const value of values) if (candidates.length === 0 || value - candidates[candidates.length - 1]! > tolerance) candidates.push(value);
  const unit = width > 0 ? width / 10 : 1;
  const features = candidates.map((candidate) => {
    const d = Math.abs(candidate - compromise) / unit;
    let share = 0;
    let held = false;
    for (const actor of stated) {
      if (Math.abs(actor.position - candidate) <= tolerance) {
        held = true;
        share += actor.weight;
      }
    }
    return Float64Array.of(d, d * d, held ? 1 : 0, total > 0 ? share / total : 0);
  });
  return { candidates, features, compromise };
}

/** The index of the candidate a value equals (within the set's tolerance), or −1. */
export function candidateIndex(set: ChoiceSet, value: number, scale: { min: number; max: number }): number {
  const tolerance = 1e-9 * Math.max(scale.max - scale.min, 1);
  return set.candidates.findIndex((candidate) => Math.abs(candidate - value) <= tolerance);
}
