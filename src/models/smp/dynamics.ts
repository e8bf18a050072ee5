/**
 * The dynamics of KTAB's Spatial Model of Politics (ktab-smp.md, "The SMP algorithm"; KTAB
 * `SMPState::setAllAUtil`, `doBCN`, `pDist`, `newIdeals`, `smpStopFn`), on positions normalised to
 * [0, 1]^m. Each turn: infer risk attitudes from the risk-neutral vote, let every actor pick its most
 * profitable challenge and propose a bargain, resolve every actor's queue of bargains by a
 * capability-weighted vote, move, update ideals, and stop by KTAB's rule.
 *
 * Unlike KTAB it computes only what the dynamics need (no diagnostic pass over every estimator), so a
 * turn costs O(n³) rather than O(n⁴); a deterministic run that comes back to a state it has been in
 * replays the turns that followed instead of recomputing them (the same numbers, bit for bit); and the
 * stochastic mode draws from one seeded stream per actor and turn, so a run is reproducible whatever
 * the scheduling. The n × n matrices of a turn live in one workspace per run (workspace.ts), so memory
 * does not grow with the number of turns beyond each turn's O(n) record.
 */
import { createRandom, deriveSeed } from '../../math/random.js';
import { flooredWeight, productWeight } from '../../math/weightFloor.js';
import { interpolateBargain } from './bargain.js';
import { estimateChallenge, type ChallengeEstimate, type ChallengeSetting } from './challenge.js';
import type { ResolvedSmpOptions } from './options.js';
import { estimatedRisk, riskFromProbabilities, spatialUtility, weightedDistance } from './utility.js';
import { outcomeProbabilities, scalarPce, utilityCoalitions } from './voting.js';
import { SmpChoices, SmpProposals, type Perspective } from './turnRecord.js';
import { SmpWorkspace } from './workspace.js';

/** The SMP's numeric input: n actors in an m-dimensional space, everything on [0, 1]. */
export interface SmpInput {
  actors: number;
  dimensions: number;
  /** c_i > 0. */
  capability: Float64Array;
  /** s_ik ∈ [0, 1], Σ_k s_ik ≤ 1, row-major n × m. */
  salience: Float64Array;
  /** x_ik ∈ [0, 1], row-major n × m. */
  positions: Float64Array;
  /** The accommodation matrix A (n × n, rows summing to ≤ 1); undefined is the identity. */
  accommodation?: Float64Array;
}

export type SmpSettings = Pick<
  ResolvedSmpOptions,
  | 'victoryProbModel'
  | 'pceModel'
  | 'stateTransitions'
  | 'votingRule'
  | 'bigRAdjust'
  | 'bigRRange'
  | 'thirdPartyCommit'
  | 'interVecBargain'
  | 'bargainModel'
  | 'stopThreshold'
  | 'minTurns'
  | 'maxTurns'
  | 'seed'
>;

/** One state (the input, or the positions after a turn) with what the model infers from it. */
export interface SmpState {
  positions: Float64Array;
  ideals: Float64Array;
  /** R_i, inferred from the risk-neutral probabilities of the positions. */
  riskAttitudes: Float64Array;
  /** Index of the first actor holding each distinct position (positions closer than 1e-3 are one). */
  uniquePositions: number[];
  /** The probability that each distinct position is the outcome, each actor judging by its own utilities. */
  uniqueProbabilities: Float64Array;
  /** Each actor's position's probability of being the outcome (equivalent positions share it). */
  actorProbabilities: Float64Array;
}

/** A turn's record: the bargains proposed, what each actor took (columns, turnRecord.ts) and how far the actors moved. */
export interface SmpTurn {
  proposals: SmpProposals;
  choices: SmpChoices;
  /** Σ_i ‖x_i(t) − x_i(t−1)‖ on [0, 1]^m. */
  movement: number;
  /** movement / (first turn's movement + 1e-4): KTAB's stopping statistic. */
  movementRatio: number;
}

export interface SmpTrajectory {
  /** states[0] is the input; states[t] follows turn t. */
  states: SmpState[];
  turns: SmpTurn[];
  /** Why the run ended after the last turn. */
  stoppedBy: 'movement' | 'maxTurns';
}

/** Positions closer than this (Euclidean, on [0, 1]^m) are the same position (KTAB's posTol). */
const positionTolerance = 1e-3;
/** A challenge must be worth more than this to be made (KTAB's minSigEDU). */
const minSignificantGain = 1e-5;
/** Added to the first turn's movement so the stopping ratio never divides by zero (KTAB's minSigDelta). */
const minSignificantMovement = 1e-4;

