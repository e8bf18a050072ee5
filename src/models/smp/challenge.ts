/**
 * What a challenge of i against j is worth, as estimated by actor h for actor k (KTAB
 * `SMPState::probEduChlg`; ktab-smp.md "Challenges"). Support for i and for j comes from the two
 * principals' own votes (weight s·c, s the actor's total salience) and from every third party n, who
 * weighs a "little contest" of i, j and itself and votes by `thirdPartyVote`. Then
 *   P = C_i / (C_i + C_j),
 *   EU(challenge) = (1 − s_j)·2u_k(x_i) + s_j·[P·2u_k(x_i) + (1 − P)·2u_k(x_j)],
 *   gain = EU(challenge) − (u_k(x_i) + u_k(x_j)).
 * All utilities are h's estimates: `utilities[x·n + y]` = h's estimate of x's utility for y's position.
 */
import type { ThirdPartyCommit, VotingRule } from './options.js';
import { vote } from './voting.js';

export interface ChallengeSetting {
  actors: number;
  capability: Float64Array;
  /** Each actor's total salience Σ_k s_ik (its attention to the whole space). */
  salienceSum: Float64Array;
  /** Each actor's voting weight s·c (salienceSum × capability). */
  voteWeight: Float64Array;
  votingRule: VotingRule;
  thirdPartyCommit: ThirdPartyCommit;
}

export interface ChallengeEstimate {
  /** The estimated probability that i prevails over j. */
  probability: number;
  /** The estimated expected change in k's utility from i challenging j, versus the status quo. */
  gain: number;
}

/** Floor of the two coalitions in a challenge (KTAB's minCltn). */
const minChallengeCoalition = 1e-10;

/** `into`, when given, receives the estimate (no allocation in the O(n²)-per-turn loop of targets). */
export function estimateChallenge(
  setting: ChallengeSetting,
  utilities: Float64Array,
  k: number,
  i: number,
  j: number,
  into: ChallengeEstimate = { probability: 0, gain: 0 },
): ChallengeEstimate {
  const n = setting.actors;
  const rule = setting.votingRule;
  const uii = utilities[i * n + i]!;
  const uij = utilities[i * n + j]!;
  const uji = utilities[j * n + i]!;
  const ujj = utilities[j * n + j]!;
  const ukiValue = utilities[k * n + i]!;
  const ukjValue = utilities[k * n + j]!;
  const statusQuo = ukiValue + ukjValue;
  const victory = ukiValue + ukiValue;
  const defeat = ukjValue + ukjValue;
  const receiverSalience = setting.salienceSum[j]!;

  const ownContribution = vote(rule, setting.voteWeight[i]!, uii, uij);
  const receiverContribution = vote(rule, setting.voteWeight[j]!, uji, ujj);
  let forI = minChallengeCoalition;
  let forJ = minChallengeCoalition;
  if (ownContribution > 0.0) forI = forI + ownContribution;
  if (ownContribution < 0.0) forJ = forJ - ownContribution;
  if (receiverContribution > 0.0) forI = forI + receiverContribution;
  if (receiverContribution < 0.0) forJ = forJ - receiverContribution;
  const principalsForI = forI;
  const principalsForJ = forJ;

  for (let third = 0; third < n; third++) {
    if (third === i || third === j) continue;
    const weight = setting.voteWeight[third]!;
    const uni = utilities[third * n + i]!;
    const unj = utilities[third * n + j]!;
    const unn = utilities[third * n + third]!;
    const pin = littleContestProbability(rule, weight, uni, unj, principalsForI, principalsForJ);
    const thirdVote = thirdPartyVote(weight, rule, setting.thirdPartyCommit, pin, 1.0 - pin, uni, unj, unn);
    if (thirdVote > 0) forI = forI + thirdVote;
    if (thirdVote < 0) forJ = forJ - thirdVote;
  }

  const probability = forI / (forI + forJ);
  const probabilityJ = forJ / (forI + forJ);
  const contest = probability * victory + probabilityJ * defeat;
  const challenge = (1 - receiverSalience) * victory + receiverSalience * contest;
  into.probability = probability;
  into.gain = challenge - statusQuo;
  return into;
}

/**
 * Third party n's estimate that i wins the little contest of i, j and n, n adding its own vote to the
 * side it prefers (KTAB `Actor::vProbLittle`).
 */
export function littleContestProbability(
  rule: VotingRule,
  weight: number,
  uni: number,
  unj: number,
  principalsForI: number,
  principalsForJ: number,
): number {
  const own = vote(rule, weight, uni, unj);
  const forI = own > 0 ? principalsForI + own : principalsForI;
  const forJ = own < 0 ? principalsForJ - own : principalsForJ;
  return forI / (forI + forJ);
}

/**
 * Third party k's vote between joining i and joining j (KTAB `Actor::thirdPartyVoteSU`), comparing the
 * summed utilities of the three positions after each contest: with FullCommit the loser and the third
 * party both adopt the winner's position; with SemiCommit a third party that backs the winner keeps its
 * own position; with NoCommit it always keeps it.
 */
export function thirdPartyVote(
  weight: number,
  rule: VotingRule,
  commit: ThirdPartyCommit,
  pik: number,
  pjk: number,
  uki: number,
  ukj: number,
  ukk: number,
): number {
  let ikBeatsJ = 0;
  let jBeatsIk = 0;
  let iBeatsJk = 0;
  let jkBeatsI = 0;
  switch (commit) {
    case 'FullCommit':
      ikBeatsJ = uki + uki + uki;
      jBeatsIk = ukj + ukj + ukj;
      iBeatsJk = uki + uki + uki;
      jkBeatsI = ukj + ukj + ukj;
      break;
    case 'SemiCommit':
      ikBeatsJ = uki + uki + ukk;
      jBeatsIk = ukj + ukj + ukj;
      iBeatsJk = uki + uki + uki;
      jkBeatsI = ukj + ukj + ukk;
      break;
    case 'NoCommit':
      ikBeatsJ = uki + uki + ukk;
      jBeatsIk = ukj + ukj + ukk;
      iBeatsJk = uki + uki + ukk;
      jkBeatsI = ukj + ukj + ukk;
      break;
  }
  const joinI = pik * ikBeatsJ + pjk * jBeatsIk;
  const joinJ = pik * iBeatsJk + pjk * jkBeatsI;
  return vote(rule, weight, joinI, joinJ);
}
