/**
 * The inputs in force in each round of one leaf (channels-spec.md §3–§5): the scenario as written in
 * round 0, then the dated effects of events, of the leaf's branch outcomes and of dated trust records,
 * each from the round its date falls in (T2), applied in order of round, date, kind (events, branch
 * outcomes, records) and file order. Pure; shared by every model and the deal analysis.
 */
import type { Scenario } from '../schema.js';
import type { ChannelKind, ChannelRule, Effect, TrustRecord, ValueChange } from '../channels/schema.js';
import { boundary, type Day, parseDate, parseStep, roundOf, type Timeline } from './calendar.js';
import type { Leaf } from './leaves.js';

export interface CommitmentState {
  kind: 'atLeast' | 'atMost';
  bound: number;
  /** κ ≥ 0, per unit of scale crossed. */
  cost: number;
}

/** One actor's inputs on one issue in one round. Salience is on the scenario's salience scale. */
export interface StanceState {
  capability: number;
  salience: number;
  position: number;
  audienceCost: number;
  commitment: CommitmentState | null;
  hurt: number;
  breachCost: number;
  patience: number;
}

export interface ChannelState {
  channel: ChannelKind;
  /** The leak probability (0 unless private). */
  leak: number;
}

export interface TrustRecordState {
  date: Day;
  actors: readonly string[];
  outcome: 'kept' | 'broken';
  /** Who counts it; undefined: every actor not in `actors`. */
  seenBy: readonly string[] | undefined;
  weight: number;
  label: string;
}

/** Everything in force in one round (treat as immutable: rounds without effects share one object). */
export interface WorldState {
  /** actor id → issue id → stance. */
  stances: Map<string, Map<string, StanceState>>;
  statusQuo: Map<string, number | undefined>;
  /** Keyed by `pairKey(a, b, issue)`; a missing pair is public. */
  channels: Map<string, ChannelState>;
  /** Keyed by `trustKey(of, in)`: direct estimates. */
  trustSet: Map<string, number>;
  /** Records in force (history before the start, and dated ones from their round). */
  records: TrustRecordState[];
}

/** A position set by a dated effect: reported by the EUM as `Round.jumps`. */
export interface PositionJump {
  actor: string;
  issue: string;
  to: number;
  label: string;
}

/** A dated item of the scenario: an event, a branch outcome of the leaf, or a dated trust record. */
export interface DatedItem {
  kind: 'event' | 'branch' | 'record';
  round: number;
  date: Day;
  dateText: string;
  label: string;
  effects: readonly Effect[];
}

export interface LeafWorld {
  timeline: Timeline | undefined;
  leaf: Leaf;
  /** states[t] for t = 0…rounds. */
  states: WorldState[];
  /** jumps[t]: position effects of round t. */
  jumps: PositionJump[][];
  /** The leaf's dated items in order of application, including those after the last round compiled. */
  items: DatedItem[];
}

export const defaultPatience = 0.9;

/** The key of the symmetric pair {a, b} on an issue. */
export const pairKey = (a: string, b: string, issue: string): string => (a < b ? `${a}\u0000${b}\u0000${issue}` : `${b}\u0000${a}\u0000${issue}`);
/** The key of `of`'s trust in `in`. */
export const trustKey = (of: string, into: string): string => `${of}\u0000${into}`;

const publicChannel: ChannelState = { channel: 'public', leak: 0 };

/** The channel of a pair on an issue in a state (public unless a rule or an effect says otherwise). */
export function channelBetween(state: WorldState, a: string, b: string, issue: string): ChannelState {
  return state.channels.get(pairKey(a, b, issue)) ?? publicChannel;
}

/** The scenario's timeline (start defaults to asOf, step to 1m), or undefined when it has neither a timeline nor asOf-dated items. */
export function timelineOf(scenario: Scenario): Timeline | undefined {
  const given = scenario.timeline;
  const needs = needsTimeline(scenario);
  if (given === undefined && !needs) return undefined;
  const startText = given?.start ?? scenario.asOf;
  if (startText === undefined) return undefined;
  const step = parseStep(given?.step ?? '1m');
  if (step === undefined) return undefined;
  const timeline: Timeline = { start: parseDate(startText), n: step.n, unit: step.unit };
  if (given?.end !== undefined) timeline.end = parseDate(given.end);
  return timeline;
}

/** Whether the scenario has dated items (events, branches, proposals or dated trust records). */
export function needsTimeline(scenario: Scenario): boolean {
  return (
    (scenario.events?.length ?? 0) > 0 ||
    (scenario.branches?.length ?? 0) > 0 ||
    (scenario.proposals?.length ?? 0) > 0 ||
    (scenario.trust?.records?.length ?? 0) > 0
  );
}

