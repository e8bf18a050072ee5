/**
 * From an answer to the ledger's sealed entries (one per issue), and from resolved entries to their
 * scores: Brier per probability, CRPS per forecast (also as a share of the scale's width, so issues on
 * different scales can be averaged), the overall means and the calibration bins (score.ts).
 */
import type { Answer, AnswerProbability } from '../answer/answer.js';
import { questionHolds } from '../answer/answer.js';
import { quantileOfSorted } from '../sweep/statistics.js';
import { brierScore, calibrationBins, crpsFromQuantiles, quantileLevels, type CalibrationBin } from './score.js';

/** How many quantiles an entry seals (τ = 0.01 … 0.99). */
export const sealedQuantiles = 99;

/** A sealed probability is the answer's, as it was given. */
export type SealableProbability = AnswerProbability;

export interface SealableEntry {
  issue: string;
  scale: { min: number; max: number };
  predictor: string;
  forecast: number;
  quantiles: number[];
  probabilities: SealableProbability[];
  answer: unknown;
}

/** One entry per issue of the answer; `samples[i]` are the predictor's sweep outcomes on issue i. */
export function entriesFromAnswer(answer: Answer, samples: readonly Float64Array[], scales: readonly { min: number; max: number }[]): SealableEntry[] {
  return answer.issues.map((issue, index) => {
    const sorted = samples[index]!.slice().sort();
    return {
      issue: issue.issue,
      scale: scales[index]!,
      predictor: answer.predictor.label,
      forecast: issue.forecast,
      quantiles: quantileLevels(sealedQuantiles).map((tau) => quantileOfSorted(sorted, tau)),
      probabilities: issue.probabilities.map((probability) => ({ ...probability })),
      answer: issue,
    };
  });
}

/** Whether a sealed probability's event happened, given the outcome. */
export function happened(probability: Pick<SealableProbability, 'direction' | 'threshold'>, outcome: number): boolean {
  return probability.direction === 'above' ? outcome > probability.threshold : questionHolds({ direction: probability.direction, threshold: probability.threshold }, outcome);
}

export interface EntryScore {
  id: number;
  issue: string;
  predictor: string;
  forecast: number;
  outcome: number;
  crps: number;
  /** CRPS / (scale max − min). */
  crpsShare: number;
  /** Mean Brier score over the entry's probabilities. */
  brier: number;
  probabilities: Array<{ label: string; probability: number; happened: boolean; brier: number }>;
}

export interface LedgerScore {
  entries: EntryScore[];
  /** Over every resolved entry: mean CRPS share and mean Brier over every probability; null when none is resolved. */
  overall: { resolved: number; open: number; crpsShare: number | null; brier: number | null };
  calibration: CalibrationBin[];
}

export interface ResolvedEntry extends Omit<SealableEntry, 'answer'> {
  id: number;
  resolution?: { outcome: number };
}

export function scoreLedger(entries: readonly ResolvedEntry[]): LedgerScore {
  const scored = entries.flatMap((entry): EntryScore[] => {
    if (!entry.resolution) return [];
    const outcome = entry.resolution.outcome;
    const probabilities = entry.probabilities.map((probability) => {
      const event = happened(probability, outcome);
      return { label: probability.label, probability: probability.probability, happened: event, brier: brierScore(probability.probability, event) };
    });
    const crps = crpsFromQuantiles(entry.quantiles, outcome);
    return [{
      id: entry.id,
      issue: entry.issue,
      predictor: entry.predictor,
      forecast: entry.forecast,
      outcome,
      crps,
      crpsShare: crps / (entry.scale.max - entry.scale.min),
      brier: probabilities.reduce((sum, item) => sum + item.brier, 0) / Math.max(1, probabilities.length),
      probabilities,
    }];
  });
  const all = scored.flatMap((entry) => entry.probabilities);
  return {
    entries: scored,
    overall: {
      resolved: scored.length,
      open: entries.length - scored.length,
      crpsShare: scored.length === 0 ? null : scored.reduce((sum, entry) => sum + entry.crpsShare, 0) / scored.length,
      brier: all.length === 0 ? null : all.reduce((sum, item) => sum + item.brier, 0) / all.length,
    },
    calibration: calibrationBins(all),
  };
}
