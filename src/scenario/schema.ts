/**
 * The scenario schema: one zod schema that is also Parley's TypeScript type.
 *
 * A scenario lists issues (each a scale with two labelled ends and an optional status quo) and actors
 * (each with a capability and, per issue it takes part in, a stance: position, salience, evidence).
 * The schema checks shapes and types; `validate.ts` adds the cross-field rules (unknown ids,
 * duplicates, positions outside the scale, salience range, at least two actors per issue).
 *
 * Numbers are stored as the analyst gave them: salience on 0–1 or 0–100 (see `salienceScale`),
 * capability on any non-negative scale. Models normalise internally (DESIGN.md, Conventions).
 */
import { z } from 'zod';
import { idProblem } from './ids.js';
import { actorChannelFields, issueChannelFields, scenarioChannelFields, stanceChannelFields } from './channels/schema.js';

const finite = z.number().refine(Number.isFinite, { message: 'expected a finite number' });
const identifier = z.string().superRefine((id, context) => {
  const problem = idProblem(id);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});
/** Bound of scale ends, positions and status quo: beyond it, models' sums and powers overflow to ±Infinity. */
export const maxMagnitude = 1e12;
/** Bound of capabilities (KTAB caps them at 1e8): products of capabilities and saliences stay finite. */
export const maxCapability = 1e12;
/** A finite number that also passes `check` (one message per failure, never two). */
const finiteWhere = (check: (x: number) => boolean, message: string) =>
  z.number().superRefine((x, context) => {
    if (!Number.isFinite(x)) context.addIssue({ code: 'custom', message: 'expected a finite number' });
    else if (!check(x)) context.addIssue({ code: 'custom', message });
  });
const capabilityTooLarge = "capability must be ≤ 1e12 (KTAB caps it at 1e8; larger values overflow the models' arithmetic)";
const onLine = finiteWhere((x) => Math.abs(x) <= maxMagnitude, "expected a number within ±1e12 (larger values overflow the models' arithmetic)");

export const ScaleSchema = z
  .object({
    min: onLine,
    max: onLine,
    /** What the low end of the scale means, e.g. "full territorial restoration". */
    minLabel: z.string().optional(),
    /** What the high end of the scale means, e.g. "Russia's maximal terms". */
    maxLabel: z.string().optional(),
  })
  .strict();
export type Scale = z.infer<typeof ScaleSchema>;

export const IssueSchema = z
  .object({
    id: identifier,
    name: z.string().optional(),
    description: z.string().optional(),
    scale: ScaleSchema.default({ min: 0, max: 100 }),
    /** The reference point: what happens if no agreement is reached. */
    statusQuo: onLine.optional(),
    /** Channels, trust and ripeness (channels-spec.md §3.3). */
    ...issueChannelFields,
  })
  .strict();
export type Issue = z.infer<typeof IssueSchema>;

/** An estimate's plausible range `[low, high]`, on the estimate's own scale (checked in ranges.ts). */
export const RangeSchema = z.tuple([finite, finite]);
export type Range = z.infer<typeof RangeSchema>;

export const StanceSchema = z
  .object({
    position: onLine,
    /** How much the actor cares about the issue, on the scenario's `salienceScale`. */
    salience: finite,
    /** A quote or source behind the estimate, or a note that it is an analyst's estimate. */
    evidence: z.string().optional(),
    /** Optional plausible ranges of the position and the salience; the sweep draws uniformly in them (docs/answer.md). */
    range: z.object({ position: RangeSchema.optional(), salience: RangeSchema.optional() }).strict().optional(),
    /** Audience cost, red line, hurt, breach cost, patience (channels-spec.md §3.2). */
    ...stanceChannelFields,
  })
  .strict();
export type Stance = z.infer<typeof StanceSchema>;

