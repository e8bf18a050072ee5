/**
 * The asymmetric Nash bargaining solution on one issue (Nash 1950; the weighted form of Kalai 1977),
 * as used for EU decisions by Achen (Thomson, Stokman, Achen & König, *The European Union Decides*,
 * 2006, ch. 4) and specified in eum-spec.md §7.3:
 *
 *   x* = argmax_x Σᵢ wᵢ · ln( uᵢ(x) − uᵢ(d) )   over the x on the scale where every uᵢ(x) > uᵢ(d).
 *
 * Utilities are losses in distance, uᵢ(x) = −aᵢ·ℓ(x − xᵢ) with ℓ(t) = |t| (`linear`) or t² (`quadratic`).
 * Salience counts exactly once, either as the exponent or inside the utility (`weights`):
 * - `capability-salience` (default): wᵢ = cᵢsᵢ and aᵢ = 1;
 * - `capability`: wᵢ = cᵢ and aᵢ = sᵢ (Achen's derivation, the emission table of eum-spec.md §7.3).
 * With the status quo as a per-actor disagreement point, aᵢ cancels inside the log (eum-spec.md §7.3,
 * fact ii), so under `capability` salience would have no effect at all; that is why the default puts
 * salience in the exponent. With a common disagreement utility −K, both have the compromise model
 * Σ cᵢsᵢxᵢ / Σ cᵢsᵢ as their K → ∞ limit.
 *
 * The exact variant used in the 2006 book is unverified (eum-spec.md §7.3 caveat).
 */
import { z } from 'zod';
import { weightedMean } from '../math/weightedMean.js';
import { flooredWeight, productWeight } from '../math/weightFloor.js';
import type { Issue, Scenario } from '../scenario/schema.js';
import { participants, votingWeights, type Participant } from '../scenario/views.js';
import { degeneracyNotes, inputRound } from './baseline.js';
import type { Forecast, IssueForecast, Model } from './model.js';
import type { Leaf } from '../scenario/timeline/leaves.js';
import { channelNashIssue, mayNeedChannelNash } from './nashChannels/nashChannels.js';

export const NashOptionsSchema = z
  .object({
    /** ℓ in uᵢ(x) = −aᵢ·ℓ(x − xᵢ). */
    loss: z.enum(['linear', 'quadratic']).default('quadratic'),
    /** Where salience enters: the exponent (cᵢsᵢ) or the utility (exponent cᵢ, utility scaled by sᵢ). */
    weights: z.enum(['capability', 'capability-salience']).default('capability-salience'),
    /**
     * The disagreement point: the issue's status quo d (uᵢ(d) per actor), or a common disagreement
     * utility −K for everyone. Without a status quo, `status-quo` falls back to `common-loss`.
     */
    disagreement: z.enum(['status-quo', 'common-loss']).default('status-quo'),
    /**
     * K of the common disagreement utility −K, in utility units (scale units for `linear`, squared
     * scale units for `quadratic`). Default: twice the largest loss any actor can suffer on the scale,
     * 2·ℓ(max − min), so every point of the scale is feasible.
     */
    commonLoss: z.number().positive().refine(Number.isFinite, { message: 'expected a finite number' }).optional(),
  })
  .strict();
export type NashOptions = z.infer<typeof NashOptionsSchema>;

type Loss = NashOptions['loss'];

const lossOf = (loss: Loss, distance: number): number => (loss === 'linear' ? Math.abs(distance) : distance * distance);

/** The right derivative of ℓ at t (at the kink of |t| it is +1). */
const lossSlope = (loss: Loss, t: number): number => (loss === 'linear' ? (t >= 0 ? 1 : -1) : 2 * t);

/** ℓ⁻¹: the distance at which the loss reaches `value`. */
const distanceAtLoss = (loss: Loss, value: number): number => (loss === 'linear' ? value : Math.sqrt(value));

/** An actor as the bargaining problem sees it: ideal xᵢ, exponent wᵢ, and the radius rᵢ of its gains. */
interface Bargainer {
  ideal: number;
  weight: number;
  /** uᵢ(x) > uᵢ(d) exactly when |x − xᵢ| < rᵢ. */
  radius: number;
}

/** What fixes the disagreement point on one issue. */
type Disagreement = { kind: 'status-quo'; point: number } | { kind: 'common-loss'; loss: number };

/**
 * Right derivative of F(x) = Σ wᵢ ln(ℓ(rᵢ) − ℓ(x − xᵢ)) (the aᵢ factor is a constant inside the log
 * and drops out). F is concave on the feasible interval, so its maximiser is where this changes sign.
 */
function objectiveSlope(bargainers: readonly Bargainer[], loss: Loss, x: number): number {
  let slope = 0;
  for (const { ideal, weight, radius } of bargainers) {
    const gain = lossOf(loss, radius) - lossOf(loss, x - ideal);
    const pull = lossSlope(loss, x - ideal);
    // At the edge of an actor's gains (reachable only through rounding) its term is ∓∞.
    if (gain <= 0) return pull > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    slope -= (weight * pull) / gain;
  }
  return slope;
}

/** Bisection on the sign of F′ over [low, high]: the maximiser of a concave F, to machine precision. */
function maximise(bargainers: readonly Bargainer[], loss: Loss, low: number, high: number): number {
  let left = low;
  let right = high;
  for (let step = 0; step < 200 && right - left > 1e-13 * Math.max(1, Math.abs(left), Math.abs(right)); step++) {
    const middle = (left + right) / 2;
    if (middle <= left || middle >= right) break;
    if (objectiveSlope(bargainers, loss, middle) > 0) left = middle;
    else right = middle;
  }
  const found = (left + right) / 2;
  if (loss === 'quadratic') return found;
  // Linear solutions sit at kinks (ideal points): return the ideal exactly rather than within 1e-13.
  const tolerance = 1e-9 * Math.max(1, high - low);
  const kink = bargainers.find((bargainer) => Math.abs(bargainer.ideal - found) <= tolerance);
  return kink ? kink.ideal : found;
}

