/**
 * The EUM's per-round inputs on one issue of one leaf (channels-spec.md §7.1): capabilities and
 * saliences in force (dated effects, then the run's own `changes`, which win from their round on),
 * closed pairs (channels OR `closedDyads`), the channel table (channels, leaks, audience costs, red
 * lines, trust) and the position jumps, all read from the shared timeline module.
 */
import type { Scenario } from '../../../scenario/schema.js';
import { formatDate } from '../../../scenario/timeline/calendar.js';
import { trustIn, trustIsNeutral, trustSettings } from '../../../scenario/timeline/trust.js';
import { type ChannelState, type LeafWorld, roundDates, type WorldState } from '../../../scenario/timeline/world.js';
import type { Participant } from '../../../scenario/views.js';
import type { ChannelSchedule } from '../engine.js';
import type { EumOptions } from '../options.js';
import { ChannelTable } from './table.js';

interface Weights {
  capability: Float64Array;
  salience: Float64Array;
}

export interface IssueSchedule {
  schedule: ChannelSchedule;
  weightsInRound: (round: number) => Weights;
}

/** Caches one value per distinct key object (rounds without effects share their state, hence their tables). */
function memo<K extends object, V>(make: (key: K, round: number) => V): (key: K, round: number) => V {
  const cache = new WeakMap<K, V>();
  return (key, round) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key, round);
      cache.set(key, value);
    }
    return value;
  };
}

