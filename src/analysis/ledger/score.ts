/**
 * Scoring sealed forecasts once the outcome is known.
 *
 * - Brier score of a probability p for a binary event with outcome o ∈ {0, 1}:  BS = (p − o)²
 *   (Brier 1950, "Verification of forecasts expressed in terms of probability"); 0 is perfect.
 * - CRPS of a forecast distribution F for an observed value y:  CRPS(F, y) = ∫ (F(x) − 1{x ≥ y})² dx,
 *   which equals 2 ∫₀¹ ρ_τ(y − F⁻¹(τ)) dτ with the pinball loss ρ_τ(u) = u·(τ − 1{u < 0})
 *   (Gneiting & Raftery 2007, JASA 102, eq. 21; Laio & Tamea 2007, HESS 11, eq. 5). With the sealed
 *   quantiles q_k at τ_k = k/(K+1), k = 1…K, it is approximated by (2/K) Σ_k ρ_{τ_k}(y − q_k), in the
 *   units of the scale; 0 is perfect.
 * - Calibration: the probabilities grouped in ten equal bins [0, 0.1), …, [0.9, 1]; a calibrated
 *   forecaster's events happen in each bin about as often as the bin's mean probability says.
 */

export function brierScore(probability: number, happened: boolean): number {
  const o = happened ? 1 : 0;
  return (probability - o) ** 2;
}

/** The pinball (quantile) loss ρ_τ(u) = u·(τ − 1{u < 0}). */
export function pinballLoss(tau: number, u: number): number {
  return u * (tau - (u < 0 ? 1 : 0));
}

/** The levels τ_k = k/(K+1) of K sealed quantiles. */
export function quantileLevels(count: number): number[] {
  return Array.from({ length: count }, (_, k) => (k + 1) / (count + 1));
}

/** CRPS from K quantiles at τ_k = k/(K+1): (2/K) Σ_k ρ_{τ_k}(y − q_k). */
export function crpsFromQuantiles(quantiles: readonly number[], observed: number): number {
  const levels = quantileLevels(quantiles.length);
  let sum = 0;
  quantiles.forEach((q, k) => (sum += pinballLoss(levels[k]!, observed - q)));
  return (2 / quantiles.length) * sum;
}

export interface CalibrationBin {
  /** [low, high) (the last bin includes 1). */
  low: number;
  high: number;
  count: number;
  /** Mean forecast probability in the bin, and how often the events happened; null when empty. */
  meanProbability: number | null;
  observedFrequency: number | null;
}

export function calibrationBins(forecasts: readonly { probability: number; happened: boolean }[], bins = 10): CalibrationBin[] {
  return Array.from({ length: bins }, (_, b) => {
    const low = b / bins;
    const high = (b + 1) / bins;
    const inBin = forecasts.filter(({ probability }) => probability >= low && (probability < high || (b === bins - 1 && probability <= 1)));
    const count = inBin.length;
    return {
      low,
      high,
      count,
      meanProbability: count === 0 ? null : inBin.reduce((sum, item) => sum + item.probability, 0) / count,
      observedFrequency: count === 0 ? null : inBin.filter((item) => item.happened).length / count,
    };
  });
}
