/**
 * Externalities of a realised exchange (exchange-spec.md §4): what the trade does to every actor.
 * The two traders get the equal gain (19); every other actor with stances on both issues gets
 * e = Σ over the two issues of s(a,k)·(|o0 − x(a,k)| − |o1 − x(a,k)|) (20), positive when the outcomes
 * moved toward it. It is "inner" when it sits in one of the two trading groups, else "outer".
 */
import { groupOf } from './groups.js';
import type { Exchange, ExchangeData } from './types.js';

export interface ExternalityTotals {
  innerPositive: number;
  innerNegative: number;
  outerPositive: number;
  outerNegative: number;
  own: number;
}

export const noExternalities = (): ExternalityTotals => ({ innerPositive: 0, innerNegative: 0, outerPositive: 0, outerNegative: 0, own: 0 });

/** Adds `from` into `into`. */
export function addTotals(into: ExternalityTotals, from: ExternalityTotals): void {
  into.innerPositive += from.innerPositive;
  into.innerNegative += from.innerNegative;
  into.outerPositive += from.outerPositive;
  into.outerNegative += from.outerNegative;
  into.own += from.own;
}

/**
 * (19)–(20) Each actor's externality of R, by actor index, using round-start positions and R's own
 * adjusted outcomes o0, o1 from its last calculation (E22); actors without both stances get 0 (E25).
 */
export function externalitiesOf(exchange: Exchange, data: ExchangeData, outcomes: readonly number[]): ExternalityTotals[] {
  const { i: I, j: J, p, q } = exchange;
  const trading = exchange.groups === 'a-d' ? [0, 3] : [1, 2];
  const result: ExternalityTotals[] = [];
  for (let a = 0; a < data.actorCount; a++) {
    const totals = noExternalities();
    result.push(totals);
    if (a === I.actor || a === J.actor) {
      totals.own = exchange.gain; // (19) the equal gain, also in the randomized variant
      continue;
    }
    if (!data.has[a]![J.supply] || !data.has[a]![I.supply]) continue;
    const xJ = data.x[a]![J.supply]!;
    const xI = data.x[a]![I.supply]!;
    // (20)
    const e =
      data.s[a]![J.supply]! * (Math.abs(J.o0 - xJ) - Math.abs(J.o1 - xJ)) + data.s[a]![I.supply]! * (Math.abs(I.o0 - xI) - Math.abs(I.o1 - xI));
    const inner = trading.includes(groupOf(data.x[a]![p]!, data.x[a]![q]!, outcomes[p]!, outcomes[q]!));
    // e = 0 counts as negative.
    if (inner) {
      if (e > 0) totals.innerPositive = e;
      else totals.innerNegative = e;
    } else if (e > 0) totals.outerPositive = e;
    else totals.outerNegative = e;
  }
  return result;
}