export function issueSchedule(scenario: Scenario, issueId: string, people: readonly Participant[], options: EumOptions, world: LeafWorld, width: number): IssueSchedule {
  const n = people.length;
  const ids = people.map((participant) => participant.id);
  const index = new Map(ids.map((id, position) => [id, position]));
  const stanceOf = (state: WorldState, k: number) => state.stances.get(ids[k]!)!.get(issueId)!;
  const lastRound = world.states.length - 1;
  const stateAt = (t: number) => world.states[Math.min(t, lastRound)]!;

  const baseWeights = memo((state: WorldState) => {
    const capability = new Float64Array(n);
    const salience = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const stance = stanceOf(state, k);
      capability[k] = stance.capability;
      salience[k] = stance.salience / scenario.salienceScale;
    }
    return { capability, salience };
  });
  // The round in which the scenario last changed each actor's capability (resp. salience), up to t.
  const changedSince = (t: number, field: 'capability' | 'salience', k: number): number => {
    for (let r = t; r >= 1; r--) if (stanceOf(stateAt(r), k)[field] !== stanceOf(stateAt(r - 1), k)[field]) return r;
    return 0;
  };
  const shocks = options.changes.filter((change) => index.has(change.actor) && (change.issue === undefined || change.issue === issueId)).sort((a, b) => a.fromRound - b.fromRound);
  const weightsInRound = (t: number): Weights => {
    const base = baseWeights(stateAt(t), t);
    // Sorted by round: the first shock tells whether any is in force (no array per round without one).
    if (shocks.length === 0 || shocks[0]!.fromRound > t) return base;
    const active = shocks.filter((change) => change.fromRound <= t);
    const capability = Float64Array.from(base.capability);
    const salience = Float64Array.from(base.salience);
    for (const change of active) {
      const k = index.get(change.actor)!;
      if (change.capability !== undefined && change.fromRound >= changedSince(t, 'capability', k)) capability[k] = change.capability;
      if (change.salience !== undefined && change.fromRound >= changedSince(t, 'salience', k)) salience[k] = change.salience / scenario.salienceScale;
    }
    return { capability, salience };
  };

  /** The pairs of this issue with a channel rule in force, as [i, j, setting] (the others are public). */
  const rulesOf = (state: WorldState) => {
    const rules: [number, number, ChannelState][] = [];
    for (const [key, setting] of state.channels) {
      const [a, b, issue] = key.split('\u0000') as [string, string, string];
      const i = index.get(a);
      const j = index.get(b);
      if (issue === issueId && i !== undefined && j !== undefined) rules.push([i, j, setting]);
    }
    return rules;
  };

  const closedInState = memo((state: WorldState) => {
    let closed: Uint8Array | null = null;
    const close = (i: number, j: number) => {
      closed ??= new Uint8Array(n * n);
      closed[i * n + j] = closed[j * n + i] = 1;
    };
    for (const [i, j, setting] of rulesOf(state)) if (setting.channel === 'closed') close(i, j);
    for (const [first, second] of options.closedDyads) {
      const i = index.get(first);
      const j = index.get(second);
      if (i !== undefined && j !== undefined) close(i, j);
    }
    return closed;
  });

  const settings = trustSettings(scenario);
  const neutralTrust = trustIsNeutral(scenario);
  // (R1) Without a record or an estimate about j, τ_ij is the prior's (μ₀n₀ + 0)/(n₀ + 0 + 0), computed as trustIn does.
  const priorTrust = (settings.mean * settings.strength + 0) / (settings.strength + 0 + 0);
  const trustMayDiffer = (state: WorldState) => !(neutralTrust && state.trustSet.size === 0 && state.records.length === 0);
  const fillTrust = (table: ChannelTable, state: WorldState, t: number) => {
    table.priorTrust = priorTrust;
    const judged = new Set(state.records.flatMap((record) => record.actors));
    for (const [key] of state.trustSet) judged.add(key.split('\u0000')[1]!);
    const columns = [...judged].map((id) => index.get(id)).filter((j): j is number => j !== undefined);
    table.setJudged([...new Set(columns)], (i, j) => trustIn(settings, state, world.timeline, t, ids[i]!, ids[j]!));
  };
  const buildTable = (state: WorldState, t: number): ChannelTable | null => {
    const rules = rulesOf(state).filter(([, , setting]) => setting.channel === 'private');
    const trusting = trustMayDiffer(state);
    // Nothing to adjust (no audience cost, red line, private pair or trust below 1): today's path, no table.
    let personal = false;
    for (let i = 0; i < n && !personal; i++) {
      const stance = stanceOf(state, i);
      personal = stance.audienceCost !== 0 || stance.commitment !== null;
    }
    if (!personal && rules.length === 0 && !trusting) return null;
    const table = new ChannelTable(n, width);
    for (let i = 0; i < n; i++) {
      const stance = stanceOf(state, i);
      table.audienceCost[i] = stance.audienceCost;
      if (stance.commitment) {
        table.redLineKind[i] = stance.commitment.kind === 'atLeast' ? 1 : 2;
        table.redLineBound[i] = stance.commitment.bound;
        table.redLineCost[i] = stance.commitment.cost;
      }
    }
    for (const [i, j, setting] of rules) table.setPrivate(i, j, setting.leak);
    if (trusting) fillTrust(table, state, t);
    return table.seal().active() ? table : null;
  };
  // Trust fades with a half-life, so each round has its own table then; otherwise one per state.
  const tableOfState = memo(buildTable);
  const tableInRound = settings.halfLifeYears !== undefined ? (t: number) => buildTable(stateAt(t), t) : (t: number) => tableOfState(stateAt(t), t);

  const noJumps: readonly { index: number; to: number; label: string }[] = [];
  const jumpsInRound = (t: number) => {
    const jumps = world.jumps[t];
    if (jumps === undefined || jumps.length === 0) return noJumps;
    return jumps.filter((jump) => jump.issue === issueId && index.has(jump.actor)).map((jump) => ({ index: index.get(jump.actor)!, to: jump.to, label: jump.label }));
  };
  const datesOf = (t: number) => {
    const dates = roundDates(world.timeline, t);
    return dates && { startDate: formatDate(dates.startDate), endDate: formatDate(dates.endDate) };
  };
  return { schedule: { closedInRound: (t) => closedInState(stateAt(t), t), tableInRound, jumpsInRound, datesOf }, weightsInRound };
}
