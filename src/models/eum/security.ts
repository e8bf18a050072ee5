/**
 * Security (Scholz et al. 2011, eq. 34; eum-spec.md §3.6, A4): how much the others expect from
 * challenging each actor, the input of its risk exponent.
 */
import { forgone } from './forgone.js';
import type { PositionGroups } from './positionGroups.js';
import type { ProbabilityTables } from './probability.js';
import type { RoundInput } from './round.js';
import { expectedUtilityOfChallenge } from './utility.js';

/** Position-ordered copies of a round's inputs for securitySums (preallocated per workspace). */
export class SecurityScratch {
  readonly position: Float64Array;
  readonly salience: Float64Array;
  readonly group: Int32Array;
  readonly sum: Float64Array;

  constructor(size: number) {
    this.position = new Float64Array(size);
    this.salience = new Float64Array(size);
    this.group = new Int32Array(size);
    this.sum = new Float64Array(size);
  }
}

/**
 * S_i = Σ_{j≠i} EU_{j→i} at r = 1 (eq. 34), where U_s = 2d, U_f = −2d, U_sq = 0. Actors at i's position
 * count (they add 0 when Q = 1); closed dyads cannot challenge, so they add nothing. Each actor's sum
 * adds its terms in the position order of the others (the unordered pairs in position order, read from
 * position-ordered copies of the inputs).
 */
export function securitySums(input: RoundInput, groups: PositionGroups, tables: ProbabilityTables, security: Float64Array, scratch: SecurityScratch): void {
  const { positions, salience, range, closed } = input;
  const { actorsByPosition: order, groupOf } = groups;
  const { lowerWins, upperWins } = tables;
  const responder = input.options.salienceInEu === 'responder';
  const certainStatusQuo = input.options.Q === 1;
  const n = order.length;
  const { position: x, salience: s, group: g, sum } = scratch;
  for (let p = 0; p < n; p++) {
    const actor = order[p]!;
    x[p] = positions[actor]!;
    s[p] = salience[actor]!;
    g[p] = groupOf[actor]!;
  }
  sum.fill(0);
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const gi = g[p]!;
    tables.row(gi);
    const xi = x[p]!;
    const si = s[p]!;
    let sumI = sum[p]!;
    for (let q = p + 1; q < n; q++) {
      if (closed !== null && closed[i * n + order[q]!] === 1) continue;
      const gj = g[q]!;
      const sj = s[q]!;
      const d = Math.abs(x[q]! - xi) / range;
      const jBeatsI = gi === gj ? 0 : upperWins[gj]!;
      const iBeatsJ = gi === gj ? 0 : lowerWins[gj]!;
      // The target's salience (`responder`), or the challenger's (`as-printed`, A2), as dyadPass.ts's b.
      const jChallengesI = expectedUtilityOfChallenge(2 * d, -2 * d, jBeatsI, responder ? si : sj);
      const iChallengesJ = expectedUtilityOfChallenge(2 * d, -2 * d, iBeatsJ, responder ? sj : si);
      sumI += jChallengesI - (certainStatusQuo ? 0 : forgone(input, order[q]!, i, d, 1, 0));
      sum[q]! += iChallengesJ - (certainStatusQuo ? 0 : forgone(input, i, order[q]!, d, 1, 0));
    }
    sum[p] = sumI;
  }
  for (let p = 0; p < n; p++) security[order[p]!] = sum[p]!;
}
