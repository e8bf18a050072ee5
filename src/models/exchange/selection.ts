/**
 * The selection loop of a round (exchange-spec.md §2.6): realise the exchange with the highest equal
 * gain, recalculate the remaining ones against it (16), drop what became invalid, repeat.
 */
import { calculate } from './moves.js';
import { tolerance, type Calculation, type Exchange, type ExchangeData, type Side } from './types.js';

/**
 * How tied gains (within 1e-9 relative, §9) are ordered. `list-order`: a stable sort keeps them in list
 * order (Decide's deterministic mode, §5 P1–P2, and Parley's default). `coin-flip`: Decide's shipped
 * rule between the two best (§5.1, E1), with Parley's seeded draws and without E2's duplicate.
 */
export type TieRule = 'list-order' | 'coin-flip';

/** (17) merge(old, mov): keep the move toward which mov went from its round-start position (E6). */
function merge(old: number, mover: Side): number {
  return mover.x0 <= old ? Math.min(old, mover.y) : Math.max(old, mover.y);
}

/** The side of R with the same actor and supply issue as `side`, if any (16a). */
function supplyMatch(side: Side, realised: Exchange): Side | undefined {
  if (realised.i.actor === side.actor && realised.i.supply === side.supply) return realised.i;
  if (realised.j.actor === side.actor && realised.j.supply === side.supply) return realised.j;
  return undefined;
}

/** (16a) Moves a supply-matched side to R's voting position and pushes R's move on its history. */
function applySupplyMatch(side: Side, realised: Exchange): boolean {
  const match = supplyMatch(side, realised);
  if (!match) return false;
  side.xi = match.y;
  side.history.push(match.history[match.history.length - 1]!);
  return true;
}

/** (16b) If one of E's sides is `demander`'s actor demanding the same issue, records `mover`'s position in U. */
function applyDemandMatch(exchange: Exchange, demander: Side, mover: Side, data: ExchangeData): boolean {
  const { i, j } = exchange;
  const same = (i.actor === demander.actor && i.demand === demander.demand) || (j.actor === demander.actor && j.demand === demander.demand);
  if (!same) return false;
  // E5: only an exchange in which the same actor demands the same issue learns of the move.
  const k = demander.demand;
  const updates = (exchange.updates ??= new Map());
  let table = updates.get(k);
  if (!table) updates.set(k, (table = { positions: new Map(), shift: 0 }));
  const old = table.positions.get(mover.actor);
  const position = old === undefined ? mover.y : merge(old, mover);
  table.positions.set(mover.actor, position);
  table.shift += data.w[mover.actor]![k]! * (position - (old ?? data.x[mover.actor]![k]!));
  return true;
}

function popBoth(exchange: Exchange): void {
  exchange.i.history.pop();
  exchange.j.history.pop();
}

/**
 * (16) Recalculates E after R was realised: a supply match (a) moves E's side to R's voting position;
 * a demand match (b) records R's mover in E's update table; either runs 2.5 again (c). Returns
 * whether E was recalculated.
 */
export function recalculate(exchange: Exchange, realised: Exchange, calculation: Calculation): boolean {
  const suppliedI = applySupplyMatch(exchange.i, realised);
  const suppliedJ = applySupplyMatch(exchange.j, realised);
  const supplied = suppliedI || suppliedJ;
  // (16a) E7: the matched side keeps its previous move; the other side's latest move is replaced.
  if (supplied) popBoth(exchange);
  const demandedByJ = applyDemandMatch(exchange, realised.j, realised.i, calculation.data);
  const demandedByI = applyDemandMatch(exchange, realised.i, realised.j, calculation.data);
  const demanded = demandedByJ || demandedByI;
  if (demanded && !supplied) popBoth(exchange);
  if (!supplied && !demanded) return false;
  calculate(exchange, calculation); // (16c)
  return true;
}

/** The exchanges a realised R can change (16): those with a side that R supply-matches or demand-matches. */
class MatchIndex {
  private readonly lists = new Map<number, number[]>();

  constructor(
    candidates: readonly Exchange[],
    private readonly issueCount: number,
  ) {
    for (const exchange of candidates) {
      if (!exchange.valid) continue;
      for (const side of [exchange.i, exchange.j]) {
        this.add(this.key(side.actor, side.supply, 0), exchange.index);
        this.add(this.key(side.actor, side.demand, 1), exchange.index);
      }
    }
  }

  private key(actor: number, issue: number, role: 0 | 1): number {
    return (actor * this.issueCount + issue) * 2 + role;
  }