/** Applies a value form (§3.6): a number or {set} replaces; {times} multiplies; {plus} adds. */
export function applyValue(old: number, change: ValueChange): number {
  if (typeof change === 'number') return change;
  if (change.times !== undefined) return old * change.times;
  if (change.plus !== undefined) return old + change.plus;
  return change.set ?? old;
}

function commitmentState(commitment: { atLeast?: number | undefined; atMost?: number | undefined; cost?: number | undefined } | undefined | null): CommitmentState | null {
  if (!commitment) return null;
  const cost = commitment.cost ?? 0;
  if (commitment.atLeast !== undefined) return { kind: 'atLeast', bound: commitment.atLeast, cost };
  if (commitment.atMost !== undefined) return { kind: 'atMost', bound: commitment.atMost, cost };
  return null;
}

function recordState(record: Omit<TrustRecord, 'date'>, date: Day): TrustRecordState {
  return { date, actors: record.actors, outcome: record.outcome, seenBy: record.seenBy, weight: record.weight ?? 1, label: record.label ?? '' };
}

/** Round 0: the scenario as written (trust records dated before the start are history; all of them without a timeline). */
export function initialState(scenario: Scenario, timeline: Timeline | undefined): WorldState {
  const stances = new Map<string, Map<string, StanceState>>();
  for (const actor of scenario.actors) {
    const byIssue = new Map<string, StanceState>();
    for (const [issue, stance] of Object.entries(actor.stances)) {
      byIssue.set(issue, {
        capability: actor.capability,
        salience: stance.salience,
        position: stance.position,
        audienceCost: stance.audienceCost ?? actor.audienceCost ?? 0,
        commitment: commitmentState(stance.commitment),
        hurt: stance.hurt ?? actor.hurt ?? 0,
        breachCost: stance.breachCost ?? actor.breachCost ?? 0,
        patience: stance.patience ?? actor.patience ?? defaultPatience,
      });
    }
    stances.set(actor.id, byIssue);
  }
  const state: WorldState = {
    stances,
    statusQuo: new Map(scenario.issues.map((issue) => [issue.id, issue.statusQuo])),
    channels: new Map(),
    trustSet: new Map(),
    records: [],
  };
  for (const rule of scenario.channels ?? []) applyChannel(state, scenario, rule);
  for (const estimate of scenario.trust?.set ?? []) state.trustSet.set(trustKey(estimate.of, estimate.in), estimate.value);
  for (const record of scenario.trust?.records ?? []) {
    const date = parseDate(record.date);
    if (timeline === undefined || date < timeline.start) state.records.push(recordState(record, date));
  }
  return state;
}

function applyChannel(state: WorldState, scenario: Scenario, rule: Pick<ChannelRule, 'between' | 'channel' | 'leak' | 'issues'>): void {
  const [a, b] = rule.between as [string, string];
  const setting: ChannelState = { channel: rule.channel, leak: rule.channel === 'private' ? (rule.leak ?? 0) : 0 };
  for (const issue of rule.issues ?? scenario.issues.map((candidate) => candidate.id)) state.channels.set(pairKey(a, b, issue), setting);
}

/** A copy that the next round's effects may change without touching this one. */
function cloneState(state: WorldState): WorldState {
  const stances = new Map<string, Map<string, StanceState>>();
  for (const [actor, byIssue] of state.stances) stances.set(actor, new Map([...byIssue].map(([issue, stance]) => [issue, { ...stance }])));
  return { stances, statusQuo: new Map(state.statusQuo), channels: new Map(state.channels), trustSet: new Map(state.trustSet), records: [...state.records] };
}

const stanceFields = ['capability', 'salience', 'position', 'audienceCost', 'hurt', 'breachCost'] as const;

/** The field an effect sets (validation guarantees exactly one). */
export function effectField(effect: Effect): string | undefined {
  for (const field of [...stanceFields, 'commitment', 'statusQuo', 'channel', 'trust', 'record'] as const) if (effect[field] !== undefined) return field;
  return undefined;
}