export function runSmp(given: SmpInput, settings: SmpSettings): SmpTrajectory {
  const input: JudgedInput = { ...given, distanceWeights: distanceWeights(given) };
  const work = new SmpWorkspace(input.actors, input.dimensions);
  const initialIdeals = Float64Array.from(input.positions);
  const states: SmpState[] = [analyseState(input, settings, work, Float64Array.from(input.positions), initialIdeals)];
  const turns: SmpTurn[] = [];
  for (let turn = 1; ; turn++) {
    const previous = states[states.length - 1]!;
    const seen = settings.stateTransitions === 'Deterministic' ? earlierIndex(states) : -1;
    let next: SmpState;
    let proposals: SmpProposals;
    let choices: SmpChoices;
    if (seen >= 0) {
      // A deterministic turn depends on nothing but the positions and ideals it starts from: from a
      // state seen before, it is the turn that followed that state, exactly (a cycle; often until maxTurns).
      next = states[seen + 1]!;
      ({ proposals, choices } = turns[seen]!);
    } else {
      const outcome = bargainingTurn(input, settings, work, previous, turn);
      ({ proposals, choices } = outcome);
      next = analyseState(input, settings, work, outcome.positions, updateIdeals(input, outcome.positions, previous.ideals));
    }
    states.push(next);
    const movement = stateMovement(previous.positions, next.positions, input.actors, input.dimensions);
    const firstMovement = turn === 1 ? movement : turns[0]!.movement;
    const movementRatio = movement / (firstMovement + minSignificantMovement);
    turns.push({ proposals, choices, movement, movementRatio });
    if (turn >= settings.maxTurns) return { states, turns, stoppedBy: 'maxTurns' };
    if (turn >= settings.minTurns && movementRatio < settings.stopThreshold) return { states, turns, stoppedBy: 'movement' };
  }
}

/** The index of an earlier state with exactly the last state's positions and ideals, or −1. */
function earlierIndex(states: readonly SmpState[]): number {
  const last = states[states.length - 1]!;
  for (let index = 0; index < states.length - 1; index++) {
    const state = states[index]!;
    if (sameValues(state.positions, last.positions) && sameValues(state.ideals, last.ideals)) return index;
  }
  return -1;
}

/** Bit-for-bit the same numbers (Object.is: 0 and −0 differ). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/** The input with the weights each actor judges distances by. */
interface JudgedInput extends SmpInput {
  /** The saliences, except that an actor giving salience 0 to every dimension weighs them equally (0/0 otherwise). */
  distanceWeights: Float64Array;
}

/** Below this, an actor's largest salience is scaled up by a power of two before distances square it. */
const smallestSquaredSalience = 2 ** -500;

/**
 * The saliences each actor judges distances with (`weightedDistance` squares them). Saliences below
 * the weight floor count as zero, and an actor whose saliences are all zero weighs the dimensions
 * equally. A row whose largest salience is below 2^-500 is multiplied by a power of two: s_k² would
 * underflow (to 0 below about 1.5e-162, giving the distance 0/0 = NaN), and a power of two scales every
 * product exactly, so the distances are those of the saliences as given (issue 14, item 9).
 */
function distanceWeights(input: SmpInput): Float64Array {
  const weights = input.salience.map(flooredWeight);
  const m = input.dimensions;
  for (let i = 0; i < input.actors; i++) {
    const row = weights.subarray(i * m, (i + 1) * m);
    const largest = row.reduce((a, b) => (b > a ? b : a), 0);
    if (largest === 0) row.fill(1);
    else if (largest < smallestSquaredSalience) {
      const factor = 2 ** -Math.floor(Math.log2(largest));
      for (let k = 0; k < m; k++) row[k] = row[k]! * factor;
    }
  }
  return weights;
}

/**
 * Risk attitudes, perceived utilities and outcome probabilities of one state. Its distances and
 * estimated risk attitudes stay in the workspace (`work.analysed` is the state), for the turn made from it.
 */
