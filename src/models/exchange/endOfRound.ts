/**
 * The end of a round (exchange-spec.md §2.7, eq. 18): the voting positions the realised exchanges
 * leave, and the preferences carried over to the next round.
 */
import type { Exchange, ExchangeData } from './types.js';

/** The carry-over weights of (18): λ = fixed + salienceWeight·(1 − s). Decide hard-codes 0.1 and 0.4 (E15). */
export interface CarryOver {
  salienceWeight: number;
  fixedWeight: number;
}

/**
 * Voting positions: the preferences, with each realised exchange's y written over its sides' supply
 * stances in realisation order (later ones win, E28).
 */
export function votingPositions(data: ExchangeData, realised: readonly Exchange[]): number[][] {
  const voting = data.x.map((row) => [...row]);
  for (const exchange of realised) for (const side of [exchange.i, exchange.j]) voting[side.actor]![side.supply] = side.y;
  return voting;
}

/**
 * (18) Next round's preferences: x_next(X, S_X) = x0_X + λ_X·(y_X − x0_X), λ_X = fixed + salienceWeight·(1 − s(X,S_X)),
 * written as Decide does, (1−s)·sw·y + fw·y + (1 − (1−s)·sw − fw)·x0; later exchanges overwrite earlier
 * ones (the last carries the cumulative move, E28). Stances not supplied keep their preference.
 */
export function carriedPreferences(data: ExchangeData, realised: readonly Exchange[], carry: CarryOver): number[][] {
  const next = data.x.map((row) => [...row]);
  for (const exchange of realised) {
    for (const side of [exchange.i, exchange.j]) {
      const share = (1 - data.s[side.actor]![side.supply]!) * carry.salienceWeight;
      next[side.actor]![side.supply] = share * side.y + carry.fixedWeight * side.y + (1 - share - carry.fixedWeight) * side.x0;
    }
  }
  return next;
}
