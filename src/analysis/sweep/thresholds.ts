/**
 * Thresholds for outcome probabilities: P(outcome > t) and P(outcome < t), on one issue or on all.
 */
import { InputError } from '../../errors.js';

export interface ThresholdSpec {
  value: number;
  /** Only this issue; every issue when absent. */
  issue?: string;
}

/** Parses `--threshold` text: `50` (every issue) or `settlement:60`. */
export function parseThreshold(text: string, field = 'threshold'): ThresholdSpec {
  const colon = text.lastIndexOf(':');
  const issue = colon >= 0 ? text.slice(0, colon).trim() : undefined;
  const valueText = text.slice(colon + 1).trim();
  const value = Number(valueText);
  if (valueText === '' || !Number.isFinite(value) || issue === '')
    throw new InputError({ field, message: `expected [ISSUE:]NUMBER, got "${text}"` });
  return issue === undefined ? { value } : { issue, value };
}
