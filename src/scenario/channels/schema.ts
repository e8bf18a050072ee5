/**
 * The scenario fields of channels-spec.md §3: a timeline, channels between actors, trust, dated events,
 * probabilistic branches and proposals (top level); audience costs, red lines (commitments), hurt,
 * breach costs and patience (per actor or stance); veto players, ratifiers and the bargaining table (per
 * issue). Every field is optional and every new object accepts `evidence`. The schema checks shapes;
 * `validate.ts` in this folder checks the cross-field rules of §11.
 */
import { z } from 'zod';
import { dateProblem, parseStep } from '../timeline/calendar.js';
import { idProblem } from '../ids.js';

const finite = z.number().refine(Number.isFinite, { message: 'expected a finite number' });
const evidence = z.string().optional();
const atLeastZero = z.number().superRefine((x, context) => {
  if (!Number.isFinite(x) || x < 0) context.addIssue({ code: 'custom', message: `expected a finite number ≥ 0` });
});
const probability = z.number().superRefine((x, context) => {
  if (!Number.isFinite(x) || x < 0 || x > 1) context.addIssue({ code: 'custom', message: `expected a probability in [0, 1]` });
});
const positive = z.number().superRefine((x, context) => {
  if (!Number.isFinite(x) || !(x > 0)) context.addIssue({ code: 'custom', message: `expected a number > 0` });
});
/** "YYYY-MM-DD", a date of the proleptic Gregorian calendar. */
export const DateTextSchema = z.string().superRefine((text, context) => {
  const problem = dateProblem(text);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});
const actorId = z.string().min(1, 'expected an actor id');
/** Branch and outcome ids follow the id rules: they are syntax in `--leaf B=O,…` and the CSV's leaf column. */
const branchId = z.string().superRefine((id, context) => {
  const problem = idProblem(id);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});
const issueId = z.string().min(1, 'expected an issue id');

export const TimelineSchema = z
  .object({
    /** Date of round 0 and start of round 1; default: the scenario's asOf. */
    start: DateTextSchema.optional(),
    /** Round length "<n>d", "<n>w" or "<n>m" (calendar months), 1 ≤ n ≤ 9999; default "1m". */
    step: z
      .string()
      .refine((text) => parseStep(text) !== undefined, { message: 'expected "<n>d", "<n>w" or "<n>m" with 1 ≤ n ≤ 9999 (e.g. "1m", "2w", "10d")' })
      .optional(),
    /** Iterative models then run the rounds that start before it (T3). */
    end: DateTextSchema.optional(),
    evidence,
  })
  .strict();
export type TimelineInput = z.infer<typeof TimelineSchema>;

/** A public red line: "I refuse outcomes below atLeast" (or above atMost), costing `cost` per unit of scale crossed. */
export const CommitmentSchema = z
  .object({ atLeast: finite.optional(), atMost: finite.optional(), cost: atLeastZero.optional(), evidence })
  .strict();
export type Commitment = z.infer<typeof CommitmentSchema>;

export const ChannelKindSchema = z.enum(['public', 'private', 'closed']);
export type ChannelKind = z.infer<typeof ChannelKindSchema>;

/** How a pair of actors talks (symmetric), on every issue or the listed ones. */
export const ChannelRuleSchema = z
  .object({
    between: z.array(actorId),
    channel: ChannelKindSchema,
    /** Private only: the probability that a private concession becomes public (default 0). */
    leak: probability.optional(),
    issues: z.array(issueId).optional(),
    evidence,
  })
  .strict();
export type ChannelRule = z.infer<typeof ChannelRuleSchema>;

export const TrustPriorSchema = z.object({ mean: probability.optional(), strength: positive.optional(), evidence }).strict();

/** A kept or broken agreement, as the actors in `seenBy` count it against the actors in `actors`. */
export const TrustRecordSchema = z
  .object({
    date: DateTextSchema,
    label: z.string().optional(),
    actors: z.array(actorId),
    outcome: z.enum(['kept', 'broken']),
    seenBy: z.array(actorId).optional(),
    weight: positive.optional(),
    evidence,
  })
  .strict();
export type TrustRecord = z.infer<typeof TrustRecordSchema>;

/** A direct estimate: `of`'s trust in `in`. */
export const TrustEstimateSchema = z.object({ of: actorId, in: actorId, value: probability, evidence }).strict();
export type TrustEstimate = z.infer<typeof TrustEstimateSchema>;

export const TrustSchema = z
  .object({
    prior: TrustPriorSchema.optional(),
    halfLifeYears: positive.optional(),
    records: z.array(TrustRecordSchema).optional(),
    set: z.array(TrustEstimateSchema).optional(),
    evidence,
  })
  .strict();