  private add(key: number, index: number): void {
    const list = this.lists.get(key);
    if (list) list.push(index);
    else this.lists.set(key, [index]);
  }

  /** Indices of exchanges supplying what R's sides supply, or demanding what R's sides demand (may repeat). */
  affectedBy(realised: Exchange): number[][] {
    const lists: number[][] = [];
    for (const key of [
      this.key(realised.i.actor, realised.i.supply, 0),
      this.key(realised.j.actor, realised.j.supply, 0),
      this.key(realised.i.actor, realised.i.demand, 1),
      this.key(realised.j.actor, realised.j.demand, 1),
    ]) {
      const list = this.lists.get(key);
      if (list) lists.push(list);
    }
    return lists;
  }
}

/**
 * The list of §2.6 kept sorted: highest gain first, ties in list order. Each live exchange has a rank
 * that orders it among exchanges of equal gain as its position in the list does; a recalculated
 * exchange whose gain changed lands, among its new ties, where a stable sort puts it (before them when
 * it came from a higher gain, after them from a lower one). A binary heap of (gain, rank, exchange)
 * entries in typed arrays, with lazy deletion of stale entries.
 */
class SortedList {
  /** Per exchange: its rank, the gain it was placed with, whether it is in the list, its entry's version. */
  private readonly rank: Float64Array;
  private readonly placedGain: Float64Array;
  private readonly alive: Uint8Array;
  private readonly version: Int32Array;
  private heapGain = new Float64Array(1024);
  private heapRank = new Float64Array(1024);
  private heapIndex = new Int32Array(1024);
  private heapVersion = new Int32Array(1024);
  private size = 0;
  private lowest = 0;
  private highest: number;

  constructor(readonly candidates: readonly Exchange[]) {
    const n = candidates.length;
    this.rank = new Float64Array(n);
    this.placedGain = new Float64Array(n);
    this.alive = new Uint8Array(n);
    this.version = new Int32Array(n);
    this.highest = n;
    for (const exchange of candidates) {
      this.rank[exchange.index] = exchange.index;
      if (exchange.valid) {
        this.alive[exchange.index] = 1;
        this.insert(exchange);
      }
    }
  }

  isAlive(exchange: Exchange): boolean {
    return this.alive[exchange.index] === 1;
  }

  /** Negative when (gainA, rankA) comes first in the list. */
  static compare(gainA: number, rankA: number, gainB: number, rankB: number): number {
    if (Math.abs(gainA - gainB) <= tolerance.tie * Math.max(Math.abs(gainA), Math.abs(gainB))) return rankA - rankB;
    return gainB - gainA;
  }

  /** Compares two live exchanges by where they stand in the list now. */
  compareListed(a: number, b: number): number {
    return SortedList.compare(this.placedGain[a]!, this.rank[a]!, this.placedGain[b]!, this.rank[b]!);
  }

  private entryBefore(x: number, y: number): boolean {
    return SortedList.compare(this.heapGain[x]!, this.heapRank[x]!, this.heapGain[y]!, this.heapRank[y]!) < 0;
  }

  private swap(x: number, y: number): void {
    const [g, r, i, v] = [this.heapGain[x]!, this.heapRank[x]!, this.heapIndex[x]!, this.heapVersion[x]!];
    this.heapGain[x] = this.heapGain[y]!;
    this.heapRank[x] = this.heapRank[y]!;
    this.heapIndex[x] = this.heapIndex[y]!;
    this.heapVersion[x] = this.heapVersion[y]!;
    this.heapGain[y] = g;
    this.heapRank[y] = r;
    this.heapIndex[y] = i;
    this.heapVersion[y] = v;
  }

  private grow(): void {
    const doubled = <T extends Float64Array | Int32Array>(array: T, make: (length: number) => T): T => {
      const copy = make(array.length * 2);
      copy.set(array);
      return copy;
    };
    this.heapGain = doubled(this.heapGain, (n) => new Float64Array(n));
    this.heapRank = doubled(this.heapRank, (n) => new Float64Array(n));
    this.heapIndex = doubled(this.heapIndex, (n) => new Int32Array(n));
    this.heapVersion = doubled(this.heapVersion, (n) => new Int32Array(n));
  }