/** Applies one effect to `state`; position effects are added to `jumps`. */
export function applyEffect(state: WorldState, scenario: Scenario, effect: Effect, item: Pick<DatedItem, 'date' | 'label'>, jumps: PositionJump[]): void {
  if (effect.channel !== undefined) return applyChannel(state, scenario, effect.channel);
  if (effect.trust !== undefined) return void state.trustSet.set(trustKey(effect.trust.of, effect.trust.in), effect.trust.value);
  if (effect.record !== undefined) return void state.records.push(recordState(effect.record, item.date));
  if (effect.statusQuo !== undefined) {
    const issue = effect.issue!;
    const old = state.statusQuo.get(issue);
    return void state.statusQuo.set(issue, applyValue(old ?? 0, effect.statusQuo));
  }
  const byIssue = state.stances.get(effect.actor!);
  if (!byIssue) return;
  const issues = effect.issue !== undefined ? [effect.issue] : [...byIssue.keys()];
  for (const issue of issues) {
    const stance = byIssue.get(issue);
    if (!stance) continue;
    if (effect.commitment !== undefined) {
      stance.commitment = commitmentState(effect.commitment);
      continue;
    }
    for (const field of stanceFields) {
      const change = effect[field];
      if (change === undefined) continue;
      stance[field] = applyValue(stance[field], change);
      if (field === 'position') jumps.push({ actor: effect.actor!, issue, to: stance.position, label: item.label });
    }
  }
}

/** The leaf's dated items in order of application: round, date, events before branch outcomes before records, file order. */
export function datedItems(scenario: Scenario, timeline: Timeline, leaf: Leaf): DatedItem[] {
  const items: (DatedItem & { order: number })[] = [];
  const add = (kind: DatedItem['kind'], order: number, dateText: string, label: string, effects: readonly Effect[]) => {
    const date = parseDate(dateText);
    items.push({ kind, order, round: roundOf(timeline, date) ?? 0, date, dateText, label, effects });
  };
  (scenario.events ?? []).forEach((event, index) => add('event', index, event.date, event.label ?? `event of ${event.date}`, event.effects ?? []));
  (scenario.branches ?? []).forEach((branch, index) => {
    const chosen = leaf.choice[branch.id];
    const outcome = chosen === undefined ? undefined : branch.outcomes.find((candidate) => candidate.id === chosen);
    if (!outcome) return;
    add('branch', index, branch.date, `${branch.label ?? branch.id}: ${outcome.label ?? outcome.id}`, outcome.effects ?? []);
  });
  (scenario.trust?.records ?? []).forEach((record, index) => {
    if (parseDate(record.date) < timeline.start) return;
    const { date: _date, ...rest } = record;
    add('record', index, record.date, record.label ?? `record of ${record.date}`, [{ record: rest }]);
  });
  const kindRank = { event: 0, branch: 1, record: 2 };
  items.sort((a, b) => a.round - b.round || a.date - b.date || kindRank[a.kind] - kindRank[b.kind] || a.order - b.order);
  return items.map(({ order: _order, ...item }) => item);
}

/** The inputs in force in rounds 0…rounds of one leaf. */
export function compileLeaf(scenario: Scenario, leaf: Leaf, rounds: number, timeline: Timeline | undefined = timelineOf(scenario)): LeafWorld {
  let state = initialState(scenario, timeline);
  const states: WorldState[] = [state];
  const jumps: PositionJump[][] = [[]];
  const items = timeline === undefined ? [] : datedItems(scenario, timeline, leaf);
  let next = 0;
  for (let t = 1; t <= rounds; t++) {
    const roundJumps: PositionJump[] = [];
    if (next < items.length && items[next]!.round <= t) {
      state = cloneState(state);
      while (next < items.length && items[next]!.round <= t) {
        const item = items[next++]!;
        for (const effect of item.effects) applyEffect(state, scenario, effect, item, roundJumps);
      }
    }
    states.push(state);
    jumps.push(roundJumps);
  }
  return { timeline, leaf, states, jumps, items };
}

/** (§4, T3) Items dated after the last round run, as notes. */
export function unreachedNotes(world: LeafWorld, lastRound: number): string[] {
  return world.items
    .filter((item) => item.round > lastRound)
    .map((item) => `${item.label} (${item.dateText}) falls in round ${item.round}, after the last round run (${lastRound}): no effect`);
}

/** b(t) of a compiled timeline, for reports: undefined without one. */
export function roundDates(timeline: Timeline | undefined, t: number): { startDate: Day; endDate: Day } | undefined {
  if (timeline === undefined) return undefined;
  return t === 0 ? { startDate: timeline.start, endDate: timeline.start } : { startDate: boundary(timeline, t - 1), endDate: boundary(timeline, t) };
}

/**
 * (B3) The information node of a leaf at decision point t: the outcomes of the branches with
 * r(date) ≤ t, as a key (`aid=passes;channel=cut`, "" before any branch). Leaves with the same key
 * have had the same inputs up to round t.
 */
export function informationNode(scenario: Scenario, timeline: Timeline, leaf: Leaf, t: number): string {
  return (scenario.branches ?? [])
    .filter((branch) => leaf.choice[branch.id] !== undefined && (roundOf(timeline, parseDate(branch.date)) ?? 0) <= t)
    .map((branch) => branch.id)
    .sort()
    .map((id) => `${id}=${leaf.choice[id]}`)
    .join(';');
}