export type Trust = z.infer<typeof TrustSchema>;

/** A number (set) or one of {set}, {times}, {plus}. */
export const ValueChangeSchema = z.union([
  finite,
  z.object({ set: finite.optional(), times: finite.optional(), plus: finite.optional() }).strict(),
]);
export type ValueChange = z.infer<typeof ValueChangeSchema>;

/** A record as an effect: dated at its event's date. */
export const RecordEffectSchema = TrustRecordSchema.omit({ date: true });

/** One dated effect (§3.6): sets exactly one of the fields below. */
export const EffectSchema = z
  .object({
    actor: actorId.optional(),
    issue: issueId.optional(),
    capability: ValueChangeSchema.optional(),
    salience: ValueChangeSchema.optional(),
    position: ValueChangeSchema.optional(),
    audienceCost: ValueChangeSchema.optional(),
    hurt: ValueChangeSchema.optional(),
    breachCost: ValueChangeSchema.optional(),
    commitment: CommitmentSchema.nullable().optional(),
    statusQuo: ValueChangeSchema.optional(),
    channel: ChannelRuleSchema.omit({ evidence: true }).strict().optional(),
    trust: TrustEstimateSchema.omit({ evidence: true }).strict().optional(),
    record: RecordEffectSchema.optional(),
    evidence,
  })
  .strict();
export type Effect = z.infer<typeof EffectSchema>;

export const EventSchema = z
  .object({ date: DateTextSchema, label: z.string().optional(), effects: z.array(EffectSchema).optional(), evidence })
  .strict();
export type ScenarioEvent = z.infer<typeof EventSchema>;

export const BranchOutcomeSchema = z
  .object({ id: branchId, label: z.string().optional(), probability: probability, effects: z.array(EffectSchema).optional(), evidence })
  .strict();
export type BranchOutcome = z.infer<typeof BranchOutcomeSchema>;

export const BranchSchema = z
  .object({
    id: branchId,
    date: DateTextSchema,
    label: z.string().optional(),
    /** The branch exists only in that outcome of an earlier-listed branch. */
    when: z.object({ branch: z.string().min(1), outcome: z.string().min(1) }).strict().optional(),
    outcomes: z.array(BranchOutcomeSchema),
    evidence,
  })
  .strict();
export type Branch = z.infer<typeof BranchSchema>;

/** An offer the deal analysis judges (D6). */
export const ProposalSchema = z
  .object({
    date: DateTextSchema,
    label: z.string().optional(),
    from: actorId,
    to: actorId,
    issue: issueId,
    position: finite,
    channel: z.enum(['public', 'private']),
    evidence,
  })
  .strict();
export type Proposal = z.infer<typeof ProposalSchema>;

export const RatifierSchema = z.object({ actor: actorId, for: actorId, evidence }).strict();
export const TableSchema = z.object({ channel: ChannelKindSchema, leak: probability.optional(), evidence }).strict();

/** Per-actor fields (a stance may override audienceCost, hurt, breachCost and patience). */
export const actorChannelFields = {
  /** α ≥ 0: cost of a public retreat per unit of scale (default 0). */
  audienceCost: atLeastZero.optional(),
  /** Per-year discount factor in (0, 1) (default 0.9); deal analysis only. */
  patience: z
    .number()
    .superRefine((x, context) => {
      if (!Number.isFinite(x) || !(x > 0 && x < 1)) context.addIssue({ code: 'custom', message: `expected a number in (0, 1)` });
    })
    .optional(),
  /** Per-year cost of no agreement ≥ 0 (default 0). */
  hurt: atLeastZero.optional(),
  /** Per-year extra loss while a broken agreement lasts ≥ 0 (default 0). */
  breachCost: atLeastZero.optional(),
};

export const stanceChannelFields = {
  ...actorChannelFields,
  /** A public red line on this issue. */
  commitment: CommitmentSchema.optional(),
};

export const issueChannelFields = {
  /** Whose consent an agreement needs (deal analysis). */
  vetoPlayers: z.array(actorId).optional(),
  /** ρ must ratify what `for` signs (a win-set, N5). */
  ratifiers: z.array(RatifierSchema).optional(),
  /** The channel of the bargaining table (Nash and deal). */
  table: TableSchema.optional(),
};

export const scenarioChannelFields = {
  timeline: TimelineSchema.optional(),
  channels: z.array(ChannelRuleSchema).optional(),
  trust: TrustSchema.optional(),
  events: z.array(EventSchema).optional(),
  branches: z.array(BranchSchema).optional(),
  proposals: z.array(ProposalSchema).optional(),
};
