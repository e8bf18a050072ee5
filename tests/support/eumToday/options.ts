/**
 * The expected utility model's options (one zod schema, which is also the type) and its named presets.
 * Every switch names the ambiguity of eum-spec.md §5 (A1–A14) that it settles.
 */
import { z } from 'zod';
import type { Preset } from '../../../src/models/model.js';

/**
 * A BDM-style "shock": from round `fromRound` on, the actor's capability and/or salience is replaced
 * (on every issue, or only on `issue`). Salience is on the SCENARIO's salience scale (0–1 or 0–100)
 * and is normalised like `participants()` does.
 */
export const EumChangeSchema = z
  .object({
    fromRound: z.number().int().min(1, 'a change starts in round 1 or later'),
    actor: z.string().min(1),
    issue: z.string().min(1).optional(),
    capability: z.number().refine(Number.isFinite, 'expected a finite number').refine((c) => c >= 0, 'capability must be ≥ 0').optional(),
    salience: z.number().refine(Number.isFinite, 'expected a finite number').refine((s) => s >= 0, 'salience must be ≥ 0').optional(),
  })
  .strict()
  .refine((change) => change.capability !== undefined || change.salience !== undefined, {
    message: 'a change must set capability, salience or both',
  });
export type EumChange = z.infer<typeof EumChangeSchema>;

export const EarlyStopSchema = z
  .object({
    /** Stop when the median moved less than this (on the issue's scale)… */
    epsilon: z.number().positive(),
    /** …for this many consecutive rounds. */
    rounds: z.number().int().min(1).default(2),
  })
  .strict();

export const EumOptionsSchema = z
  .object({
    /** Maximum number of bargaining rounds τ (Scholz et al. 2011, Appendix steps 12–13). */
    rounds: z.number().int().min(0).max(10_000).default(10),
    /** Q: the probability that the status quo holds if i does not challenge (eq. 25a). Scholz used 1. */
    Q: z.number().min(0).max(1).default(1),
    /**
     * T: whether, absent a challenge, the other's move makes i better off (A6). `geometric`: T = 1 unless
     * j lies strictly between i and μ, or i lies strictly between j and μ and j would end farther from i
     * (unverified against any published figure); `always` (T = 1, reproduces Scholz's Fig. 11); `never`.
     * Irrelevant when Q = 1.
     */
    T: z.enum(['geometric', 'always', 'never']).default('geometric'),
    /** A1: eq. 31 as printed (`paper`, P_i + P_j = 1) or Scholz's code (risk-weighted votes over an all-pairs normaliser). */
    probability: z.enum(['paper', 'scholz-code']).default('paper'),
    /**
     * A2: the leading salience in EU. `responder`: the target's salience in both EU_{i→j} and EU_{j→i}
     * (symmetric; Scholz-code). `as-printed`: eq. 25b literally, i.e. the other actor j's salience in both.
     */
    salienceInEu: z.enum(['responder', 'as-printed']).default('responder'),
    /** A3: whose risk exponent evaluates EU_{j→i} when i classifies the dyad: i's (`perceived`) or j's (`own`). */
    perspective: z.enum(['perceived', 'own']).default('perceived'),
    /** A10: whether capitulation moves the actor (Scholz's code never lets it fire). */
    capitulation: z.boolean().default(true),
    /**
     * A9: which offer an actor takes. All first prefer conflict losses, then compromises, then capitulations.
     * `least-move`: then the smallest |Δx|; `highest-eu`: then the proposer with the highest EU;
     * `scholz-code`: the closest conflict winner, else the compromise with the lowest (|a|x_i + |b|x_j)/(|a| + |b|).
     */
    offerChoice: z.enum(['least-move', 'highest-eu', 'scholz-code']).default('least-move'),
    /** A12: on an exact half-weight tie of the median, the lower position or the midpoint (mirror-symmetric). */
    medianTie: z.enum(['lower', 'midpoint']).default('midpoint'),
    /** A5: R measured on the initial positions (fixed), on the current positions, or the issue's scale. */
    range: z.enum(['initial', 'current', 'scale']).default('initial'),
    /** Stop before `rounds` when |Δmedian| < epsilon for `rounds` consecutive rounds (A13). Never claims convergence. */
    earlyStop: EarlyStopSchema.optional(),
    /** Keep every ordered dyad of every round (n² objects per round: off by default, for speed). */
    dyads: z.boolean().default(false),
    /** Shocks: capability or salience replaced from a round on (see EumChangeSchema). */
    changes: z.array(EumChangeSchema).default([]),
    /** Pairs of actors that neither challenge nor make offers to each other (both directions); they still vote. */
    closedDyads: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
  })
  .strict();

export type EumOptions = z.infer<typeof EumOptionsSchema>;

export const eumPresets: Record<string, Preset<EumOptions>> = {
  default: {
    description:
      'Symmetric model: eq. 31 probabilities, responder salience, perceived EU of the other side, capitulation works, least-move offer choice, midpoint median on exact ties. Mirror-symmetric in the scale.',
    options: {},
  },
  'scholz2011-code': {
    description:
      "What Scholz, Calbert & Smith's code does (as ported by jmckib): risk-weighted votes over an all-pairs normaliser, perceived EUs, capitulation never fires, lowest-weighted-position compromise choice. Reproduces their Table 2 and Figs 7–10; not mirror-symmetric. Q < 1 keeps the full (1 − Q) term (their Fig. 11).",
    options: {
      probability: 'scholz-code',
      salienceInEu: 'responder',
      perspective: 'perceived',
      capitulation: false,
      offerChoice: 'scholz-code',
      medianTie: 'lower',
      range: 'initial',
    },
  },
  'scholz2011-paper': {
    description:
      "Scholz et al.'s equations as printed: eq. 31 probabilities, each side's EU with its own risk exponent (Appendix step 11), working capitulation, category priority then least move (§6.2). Salience: the responder's (eq. 25b's printed s_j is a typo, A2; `salienceInEu: 'as-printed'` gives the literal one). Reproduces eum-spec.md §4's paper-literal run on the emission data.",
    options: {
      probability: 'paper',
      salienceInEu: 'responder',
      perspective: 'own',
      capitulation: true,
      offerChoice: 'least-move',
      medianTie: 'lower',
      range: 'initial',
    },
  },
};
