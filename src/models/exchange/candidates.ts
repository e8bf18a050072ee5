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

/** How the zero divisors of E14 are met: Decide crashes (`error`), Parley leaves the pair out (`exclude`). */
export type ZeroWeights = 'error' | 'exclude';

export interface CandidateRules {
  zeroWeights: ZeroWeights;
  actorIds: readonly string[];
  issueIds: readonly string[];
}

function newSide(actor: number, supply: number, demand: number, partner: number, data: ExchangeData): Side {
  const x0 = data.x[actor]![supply]!;
  return { actor, supply, demand, x0, xi: x0, target: data.x[partner]![supply]!, history: [], move: 0, y: x0, o0: NaN, o1: NaN, utility: 0, capped: false };
}

/** The E14 message: where Decide would divide by zero, and what the default preset does instead. */
function zeroDivisor(a: number, b: number, p: number, q: number, why: string, rules: CandidateRules): InputError {
  const [actors, issues] = [rules.actorIds, rules.issueIds];
  return new InputError({
    field: 'stances',
    message: `Decide divides by zero in the exchange of "${actors[a]}" and "${actors[b]}" on issues "${issues[p]}" and "${issues[q]}" (spec E14): ${why}. The default preset leaves such actors out of the exchanges on those issues.`,
  });
}

/** Why the candidate has a zero salience or weight among its four stances, or undefined. */
function zeroStance(a: number, b: number, p: number, q: number, data: ExchangeData, rules: CandidateRules): string | undefined {
  for (const actor of [a, b]) {
    for (const issue of [p, q]) {
      if (data.s[actor]![issue]! === 0) return `actor "${rules.actorIds[actor]}" has salience 0 on issue "${rules.issueIds[issue]}"`;
      if (data.w[actor]![issue]! === 0) return `actor "${rules.actorIds[actor]}" has power 0`;
    }
  }
  return undefined;
}

/**
 * E14 before the first calculation: `exclude` leaves out a candidate with any zero salience or weight;
 * `error` throws where Decide always divides by zero after the roles: the weight of I on q (6). True
 * when the candidate is to be calculated.
 */
function divisorsUsable(a: number, b: number, I: number, p: number, q: number, data: ExchangeData, rules: CandidateRules): boolean {
  if (rules.zeroWeights === 'exclude') return zeroStance(a, b, p, q, data, rules) === undefined;
  if (data.w[I]![q]! === 0) throw zeroDivisor(a, b, p, q, `actor "${rules.actorIds[I]}" has power 0`, rules);
  return true;
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
            if (rules.zeroWeights === 'exclude' && zeroStance(a, b, p, q, data, rules) !== undefined) continue;
            // E14: the role ratios (3) divide by s(a,q) and s(b,q).
            if (rules.zeroWeights === 'error') for (const actor of [a, b]) if (data.s[actor]![q]! === 0) throw zeroDivisor(a, b, p, q, `actor "${rules.actorIds[actor]}" has salience 0 on issue "${rules.issueIds[q]}"`, rules);
            const [I, J] = assignRoles(a, b, data.s, p, q);
            if (!divisorsUsable(a, b, I, p, q, data, rules)) continue;
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
            // E14: any other zero divisor (the swap rule's or a cap's) leaves a number that is not finite.
            if (![exchange.gain, exchange.i.move, exchange.j.move].every(Number.isFinite)) throw zeroDivisor(a, b, p, q, zeroStance(a, b, p, q, data, rules) ?? 'a zero weight', rules);
            candidates.push(exchange);
          }
        }
      }
    }
  }
  return candidates;
}
