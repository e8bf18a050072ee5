/**
 * The EUM on one issue: rounds of bargaining from the input positions (eum-spec.md §3.1–3.11).
 * Only positions carry over between rounds (§3.9); r is recomputed from scratch every round. The run
 * lasts `rounds` rounds unless the optional early-stop rule ends it (A13); the forecast is the median
 * after the last round (§3.11), and every round also reports the c·s-weighted mean.
 */
import { weightedMean } from '../../math/weightedMean.js';
import { productWeight } from '../../math/weightFloor.js';
import type { IssueForecast, Jump, Round } from '../model.js';
import { medianVoterPosition } from './median.js';
import type { EumOptions } from './options.js';
import { playRound } from './round.js';
import { workspaceFor } from './workspace.js';
import type { ChannelTable } from './channels/table.js';
import { idRecord } from '../../scenario/keyed.js';

interface Weights {
  capability: Float64Array;
  salience: Float64Array;
}

export interface IssueRun {
  ids: readonly string[];
  positions: Float64Array;
  /** Capability and salience (in [0, 1]) in force in a round; round 0 is the input. The same object while nothing changes. */
  weightsInRound: (round: number) => Weights;
  /** The issue's scale width, for `range: 'scale'`. */
  scaleWidth: number;
  /** closed[i·n + j] = 1: i and j do not challenge or make offers to each other; null when none are. */
  closed: Uint8Array | null;
  /** With channels, dated effects or a timeline (channels-spec §7.1); absent keeps today's path. */
  channels?: ChannelSchedule;
}

/** What changes per round when a scenario has channels or dated inputs. */
export interface ChannelSchedule {
  /** Closed pairs in force in round t (scenario channels OR closedDyads). */
  closedInRound(t: number): Uint8Array | null;
  /** The channel settings of round t, null when nothing adjusts any move. */
  tableInRound(t: number): ChannelTable | null;
  /** Positions set by dated effects at the start of round t. */
  jumpsInRound(t: number): readonly { index: number; to: number; label: string }[];
  /** The round's dates, with a timeline. */
  datesOf(t: number): { startDate: string; endDate: string } | undefined;
}

function spread(positions: Float64Array): number {
  let low = Infinity;
  let high = -Infinity;
  for (const x of positions) {
    low = Math.min(low, x);
    high = Math.max(high, x);
  }
  return high - low;
}

/** R (A5). A zero range means every actor shares one position and no distance is ever measured: use 1. */
function rangeFor(options: EumOptions, run: IssueRun, current: Float64Array, initialRange: number): number {
  const range = options.range === 'scale' ? run.scaleWidth : options.range === 'current' ? spread(current) : initialRange;
  return range > 0 ? range : 1;
}

function record(values: Float64Array, ids: readonly string[]): Record<string, number> {
  const result = idRecord<number>();
  for (let index = 0; index < ids.length; index++) result[ids[index]!] = values[index]!;
  return result;
}

function votingWeights(weights: Weights): Float64Array {
  return weights.capability.map((c, index) => productWeight(c, weights.salience[index]!));
}

/** A plain array of a typed one (Array.from goes through the iterator protocol: many times slower). */
function plainArray(values: Float64Array): number[] {
  const result = new Array<number>(values.length);
  for (let index = 0; index < values.length; index++) result[index] = values[index]!;
  return result;
}

/** Position effects of a round (channels-spec §7.1): a new start-of-round array, and the jumps to report. */
function applyJumps(positions: Float64Array, jumps: readonly { index: number; to: number; label: string }[], ids: readonly string[]) {
  if (jumps.length === 0) return undefined;
  const next = Float64Array.from(positions);
  const reported: Jump[] = [];
  for (const jump of jumps) {
    reported.push({ actor: ids[jump.index]!, from: next[jump.index]!, to: jump.to, label: jump.label });
    next[jump.index] = jump.to;
  }
  return { positions: next, jumps: reported };
}

export function runIssue(run: IssueRun, options: EumOptions): Pick<IssueForecast, 'outcome' | 'rounds' | 'stoppedEarly'> {
  const workspace = workspaceFor(run.ids, options, run.channels !== undefined);
  const { groups } = workspace;
  const initialRange = spread(run.positions);
  let positions = run.positions;
  let weights = run.weightsInRound(0);
  let voting = votingWeights(weights);
  groups.update(positions);
  let median = medianVoterPosition(positions, voting, groups.actorsByPosition, options.medianTie);
  const rounds: Round[] = [{ round: 0, positions: record(positions, run.ids), median, mean: weightedMean(plainArray(positions), plainArray(voting)) }];
  const schedule = run.channels;
  if (schedule) Object.assign(rounds[0]!, schedule.datesOf(0));
  let quietRounds = 0;
  for (let t = 1; t <= options.rounds; t++) {
    const inForce = run.weightsInRound(t);
    if (inForce !== weights) {
      weights = inForce;
      voting = votingWeights(weights);
    }
    let jumps: Jump[] | undefined;
    if (schedule) {
      const jumped = applyJumps(positions, schedule.jumpsInRound(t), run.ids);
      if (jumped) {
        ({ positions, jumps } = jumped);
        groups.update(positions);
        median = medianVoterPosition(positions, voting, groups.actorsByPosition, options.medianTie);
      }
    }
    const played = playRound(
      {
        ids: run.ids,
        positions,
        salience: weights.salience,
        weights: voting,
        range: rangeFor(options, run, positions, initialRange),
        median,
        closed: schedule ? schedule.closedInRound(t) : run.closed,
        adjust: schedule ? schedule.tableInRound(t) : null,
        options,
      },
      workspace,
    );
    positions = played.positions;
    groups.update(positions);
    const nextMedian = medianVoterPosition(positions, voting, groups.actorsByPosition, options.medianTie);
    const round: Round = {
      round: t,
      positions: record(positions, run.ids),
      median: nextMedian,
      mean: weightedMean(plainArray(positions), plainArray(voting)),
      riskExponents: record(played.risk, run.ids),
      security: record(played.security, run.ids),
      moves: played.moves,
    };
    if (played.dyads) round.dyads = played.dyads;
    if (schedule) {
      if (played.holds) round.holds = played.holds;
      if (jumps) round.jumps = jumps;
      Object.assign(round, schedule.datesOf(t));
    }
    rounds.push(round);
    quietRounds = options.earlyStop && Math.abs(nextMedian - median) < options.earlyStop.epsilon ? quietRounds + 1 : 0;
    median = nextMedian;
    if (options.earlyStop && quietRounds >= options.earlyStop.rounds && t < options.rounds) {
      const rule = `|Δmedian| < ${options.earlyStop.epsilon} for ${options.earlyStop.rounds} consecutive rounds`;
      return { outcome: median, rounds, stoppedEarly: { afterRound: t, rule } };
    }
  }
  return { outcome: median, rounds };
}
