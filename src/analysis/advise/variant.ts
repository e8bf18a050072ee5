/**
 * A scenario with a set of moves applied, and the one way to score it: the model runs on the changed
 * scenario (a channel move adds a channel rule for the pair on the issue, or changes the `closedDyads`
 * option on a scenario without channel fields), and the goal reads the issue's forecast.
 * The base scenario is never mutated: only the touched actors and stances are copied.
 */
import type { Forecast } from '../../models/model.js';
import type { Model } from '../../models/model.js';
import type { Actor, Scenario } from '../../scenario/schema.js';
import type { Reading } from './goal.js';
import { channelKinds, samePair, type Lever, type Move, type Pair } from './levers.js';
import { stanceOf, stancesCopy } from '../../scenario/keyed.js';

export interface Variant {
  scenario: Scenario;
  /** The model's closed dyads, or null when the model has none. */
  closedDyads: readonly Pair[] | null;
}

/** Applies moves as absolute values (`delta: false`) or as changes from each lever's current value. */
export function applyMoves(base: Variant, moves: readonly Move[], delta = false): Variant {
  if (moves.length === 0) return base;
  const actors: Actor[] = base.scenario.actors.slice();
  let closedDyads = base.closedDyads;
  let channels = base.scenario.channels;
  const copied = new Set<number>();
  for (const { lever, value } of moves) {
    if (lever.field === 'channel' && lever.issue !== undefined) {
      channels = withChannel(base.scenario, channels ?? [], lever, value);
      continue;
    }
    if (lever.field === 'channel') {
      const pair: Pair = [lever.target, lever.other!];
      const open = closedDyads!.filter((candidate) => !samePair(candidate, pair));
      closedDyads = value === 0 ? [...open, pair] : open;
      continue;
    }
    const index = actors.findIndex((actor) => actor.id === lever.target);
    if (!copied.has(index)) {
      actors[index] = { ...actors[index]!, stances: stancesCopy(actors[index]!) };
      copied.add(index);
    }
    const actor = actors[index]!;
    const existing = lever.field === 'capability' ? actor.capability : stanceOf(actor, lever.issue!)![lever.field];
    const target = delta ? existing + (value - lever.current) : value;
    const clamped = Math.min(lever.range[1], Math.max(lever.range[0], target));
    const bounded = lever.field === 'capability' ? Math.max(0, clamped) : clamped;
    if (lever.field === 'capability') actor.capability = bounded;
    else actor.stances[lever.issue!] = { ...stanceOf(actor, lever.issue!)!, [lever.field]: bounded };
  }
  return { scenario: { ...base.scenario, actors, ...(channels ? { channels } : {}) }, closedDyads };
}

/** Runs a model on variants and reads what the goal needs. */
export interface Scorer {
  forecast(variant: Variant, extraOptions?: Record<string, unknown>): Forecast;
  read(variant: Variant): Reading;
}

export function createScorer(
  model: Model<Record<string, unknown>>,
  options: Record<string, unknown>,
  issue: string,
  actor: string,
  other: string | undefined,
): Scorer {
  const forecast = (variant: Variant, extraOptions: Record<string, unknown> = {}): Forecast =>
    model.run(variant.scenario, variant.closedDyads === null ? { ...options, ...extraOptions } : { ...options, ...extraOptions, closedDyads: variant.closedDyads });
  return {
    forecast,
    read(variant) {
      const result = forecast(variant).issues.find((candidate) => candidate.issue === issue)!;
      const reading: Reading = { outcome: result.outcome };
      if (other !== undefined) {
        const first = result.rounds[0]!.positions;
        const last = result.rounds[result.rounds.length - 1]!.positions;
        reading.otherStart = first[other];
        reading.otherEnd = last[other];
        reading.actorPosition = first[actor];
      }
      return reading;
    },
  };
}

type ChannelRules = NonNullable<Scenario['channels']>;

/**
 * The channel rules with the lever's pair set to `channelKinds[value]` on the lever's issue, keeping one
 * rule per pair and issue (channels-spec §3.4): a rule of the pair that also covers other issues keeps
 * them, and public, the default, needs no rule. A private channel keeps today's leak.
 */
function withChannel(scenario: Scenario, rules: ChannelRules, lever: Lever, value: number): ChannelRules {
  const issue = lever.issue!;
  const pair: Pair = [lever.target, lever.other!];
  const kept: ChannelRules = [];
  for (const rule of rules) {
    const covers = rule.issues ?? scenario.issues.map((candidate) => candidate.id);
    if (!samePair(rule.between as unknown as Pair, pair) || !covers.includes(issue)) kept.push(rule);
    else if (covers.length > 1) kept.push({ ...rule, issues: covers.filter((id) => id !== issue) });
  }
  const channel = channelKinds[value]!;
  if (channel === 'public') return kept;
  return [...kept, { between: [pair[0], pair[1]], channel, issues: [issue], ...(channel === 'private' && lever.leak !== undefined ? { leak: lever.leak } : {}) }];
}
