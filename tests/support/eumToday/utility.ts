/**
 * The basic utilities of Scholz, Calbert & Smith (2011, eqs. 15, 16, 22–24) and the expected utility of
 * a challenge (eq. 25a), evaluated with a risk exponent r (eum-spec.md §3.4–3.5).
 *
 * Distances are fractions of the range R: d = |x_i − x_j| / R and dMedian = |x_i − μ| / R, where i is
 * the challenger. At r = 1: U_s = 2d, U_f = −2d, U_sq = 0, U_b = dMedian + d, U_w = −(dMedian + d).
 */

/**
 * Raises a non-negative base to r > 0: exactly for r = 1, else as exp(r ln base), which V8 evaluates
 * about twice as fast as Math.pow (this is the inner loop of every round) at a few ulps of difference.
 */
export function power(base: number, r: number): number {
  if (r === 1) return base;
  return base > 0 ? Math.exp(r * Math.log(base)) : 0;
}

/** `power(base, r)` when ln(base) is already known (the dyad loops share it between two exponents): the same bits. */
export function powerFromLog(base: number, logBase: number, r: number): number {
  if (r === 1) return base;
  return base > 0 ? Math.exp(r * logBase) : 0;
}

/** U_s = 2 − 4(0.5 − 0.5d)^r: i's utility if its challenge succeeds (eq. 15). */
export function successUtility(d: number, r: number): number {
  return 2 - 4 * power(0.5 - 0.5 * d, r);
}

/** U_f = 2 − 4(0.5 + 0.5d)^r: i's utility if its challenge fails (eq. 16). */
export function failureUtility(d: number, r: number): number {
  return 2 - 4 * power(0.5 + 0.5 * d, r);
}

/** U_sq = 2 − 4(0.5)^r: the status quo (eq. 24). */
export function statusQuoUtility(r: number): number {
  return 2 - 4 * power(0.5, r);
}

/** U_b = 2 − 4(0.5 − 0.25(dMedian + d))^r: j moves toward μ and that helps i (eq. 22). */
export function betterUtility(d: number, dMedian: number, r: number): number {
  return 2 - 4 * power(0.5 - 0.25 * (dMedian + d), r);
}

/** U_w = 2 − 4(0.5 + 0.25(dMedian + d))^r: j moves toward μ and that hurts i (eq. 23). */
export function worseUtility(d: number, dMedian: number, r: number): number {
  return 2 - 4 * power(0.5 + 0.25 * (dMedian + d), r);
}

/** What one challenge's expected utility depends on. */
export interface ChallengeTerms {
  /** |x_challenger − x_target| / R. */
  d: number;
  /** |x_challenger − μ| / R (only used when Q < 1). */
  dMedian: number;
  /** The risk exponent the utilities are evaluated with. */
  r: number;
  /** P that the challenger prevails. */
  probability: number;
  /** The leading salience (A2: the responder's, or as printed). */
  salience: number;
  /** Q: probability that the status quo holds absent a challenge. */
  Q: number;
  /** T: 1 if the other's move toward μ would make the challenger better off, else 0 (A6). */
  T: number;
}

/**
 * EU of a challenge, eq. 25a:
 *   EU = s [P U_s + (1 − P) U_f] + (1 − s) U_s − Q U_sq − (1 − Q)[T U_b + (1 − T) U_w].
 * The last bracket is skipped when Q = 1 (it is then multiplied by 0).
 */
export function challengeExpectedUtility(terms: ChallengeTerms): number {
  const { d, r, Q } = terms;
  const base = expectedUtilityOfChallenge(successUtility(d, r), failureUtility(d, r), terms.probability, terms.salience);
  const ifNoChallenge = Q < 1 ? (terms.T === 1 ? betterUtility(d, terms.dMedian, r) : worseUtility(d, terms.dMedian, r)) : 0;
  return base - statusQuoTerm(Q, statusQuoUtility(r), ifNoChallenge);
}

/**
 * The challenge half of eq. 25a from its utilities, s [P U_s + (1 − P) U_f] + (1 − s) U_s. Split out so
 * the round loop can evaluate U_s and U_f once per dyad and exponent (the two EUs a receiver compares
 * share them when both use its risk exponent).
 */
export function expectedUtilityOfChallenge(success: number, failure: number, probability: number, salience: number): number {
  return salience * (probability * success + (1 - probability) * failure) + (1 - salience) * success;
}

/** The no-challenge half of eq. 25a, Q U_sq + (1 − Q)[T U_b + (1 − T) U_w], given the U_b or U_w that T picks. */
export function statusQuoTerm(Q: number, statusQuo: number, ifNoChallenge: number): number {
  return Q < 1 ? Q * statusQuo + (1 - Q) * ifNoChallenge : Q * statusQuo;
}
