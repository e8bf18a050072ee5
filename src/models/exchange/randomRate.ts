/**
 * The random-rate variant (exchange-spec.md §3; Dijkstra, Van Assen, Stokman & Draaijer, "Random
 * variation of exchange rates in the equal utility exchange model"): after the equal-gain calculation,
 * one side, drawn at random, gets a random share of the surplus between the equal gain and its maximum
 * utility, and the moves are re-solved for that gain. Selection still uses the equal gain (E16).
 */
import { adjustedOutcome, moveOntoTarget } from './outcome.js';
import { isMoveValid, setMove, signed } from './moves.js';
import { tolerance, type Calculation, type Exchange } from './types.js';

/** (M1)–(M4) The maximum utility of each side, as [eu_max(I), eu_max(J)]. */
export function maximumUtilities(exchange: Exchange, calculation: Calculation): [number, number] {
  const { data } = calculation;
  const { s, x } = data;
  const { p, q, i: I, j: J } = exchange;
  // (M1) E19: the flag compares X's position on its demand issue with its voting position on its supply issue.
  const flagI = Math.abs(x[I.actor]![I.demand]! - I.y) <= tolerance.equal;
  const flagJ = Math.abs(x[J.actor]![J.demand]! - J.y) <= tolerance.equal;
  const shiftI = Math.abs(I.o0 - adjustedOutcome(exchange, I, flagI ? I.y : I.target, data));
  const shiftJ = Math.abs(J.o0 - adjustedOutcome(exchange, J, flagJ ? J.y : J.target, data));
  // (M2)
  const sIp = s[I.actor]![p]!;
  const sIq = s[I.actor]![q]!;
  const sJp = s[J.actor]![p]!;
  const sJq = s[J.actor]![q]!;
  const A1 = shiftJ * sJp;
  const B1 = shiftJ * sIp;
  const A2 = shiftI * sIq;
  const B2 = shiftI * sJq;
  let omega: number | undefined;
  if (flagI && B2 - A1 > 0) omega = B1 - (A1 * sIq) / sJq;
  if (flagJ && B1 - A2 > 0) omega = B2 - (A2 * sJp) / sIp;
  // (M3) Z, its gain g and loss ℓ; (M4) E20: ω goes to Z's partner, whoever was flagged; ω = 0 is ignored.
  const zIsJ = B1 > B2;
  const Z = zIsJ ? J : I;
  const Zp = zIsJ ? I : J;
  const g = zIsJ ? B2 : B1;
  const loss = zIsJ ? A2 : A1;
  const k = Z.supply;
  const euZ = g - (loss * s[Z.actor]![k]!) / s[Zp.actor]![k]!;
  const euZp = omega !== undefined && omega !== 0 ? omega : (g * s[Zp.actor]![k]!) / s[Z.actor]![k]! - loss;
  return zIsJ ? [euZp, euZ] : [euZ, euZp];
}

/**
 * (R0)–(R6) The randomized split: draw u, v, z; X = I if u < 0.5, else J; X's target gain Ĝ (R1);
 * X moves all the way and Y as far as gives X exactly Ĝ (R2), unless Y would overshoot (R3) or X's
 * move carries the outcome across its target (R4, E17); signs (R5); validity and outcomes recomputed.
 */
export function randomizeSplit(exchange: Exchange, calculation: Calculation): void {
  const { data, p, draw } = calculation;
  const { s, w, W } = data;
  const u = draw();
  const v = draw();
  const z = draw();
  exchange.draws = { u, v, z };
  const [euMaxI, euMaxJ] = maximumUtilities(exchange, calculation);
  const [X, Y, euMax] = u < 0.5 ? [exchange.i, exchange.j, euMaxI] : [exchange.j, exchange.i, euMaxJ];
  const G = exchange.gain;
  // (R1) X wins (v < 0.5) a random share of its surplus, or loses a random share of its gain.
  const target = v < 0.5 ? G + p * z * (euMax - G) : G * (1 - p * z);
  const sXs = s[X.actor]![X.supply]!;
  const sXd = s[X.actor]![X.demand]!;
  const sYs = s[Y.actor]![Y.supply]!;
  const sYx = s[Y.actor]![X.supply]!;
  const deltaX = Math.abs(X.target - X.xi);
  const deltaY = Math.abs(Y.target - Y.xi);
  // (R2) X moves all the way; Y's shift gives X exactly Ĝ.
  let mX = deltaX;
  let rX = (mX * w[X.actor]![X.supply]!) / W[X.supply]!;
  let rY = (target + rX * sXs) / sXd;
  let mY = (rY * W[Y.supply]!) / w[Y.actor]![Y.supply]!;
  let gainY = Math.abs(rY * sYs - rX * sYx);
  if (mY > deltaY) {
    // (R3) Y would pass X's position: Y moves all the way and X part way; no outcome cap here (E18).
    rY = (deltaY * w[Y.actor]![Y.supply]!) / W[Y.supply]!;
    rX = Math.abs(target - rY * sXd) / sXs;
    mY = deltaY;
    mX = (rX * W[X.supply]!) / w[X.actor]![X.supply]!;
    if (mX < deltaX) gainY = Math.abs(rY * sYs - rX * sYx);
  } else {
    // (R4) Outcome cap on X's supply issue only, with X's full signed move kept (E17).
    const full = signed(X, mX);
    const after = adjustedOutcome(exchange, X, X.xi + full, data);
    const t = X.target;
    if (!((t - X.o0 >= 0 && t - after >= 0) || (t - X.o0 <= 0 && t - after <= 0))) {
      const delta = moveOntoTarget(exchange, X, data);
      rX = (delta * w[X.actor]![X.supply]!) / W[X.supply]!;
      rY = (target + rX * sXs) / sXd;
      mY = (rY * W[Y.supply]!) / w[Y.actor]![Y.supply]!;
      gainY = Math.abs(rY * sYs - rX * sYx);
      mX = full;
    }
  }
  // (R5) Signs as (8); E17: an already signed full move is signed again.
  setMove(X, signed(X, mX), true);
  setMove(Y, signed(Y, mY), true);
  exchange.valid = isMoveValid(X) && isMoveValid(Y);
  for (const side of [exchange.i, exchange.j]) {
    side.o0 = adjustedOutcome(exchange, side, side.xi, data);
    side.o1 = adjustedOutcome(exchange, side, side.y, data);
  }
  // (R6) The sides' utilities; the sort key stays the equal gain (E16).
  X.utility = target;
  Y.utility = gainY;
}
