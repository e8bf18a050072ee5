/**
 * `smp`: KTAB's Spatial Model of Politics behind Parley's Model interface. One run covers one policy
 * space (several issues); the Forecast holds one IssueForecast per issue of the space, with the
 * probability-weighted mean of the distinct final positions as `outcome` and the most probable one as
 * `mostProbable` (ktab-smp.md, "Forecast"), and per round the positions, each position's probability
 * of being the outcome, the bargains proposed and what each actor took.
 */
import { hasChannelFields } from '../../scenario/channels/validate.js';
import { weightedMean } from '../../math/weightedMean.js';
import { productWeight } from '../../math/weightFloor.js';
import { weightedMedian } from '../../math/weightedMedian.js';
import type { Issue, Scenario } from '../../scenario/schema.js';
import type { Forecast, IssueForecast, Model, Round, SmpBargain, SmpRound } from '../model.js';
import { runSmp, type SmpState, type SmpTrajectory } from './dynamics.js';
import { perspectives, type SmpProposals } from './turnRecord.js';
import { resolveSmpOptions, SmpOptionsSchema, type ResolvedSmpOptions, type SmpOptions } from './options.js';
import { applyIdealAdjustment, smpSpaces, type SmpSpace } from './space.js';
import { idRecord } from '../../scenario/keyed.js';

export const smpModel: Model<SmpOptions> = {
  id: 'smp',
  title: "Spatial Model of Politics (KTAB's SMP)",
  reference:
    'Wise, Lester, Efird et al., KAPSARC Toolkit for Behavioral Analysis (KTAB), Spatial Model of Politics (2015–2017), github.com/KAPSARC/KTAB; ktab-smp.md.',
  summary:
    'Multi-dimensional bargaining with coalitions and third parties: each turn every actor challenges the target it expects most from, proposes a compromise, and each actor takes the bargain a capability-weighted vote prefers. Reproduces KTAB smpc; forecasts the probability-weighted mean and the most probable final position per dimension.',
  optionsSchema: SmpOptionsSchema,
  presets: {
    default: {
      description:
        "KTAB's defaults: Linear victory, Conditional PCE, Deterministic transitions, Prop voting, OneThird risk adjustment, Mid R range, SemiCommit third parties, S2P2 interpolation, InitOnlyInterp bargains; stop below 2% of the first turn's movement after at least 2 turns, at most 100.",
      options: {},
    },
  },
  run(scenario: Scenario, options: SmpOptions): Forecast {
    const forecast: Forecast = { model: 'smp', options: { ...options }, issues: [], notes: [] };
    // channels-spec §1.3: the SMP ignores every new field (version 1), and says so.
    if (hasChannelFields(scenario)) forecast.notes.push('the SMP ignores channels, trust, audience costs, red lines, hurt, dated events and branches (channels-spec version 1)');
    for (const space of smpSpaces(scenario, options.space)) {
      const resolved = resolveSmpOptions(options, space.options?.value, space.options?.field ?? 'smpOptions');
      applyIdealAdjustment(space, resolved.idealAdjustment);
      if (forecast.issues.length === 0) forecast.options = { ...resolved };
      const trajectory = runSmp(space.input, resolved);
      const smpRounds = trajectory.states.map((state, t) => smpRound(space, trajectory, state, t));
      forecast.issues.push(...space.issues.map((issue, k) => issueForecast(space, trajectory, smpRounds, issue, k, resolved)));
      forecast.notes.push(...spaceNotes(space, trajectory, resolved));
    }
    return forecast;
  },
};

function spaceNotes(space: SmpSpace, trajectory: SmpTrajectory, options: ResolvedSmpOptions): string[] {
  const turns = trajectory.turns.length;
  return [
    `space "${space.id}" (${space.issues.map((issue) => issue.id).join(', ')}): ${space.actors.length} actors, ${turns} turns; ` +
      (trajectory.stoppedBy === 'movement'
        ? `stopped when the turn's movement fell below ${options.stopThreshold} of the first turn's (after at least ${options.minTurns} turns)`
        : `stopped at the maximum of ${options.maxTurns} turns`),
    ...space.notes,
  ];
}