  private insert(exchange: Exchange): void {
    const k = exchange.index;
    this.placedGain[k] = exchange.gain;
    if (this.size === this.heapGain.length) this.grow();
    let child = this.size++;
    this.heapGain[child] = exchange.gain;
    this.heapRank[child] = this.rank[k]!;
    this.heapIndex[child] = k;
    this.heapVersion[child] = ++this.version[k]!;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.entryBefore(child, parent)) break;
      this.swap(parent, child);
      child = parent;
    }
  }

  /** Removes the heap's top entry; returns its exchange index when the entry is current, else -1. */
  private popTop(): number {
    const index = this.heapIndex[0]!;
    const current = this.alive[index] === 1 && this.heapVersion[0] === this.version[index];
    this.size--;
    if (this.size > 0) {
      this.swap(0, this.size);
      let parent = 0;
      for (;;) {
        const left = parent * 2 + 1;
        const right = left + 1;
        let first = parent;
        if (left < this.size && this.entryBefore(left, first)) first = left;
        if (right < this.size && this.entryBefore(right, first)) first = right;
        if (first === parent) break;
        this.swap(parent, first);
        parent = first;
      }
    }
    return current ? index : -1;
  }

  /** Takes the first exchange out of the list. */
  take(): Exchange | undefined {
    while (this.size > 0) {
      const index = this.popTop();
      if (index < 0) continue;
      this.alive[index] = 0;
      return this.candidates[index]!;
    }
    return undefined;
  }

  /** Puts an exchange taken out back at the end of its ties (the coin flip's "to the end of the list"). */
  putLast(exchange: Exchange): void {
    this.alive[exchange.index] = 1;
    this.rank[exchange.index] = this.highest++;
    this.insert(exchange);
  }

  /** Puts an exchange taken out back where it was. */
  putBack(exchange: Exchange): void {
    this.alive[exchange.index] = 1;
    this.insert(exchange);
  }

  drop(exchange: Exchange): void {
    this.alive[exchange.index] = 0;
  }

  /**
   * Re-places recalculated exchanges (given in list order; their placed gains are still the ones from
   * before the recalculation) as a stable sort of the list would: a tie with its old gain keeps its
   * rank; one from a higher gain goes before its new ties, one from a lower gain after them, keeping
   * their previous order among themselves. An unchanged gain keeps its heap entry.
   */
  replace(changed: readonly Exchange[]): void {
    const earlier: Exchange[] = [];
    for (const exchange of changed) {
      const k = exchange.index;
      if (this.alive[k] !== 1) continue;
      if (exchange.gain === this.placedGain[k]) continue;
      const order = SortedList.compare(this.placedGain[k]!, this.rank[k]!, exchange.gain, this.rank[k]!);
      if (order < 0) earlier.push(exchange);
      else {
        if (order > 0) this.rank[k] = this.highest++;
        this.insert(exchange);
      }
    }
    for (let k = earlier.length - 1; k >= 0; k--) {
      this.rank[earlier[k]!.index] = --this.lowest;
      this.insert(earlier[k]!);
    }
  }
}

/**
 * (15) The loop: take the first of the sorted list (stable, highest gain first); recalculate every
 * remaining exchange against it in list order, dropping those that are or become invalid; realise it.
 * Invalid candidates never reach the top (E11: Decide discards them when they do, and purges them at
 * the first realisation). Only exchanges that R supply- or demand-matches can change (16), so only
 * those are visited, in list order. `onRealised` sees each realised exchange after the recalculations (§4).
 */
export function selectExchanges(
  candidates: readonly Exchange[],
  calculation: Calculation,
  options: { tieRule: TieRule; draw: () => number },
  onRealised: (exchange: Exchange) => void,
): Exchange[] {
  const list = new SortedList(candidates);
  const index = new MatchIndex(candidates, calculation.data.issueCount);
  const realised: Exchange[] = [];
  const seen = new Int32Array(candidates.length);
  let stamp = 0;
  for (;;) {
    let next = list.take();
    if (!next) break;
    if (options.tieRule === 'coin-flip') {
      const second = list.take();
      // §5.1: between the two best when tied, a draw ≥ 0.5 realises the second and puts the first last.
      if (second && SortedList.compare(next.gain, 0, second.gain, 0) === 0 && options.draw() >= 0.5) {
        list.putLast(next);
        next = second;
      } else if (second) list.putBack(second);
    }
    const affected: number[] = [];
    stamp++;
    for (const indices of index.affectedBy(next)) {
      for (const k of indices) {
        if (seen[k] === stamp || !list.isAlive(candidates[k]!)) continue;
        seen[k] = stamp;
        affected.push(k);
      }
    }
    affected.sort((a, b) => list.compareListed(a, b));
    const changed: Exchange[] = [];
    for (const k of affected) {
      const exchange = candidates[k]!;
      if (!recalculate(exchange, next, calculation)) continue;
      if (exchange.valid) changed.push(exchange);
      else list.drop(exchange);
    }
    list.replace(changed);
    realised.push(next);
    onRealised(next);
  }
  return realised;
}
