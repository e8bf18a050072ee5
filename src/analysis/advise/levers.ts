/**
 * The levers an actor can pull on one issue, each with its range and its cost in stated units:
 *
 * | lever        | what changes                                   | range                          | cost per unit of change        |
 * |--------------|------------------------------------------------|--------------------------------|--------------------------------|
 * | `position`   | its own position on the issue (an offer)       | the issue's scale              | 1 per % of the scale's width   |
 * | `salience`   | its own salience (commit or de-emphasise)      | [0, salienceScale]             | 1 per point of a 0–100 salience|
 * | `capability` | its own capability (e.g. aid)                  | ±`capabilityBound` (50 %)      | 1 per % of its capability      |
 * | `channel`    | one of its channels: the scenario's (closed / public / private on the issue), or EUM's `closedDyads` when the scenario has no channel fields | closed / public / private, or open / closed | `channelCost` (10) per change |
 * | `persuade`   | another actor's position or salience           | as for the actor's own         | `persuadeFactor` (2) × the own cost; needs that actor's consent |
 *
 * Costs are a common currency only so that a budget can be stated; the units are printed with every
 * result.
 */
import type { ChannelKind } from '../../scenario/channels/schema.js';
import type { Scenario } from '../../scenario/schema.js';
import { channelBetween, initialState, timelineOf } from '../../scenario/timeline/world.js';
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
  /** The value today (channel: an index in `channelKinds`: 0 closed, 1 public or open, 2 private). */
  current: number;
  /** A scenario channel's leak today (channels-spec §3.3), kept when the lever makes the pair private. */
  leak?: number;
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

/** A channel lever's values: the index is the lever's value (with `closedDyads`, only closed and open). */
export const channelKinds: readonly ChannelKind[] = ['closed', 'public', 'private'];

/**
 * Where channel levers act: the scenario's own channels (a model that reads them, on a scenario with
 * channel fields), EUM's `closedDyads` option (a scenario without), or nowhere.
 */
export type ChannelSource = { kind: 'scenario' } | { kind: 'closedDyads'; closed: readonly Pair[] } | null;

export function samePair(a: Pair, b: Pair): boolean {
  return (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);
}

/** Every lever of `kinds` the actor has on the issue; channel levers act where `channels` says (none when null). */
export function leversFor(
  scenario: Scenario,
  actorId: string,
  issueId: string,
  kinds: readonly LeverKind[],
  channels: ChannelSource,
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
  if (kinds.includes('channel') && channels !== null) levers.push(...channelLevers(scenario, actorId, issueId, others.map((other) => other.id), channels, settings));
  if (kinds.includes('persuade')) for (const other of others) levers.push(...stanceLevers(other.id, settings.persuadeFactor, other.id));
  return levers;
}

/** The actor's channel with each other participant: today's kind, from round 0 of the scenario or from `closedDyads`. */
function channelLevers(scenario: Scenario, actorId: string, issueId: string, others: readonly string[], channels: NonNullable<ChannelSource>, settings: LeverSettings): Lever[] {
  const shared = { kind: 'channel' as const, target: actorId, field: 'channel' as const, unitCost: settings.channelCost, unit: 'per change of channel' };
  if (channels.kind === 'closedDyads')
    return others.map((other) => {
      const closed = channels.closed.some((pair) => samePair(pair, [actorId, other]));
      return { ...shared, other, current: closed ? 0 : 1, range: [0, 1], unit: 'per dyad' };
    });
  const state = initialState(scenario, timelineOf(scenario));
  return others.map((other) => {
    const today = channelBetween(state, actorId, other, issueId);
    return { ...shared, issue: issueId, other, current: channelKinds.indexOf(today.channel), range: [0, 2], ...(today.channel === 'private' ? { leak: today.leak } : {}) };
  });
}

/** A lever set to a value. */
export interface Move {
  lever: Lever;
  value: number;
}

/** |change| × unit cost; a channel costs its unit cost per change of kind, whichever kinds. */
export function moveCost(move: Move): number {
  if (move.lever.field === 'channel') return move.value === move.lever.current ? 0 : move.lever.unitCost;
  return Math.abs(move.value - move.lever.current) * move.lever.unitCost;
}

/** The values a scan tries: `steps` equal steps over the range, plus the current value (channel: the toggle). */
export function scanValues(lever: Lever, steps: number): number[] {
  if (lever.field === 'channel') return [0, 1, 2].filter((value) => value <= lever.range[1] && value !== lever.current);
  const [low, high] = lever.range;
  const values = Array.from({ length: steps + 1 }, (_, k) => low + ((high - low) * k) / steps);
  return values.filter((value) => value !== lever.current);
}

/** A channel lever's value in words: the kind ("private") for a scenario channel, "open" / "closed" with closedDyads. */
export function channelState(lever: Pick<Lever, 'issue'>, value: number): string {
  return lever.issue !== undefined ? channelKinds[value]! : value === 1 ? 'open' : 'closed';
}

/** A channel move in a table cell: the kind it makes ("private"), or "open" / "close" with closedDyads. */
export function channelChange(lever: Pick<Lever, 'issue'>, value: number): string {
  return lever.issue !== undefined ? channelKinds[value]! : value === 0 ? 'close' : 'open';
}

/** A short name for a lever, stable across runs: `russia.talks.salience`, `channel:us~russia`. */
export function leverKey(lever: Lever): string {
  if (lever.field === 'channel') return `channel:${lever.target}~${lever.other}`;
  return [lever.kind === 'persuade' ? 'persuade:' + lever.target : lever.target, lever.issue, lever.field].filter((part) => part !== undefined).join('.');
}
