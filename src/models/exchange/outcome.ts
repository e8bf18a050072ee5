/**
 * Outcomes of an issue (exchange-spec.md §2.1): the power-and-salience weighted mean (eq. 1), the
 * adjusted outcome of one side of an exchange (A), and the move that puts the outcome on a target (12).
 */
import { tolerance, type Exchange, type ExchangeData, type Side } from './types.js';

/** (1) O(k) = Σ_a w(a,k)·x(a,k) / W(k) over actors with a stance on k; 0 when W(k) = 0 (Decide). */
export function outcomeOf(positions: readonly (readonly number[])[], data: ExchangeData, k: number): number {
  if (!(data.W[k]! > 0)) return 0;
  let sum = 0;
  for (let a = 0; a < data.actorCount; a++) if (data.has[a]![k]) sum += data.w[a]![k]! * positions[a]![k]!;
  return sum / data.W[k]!;
}

/**
 * (A) Õ_X(v): eq. (1) on S_X at round-start positions, then the entries of the exchange's U[S_X], then
 * X itself at v (X's own term last). Within 1e-9 of X's target it is the target (§5 P3).
 */
export function adjustedOutcome(exchange: Exchange, side: Side, v: number, data: ExchangeData): number {
  const k = side.supply;
  const X = side.actor;
  let sum = data.weightedSum[k]!;
  const updates = exchange.updates?.get(k);
  if (updates) {
    sum += updates.shift;
    const own = updates.positions.get(X);
    // X's own entry gives way to v.
    if (own !== undefined) sum -= data.w[X]![k]! * (own - data.x[X]![k]!);
  }
  sum += data.w[X]![k]! * (v - data.x[X]![k]!);
  const outcome = sum / data.W[k]!;
  return Math.abs(outcome - side.target) <= tolerance.snap ? side.target : outcome;
}

/**
 * (12) δ = |t·W(k) − N| / w(X,k): the move of X that puts the outcome exactly on t, where N is
 * Σ w·position on k at round start with X at ξ_X, then U[k] applied, an entry for X itself winning (E8).
 */
export function moveOntoTarget(exchange: Exchange, side: Side, data: ExchangeData): number {
  const k = side.supply;
  const X = side.actor;
  let sum = data.weightedSum[k]! + data.w[X]![k]! * (side.xi - data.x[X]![k]!);
  const updates = exchange.updates?.get(k);
  if (updates) {
    sum += updates.shift;
    // E8: U[k] is applied after X's current position, so an entry for X replaces ξ_X.
    const own = updates.positions.get(X);
    if (own !== undefined) sum += data.w[X]![k]! * (data.x[X]![k]! - side.xi);
  }
  return Math.abs(side.target * data.W[k]! - sum) / data.w[X]![k]!;
}
