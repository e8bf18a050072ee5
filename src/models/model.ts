/**
 * The one interface every Parley model implements, and the Forecast every model returns.
 *
 * A model is pure: `run` reads a validated Scenario and validated options and returns plain data. It
 * reads no files, no clock and no unseeded randomness, so the same input always gives the same output,
 * in Node and in the browser alike.
 */
import type { z } from 'zod';
import type { Scenario } from '../scenario/schema.js';
import type { Leaf } from '../scenario/timeline/leaves.js';
import type { DyadTable } from './dyadTable.js';

/** A named, documented set of options, e.g. EUM's `scholz2011-code`. */
export interface Preset<Options> {
  description: string;
  options: Partial<Options>;
}

export interface Model<Options extends object = Record<string, unknown>> {
  /** The id used on the command line and in stored runs, e.g. `eum`, `weighted-mean`. */
  readonly id: string;
  readonly title: string;
  /** The paper (or book) that defines the model. */
  readonly reference: string;
  /** One paragraph for `--help` and the README. */
  readonly summary: string;
  /** Validates options and fills in defaults; the same schema serves CLI, API and library. */
  readonly optionsSchema: z.ZodType<Options>;
  /** Named option sets; `default` always exists. */
  readonly presets: Readonly<Record<string, Preset<Options>>>;
  /**
   * `leaf`: with branches, the leaf to run (the registry runs every leaf and mixes the results,
   * channels-spec §5.4); models without dated inputs ignore it.
   */
  run(scenario: Scenario, options: Options, leaf?: Leaf): Forecast;
}

/** The dyad classes of Scholz et al. (2011, Fig. 6), seen from the receiver i of a possible offer. */
export type Perception =
  /** Both expect to gain from a challenge and i expects more: j would give in (i wins the conflict). */
  | 'conflict-won'
  /** Both expect to gain from a challenge and j expects more: i gives in fully. */
  | 'conflict-lost'
  /** i expects to lose, j expects to gain more than i loses... or less: i moves part way (eq. 36). */
  | 'compromise'
  /** i expects to lose more than j gains: i moves fully to j. */
  | 'capitulation'
  /** i expects to gain and j to lose: j is the one to move (compromise or capitulation by j). */
  | 'compromise-won'
  | 'capitulation-won'
  /** Neither expects to gain: nobody moves. */
  | 'stalemate'
  /** i and j hold the same position: nothing to bargain over. */
  | 'same-position';

/** One ordered dyad (receiver i, other j) in one round of the expected utility model. */
export interface Dyad {
  /** The receiver: whose perception this is. */
  actor: string;
  /** The other actor. */
  other: string;
  /** P_i(j): the probability that i prevails over j. */
  probability: number;
  /** EU_{i→j}: what i expects from challenging j (with i's risk exponent). */
  expectedUtility: number;
  /** EU_{j→i}: what j expects from challenging i, as i perceives it (or with r_j, by preset). */
  otherExpectedUtility: number;
  perception: Perception;
  /** The position i would move to if it took this offer (undefined when the dyad moves nobody toward j). */
  offer?: number;
  /** True when i took this dyad's offer in this round. */
  taken: boolean;
  /** With channels (channels-spec §7.4): the pair's channel, and today's offer before the adjustment (`offer` is adjusted). */
  channel?: 'public' | 'private';
  baseOffer?: number;
  /** When the offer was adjusted (or refused): the receiver's start-of-round position, the shortfall and the settings behind it. */
  from?: number;
  shortfall?: Shortfall;
  terms?: ChannelTerms;
}

/** How far an adjusted move falls short of today's, split by cause (channels-spec E5), on the issue's scale. */
export interface Shortfall {
  trust: number;
  audience: number;
  redLine: number;
}

/** The settings behind an adjusted offer (channels-spec E1–E4), for the explanations: τ_ij, λ_ij (private only), α_i, the red line. */
export interface ChannelTerms {
  trust: number;
  leak?: number;
  audienceCost: number;
  redLine?: { kind: 'atLeast' | 'atMost'; bound: number; cost: number };
}

/** An actor that refused every offer it received in a round (channels-spec E6). */
export interface Hold {
  actor: string;
  /** The most pressing refused offer (today's rule on the base moves). */
  proposer: string;
  kind: Move['kind'];
  channel: 'public' | 'private';
  from: number;
  wouldMoveTo: number;
  shortfall: Shortfall;
  /** How many offers it refused. */
  refused: number;
  terms: ChannelTerms;
  expectedUtility: number;
  otherExpectedUtility: number;
}

