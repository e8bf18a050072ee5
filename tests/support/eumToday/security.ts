/**
 * Security (Scholz et al. 2011, eq. 34; eum-spec.md §3.6, A4): how much the others expect from
 * challenging each actor, the input of its risk exponent.
 */
import { forgone } from './forgone.js';
import type { PositionGroups } from './positionGroups.js';
import type { ProbabilityTables } from './probability.js';
import type { RoundInput } from './round.js';
import { expectedUtilityOfChallenge } from './utility.js';

/**
 * S_i = Σ_{j≠i} EU_{j→i} at r = 1 (eq. 34), where U_s = 2d, U_f = −2d, U_sq = 0. Actors at i's position
 * count (they add 0 when Q = 1); closed dyads cannot challenge, so they add nothing.
 */
export function securitySums(input: RoundInput, groups: PositionGroups, tables: ProbabilityTables, security: Float64Array): void {
  const { positions, salience, range, closed } = input;
  const { actorsByPosition: order, groupOf } = groups;
  const { lowerWins, upperWins, m } = tables;
  const responder = input.options.salienceInEu === 'responder';
  const certainStatusQuo = input.options.Q === 1;
  const n = order.length;
  security.fill(0);
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const gi = groupOf[i]!;
    const row = gi * m;
    const si = salience[i]!;
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      if (closed !== null && closed[i * n + j] === 1) continue;
      const gj = groupOf[j]!;
      const sj = salience[j]!;
      const d = Math.abs(positions[j]! - positions[i]!) / range;
      const jBeatsI = gi === gj ? 0 : upperWins[row + gj]!;
      const iBeatsJ = gi === gj ? 0 : lowerWins[row + gj]!;
      // The target's salience (`responder`), or the challenger's (`as-printed`, A2), as dyadPass.ts's b.
      const jChallengesI = expectedUtilityOfChallenge(2 * d, -2 * d, jBeatsI, responder ? si : sj);
      const iChallengesJ = expectedUtilityOfChallenge(2 * d, -2 * d, iBeatsJ, responder ? sj : si);
      security[i]! += jChallengesI - (certainStatusQuo ? 0 : forgone(input, j, i, d, 1, 0));
      security[j]! += iChallengesJ - (certainStatusQuo ? 0 : forgone(input, i, j, d, 1, 0));
    }
  }
}