export const ActorSchema = z
  .object({
    id: identifier,
    name: z.string().optional(),
    /** Other names the actor goes by in texts ("Moscow", "the Russian side"); `parley draft` uses them. */
    aliases: z.array(z.string().min(1, 'expected a non-empty alias')).optional(),
    /** Clout: the resources the actor can bring to bear. Any non-negative scale. */
    capability: z.number().superRefine((c, context) => {
      const message = !Number.isFinite(c) ? 'expected a finite number' : c < 0 ? 'capability must be ≥ 0' : c > maxCapability ? capabilityTooLarge : undefined;
      if (message !== undefined) context.addIssue({ code: 'custom', message });
    }),
    /**
     * Optional fixed risk attitude, as the exponent r ∈ [0.5, 2] of the EUM utility functions
     * (r < 1 risk-acceptant, r > 1 risk-averse). Models that compute r themselves ignore it unless asked.
     */
    risk: finite.refine((r) => r >= 0.5 && r <= 2, { message: 'risk must be in [0.5, 2]' }).optional(),
    notes: z.string().optional(),
    /** Optional plausible range of the capability `[low, high]` (see StanceSchema.range). */
    capabilityRange: RangeSchema.optional(),
    /** One stance per issue the actor takes part in, keyed by issue id. */
    stances: z.record(z.string(), StanceSchema),
    /** Audience cost, patience, hurt, breach cost (channels-spec.md §3.2). */
    ...actorChannelFields,
  })
  .strict();
export type Actor = z.infer<typeof ActorSchema>;

/** The scale saliences are given on: 1 (probabilities) or 100 (percentages). */
export const SalienceScaleSchema = z.union([z.literal(1), z.literal(100)]);
export type SalienceScale = z.infer<typeof SalienceScaleSchema>;

export const SourceSchema = z.union([
  z.string(),
  z.object({ title: z.string(), url: z.string().optional(), date: z.string().optional() }).strict(),
]);

/**
 * A multi-dimensional policy space: several issues judged together, as KTAB's Spatial Model of Politics
 * does (one KTAB "dimension" = one issue). Each actor's saliences summed over a space's issues are at
 * most the salience scale; the remainder is inattention. Cross-field rules live in `spaces.ts`.
 */
export const SpaceSchema = z
  .object({
    id: identifier,
    name: z.string().optional(),
    issues: z.array(identifier).min(1, 'a space needs at least one issue'),
    /**
     * Options of the SMP for this space (e.g. KTAB's model parameters, seed and ideal adjustments read
     * from a KTAB XML file), checked when the model runs; options given to a run take precedence.
     */
    smpOptions: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type Space = z.infer<typeof SpaceSchema>;

/**
 * A question a forecaster can be graded on, e.g. "Will talks reach ≥ 50?": the event is the issue's
 * outcome `at-least` / `at-most` the threshold (by the optional deadline round, for iterative models).
 */
export const QuestionSchema = z
  .object({
    id: identifier,
    text: z.string().min(1, 'expected the question in words'),
    issue: identifier,
    threshold: onLine,
    direction: z.enum(['at-least', 'at-most']),
    deadline: z.number().int().min(1, 'expected a round ≥ 1').max(1000, 'expected a round ≤ 1000').optional(),
  })
  .strict();
export type Question = z.infer<typeof QuestionSchema>;

export const ScenarioSchema = z
  .object({
    title: z.string().min(1, 'expected a title'),
    asOf: z.string().optional(),
    description: z.string().optional(),
    sources: z.array(SourceSchema).optional(),
    salienceScale: SalienceScaleSchema.optional(),
    issues: z.array(IssueSchema).min(1, 'a scenario needs at least one issue'),
    actors: z.array(ActorSchema).min(1, 'a scenario needs at least one actor'),
    /** Optional multi-dimensional policy spaces (see SpaceSchema); used by the SMP. */
    spaces: z.array(SpaceSchema).optional(),
    /** Optional questions the answer gives a probability for (see QuestionSchema). */
    questions: z.array(QuestionSchema).optional(),
    /** Timeline, channels, trust, events, branches, proposals (channels-spec.md §3). */
    ...scenarioChannelFields,
  })
  .strict();

/** A scenario as written, before its salience scale is resolved. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/**
 * A validated scenario: the salience scale is always resolved (declared or inferred), and every
 * stance refers to a declared issue. Treat it as immutable.
 */
export type Scenario = Omit<z.infer<typeof ScenarioSchema>, 'salienceScale'> & {
  salienceScale: SalienceScale;
};