/** A position set by a dated effect at the start of a round (channels-spec §7.1). */
export interface Jump {
  actor: string;
  from: number;
  to: number;
  label: string;
}

/** A move made in one round: who moved, why, toward whom, to where. */
export interface Move {
  actor: string;
  kind: 'conflict-lost' | 'compromise' | 'capitulation';
  proposer: string;
  from: number;
  to: number;
  expectedUtility: number;
  otherExpectedUtility: number;
  /** With channels, when the move was shortened: the channel, today's target and the shortfall (channels-spec §7.4). */
  channel?: 'public' | 'private';
  baseTo?: number;
  shortfall?: Shortfall;
  terms?: ChannelTerms;
}

export interface Round {
  /** 0 is the input; 1.. are the bargaining rounds. */
  round: number;
  /** Every participating actor's position at the end of the round, keyed by actor id. */
  positions: Record<string, number>;
  /** The median voter position (the weighted median, BDM's Condorcet winner). */
  median: number;
  /** The c·s-weighted mean position. */
  mean: number;
  /** EUM: each actor's risk exponent r_i in this round. */
  riskExponents?: Record<string, number>;
  /** EUM: each actor's security sum S_i = Σ_j EU_{j→i} at r = 1 (Scholz et al. 2011, eq. 34) in this round. */
  security?: Record<string, number>;
  /** EUM: the moves made in this round. */
  moves?: Move[];
  /**
   * EUM: every ordered dyad, when asked for (`dyads: true`), by column (dyadTable.ts: `dyadList`,
   * `dyadsInvolving` and `dyadAt` give `Dyad` objects); written to JSON as a `Dyad[]`.
   */
  dyads?: DyadTable;
  /** With channels: the actors that refused every offer (EUM), and positions set by dated effects. */
  holds?: Hold[];
  jumps?: Jump[];
  /** With a timeline: b(t−1) and b(t) as "YYYY-MM-DD" (round 0: both the start). */
  startDate?: string;
  endDate?: string;
  /** SMP: the turn's bargaining and the outcome probabilities of its positions (shared by the space's issues). */
  smp?: SmpRound;
  /** Exchange model, rounds ≥ 1: the round's voting positions (`positions` are the preferences carried over). */
  voting?: ExchangeVoting;
}

/** Exchange model: one issue in one round, on the issue's scale (exchange-spec.md §2.7–2.8). */
export interface ExchangeVoting {
  /** Outcome (eq. 1) of the preferences the round started from (Decide's "Preference MDS"). */
  preferenceOutcome: number;
  /** Each participant's voting position at the end of the round (its preference where it traded nothing). */
  positions: Record<string, number>;
  /** Outcome (eq. 1) of the voting positions (Decide's "Voting MDS"). */
  outcome: number;
}

/** Exchange model: one side of a realised exchange; positions on the supply issue's scale. */
export interface ExchangeSide {
  actor: string;
  /** The issue this actor gives way on (moves its voting position on). */
  supplies: string;
  /** The issue it gains on (the partner's supply issue). */
  demands: string;
  /** Its preference on the supply issue at the start of the round. */
  roundStart: number;
  /** Its position on the supply issue before this exchange (after earlier exchanges of the round). */
  from: number;
  /** Its voting position after the exchange. */
  to: number;
  /** to − from. */
  move: number;
  /** The utility recorded for this side (the uncapped equal gain in Decide, E9; the random split's with p > 0). */
  utility: number;
  /** True when the outcome cap limited this side's move. */
  capped: boolean;
}

/** Exchange model: a per-actor account of externalities (exchange-spec.md §4), summed over exchanges. */
export interface ExternalityAccount {
  innerPositive: number;
  innerNegative: number;
  outerPositive: number;
  outerNegative: number;
  /** The gains of the actor's own exchanges. */
  own: number;
}

/** Exchange model: an exchange realised in a round. I supplies q and demands p; J supplies p, demands q. */
export interface RealisedExchange {
  /** 1-based order of realisation within the round. */
  sequence: number;
  /** The issue pair (p before q in issue order) and the groups the traders came from ('a-d' or 'b-c'). */
  issues: [p: string, q: string];
  groups: 'a-d' | 'b-c';
  /** The equal gain both sides get (eq. 9/14), in utility units on the 0–100 normalised scale. */
  gain: number;
  i: ExchangeSide;
  j: ExchangeSide;
  /** The externality of this exchange for each other actor with stances on both issues (eq. 20). */
  effects: Record<string, number>;
  /** The exchange's externalities summed over actors (own = both traders' gains). */
  externalities: ExternalityAccount;
}

