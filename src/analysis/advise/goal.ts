/**
 * What an adviser tries to achieve on one issue, and how far a changed forecast gets there.
 *
 * - `toward:V` — move the forecast toward V. Gain = |b − V| − |n − V| (b the baseline forecast, n the
 *   changed one); reached when n lies on V's side of b or at V (overshooting still reaches).
 * - `away:V` — move it away from V. Gain = |n − V| − |b − V|; reached when the gain is at least
 *   `minGain` (5 % of the scale's width unless stated).
 * - `flip:OTHER` — make OTHER, which holds firm today, move toward the advised actor. OTHER's
 *   concession c = sign(x_A − s_O)·(e_O − s_O) (s_O, e_O its first and last positions, x_A the advised
 *   actor's position in round 0); gain = c − c_baseline; reached when c − max(c_baseline, 0) ≥ `minGain`
 *   (1 % of the width): it concedes where it held firm, or concedes that much further where it already
 *   moved.
 */
import { InputError } from '../../errors.js';

export type Goal = { kind: 'toward' | 'away'; value: number } | { kind: 'flip'; other: string };

export const goalSyntax = 'toward:VALUE, away:VALUE or flip:ACTOR_ID';

/** Parses `toward:50`, `away:40` or `flip:russia`. */
export function parseGoal(text: string): Goal {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const argument = colon < 0 ? '' : text.slice(colon + 1).trim();
  const fail = (message: string): never => {
    throw new InputError({ field: 'goal', message: `${message} in "${text}"; expected ${goalSyntax}` });
  };
  if (kind === 'flip') return argument === '' ? fail('flip needs an actor id') : { kind, other: argument };
  if (kind !== 'toward' && kind !== 'away') return fail(`unknown goal "${kind}"`);
  const value = Number(argument);
  if (argument === '' || !Number.isFinite(value)) fail(`"${argument}" is not a number`);
  return { kind, value };
}

/** What a goal needs to read from one forecast of the issue. */
export interface Reading {
  outcome: number;
  /** flip: the other actor's first and last positions and the advised actor's round-0 position. */
  otherStart?: number;
  otherEnd?: number;
  actorPosition?: number;
}

export interface GoalScore {
  gain: number;
  reached: boolean;
}

/** The default threshold of an `away` or `flip` goal: 5 % or 1 % of the scale's width. */
export function defaultMinGain(goal: Goal, width: number): number {
  return goal.kind === 'flip' ? 0.01 * width : 0.05 * width;
}

/** The concession of the flipped actor toward the advised one (negative: it moves away). */
export function concession(reading: Reading): number {
  const { otherStart, otherEnd, actorPosition } = reading;
  if (otherStart === undefined || otherEnd === undefined || actorPosition === undefined) return 0;
  return Math.sign(actorPosition - otherStart) * (otherEnd - otherStart);
}

/** Scores a changed reading against the baseline (module comment). */
export function scoreGoal(goal: Goal, baseline: Reading, changed: Reading, minGain: number): GoalScore {
  if (goal.kind === 'flip') {
    const today = concession(baseline);
    return { gain: concession(changed) - today, reached: concession(changed) - Math.max(today, 0) >= minGain };
  }
  const before = Math.abs(baseline.outcome - goal.value);
  const after = Math.abs(changed.outcome - goal.value);
  if (goal.kind === 'away') return { gain: after - before, reached: after - before >= minGain };
  const side = Math.sign(goal.value - baseline.outcome);
  const reached = side === 0 || Math.sign(changed.outcome - goal.value) !== -side;
  return { gain: before - after, reached };
}