function issueForecast(
  space: SmpSpace,
  trajectory: SmpTrajectory,
  smpRounds: SmpRound[],
  issue: Issue,
  k: number,
  options: ResolvedSmpOptions,
): IssueForecast {
  const m = space.input.dimensions;
  const toScale = (x: number) => issue.scale.min + x * (issue.scale.max - issue.scale.min);
  const weights = space.actors.map((actor, i) => productWeight(actor.capability, space.input.salience[i * m + k]!));
  const rounds: Round[] = trajectory.states.map((state, t) => {
    const positions = space.actors.map((_, i) => toScale(state.positions[i * m + k]!));
    return {
      round: t,
      positions: idRecord(space.actors.map((actor, i) => [actor.id, positions[i]!])),
      median: weightedMedian(positions, weights),
      mean: weightedMean(positions, weights),
      smp: smpRounds[t]!,
    };
  });
  const final = trajectory.states[trajectory.states.length - 1]!;
  let outcome = 0;
  let mode = 0;
  final.uniquePositions.forEach((actor, u) => {
    outcome += final.uniqueProbabilities[u]! * final.positions[actor * m + k]!;
    if (final.uniqueProbabilities[mode]! < final.uniqueProbabilities[u]!) mode = u;
  });
  const modeActor = final.uniquePositions[mode]!;
  const forecast: IssueForecast = {
    issue: issue.id,
    outcome: toScale(outcome),
    rounds,
    notes: [],
    mostProbable: {
      position: toScale(final.positions[modeActor * m + k]!),
      probability: final.uniqueProbabilities[mode]!,
      actors: space.actors.filter((_, i) => sameAs(final, i, modeActor, m)).map((actor) => actor.id),
    },
  };
  if (trajectory.stoppedBy === 'movement')
    forecast.stoppedEarly = { afterRound: trajectory.turns.length, rule: `movement below ${options.stopThreshold} of the first turn's (KTAB)` };
  return forecast;
}

function sameAs(state: SmpState, a: number, b: number, m: number): boolean {
  let squares = 0;
  for (let k = 0; k < m; k++) squares += (state.positions[a * m + k]! - state.positions[b * m + k]!) ** 2;
  return Math.sqrt(squares) < 1e-3;
}

function smpRound(space: SmpSpace, trajectory: SmpTrajectory, state: SmpState, t: number): SmpRound {
  const ids = space.actors.map((actor) => actor.id);
  const byActor = (values: Float64Array) => idRecord(ids.map((id, i) => [id, values[i]!]));
  const round: SmpRound = {
    probabilities: byActor(state.actorProbabilities),
    riskAttitudes: byActor(state.riskAttitudes),
    bargains: [],
    choices: [],
  };
  const turn = t > 0 ? trajectory.turns[t - 1] : undefined;
  if (!turn) return round;
  for (let id = 0; id < turn.proposals.count; id++) round.bargains.push(bargain(space, turn.proposals, id));
  const { choices } = turn;
  round.choices = ids.map((actor, k) => ({
    actor,
    bargain: choices.proposal[k]! < 0 ? null : choices.proposal[k]!,
    probability: choices.probability[k]!,
    options: choices.options[k]!,
  }));
  round.movement = { total: turn.movement, ratioToFirst: turn.movementRatio };
  return round;
}

function bargain(space: SmpSpace, proposals: SmpProposals, id: number): SmpBargain {
  const m = proposals.dimensions;
  const onScales = (points: Float64Array) =>
    idRecord(space.issues.map((issue, k) => [issue.id, issue.scale.min + points[id * m + k]! * (issue.scale.max - issue.scale.min)]));
  return {
    id,
    initiator: space.actors[proposals.initiator[id]!]!.id,
    receiver: space.actors[proposals.receiver[id]!]!.id,
    perspective: perspectives[proposals.perspective[id]!]!,
    probability: proposals.probability[id]!,
    expectedGain: proposals.expectedGain[id]!,
    receiverExpectedGain: proposals.receiverExpectedGain[id]!,
    initiatorPosition: onScales(proposals.initiatorPositions),
    receiverPosition: onScales(proposals.receiverPositions),
  };
}
