/**
 * The selection loop of a round (exchange-spec.md §2.6): realise the exchange with the highest equal
 * gain, recalculate the remaining ones against it (16), drop what became invalid, repeat.
 */
import { calculate } from './moves.js';
import { tolerance, type Calculation, type Exchange, type Side } from './types.js';

/**
 * How tied gains (within 1e-9 relative, §9) are ordered. `list-order`: a stable sort keeps them in list
 * order (Decide's deterministic mode, §5 P1–P2, and Parley's default). `coin-flip`: Decide's shipped
 * rule between the two best (§5.1, E1), with Parley's seeded draws and without E2's duplicate.
 */
export type TieRule = 'list-order' | 'coin-flip';

/** Highest gain first; gains within the tie tolerance compare equal, so the stable sort keeps list order. */
function byGainDescending(a: Exchange, b: Exchange): number {
  if (Math.abs(a.gain - b.gain) <= tolerance.tie * Math.max(Math.abs(a.gain), Math.abs(b.gain))) return 0;
  return b.gain - a.gain;
}

/** (17) merge(old, mov): keep the move toward which mov went from its round-start position (E6). */
function merge(old: number, mover: Side): number {
  return mover.x0 <= old ? Math.min(old, mover.y) : Math.max(old, mover.y);
}

/** The side of R with the same actor and supply issue as `side`, if any (16a). */
function supplyMatch(side: Side, realised: Exchange): Side | undefined {
  for (const other of [realised.i, realised.j]) if (other.actor === side.actor && other.supply === side.supply) return other;
  return undefined;
}

/**
 * (16) Recalculates E after R was realised: a supply match (a) moves E's side to R's voting position;
 * a demand match (b) records R's mover in E's update table; either runs 2.5 again (c). Returns
 * whether E was recalculated.
 */
export function recalculate(exchange: Exchange, realised: Exchange, calculation: Calculation): boolean {
  let supplied = false;
  for (const side of [exchange.i, exchange.j]) {
    const match = supplyMatch(side, realised);
    if (!match) continue;
    side.xi = match.y;
    side.history.push(match.history[match.history.length - 1]!);
    supplied = true;
  }
  // (16a) E7: the matched side keeps its previous move; the other side's latest move is replaced.
  if (supplied) for (const side of [exchange.i, exchange.j]) side.history.pop();
  let demanded = false;
  for (const [demander, mover] of [[realised.j, realised.i], [realised.i, realised.j]] as const) {
    const same = [exchange.i, exchange.j].some((side) => side.actor === demander.actor && side.demand === demander.demand);
    if (!same) continue;
    // (16b) E5: only an exchange in which the same actor demands the same issue learns of the move.
    const k = demander.demand;
    let table = exchange.updates.get(k);
    if (!table) exchange.updates.set(k, (table = new Map()));
    const old = table.get(mover.actor);
    table.set(mover.actor, old === undefined ? mover.y : merge(old, mover));
    demanded = true;
  }
  if (demanded && !supplied) for (const side of [exchange.i, exchange.j]) side.history.pop();
  if (!supplied && !demanded) return false;
  calculate(exchange, calculation); // (16c)
  return true;
}

/** Takes the exchange to realise next out of the sorted list (§2.6 step 2, §5.1 for `coin-flip`). */
function takeNext(list: Exchange[], tieRule: TieRule, draw: () => number): Exchange {
  if (tieRule === 'coin-flip' && list.length > 1 && byGainDescending(list[0]!, list[1]!) === 0 && draw() >= 0.5) {
    const first = list.shift()!;
    const second = list.shift()!;
    list.push(first);
    return second;
  }
  return list.shift()!;
}

/**
 * (15) The loop: sort (stable, highest gain first), take the first; an invalid one is discarded (E11);
 * a valid one is realised after every remaining exchange is dropped if invalid or recalculated against
 * it and kept if still valid. `onRealised` sees each realised exchange after the recalculations (§4).
 */
export function selectExchanges(
  candidates: readonly Exchange[],
  calculation: Calculation,
  options: { tieRule: TieRule; draw: () => number; checkRecalculation: (exchange: Exchange) => void },
  onRealised: (exchange: Exchange) => void,
): Exchange[] {
  let list = [...candidates];
  const realised: Exchange[] = [];
  while (list.length > 0) {
    list.sort(byGainDescending);
    const next = takeNext(list, options.tieRule, options.draw);
    if (!next.valid) continue;
    const kept: Exchange[] = [];
    for (const exchange of list) {
      if (!exchange.valid) continue;
      if (recalculate(exchange, next, calculation)) options.checkRecalculation(exchange);
      if (exchange.valid) kept.push(exchange);
    }
    list = kept;
    realised.push(next);
    onRealised(next);
  }
  return realised;
}
