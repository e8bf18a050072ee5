/**
 * KTAB's SMP parameters as a scenario may carry them (`spaces[].smpOptions`, e.g. read from a KTAB
 * XML file): their spellings (ktab-smp.md "Input formats", XML `ModelParameters`), their schema and
 * KTAB's defaults. They live with the scenario, below the models, so that the KTAB readers and the SMP
 * (src/models/smp/options.ts, which adds a run's own options) share one definition.
 */
import { z } from 'zod';

export const VictoryProbModels = ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const;
export const PceModels = ['Conditional', 'MarkovIncentive', 'MarkovUniform'] as const;
export const StateTransitions = ['Deterministic', 'Stochastic'] as const;
export const VotingRules = ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'] as const;
export const BigRAdjusts = ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'] as const;
export const BigRRanges = ['Min', 'Mid', 'Max'] as const;
export const ThirdPartyCommits = ['NoCommit', 'SemiCommit', 'FullCommit'] as const;
export const InterVecBargains = ['S1P1', 'S2P2', 'S2PMax'] as const;
export const BargainModels = ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const;

export type VictoryProbModel = (typeof VictoryProbModels)[number];
export type PceModel = (typeof PceModels)[number];
export type StateTransition = (typeof StateTransitions)[number];
export type VotingRule = (typeof VotingRules)[number];
export type BigRAdjust = (typeof BigRAdjusts)[number];
export type BigRRange = (typeof BigRRanges)[number];
export type ThirdPartyCommit = (typeof ThirdPartyCommits)[number];
export type InterVecBargain = (typeof InterVecBargains)[number];
export type BargainModel = (typeof BargainModels)[number];

/** One entry of KTAB's accommodation matrix: `actor`'s ideal moves toward `reference`'s position at rate `adjust`. */
export const IdealAdjustmentSchema = z
  .object({
    actor: z.string().min(1),
    reference: z.string().min(1),
    adjust: z.number().min(0, 'adjust must be in [0, 1]').max(1, 'adjust must be in [0, 1]'),
  })
  .strict();
export type IdealAdjustment = z.infer<typeof IdealAdjustmentSchema>;

export const parameterShape = {
  /** How coalition strengths become victory probabilities (KTAB `VictoryProbModel`). */
  victoryProbModel: z.enum(VictoryProbModels).optional(),
  /** How pairwise probabilities become the probability that each option wins (KTAB `PCEModel`). */
  pceModel: z.enum(PceModels).optional(),
  /** Take the most probable bargain, or draw one (KTAB `StateTransitions`). */
  stateTransitions: z.enum(StateTransitions).optional(),
  /** How a difference in utility becomes a vote (KTAB `VotingRule`). */
  votingRule: z.enum(VotingRules).optional(),
  /** How far an actor projects its own risk attitude onto others (KTAB `BigRAdjust`). */
  bigRAdjust: z.enum(BigRAdjusts).optional(),
  /** The range of inferred risk attitudes: Min [0,1], Mid [−0.5,1], Max [−1,1] (KTAB `BigRRange`). */
  bigRRange: z.enum(BigRRanges).optional(),
  /** How committed third parties are to the side they join (KTAB `ThirdPartyCommit`). */
  thirdPartyCommit: z.enum(ThirdPartyCommits).optional(),
  /** How a bargain interpolates between the two positions (KTAB `InterVecBrgn`). */
  interVecBargain: z.enum(InterVecBargains).optional(),
  /** Whose view of the contest shapes the bargain (KTAB `BargnModel`). */
  bargainModel: z.enum(BargainModels).optional(),
  /** Stop when a turn's total movement falls below this fraction of the first turn's (KTAB: 0.02). */
  stopThreshold: z.number().min(0).max(1).optional(),
  /** Never stop before this many turns (KTAB: 2). */
  minTurns: z.number().int().min(1).optional(),
  /** Always stop after this many turns (KTAB: 100). */
  maxTurns: z.number().int().min(1).max(10000).optional(),
  /** Seed of the stochastic mode: each actor draws from its own stream per turn (`deriveSeed`). */
  seed: z.number().int().optional(),
  /** KTAB's accommodation matrix entries, by actor id (the identity when empty: ideals follow positions). */
  idealAdjustment: z.array(IdealAdjustmentSchema).optional(),
};

/** The options a space may carry (`spaces[].smpOptions`). */
export const SpaceSmpOptionsSchema = z.object(parameterShape).strict();
export type SpaceSmpOptions = z.infer<typeof SpaceSmpOptionsSchema>;

/** Every option resolved. */
export type ResolvedSmpOptions = { [K in keyof SpaceSmpOptions]-?: Exclude<SpaceSmpOptions[K], undefined> } & { space?: string };

/** KTAB's defaults (ktab-smp.md, section 2, and `SMPModel::configExec`). */
export const smpDefaults: ResolvedSmpOptions = {
  victoryProbModel: 'Linear',
  pceModel: 'Conditional',
  stateTransitions: 'Deterministic',
  votingRule: 'Prop',
  bigRAdjust: 'OneThird',
  bigRRange: 'Mid',
  thirdPartyCommit: 'SemiCommit',
  interVecBargain: 'S2P2',
  bargainModel: 'InitOnlyInterp',
  stopThreshold: 0.02,
  minTurns: 2,
  maxTurns: 100,
  seed: 0,
  idealAdjustment: [],
};

