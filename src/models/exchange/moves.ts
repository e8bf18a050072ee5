/**
 * Equal-gain moves of one exchange (exchange-spec.md §2.5): the moves (4)–(8), the gain (9), the
 * validity of a move (10) and the outcome cap (11)–(14). `calculate` runs them in Decide's order and,
 * when p > 0, the randomized split of §3 after them.
 */
import { adjustedOutcome, moveOntoTarget } from './outcome.js';
import { randomizeSplit } from './randomRate.js';
import { tolerance, type Calculation, type Exchange, type ExchangeData, type Side } from './types.js';

/** (8) The signed move: toward the target, −m when the supply position lies above it. */
export function signed(side: Side, magnitude: number): number {
  return side.xi > side.target ? -magnitude : magnitude;
}

/** Sets the side's latest move: replaces the last history entry (13, R5) or appends one (8). */
export function setMove(side: Side, move: number, replace: boolean): void {
  if (replace && side.history.length > 0) side.history[side.history.length - 1] = move;
  else side.history.push(move);
  side.move = move;
  side.y = side.xi + move;
}

/**
 * (10) V(X), Decide's is_move_valid: no move beyond 100 or below 1e-10, no voting position off the
 * [0, 100] box, sum(H) ≤ 100 (the one-sided test, E10) and every move of H in one direction (E7).
 */
export function isMoveValid(side: Side): boolean {
  const size = Math.abs(side.move);
  if (size > 100 + tolerance.box || size <= tolerance.minimum) return false;
  const y = side.xi + side.move;
  if (y < -tolerance.box || y > 100 + tolerance.box) return false;
  let sum = 0;
  let negative = 0;
  let positive = 0;
  for (const move of side.history) {
    sum += move;
    if (move < 0) negative++;
    else if (move > 0) positive++;
  }
  if (sum > 100 + tolerance.box) return false;
  return negative === side.history.length || positive === side.history.length;
}

/** The two sides of an exchange as [X, Y] for X = I or J. */
function partnerOf(exchange: Exchange, side: Side): Side {
  return side === exchange.i ? exchange.j : exchange.i;
}

/** (4)–(9) The equal-gain moves, appended to the histories; returns G. */
function equalGainMoves(exchange: Exchange, data: ExchangeData): number {
  const { p, q, i: I, j: J } = exchange;
  const { s, w, W } = data;
  const deltaI = Math.abs(I.target - I.xi);
  const deltaJ = Math.abs(J.target - J.xi);
  // (4) J moves all the way to I's position on p; (5) the shift on q that equalises the gains; (6) the moves.
  let rp = (deltaJ * w[J.actor]![p]!) / W[p]!;
  let rq = (rp * (s[I.actor]![p]! + s[J.actor]![p]!)) / (s[I.actor]![q]! + s[J.actor]![q]!);
  let mI = (rq * W[q]!) / w[I.actor]![q]!;
  let mJ = deltaJ;
  if (mI > deltaI) {
    // (7) Swap rule: I would pass J's position on q, so I moves all the way and J part of the way.
    rq = (deltaI * w[I.actor]![q]!) / W[q]!;
    rp = (rq * (s[I.actor]![q]! + s[J.actor]![q]!)) / (s[I.actor]![p]! + s[J.actor]![p]!);
    mI = deltaI;
    mJ = (rp * W[p]!) / w[J.actor]![p]!;
  }
  setMove(I, signed(I, mI), false);
  setMove(J, signed(J, mJ), false);
  // (9) G = |r_p·s(I,p) − r_q·s(I,q)| (= J's gain).
  return Math.abs(rp * s[I.actor]![p]! - rq * s[I.actor]![q]!);
}

/**
 * (11)–(14) The outcome cap for side X: if X's move carries its adjusted outcome across its target t_X,
 * X moves only as far as puts the outcome on t_X (12) and the partner's move shrinks to keep the gains
 * equal (13). Returns the new gain, or undefined when the cap did not fire. Sets o0_X and o1_X.
 */
function capOutcome(exchange: Exchange, X: Side, data: ExchangeData): number | undefined {
  const Y = partnerOf(exchange, X);
  const { s, w, W } = data;
  const k = X.supply;
  const t = X.target;
  X.o0 = adjustedOutcome(exchange, X, X.xi, data);
  X.o1 = adjustedOutcome(exchange, X, X.y, data);
  // (11) Nothing changes unless t lies strictly between o0 and o1.
  if ((t - X.o0 >= 0 && t - X.o1 >= 0) || (t - X.o0 <= 0 && t - X.o1 <= 0)) return undefined;
  const delta = moveOntoTarget(exchange, X, data); // (12)
  // (13) The shifts and moves that keep the gains equal with the outcome on t.
  const rX = (delta * w[X.actor]![k]!) / W[k]!;
  const rY = (rX * (s[X.actor]![k]! + s[Y.actor]![k]!)) / (s[X.actor]![Y.supply]! + s[Y.actor]![Y.supply]!);
  const mY = (rY * W[Y.supply]!) / w[Y.actor]![Y.supply]!;
  setMove(X, signed(X, delta), true);
  setMove(Y, signed(Y, mY), true);
  X.capped = true;
  // (14) The new gain, and X's adjusted outcome after its move (= t).
  X.o1 = adjustedOutcome(exchange, X, X.y, data);
  return Math.abs(rY * s[Y.actor]![Y.supply]! - rX * s[Y.actor]![k]!);
}

/**
 * One calculation of an exchange (§2.5, and §3 when p > 0): equal-gain moves and gain, the first
 * validity test (gain ≥ 1e-10 included, E12), the caps on I then J, validity again, then the
 * randomized split (which decides validity itself, E27).
 */
export function calculate(exchange: Exchange, calculation: Calculation): void {
  const { data } = calculation;
  exchange.i.capped = false;
  exchange.j.capped = false;
  exchange.gain = equalGainMoves(exchange, data);
  // E9: the sides' stored utilities keep the uncapped equal gain.
  exchange.i.utility = exchange.gain;
  exchange.j.utility = exchange.gain;
  exchange.valid = isMoveValid(exchange.i) && isMoveValid(exchange.j) && exchange.gain >= tolerance.minimum;
  if (!exchange.valid) return;
  const cappedI = capOutcome(exchange, exchange.i, data);
  if (cappedI !== undefined) exchange.gain = cappedI;
  const cappedJ = capOutcome(exchange, exchange.j, data);
  if (cappedJ !== undefined) exchange.gain = cappedJ;
  // E12: after a cap only the move thresholds apply, not the gain threshold.
  exchange.valid = isMoveValid(exchange.i) && isMoveValid(exchange.j);
  if (calculation.p > 0) randomizeSplit(exchange, calculation);
}
