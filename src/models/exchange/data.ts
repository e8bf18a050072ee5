/**
 * The exchange model's view of a scenario (exchange-spec.md §1): actors and issues in the scenario's
 * order (they fix the candidate order, and so the ties), positions normalised to 0–100 (eq. 0).
 */
import { productWeight } from '../../math/weightFloor.js';
import type { Issue, Scenario } from '../../scenario/schema.js';
import type { ExchangeOptions } from './options.js';
import type { ExchangeData } from './types.js';
import { stanceOf } from '../../scenario/keyed.js';

/** (0) x_norm = (x − lo)·100/(hi − lo). */
export function normalise(position: number, issue: Issue): number {
  return ((position - issue.scale.min) * 100) / (issue.scale.max - issue.scale.min);
}

/** The inverse of (0): back to the issue's own scale. */
export function denormalise(position: number, issue: Issue): number {
  return issue.scale.min + (position * (issue.scale.max - issue.scale.min)) / 100;
}

/** A normalised move back to the issue's own units. */
export function denormaliseMove(move: number, issue: Issue): number {
  return (move * (issue.scale.max - issue.scale.min)) / 100;
}

/** The round-1 data: preferences as given, saliences as the options say, weights w = s·c. */
export function initialData(scenario: Scenario, options: Pick<ExchangeOptions, 'saliences'>): ExchangeData {
  const divisor = options.saliences === 'normalised' ? scenario.salienceScale : 1;
  const has: boolean[][] = [];
  const x: number[][] = [];
  const s: number[][] = [];
  const w: number[][] = [];
  for (const actor of scenario.actors) {
    const stances = scenario.issues.map((issue) => stanceOf(actor, issue.id));
    has.push(stances.map((stance) => stance !== undefined));
    x.push(stances.map((stance, k) => (stance ? normalise(stance.position, scenario.issues[k]!) : 0)));
    const saliences = stances.map((stance) => (stance ? stance.salience / divisor : 0));
    s.push(saliences);
    w.push(saliences.map((salience) => productWeight(salience, actor.capability)));
  }
  return withPreferences({ actorCount: scenario.actors.length, issueCount: scenario.issues.length, has, x, s, w, W: [], weightedSum: [] }, x);
}

/** The same actors and weights with new preferences (the next round's, eq. 18). */
export function withPreferences(data: ExchangeData, x: number[][]): ExchangeData {
  const W: number[] = [];
  const weightedSum: number[] = [];
  for (let k = 0; k < data.issueCount; k++) {
    let total = 0;
    let sum = 0;
    for (let a = 0; a < data.actorCount; a++) {
      if (!data.has[a]![k]) continue;
      total += data.w[a]![k]!;
      sum += data.w[a]![k]! * x[a]![k]!;
    }
    W.push(total);
    weightedSum.push(sum);
  }
  return { ...data, x, W, weightedSum };
}
