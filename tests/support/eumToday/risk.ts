/**
 * Risk exponents from security (Scholz et al. 2011, eqs. 32–34 and 33; eum-spec.md §3.6).
 *
 * S_i = Σ_{j≠i} EU_{j→i}, evaluated with r = 1 (A4: whose superscript does not matter at r = 1);
 * R_i = (2 S_i − max S − min S) / (max S − min S) ∈ [−1, 1];  r_i = (1 − R_i/3) / (1 + R_i/3) ∈ [0.5, 2].
 * The most threatened actor (R = 1) gets r = 0.5 (risk-acceptant), the safest (R = −1) r = 2.
 * When every S is equal the paper is silent: r = 1 for all (the C# port's r = 0 makes every utility −2).
 * Written into `exponents` when given (the round loop reuses its arrays).
 */
export function riskExponents(security: ArrayLike<number>, exponents: Float64Array = new Float64Array(security.length)): Float64Array {
  const n = security.length;
  let highest = -Infinity;
  let lowest = Infinity;
  for (let i = 0; i < n; i++) {
    highest = Math.max(highest, security[i]!);
    lowest = Math.min(lowest, security[i]!);
  }
  exponents.fill(1);
  const spread = highest - lowest;
  if (!(spread > 0)) return exponents;
  for (let i = 0; i < n; i++) {
    const relative = (2 * security[i]! - highest - lowest) / spread;
    exponents[i] = (1 - relative / 3) / (1 + relative / 3);
  }
  return exponents;
}