/** Exchange model: what a round traded, for all issues at once. */
export interface ExchangeRound {
  round: number;
  exchanges: RealisedExchange[];
  /** Each actor's externalities in the round, by actor id. */
  externalities: Record<string, ExternalityAccount>;
}

/** SMP: a bargain proposed in a turn. Positions on the issues' own scales, keyed by issue id. */
export interface SmpBargain {
  /** Index of the bargain within its round. */
  id: number;
  initiator: string;
  receiver: string;
  /** Whose estimate of the contest the compromise uses (the `bargainModel` option). */
  perspective: 'initiator' | 'receiver' | 'compromise';
  /** The initiator's estimate that it would prevail over the receiver. */
  probability: number;
  /** The initiator's expected gain from challenging the receiver: why it made the offer. */
  expectedGain: number;
  /** The initiator's estimate of the receiver's change in utility from the challenge. */
  receiverExpectedGain: number;
  initiatorPosition: Record<string, number>;
  receiverPosition: Record<string, number>;
}

/** SMP: the option an actor took from its queue (its status quo and every bargain it is party to). */
export interface SmpChoice {
  actor: string;
  /** The bargain taken (an `SmpBargain.id`), or null when the actor stayed put. */
  bargain: number | null;
  /** The probability of the taken option in the actor's queue. */
  probability: number;
  /** How many options the queue held, the status quo included. */
  options: number;
}

/** SMP: one state of the run (round 0 = the input) and the turn that led to it. */
export interface SmpRound {
  /** Each actor's position's probability of being the outcome (equivalent positions share one value). */
  probabilities: Record<string, number>;
  /** Each actor's risk attitude R ∈ [−1, 1] inferred from these positions (used in the next turn). */
  riskAttitudes: Record<string, number>;
  /** The bargains proposed in the turn that led to this state (empty in round 0). */
  bargains: SmpBargain[];
  /** What each actor took in that turn (empty in round 0). */
  choices: SmpChoice[];
  /** Σ over actors of the distance moved in that turn, on [0, 1]^m; and its ratio to the first turn's (KTAB's stopping statistic). */
  movement?: { total: number; ratioToFirst: number };
}

export interface IssueForecast {
  /** The issue id. */
  issue: string;
  /** The forecast outcome, on the issue's own scale. */
  outcome: number;
  /** Round 0 is the input; iterative models add one entry per round. */
  rounds: Round[];
  /** Set when an early-stop rule ended the run before the maximum number of rounds. Never "converged". */
  stoppedEarly?: { afterRound: number; rule: string };
  /** Warnings and explanations a person should read (degenerate inputs, fallbacks, assumptions). */
  notes: string[];
  /** With branches (channels-spec §5.4): each leaf's result; `outcome` is then the mixture mean and `rounds` the most probable leaf's. */
  leaves?: LeafForecast[];
  mixture?: { mean: number; median: number; distribution: [number, number][] };
  /** Nash with dated effects (channels-spec §8): (N6) on each round's inputs; null where no agreement exists. */
  path?: { round: number; startDate?: string; endDate?: string; outcome: number | null }[];
  /** SMP: the most probable final position on this issue (the mode) and its probability; `outcome` is the probability-weighted mean. */
  mostProbable?: { position: number; probability: number; actors: string[] };
  /**
   * Discrete-choice compromise: the predicted distribution over the candidates — the compromise x̄ it
   * is centred on, the most probable candidates, and central 50 / 80 / 90 % intervals.
   */
  distribution?: {
    compromise: number;
    top: Array<{ position: number; probability: number }>;
    intervals: { p50: [number, number]; p80: [number, number]; p90: [number, number] };
  };
}

/** One leaf of the branch tree: its outcome per branch, probability and result. */
export interface LeafForecast {
  leaf: Record<string, string>;
  probability: number;
  outcome: number;
  rounds: Round[];
  /** Nash with dated effects: this leaf's (N6) path, as `IssueForecast.path`. */
  path?: IssueForecast['path'];
}

export interface Forecast {
  model: string;
  preset?: string;
  /** The options the model ran with, defaults filled in. */
  options: Record<string, unknown>;
  issues: IssueForecast[];
  notes: string[];
  /** Exchange model: the realised exchanges and externalities per round (rounds ≥ 1). */
  exchange?: { rounds: ExchangeRound[] };
}