function analyseState(input: JudgedInput, settings: SmpSettings, work: SmpWorkspace, positions: Float64Array, ideals: Float64Array): SmpState {
  const n = input.actors;
  const m = input.dimensions;
  const { distance, riskNeutral, estimatedRisks } = work;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) distance[i * n + j] = weightedDistance(ideals, i * m, positions, j * m, input.distanceWeights, i * m, m);
  }
  for (let cell = 0; cell < n * n; cell++) riskNeutral[cell] = spatialUtility(distance[cell]!, 0);
  const coalitions = utilityCoalitions(settings.votingRule, input.capability, riskNeutral, n, n, work.pce.coalitions(n * n));
  const riskNeutralProbabilities = outcomeProbabilities(settings.pceModel, settings.victoryProbModel, coalitions, n, work.pce);
  const riskAttitudes = riskFromProbabilities(riskNeutralProbabilities, settings.bigRRange);
  for (let h = 0; h < n; h++) {
    for (let i = 0; i < n; i++) estimatedRisks[h * n + i] = estimatedRisk(riskAttitudes[h]!, riskAttitudes[i]!, settings.bigRAdjust);
  }

  const uniquePositions = distinctPositions(positions, n, m);
  const options = uniquePositions.length;
  const ownUtilities = work.optionUtilities.take(n * options);
  for (let i = 0; i < n; i++) {
    for (let u = 0; u < options; u++) {
      ownUtilities[i * options + u] = spatialUtility(distance[i * n + uniquePositions[u]!]!, estimatedRisks[i * n + i]!);
    }
  }
  // KTAB's pDist always votes proportionally here, whatever the coalition voting rule.
  const uniqueProbabilities = scalarPce(input.capability, ownUtilities, n, options, 'Prop', settings.victoryProbModel, settings.pceModel, work.pce);
  const actorProbabilities = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // KTAB takes the last distinct position equivalent to the actor's.
    let match = -1;
    for (let u = 0; u < options; u++) if (samePosition(positions, i, uniquePositions[u]!, m)) match = u;
    actorProbabilities[i] = uniqueProbabilities[match]!;
  }
  const state: SmpState = { positions, ideals, riskAttitudes, uniquePositions, uniqueProbabilities, actorProbabilities };
  work.analysed = state;
  return state;
}

function samePosition(positions: Float64Array, a: number, b: number, m: number): boolean {
  let squares = 0;
  for (let k = 0; k < m; k++) {
    const d = positions[a * m + k]! - positions[b * m + k]!;
    squares += d * d;
  }
  return Math.sqrt(squares) < positionTolerance;
}

/** The first actor of each distinct position, in actor order (KTAB `ueIndices`). */
function distinctPositions(positions: Float64Array, n: number, m: number): number[] {
  const unique: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!unique.some((first) => samePosition(positions, i, first, m))) unique.push(i);
  }
  return unique;
}

/** h's estimates of everyone's utility for everyone's position: u[x·n + y] = u(d_xy; R estimated by h for x). */
function perceivedUtilities(work: SmpWorkspace, n: number, estimator: number, into: Float64Array): Float64Array {
  const { distance, estimatedRisks } = work;
  for (let x = 0; x < n; x++) {
    const risk = estimatedRisks[estimator * n + x]!;
    for (let y = 0; y < n; y++) into[x * n + y] = spatialUtility(distance[x * n + y]!, risk);
  }
  return into;
}

interface TurnOutcome {
  positions: Float64Array;
  proposals: SmpProposals;
  choices: SmpChoices;
}

function bargainingTurn(input: JudgedInput, settings: SmpSettings, work: SmpWorkspace, state: SmpState, turn: number): TurnOutcome {
  // The workspace holds the matrices of the last state analysed only: a turn from any other is replayed, never made.
  if (work.analysed !== state) throw new Error('internal: an SMP turn was made from a state whose matrices are gone');
  const proposals = proposeBargains(input, settings, work, state);
  const queues: number[][] = [];
  for (let actor = 0; actor < input.actors; actor++) queues.push([]);
  for (let index = 0; index < proposals.count; index++) {
    queues[proposals.initiator[index]!]!.push(index);
    queues[proposals.receiver[index]!]!.push(index);
  }
  const { positions, choices } = resolveQueues(input, settings, work, state, proposals, queues, turn);
  return { positions, proposals, choices };
}

