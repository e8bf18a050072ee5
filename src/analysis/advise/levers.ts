/**
 * The levers an actor can pull on one issue, each with its range and its cost in stated units:
 *
 * | lever        | what changes                                   | range                          | cost per unit of change        |
 * |--------------|------------------------------------------------|--------------------------------|--------------------------------|
 * | `position`   | its own position on the issue (an offer)       | the issue's scale              | 1 per % of the scale's width   |
 * | `salience`   | its own salience (commit or de-emphasise)      | [0, salienceScale]             | 1 per point of a 0–100 salience|
 * | `capability` | its own capability (e.g. aid)                  | ±`capabilityBound` (50 %)      | 1 per % of its capability      |
 * | `channel`    | one of its dyads opened or closed (EUM's `closedDyads`) | open / closed         | `channelCost` (10) per dyad    |
 * | `persuade`   | another actor's position or salience           | as for the actor's own         | `persuadeFactor` (2) × the own cost; needs that actor's consent |
 *
 * Costs are a common currency only so that a budget can be stated; the units are printed with every
 * result.
 */
import type { Scenario } from '../../scenario/schema.js';
import { findIssue } from '../../scenario/views.js';
import { stanceOf } from '../../scenario/keyed.js';

export const leverKinds = ['position', 'salience', 'capability', 'channel', 'persuade'] as const;
export type LeverKind = (typeof leverKinds)[number];

export interface Lever {
  kind: LeverKind;
  /** Whose estimate changes: the advised actor, or the persuaded one. */
  target: string;
  field: 'position' | 'salience' | 'capability' | 'channel';
  issue?: string;
  /** channel: the other end of the dyad. */
  other?: string;
  /** The value today (channel: 1 open, 0 closed). */
  current: number;
  range: readonly [number, number];
  /** Cost per unit of |change|. */
  unitCost: number;
  /** The cost's unit in words, e.g. "% of the scale". */
  unit: string;
  /** persuade: the actor whose consent the change needs. */
  consent?: string;
}

export interface LeverSettings {
  capabilityBound: number;
  channelCost: number;
  persuadeFactor: number;
}

export const defaultLeverSettings: LeverSettings = { capabilityBound: 0.5, channelCost: 10, persuadeFactor: 2 };

/** A dyad, unordered: EUM's closedDyads close both directions. */
export type Pair = readonly [string, string];

export function samePair(a: Pair, b: Pair): boolean {
  return (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);
}

/**
 * Every lever of `kinds` the actor has on the issue. `closedDyads` are the dyads closed today (null
 * when the model has no channels: then there is no channel lever).
 */
export function leversFor(
  scenario: Scenario,
  actorId: string,
  issueId: string,
  kinds: readonly LeverKind[],
  closedDyads: readonly Pair[] | null,
  settings: LeverSettings = defaultLeverSettings,
): Lever[] {
  const { scale } = findIssue(scenario, issueId);
  const width = scale.max - scale.min;
  const actor = scenario.actors.find((candidate) => candidate.id === actorId)!;
  const others = scenario.actors.filter((candidate) => candidate.id !== actorId && stanceOf(candidate, issueId) !== undefined);
  const levers: Lever[] = [];
  const stanceLevers = (target: string, factor: number, consent?: string): Lever[] => {
    const stance = stanceOf(scenario.actors.find((candidate) => candidate.id === target)!, issueId)!;
    const shared = { target, issue: issueId, ...(consent !== undefined ? { consent } : {}) };
    const kind: LeverKind = consent === undefined ? 'position' : 'persuade';
    return [
      { ...shared, kind, field: 'position', current: stance.position, range: [scale.min, scale.max], unitCost: (factor * 100) / width, unit: '% of the scale' },
      {
        ...shared,
        kind: consent === undefined ? 'salience' : 'persuade',
        field: 'salience',
        current: stance.salience,
        range: [0, scenario.salienceScale],
        unitCost: (factor * 100) / scenario.salienceScale,
        unit: 'salience points (of 100)',
      },
    ];
  };
  const own = stanceLevers(actorId, 1);
  if (kinds.includes('position')) levers.push(own[0]!);
  if (kinds.includes('salience')) levers.push(own[1]!);
  if (kinds.includes('capability') && actor.capability > 0) {
    const bound = settings.capabilityBound * actor.capability;
    levers.push({
      kind: 'capability',
      target: actorId,
      field: 'capability',
      current: actor.capability,
      range: [actor.capability - bound, actor.capability + bound],
      unitCost: 100 / actor.capability,
      unit: '% of its capability',
    });
  }
  if (kinds.includes('channel') && closedDyads !== null) {
    for (const other of others) {
      const closed = closedDyads.some((pair) => samePair(pair, [actorId, other.id]));
      levers.push({ kind: 'channel', target: actorId, other: other.id, field: 'channel', current: closed ? 0 : 1, range: [0, 1], unitCost: settings.channelCost, unit: 'per dyad' });
    }
  }
  if (kinds.includes('persuade')) for (const other of others) levers.push(...stanceLevers(other.id, settings.persuadeFactor, other.id));
  return levers;
}

/** A lever set to a value. */
export interface Move {
  lever: Lever;
  value: number;
}

export function moveCost(move: Move): number {
  return Math.abs(move.value - move.lever.current) * move.lever.unitCost;
}

/** The values a scan tries: `steps` equal steps over the range, plus the current value (channel: the toggle). */
export function scanValues(lever: Lever, steps: number): number[] {
  if (lever.field === 'channel') return [1 - lever.current];
  const [low, high] = lever.range;
  const values = Array.from({ length: steps + 1 }, (_, k) => low + ((high - low) * k) / steps);
  return values.filter((value) => value !== lever.current);
}

/** A short name for a lever, stable across runs: `russia.talks.salience`, `channel:us~russia`. */
export function leverKey(lever: Lever): string {
  if (lever.field === 'channel') return `channel:${lever.target}~${lever.other}`;
  return [lever.kind === 'persuade' ? 'persuade:' + lever.target : lever.target, lever.issue, lever.field].filter((part) => part !== undefined).join('.');
}