export interface NashSolution {
  outcome: number;
  notes: string[];
}

/** The Nash bargaining solution of one issue's participants (see the file comment for the formula). */
export function nashSolution(people: readonly Participant[], issue: Issue, options: NashOptions): NashSolution {
  const notes: string[] = [];
  const compromise = (): number => weightedMean(people.map((person) => person.position), votingWeights(people));
  const scale = issue.scale;
  const disagreement = disagreementFor(issue, options, notes);

  // An actor with no weight, or (when salience scales the utility) no salience, is indifferent: it
  // has no say in the product and vetoes nothing.
  const counted = people.filter((person) =>
    options.weights === 'capability-salience' ? productWeight(person.capability, person.salience) > 0 : flooredWeight(person.capability) > 0 && flooredWeight(person.salience) > 0,
  );
  if (counted.length === 0) {
    notes.push('no actor has a positive weight: the Nash solution is undefined; the forecast is the compromise (weighted mean)');
    return { outcome: compromise(), notes };
  }
  const bargainers = counted.map((person): Bargainer => {
    const utilityScale = options.weights === 'capability' ? person.salience : 1;
    return {
      ideal: person.position,
      weight: options.weights === 'capability' ? person.capability : productWeight(person.capability, person.salience),
      radius:
        disagreement.kind === 'status-quo'
          ? Math.abs(disagreement.point - person.position)
          : distanceAtLoss(options.loss, disagreement.loss / utilityScale),
    };
  });
  let low = scale.min;
  let high = scale.max;
  for (const { ideal, radius } of bargainers) {
    low = Math.max(low, ideal - radius);
    high = Math.min(high, ideal + radius);
  }
  if (!(low < high)) {
    if (disagreement.kind === 'status-quo') {
      notes.push(
        `no point improves on the status quo (${disagreement.point}) for every actor (it lies between or at their ideals): the forecast is the status quo`,
      );
      return { outcome: disagreement.point, notes };
    }
    notes.push(`the common disagreement utility −${disagreement.loss} leaves no feasible agreement: the forecast is the compromise (weighted mean)`);
    return { outcome: compromise(), notes };
  }
  // When every bargainer wants the same (feasible) point, that point maximises every term of the product.
  const firstIdeal = bargainers[0]!.ideal;
  if (bargainers.every((bargainer) => bargainer.ideal === firstIdeal) && firstIdeal >= low && firstIdeal <= high) return { outcome: firstIdeal, notes };
  return { outcome: maximise(bargainers, options.loss, low, high), notes };
}

function disagreementFor(issue: Issue, options: NashOptions, notes: string[]): Disagreement {
  const defaultLoss = 2 * lossOf(options.loss, issue.scale.max - issue.scale.min);
  const commonLoss = options.commonLoss ?? defaultLoss;
  if (options.disagreement === 'common-loss') return { kind: 'common-loss', loss: commonLoss };
  if (issue.statusQuo !== undefined) return { kind: 'status-quo', point: issue.statusQuo };
  notes.push(
    `issue "${issue.id}" has no status quo: the disagreement point is the common disagreement utility −${commonLoss} ` +
      '(twice the largest loss on the scale unless commonLoss is set)',
  );
  return { kind: 'common-loss', loss: commonLoss };
}

export const nashModel: Model<NashOptions> = {
  id: 'nash',
  title: 'Nash bargaining solution',
  reference:
    'Nash (1950); Achen, in Thomson, Stokman, Achen & König, The European Union Decides (2006), ch. 4 (variant unverified); eum-spec.md §7.3.',
  summary:
    'The point maximising Σ wᵢ·ln(uᵢ(x) − uᵢ(d)), d the status quo: the weighted Nash product. With a very bad common disagreement it tends to the compromise model.',
  optionsSchema: NashOptionsSchema,
  presets: {
    default: { description: 'quadratic loss, weights c·s, the status quo as the disagreement point', options: {} },
    linear: { description: 'linear loss, weights c·s, the status quo as the disagreement point', options: { loss: 'linear' } },
    'common-loss': {
      description: "Achen's derivation: quadratic loss scaled by salience, weights c, common disagreement utility −2·range²",
      options: { weights: 'capability', disagreement: 'common-loss' },
    },
  },
  run(scenario: Scenario, options: NashOptions, leaf?: Leaf): Forecast {
    const extended = mayNeedChannelNash(scenario);
    return {
      model: 'nash',
      options: { ...options },
      notes: [],
      issues: scenario.issues.map((issue): IssueForecast => {
        const people = participants(scenario, issue.id);
        let solution =
          people.length === 0 ? { outcome: (issue.scale.min + issue.scale.max) / 2, notes: ['no actor takes part: the forecast is the middle of the scale'] } : nashSolution(people, issue, options);
        // Commitments, audience costs, trust, hurt and win-sets (channels-spec §8): only when the scenario has them.
        const channels = extended && people.length > 0 ? channelNashIssue(scenario, issue, options, leaf, (round) => nashSolution(round, issue, options).outcome) : undefined;
        if (channels?.round0) solution = { outcome: channels.round0.outcome, notes: channels.round0.notes };
        if (channels) solution.notes.push(...channels.notes);
        return {
          issue: issue.id,
          outcome: solution.outcome,
          rounds: people.length === 0 ? [] : [inputRound(people)],
          notes: [...degeneracyNotes(people), ...solution.notes],
          ...(channels?.path ? { path: channels.path } : {}),
        };
      }),
    };
  },
};
