/**
 * What a challenger gives up by challenging (Scholz et al. 2011, eq. 25a, second half; eum-spec.md §3.5):
 * Q U_sq + (1 − Q)[T U_b + (1 − T) U_w], and the T rule (A6).
 */
import type { EumOptions } from './options.js';
import type { RoundInput } from './round.js';
import { betterUtility, statusQuoTerm, worseUtility } from './utility.js';

function strictlyBetween(x: number, u: number, v: number): boolean {
  return u < v ? u < x && x < v : v < x && x < u;
}

/**
 * T for challenger c facing target t (A6, `geometric`): 0 if t lies strictly between c and μ (t moving to
 * μ moves away from c), or if c lies strictly between t and μ and t would end farther from c than it is;
 * 1 otherwise. Unverified against a published figure; `always` reproduces Scholz's Fig. 11.
 */
export function betterIfNoChallenge(rule: EumOptions['T'], xc: number, xt: number, median: number): number {
  if (rule === 'always') return 1;
  if (rule === 'never') return 0;
  if (strictlyBetween(xt, xc, median)) return 0;
  if (strictlyBetween(xc, xt, median) && Math.abs(xc - median) > Math.abs(xt - xc)) return 0;
  return 1;
}

/**
 * Q U_sq + (1 − Q)[T U_b + (1 − T) U_w] for challenger c against target t with exponent r: what c
 * gives up by challenging (eq. 25a). With Q = 1 it is U_sq(r), precomputed per actor.
 */
export function forgone(input: RoundInput, c: number, t: number, d: number, r: number, statusQuo: number): number {
  const { Q, T } = input.options;
  if (Q === 1) return statusQuo;
  const { positions, median, range } = input;
  const dMedian = Math.abs(positions[c]! - median) / range;
  const ifNoChallenge = betterIfNoChallenge(T, positions[c]!, positions[t]!, median) === 1 ? betterUtility(d, dMedian, r) : worseUtility(d, dMedian, r);
  return statusQuoTerm(Q, statusQuo, ifNoChallenge);
}
