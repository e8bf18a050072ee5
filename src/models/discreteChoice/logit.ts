/**
 * The conditional logit (McFadden 1974): p_a = exp(β·f(a)) / Σ_b exp(β·f(b)), and its penalised
 * maximum-likelihood fit by Newton's method.
 *
 * For observations n with chosen candidate y_n, the penalised log-likelihood is
 *   ℓ(β) = Σ_n [β·f(y_n) − log Σ_a exp(β·f_n(a))] − (λ/2)·‖β‖²,
 * with gradient g = Σ_n [f(y_n) − E_p f] − λβ and Hessian H = −Σ_n Cov_p(f) − λI (McFadden 1974,
 * eqs. 12–13; Train, *Discrete Choice Methods with Simulation*, 2009, §3.7). ℓ is strictly concave
 * for λ > 0, so Newton's step β ← β − H⁻¹g (halved until ℓ rises) converges to the one maximum.
 */
import { featureCount } from './candidates.js';

export interface Observation {
  features: readonly Float64Array[];
  chosen: number;
}

/** Choice probabilities of every candidate (the softmax, shifted by the largest utility for stability). */
export function choiceProbabilities(features: readonly Float64Array[], beta: ArrayLike<number>): Float64Array {
  const utilities = features.map((f) => dot(f, beta));
  const top = Math.max(...utilities);
  const weights = Float64Array.from(utilities, (u) => Math.exp(u - top));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/** ℓ(β), its gradient and its Hessian (module comment). Flat loops: this is the fit's hot path. */
export function penalisedLikelihood(observations: readonly Observation[], beta: ArrayLike<number>, lambda: number) {
  const m = featureCount;
  let value = 0;
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  const mean = new Float64Array(m);
  const second = new Float64Array(m * m);
  let utilities = new Float64Array(64);
  for (const { features, chosen } of observations) {
    const count = features.length;
    if (utilities.length < count) utilities = new Float64Array(count * 2);
    let top = -Infinity;
    for (let a = 0; a < count; a++) {
      const f = features[a]!;
      let u = 0;
      for (let j = 0; j < m; j++) u += f[j]! * beta[j]!;
      utilities[a] = u;
      if (u > top) top = u;
    }
    let sum = 0;
    for (let a = 0; a < count; a++) sum += utilities[a] = Math.exp(utilities[a]! - top);
    mean.fill(0);
    second.fill(0);
    for (let a = 0; a < count; a++) {
      const p = utilities[a]! / sum;
      const f = features[a]!;
      for (let j = 0; j < m; j++) {
        mean[j]! += p * f[j]!;
        for (let k = j; k < m; k++) second[j * m + k]! += p * f[j]! * f[k]!;
      }
    }
    value += Math.log(utilities[chosen]! / sum);
    const picked = features[chosen]!;
    for (let j = 0; j < m; j++) {
      gradient[j]! += picked[j]! - mean[j]!;
      // Cov_p(f)_jk = E[f_j f_k] − E[f_j] E[f_k]
      for (let k = j; k < m; k++) hessian[j * m + k]! -= second[j * m + k]! - mean[j]! * mean[k]!;
    }
  }
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < j; k++) hessian[j * m + k] = hessian[k * m + j]!;
    value -= (lambda / 2) * beta[j]! * beta[j]!;
    gradient[j]! -= lambda * beta[j]!;
    hessian[j * m + j]! -= lambda;
  }
  return { value, gradient, hessian };
}

/** The β that maximises ℓ (Newton with step halving; stops when the step is below 1e-12). */
export function fitLogit(observations: readonly Observation[], lambda: number, start?: ArrayLike<number>): Float64Array {
  let beta = start ? Float64Array.from(start) : new Float64Array(featureCount);
  let current = penalisedLikelihood(observations, beta, lambda);
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = solve(current.hessian, current.gradient, featureCount);
    let scale = 1;
    let next = beta.map((b, j) => b - scale * step[j]!);
    let candidate = penalisedLikelihood(observations, next, lambda);
    while (candidate.value < current.value - 1e-12 && scale > 1e-6) {
      scale /= 2;
      next = beta.map((b, j) => b - scale * step[j]!);
      candidate = penalisedLikelihood(observations, next, lambda);
    }
    const size = Math.max(...step.map((s) => Math.abs(s * scale)));
    beta = next;
    current = candidate;
    if (size < 1e-12) break;
  }
  return beta;
}

function dot(f: ArrayLike<number>, beta: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < f.length; j++) sum += f[j]! * beta[j]!;
  return sum;
}

/** Solves A x = b for a small dense symmetric A (Gaussian elimination with partial pivoting). */
export function solve(matrix: ArrayLike<number>, vector: ArrayLike<number>, n: number): Float64Array {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(vector);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row * n + column]!) > Math.abs(a[pivot * n + column]!)) pivot = row;
    if (pivot !== column) {
      for (let k = 0; k < n; k++) [a[column * n + k], a[pivot * n + k]] = [a[pivot * n + k]!, a[column * n + k]!];
      [b[column], b[pivot]] = [b[pivot]!, b[column]!];
    }
    for (let row = column + 1; row < n; row++) {
      const factor = a[row * n + column]! / a[column * n + column]!;
      for (let k = column; k < n; k++) a[row * n + k]! -= factor * a[column * n + k]!;
      b[row]! -= factor * b[column]!;
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let k = row + 1; k < n; k++) sum -= a[row * n + k]! * x[k]!;
    x[row] = sum / a[row * n + row]!;
  }
  return x;
}
