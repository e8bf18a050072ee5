/**
 * A sweep's result: per issue the distribution of the outcome (quantiles, mean, histogram, threshold
 * probabilities, the share of runs each actor moved) and the sensitivity ranking (tornado swings and
 * first-order indices). Plain JSON: the CLI prints it, the workbench stores and charts it.
 */
import { classCount, firstOrderIndex } from './firstOrder.js';
import type { NoiseDistribution, NoiseField, NoiseSpec } from './noise.js';
import type { SweepData } from './run.js';
import type { ShockSpec } from './shocks.js';
import { inputName, type PreparedSweep } from './spec.js';
import { histogram, meanAndVariance, quantileOfSorted } from './statistics.js';
import { outcomesOf, tornadoSwings } from './tornado.js';
import { idRecord, stanceOf } from '../../scenario/keyed.js';

export interface SensitivityEntry {
  /** `actor.field` or `actor.issue.field`. */
  input: string;
  actor: string;
  issue?: string;
  field: NoiseField;
  /** The estimate as given, and the low/high values of the swing (its noise law's 5th/95th percentiles). */
  value: number;
  low: number;
  high: number;
  /** This issue's outcome with the estimate at low and at high, the others as given. */
  outcomeLow: number;
  outcomeHigh: number;
  /** |outcomeHigh − outcomeLow|: the tornado bar's length. */
  swing: number;
  /** The first-order index S_i in [0, 1], or null with fewer than 4 runs. */
  firstOrder: number | null;
}

export interface IssueSummary {
  issue: string;
  scale: { min: number; max: number };
  /** The model's outcome with every estimate as given (shocks applied). */
  baseline: number;
  mean: number;
  standardDeviation: number;
  min: number;
  max: number;
  /** Hyndman–Fan type 7 quantiles. */
  quantiles: { p5: number; p25: number; p50: number; p75: number; p95: number };
  /** Equal-width bins over the issue's scale; the last bin includes max. */
  histogram: { min: number; max: number; counts: number[] };
  /** P(outcome > value) and P(outcome < value). */
  thresholds: Array<{ value: number; above: number; below: number }>;
  /** For each actor taking part: the share of runs in which its final position differs from its start. */
  moved: Record<string, number>;
  /** Every uncertain estimate, the largest swing first. */
  sensitivity: SensitivityEntry[];
}

export interface SweepResult {
  format: 'parley.sweep-result';
  version: 1;
  /** Fingerprint of the canonical inputs; equal for the same sweep run anywhere, merged or not. */
  inputsHash: string;
  scenario: { title: string; asOf?: string };
  model: string;
  preset: string;
  /** The resolved model options, shocks included. */
  options: Record<string, unknown>;
  seed: number;
  /** Runs asked for, and runs done (fewer when interrupted: the summary covers runs 0 … completedRuns − 1). */
  runs: number;
  completedRuns: number;
  noise: NoiseSpec[];
  shocks: ShockSpec[];
  /** Every estimate the runs drew, in draw order. */
  inputs: Array<{ input: string; distribution: NoiseDistribution; value: number; size: number; min: number; max: number | null }>;
  issues: IssueSummary[];
  notes: string[];
}

