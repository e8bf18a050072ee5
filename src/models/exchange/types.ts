/**
 * The working state of Stokman's exchange model as Decide computes it (exchange-spec.md §1–2): actors
 * and issues by index, every position on the normalised 0–100 box (eq. 0), and one candidate exchange
 * with its two sides. Plain arrays, no user ids as keys.
 */

/** The inputs of one round, by actor index a and issue index k (spec §1). */
export interface ExchangeData {
  actorCount: number;
  issueCount: number;
  /** has[a][k]: actor a has a stance on issue k (E25: otherwise it takes no part in k). */
  has: boolean[][];
  /** x[a][k]: the preference at the start of the round, normalised to 0–100 (eq. 0). */
  x: number[][];
  /** s[a][k]: the salience the formulas use (as given for Decide, normalised to [0, 1] by default). */
  s: number[][];
  /** w[a][k] = s(a,k)·c(a) (spec §1). */
  w: number[][];
  /** W(k) = Σ_a w(a,k) over the actors with a stance on k. */
  W: number[];
  /** Σ_a w(a,k)·x(a,k): the numerator of the outcome (1) at round-start positions. */
  weightedSum: number[];
}

/** One side X of a candidate exchange (spec §2.4). */
export interface Side {
  actor: number;
  /** S_X: the issue X gives way on. */
  supply: number;
  /** D_X: the issue X gains on (the partner's supply issue). */
  demand: number;
  /** x0_X = x(X, S_X) at round start (fixed). */
  x0: number;
  /** ξ_X: the current supply position (moves on a supply match, 16a). */
  xi: number;
  /** t_X = x(Y, S_X): the partner's round-start position on X's supply issue (E21). */
  target: number;
  /** H_X: the signed moves of every calculation of this exchange (E7 keeps stale ones). */
  history: number[];
  /** μ_X: the signed move of the latest calculation. */
  move: number;
  /** y_X = ξ_X + μ_X: the voting position on S_X. */
  y: number;
  /** o0_X, o1_X: X's adjusted outcome (A) before and after its move (11). */
  o0: number;
  o1: number;
  /** The utility stored for this side (the uncapped equal gain, E9; the randomized split's in §3). */
  utility: number;
  /** True when the outcome cap (11)–(14) changed this side's move in the latest calculation. */
  capped: boolean;
}

/** U[k] of one exchange: the learnt positions by actor, and Σ_m w(m,k)·(U[k][m] − x(m,k)) kept as they change. */
export interface IssueUpdates {
  positions: Map<number, number>;
  shift: number;
}

/** A candidate exchange between I (supplies q, demands p) and J (supplies p, demands q). */
export interface Exchange {
  /** Creation index within the round (the starting order of the selection loop). */
  index: number;
  /** The issue pair, p before q in issue order. */
  p: number;
  q: number;
  /** The groups the two actors come from on (p, q): A–D or B–C (spec §2.2). */
  groups: 'a-d' | 'b-c';
  i: Side;
  j: Side;
  /** The equal gain G (9)/(14): the sort key, also in the randomized variant (E16). */
  gain: number;
  valid: boolean;
  /** U[k]: positions of other actors learnt from realised exchanges (16b), by issue (created on first use). */
  updates?: Map<number, IssueUpdates>;
  /** The randomized variant's draws of the latest calculation (§3 R0), when p > 0. */
  draws?: { u: number; v: number; z: number };
}

/** Validity thresholds and float64 tolerances (spec §2.5 eq. 10, §9). */
export const tolerance = {
  /** |μ| ≤ this is no move, and a gain below it is no gain (eq. 10, §2.5). */
  minimum: 1e-10,
  /** Slack on the [0, 100] box and on sum(H) > 100 (§9). */
  box: 1e-9,
  /** An adjusted outcome this close to the side's target is the target (§5 P3, §9). */
  snap: 1e-9,
  /** Gains this close (relative) are tied (§9). */
  tie: 1e-9,
  /** Salience ratios this close (relative) are equal in the role test (E13, §9). */
  ratio: 1e-12,
  /** The Pareto flag's equality (M1, §9). */
  equal: 1e-9,
} as const;

/** What a calculation needs besides the exchange: the round's data and the random-rate variant's draws. */
export interface Calculation {
  data: ExchangeData;
  /** The random-rate parameter p of §3 (0: plain equal gain). */
  p: number;
  /** The seeded source of (u, v, z) when p > 0 (src/math/random.ts). */
  draw: () => number;
}
