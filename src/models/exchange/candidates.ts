/**
 * Candidate exchanges of a round, in Decide's creation order (exchange-spec.md §2.3): for each issue
 * pair (p, q) with p before q, one candidate per (a in A, b in D), then one per (a in B, b in C), loops
 * in actor order with a outermost. Each gets its roles (3) and its first calculation (§2.5).
 */
import { InputError } from '../../errors.js';
import { Group, groupOf } from './groups.js';
import { calculate } from './moves.js';
import { assignRoles } from './roles.js';
import type { Calculation, Exchange, ExchangeData, Side } from './types.js';

/**
 * A candidate with a zero salience or power among its four stances is left out (its gain would be 0, or
 * Decide would divide by zero, E14); `error` stops instead where Decide divides by zero.
 */
export type ZeroWeights = 'error' | 'exclude';

export interface CandidateRules {
  zeroWeights: ZeroWeights;
  actorIds: readonly string[];
  issueIds: readonly string[];
  /** Told each place where Decide would have divided by zero (for a note). */
  onDecideCrash: (message: string) => void;
}

function newSide(actor: number, supply: number, demand: number, partner: number, data: ExchangeData): Side {
  const x0 = data.x[actor]![supply]!;
  return { actor, supply, demand, x0, xi: x0, target: data.x[partner]![supply]!, history: [], move: 0, y: x0, o0: NaN, o1: NaN, utility: 0, capped: false };
}

/** The E14 message: where Decide would divide by zero, and what Parley does instead. */
function zeroDivisorMessage(a: number, b: number, p: number, q: number, why: string, rules: CandidateRules): string {
  const [actors, issues] = [rules.actorIds, rules.issueIds];
  return `Decide divides by zero in the exchange of "${actors[a]}" and "${actors[b]}" on issues "${issues[p]}" and "${issues[q]}" (spec E14): ${why}`;
}

/** True when one of the candidate's four stances has salience 0 or weight 0. */
function hasZeroStance(a: number, b: number, p: number, q: number, data: ExchangeData): boolean {
  return data.w[a]![p]! === 0 || data.w[a]![q]! === 0 || data.w[b]![p]! === 0 || data.w[b]![q]! === 0;
}

/**
 * E14: where Decide's arithmetic divides by zero for this candidate: the role ratios (3) divide by
 * s(a,q) and s(b,q), and I's move (6) by w(I,q). Undefined when it does not. (Any other zero
 * salience or power in the candidate gives Decide a gain of 0: an invalid candidate, never realised.)
 */
function decideCrash(a: number, b: number, p: number, q: number, data: ExchangeData, rules: CandidateRules): string | undefined {
  for (const actor of [a, b]) if (data.s[actor]![q]! === 0) return zeroDivisorMessage(a, b, p, q, `actor "${rules.actorIds[actor]}" has salience 0 on issue "${rules.issueIds[q]}"`, rules);
  const [I] = assignRoles(a, b, data.s, p, q);
  if (data.w[I]![q]! === 0) return zeroDivisorMessage(a, b, p, q, `actor "${rules.actorIds[I]}" has power 0`, rules);
  return undefined;
}

/** The round's candidates, each calculated once; `outcomes` are the round-start outcomes (1). */
export function createCandidates(outcomes: readonly number[], calculation: Calculation, rules: CandidateRules): Exchange[] {
  const { data } = calculation;
  const candidates: Exchange[] = [];
  for (let p = 0; p < data.issueCount; p++) {
    for (let q = p + 1; q < data.issueCount; q++) {
      const byGroup: number[][] = [[], [], [], []];
      for (let a = 0; a < data.actorCount; a++) {
        if (!data.has[a]![p] || !data.has[a]![q]) continue; // E25
        byGroup[groupOf(data.x[a]![p]!, data.x[a]![q]!, outcomes[p]!, outcomes[q]!)]!.push(a);
      }
      for (const [first, second, groups] of [[Group.A, Group.D, 'a-d'], [Group.B, Group.C, 'b-c']] as const) {
        for (const a of byGroup[first]!) {
          for (const b of byGroup[second]!) {
            if (hasZeroStance(a, b, p, q, data)) {
              // E14: Decide crashes here or gets an invalid candidate; Parley leaves the pair out, or stops with `error`.
              const crash = decideCrash(a, b, p, q, data, rules);
              if (crash !== undefined && rules.zeroWeights === 'error') throw new InputError({ field: 'stances', message: `${crash}; the option zeroWeights: exclude leaves such pairs out` });
              if (crash !== undefined) rules.onDecideCrash(crash);
              continue;
            }
            const [I, J] = assignRoles(a, b, data.s, p, q);
            const exchange: Exchange = {
              index: candidates.length,
              p,
              q,
              groups,
              i: newSide(I, q, p, J, data),
              j: newSide(J, p, q, I, data),
              gain: 0,
              valid: false,
            };
            calculate(exchange, calculation);
            candidates.push(exchange);
          }
        }
      }
    }
  }
  return candidates;
}
