/**
 * Sides and groups of an issue pair (exchange-spec.md §2.2): an actor is "left" of an issue when its
 * position is at or below the outcome (eq. 2), and its group on the pair (p, q) is L(a,p) + 2·L(a,q):
 * A = 0 (right of both), B = 1 (left on p only), C = 2 (left on q only), D = 3 (left on both).
 */

/** Group codes on an issue pair: A and D are opposite on both issues, and so are B and C. */
export const Group = { A: 0, B: 1, C: 2, D: 3 } as const;

/** Slack of the left test: a position equal to the outcome up to float64 noise counts as left. */
const leftSlack = 1e-10;

/** (2) L(a,k) = [x(a,k) ≤ O(k)]: an actor exactly at the outcome counts as left. */
export function isLeft(position: number, outcome: number): boolean {
  return position <= outcome + leftSlack;
}

/** The group of an actor on (p, q) from its two positions and the two outcomes (§2.2). */
export function groupOf(positionP: number, positionQ: number, outcomeP: number, outcomeQ: number): number {
  return (isLeft(positionP, outcomeP) ? 1 : 0) + (isLeft(positionQ, outcomeQ) ? 2 : 0);
}