/** Every actor's best challenge, if any is worth making, and the bargain(s) it proposes (at most 2 per actor). */
function proposeBargains(input: SmpInput, settings: SmpSettings, work: SmpWorkspace, state: SmpState): SmpProposals {
  const n = input.actors;
  const m = input.dimensions;
  const salienceSum = salienceSums(input);
  const setting: ChallengeSetting = {
    actors: n,
    capability: input.capability,
    salienceSum,
    voteWeight: salienceSum.map((sum, actor) => productWeight(sum, input.capability[actor]!)),
    votingRule: settings.votingRule,
    thirdPartyCommit: settings.thirdPartyCommit,
  };
  const estimate: ChallengeEstimate = { probability: 0, gain: 0 };
  const { utilities, receiverUtilities } = work;
  const proposals = work.proposals;
  proposals.count = 0;
  for (let i = 0; i < n; i++) {
    perceivedUtilities(work, n, i, utilities);
    let target = -1;
    let probability = 0;
    let bestGain = -1.0;
    for (let j = 0; j < n; j++) {
      // i indifferent between its position and j's (j there too, say): the gain is 0 up to round-off,
      // never above minSignificantGain, so j cannot be the target.
      if (j === i || utilities[i * n + j] === utilities[i * n + i]) continue;
      estimateChallenge(setting, utilities, i, i, j, estimate);
      if (minSignificantGain < estimate.gain && bestGain < estimate.gain) {
        target = j;
        probability = estimate.probability;
        bestGain = estimate.gain;
      }
    }
    if (target < 0) continue;
    const j = target;
    const receiverExpectedGain = estimateChallenge(setting, utilities, j, i, j).gain;
    const fromInitiator = interpolateBargain(settings.interVecBargain, state.positions, input.salience, m, i, j, probability, 1 - probability);
    const propose = (perspective: Perspective, initiatorPosition: Float64Array, receiverPosition: Float64Array) =>
      proposals.add(i, j, perspective, probability, bestGain, receiverExpectedGain, initiatorPosition, receiverPosition);
    if (settings.bargainModel === 'InitOnlyInterp') {
      propose('initiator', fromInitiator.initiator, fromInitiator.receiver);
      continue;
    }
    // KTAB interpolates the receiver's version with the receiver's estimate of the initiator's expected
    // gain in the place of a probability (`get<1>` of probEduChlg); kept as is to reproduce KTAB.
    perceivedUtilities(work, n, j, receiverUtilities);
    const receiverView = estimateChallenge(setting, receiverUtilities, i, i, j).gain;
    const fromReceiver = interpolateBargain(settings.interVecBargain, state.positions, input.salience, m, i, j, receiverView, 1 - receiverView);
    if (settings.bargainModel === 'InitRcvrInterp') {
      propose('initiator', fromInitiator.initiator, fromInitiator.receiver);
      propose('receiver', fromReceiver.initiator, fromReceiver.receiver);
      continue;
    }
    // PWCompInterp: KTAB weighs both versions by c·s, taking the initiator's capability for both sides;
    // weights below the floor count as zero, and with both zero the versions weigh equally (KTAB: 0/0).
    const weightI = productWeight(input.capability[i]!, setting.salienceSum[i]!);
    const weightJ = productWeight(input.capability[i]!, setting.salienceSum[j]!);
    const [shareI, shareJ] = weightI + weightJ > 0 ? [weightI, weightJ] : [1, 1];
    const blend = (a: Float64Array, b: Float64Array) => a.map((value, k) => (shareI * value + shareJ * b[k]!) / (shareI + shareJ));
    propose('compromise', blend(fromInitiator.initiator, fromReceiver.initiator), blend(fromInitiator.receiver, fromReceiver.receiver));
  }
  return proposals.trimmed();
}

function salienceSums(input: SmpInput): Float64Array {
  const sums = new Float64Array(input.actors);
  for (let i = 0; i < input.actors; i++) {
    let sum = 0.0;
    for (let k = 0; k < input.dimensions; k++) sum = sum + input.salience[i * input.dimensions + k]!;
    sums[i] = sum;
  }
  return sums;
}

/**
 * Each actor's queue holds its status quo and every bargain it is party to. All actors score each
 * option by their mean utility over all positions after it (ktab-smp.md "Resolution"); a
 * capability-weighted PCE gives each option's probability; the actor takes the likeliest (or draws).
 */