/** Summarises the runs in `data`, which must start at run 0 (a whole sweep or its interrupted prefix). */
export function summarizeSweep(prepared: PreparedSweep, data: SweepData): SweepResult {
  if (data.start !== 0) throw new RangeError('a summary needs the runs from run 0 on');
  if (data.end === 0) throw new RangeError('a summary needs at least one run');
  const completedRuns = data.end;
  const issueCount = prepared.issueIds.length;
  const baseline = outcomesOf(prepared);
  const swings = tornadoSwings(prepared);
  const notes: string[] = [];
  if (completedRuns < prepared.spec.runs) notes.push(`interrupted: ${completedRuns} of ${prepared.spec.runs} runs done; the summary covers runs 0–${completedRuns - 1}`);
  if (prepared.inputs.length === 0) notes.push('no estimate has noise: every run is the same');
  const classes = classCount(completedRuns);
  const indicesAvailable = completedRuns >= 4;
  if (!indicesAvailable && prepared.inputs.length > 0) notes.push('fewer than 4 runs: no first-order indices');
  const { spec } = prepared;
  const issues = prepared.issueIds.map((issueId, issueIndex): IssueSummary => {
    const sample = new Float64Array(completedRuns);
    for (let run = 0; run < completedRuns; run++) sample[run] = data.outcomes[run * issueCount + issueIndex]!;
    const sorted = sample.slice().sort();
    const { mean, variance } = meanAndVariance(sample);
    const scale = prepared.scenario.issues[issueIndex]!.scale;
    const sensitivity = prepared.inputs.map((input, inputIndex): SensitivityEntry => {
      const swing = swings[inputIndex]!;
      const entry: SensitivityEntry = {
        input: inputName(input),
        actor: input.actor,
        field: input.field,
        value: input.law.value,
        low: swing.low,
        high: swing.high,
        outcomeLow: swing.outcomeLow[issueIndex]!,
        outcomeHigh: swing.outcomeHigh[issueIndex]!,
        swing: Math.abs(swing.outcomeHigh[issueIndex]! - swing.outcomeLow[issueIndex]!),
        firstOrder: indicesAvailable
          ? firstOrderIndex(data.outcomes, issueCount, issueIndex, data.inputClasses, prepared.inputs.length, inputIndex, classes)
          : null,
      };
      if (input.issue !== undefined) entry.issue = input.issue;
      return entry;
    });
    return {
      issue: issueId,
      scale: { min: scale.min, max: scale.max },
      baseline: baseline[issueIndex]!,
      mean,
      standardDeviation: Math.sqrt(variance),
      min: sorted[0]!,
      max: sorted[completedRuns - 1]!,
      quantiles: {
        p5: quantileOfSorted(sorted, 0.05),
        p25: quantileOfSorted(sorted, 0.25),
        p50: quantileOfSorted(sorted, 0.5),
        p75: quantileOfSorted(sorted, 0.75),
        p95: quantileOfSorted(sorted, 0.95),
      },
      histogram: { min: scale.min, max: scale.max, counts: histogram(sample, scale.min, scale.max, spec.histogramBins) },
      thresholds: spec.thresholds
        .filter((threshold) => threshold.issue === undefined || threshold.issue === issueId)
        .map((threshold) => thresholdProbabilities(sample, threshold.value)),
      moved: movedShares(prepared, data, issueIndex),
      sensitivity: rankSensitivity(sensitivity),
    };
  });
  return {
    format: 'parley.sweep-result',
    version: 1,
    inputsHash: prepared.inputsHash,
    scenario: { title: prepared.scenario.title, ...(prepared.scenario.asOf !== undefined ? { asOf: prepared.scenario.asOf } : {}) },
    model: prepared.model.id,
    preset: spec.preset,
    options: prepared.options,
    seed: spec.seed,
    runs: spec.runs,
    completedRuns,
    noise: spec.noise,
    shocks: spec.shocks,
    inputs: prepared.inputs.map((input) => ({
      input: inputName(input),
      distribution: input.law.distribution,
      value: input.law.value,
      size: input.law.size,
      min: input.law.min,
      max: Number.isFinite(input.law.max) ? input.law.max : null,
    })),
    issues,
    notes,
  };
}

function thresholdProbabilities(sample: Float64Array, value: number): { value: number; above: number; below: number } {
  let above = 0;
  let below = 0;
  for (const outcome of sample) {
    if (outcome > value) above += 1;
    else if (outcome < value) below += 1;
  }
  return { value, above: above / sample.length, below: below / sample.length };
}

function movedShares(prepared: PreparedSweep, data: SweepData, issueIndex: number): Record<string, number> {
  const issueId = prepared.issueIds[issueIndex]!;
  const issueCount = prepared.issueIds.length;
  const actorCount = prepared.actorIds.length;
  const runs = data.end - data.start;
  const shares = idRecord<number>();
  prepared.scenario.actors.forEach((actor, actorIndex) => {
    if (!stanceOf(actor, issueId)) return;
    let moved = 0;
    for (let run = 0; run < runs; run++) moved += data.moved[(run * issueCount + issueIndex) * actorCount + actorIndex]!;
    shares[actor.id] = moved / runs;
  });
  return shares;
}

/** Largest swing first; ties by first-order index, then by draw order (stable sort). */
function rankSensitivity(entries: SensitivityEntry[]): SensitivityEntry[] {
  return [...entries].sort((a, b) => b.swing - a.swing || (b.firstOrder ?? 0) - (a.firstOrder ?? 0));
}