function resolveQueues(
  input: JudgedInput,
  settings: SmpSettings,
  work: SmpWorkspace,
  state: SmpState,
  proposals: SmpProposals,
  queues: number[][],
  turn: number,
): { positions: Float64Array; choices: SmpChoices } {
  const n = input.actors;
  const m = input.dimensions;
  const pointUtility = (actor: number, points: Float64Array, offset: number) =>
    spatialUtility(weightedDistance(state.ideals, actor * m, points, offset, input.distanceWeights, actor * m, m), state.riskAttitudes[actor]!);
  // Each actor's utility for every current position, computed once (n² rather than n³ evaluations).
  const { ownUtility, distance, estimatedRisks } = work;
  for (let a = 0; a < n; a++) {
    const risk = estimatedRisks[a * n + a]!;
    for (let other = 0; other < n; other++) ownUtility[a * n + other] = spatialUtility(distance[a * n + other]!, risk);
  }

  const statusQuoUtility = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let sum = 0.0;
    for (let other = 0; other < n; other++) sum = sum + ownUtility[a * n + other]!;
    statusQuoUtility[a] = sum / n;
  }
  // proposalUtility[p·n + a]: actor a's mean utility over all positions after proposal p.
  const proposalUtility = work.proposalUtility.take(proposals.count * n);
  for (let index = 0; index < proposals.count; index++) {
    const initiator = proposals.initiator[index]!;
    const receiver = proposals.receiver[index]!;
    for (let a = 0; a < n; a++) {
      let sum = 0.0;
      sum = sum + pointUtility(a, proposals.initiatorPositions, index * m);
      sum = sum + pointUtility(a, proposals.receiverPositions, index * m);
      for (let other = 0; other < n; other++) {
        if (other !== initiator && other !== receiver) sum = sum + ownUtility[a * n + other]!;
      }
      proposalUtility[index * n + a] = sum / n;
    }
  }

  const positions = Float64Array.from(state.positions);
  const choices = new SmpChoices(n);
  for (let k = 0; k < n; k++) {
    const queue = queues[k]!;
    const options = queue.length + 1;
    let chosen = 0;
    let probability = 1;
    if (options > 1) {
      const utilities = work.optionUtilities.take(n * options);
      for (let a = 0; a < n; a++) {
        utilities[a * options] = statusQuoUtility[a]!;
        for (let column = 0; column < queue.length; column++) utilities[a * options + column + 1] = proposalUtility[queue[column]! * n + a]!;
      }
      const p = scalarPce(input.capability, utilities, n, options, settings.votingRule, settings.victoryProbModel, settings.pceModel, work.pce);
      chosen = settings.stateTransitions === 'Deterministic' ? firstMaximum(p) : draw(p, deriveSeed(deriveSeed(settings.seed, turn), k));
      probability = p[chosen]!;
    }
    const proposalIndex = chosen === 0 ? -1 : queue[chosen - 1]!;
    if (proposalIndex >= 0) positions.set(proposals.pointFor(proposalIndex, k), k * m);
    choices.proposal[k] = proposalIndex;
    choices.probability[k] = probability;
    choices.options[k] = options;
  }
  return { positions, choices };
}

function firstMaximum(p: Float64Array): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[best]! < p[i]!) best = i;
  return best;
}

/** Draws an index with probability p[i] from a stream seeded for this actor and turn. */
function draw(p: Float64Array, seed: number): number {
  const u = createRandom(seed).next();
  let cumulative = 0;
  for (let i = 0; i < p.length; i++) {
    cumulative += p[i]!;
    if (u < cumulative) return i;
  }
  return p.length - 1;
}

/**
 * Ideals after a turn: y_i ← Σ_j A_ij x_j + (1 − Σ_j A_ij)·y_i (ktab-smp.md "Ideals"); with the
 * identity (no accommodation given) ideals are the new positions.
 */
function updateIdeals(input: SmpInput, positions: Float64Array, ideals: Float64Array): Float64Array {
  const accommodation = input.accommodation;
  if (!accommodation) return Float64Array.from(positions);
  const n = input.actors;
  const m = input.dimensions;
  const next = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let rowSum = 0.0;
    for (let j = 0; j < n; j++) {
      const a = accommodation[i * n + j]!;
      rowSum = rowSum + a;
      for (let k = 0; k < m; k++) next[i * m + k] = next[i * m + k]! + a * positions[j * m + k]!;
    }
    const inertia = 1.0 - (rowSum > 1.0 ? 1.0 : rowSum);
    for (let k = 0; k < m; k++) next[i * m + k] = next[i * m + k]! + inertia * ideals[i * m + k]!;
  }
  return next;
}

/** Σ_i ‖a_i − b_i‖ (KTAB `SMPModel::stateDist`). */
function stateMovement(a: Float64Array, b: Float64Array, n: number, m: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let squares = 0.0;
    for (let k = 0; k < m; k++) {
      const d = a[i * m + k]! - b[i * m + k]!;
      squares = squares + d * d;
    }
    total = total + Math.sqrt(squares);
  }
  return total;
}
