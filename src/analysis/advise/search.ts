/**
 * The search for advice: one-lever scans with each lever's flip point, then small combinations.
 *
 * - Scan: every lever over `steps` equal steps of its range. Its **flip point** is the smallest change
 *   that reaches the goal: on each side of today's value the first scanned value that reaches it,
 *   refined by bisection against the last value that does not (so within the scan's resolution / 2¹⁰
 *   where the model's response is monotone between them); the cheaper side wins.
 * - Combinations: greedy — add, one lever at a time (at most `maxLevers`), the scanned move with the
 *   best gain per unit of added cost — then a bounded local search that moves each chosen lever to its
 *   other scanned values while the gain improves (or holds at a lower cost).
 * - Every candidate scored is kept; the budget only filters them, so raising it never lowers the best
 *   gain reachable. The Pareto front is the candidates no other beats in both cost and gain.
 */
import { scoreGoal, type Goal, type GoalScore, type Reading } from './goal.js';
import { leverKey, moveCost, scanValues, type Lever, type Move } from './levers.js';
import { applyMoves, type Scorer, type Variant } from './variant.js';

export interface Candidate extends GoalScore {
  moves: Move[];
  cost: number;
  outcome: number;
  reading: Reading;
}

export interface LeverScan {
  lever: Lever;
  /** Each scanned value and its score. */
  points: Candidate[];
  /** The smallest change that reaches the goal, when one within the range does. */
  flipPoint?: Candidate;
  /** The scanned move with the best gain per unit cost (positive gains only). */
  bestRatio?: Candidate;
}

export interface SearchSettings {
  steps: number;
  maxLevers: number;
  /** Bound on the local search's evaluations. */
  localEvaluations: number;
  minGain: number;
}

export interface SearchContext {
  goal: Goal;
  base: Variant;
  baseline: Reading;
  scorer: Scorer;
  settings: SearchSettings;
}

export function evaluate(context: SearchContext, moves: Move[]): Candidate {
  const reading = context.scorer.read(applyMoves(context.base, moves));
  const score = scoreGoal(context.goal, context.baseline, reading, context.settings.minGain);
  return { ...score, moves, cost: moves.reduce((sum, move) => sum + moveCost(move), 0), outcome: reading.outcome, reading };
}

export function scanLever(context: SearchContext, lever: Lever): LeverScan {
  const points = scanValues(lever, context.settings.steps).map((value) => evaluate(context, [{ lever, value }]));
  const scan: LeverScan = { lever, points };
  const flips = [-1, 1].flatMap((side) => {
    const flip = flipOnSide(context, lever, points, side);
    return flip ? [flip] : [];
  });
  const flipPoint = flips.sort((a, b) => a.cost - b.cost)[0];
  if (flipPoint) scan.flipPoint = flipPoint;
  const bestRatio = points.filter((point) => point.gain > 0 && point.cost > 0).sort((a, b) => b.gain / b.cost - a.gain / a.cost)[0];
  if (bestRatio) scan.bestRatio = bestRatio;
  return scan;
}

/** The first reaching point walking away from today's value on one side, refined by bisection. */
function flipOnSide(context: SearchContext, lever: Lever, points: Candidate[], side: number): Candidate | undefined {
  const onSide = points
    .filter((point) => Math.sign(point.moves[0]!.value - lever.current) === side)
    .sort((a, b) => Math.abs(a.moves[0]!.value - lever.current) - Math.abs(b.moves[0]!.value - lever.current));
  const index = onSide.findIndex((point) => point.reached);
  if (index < 0) return undefined;
  if (lever.field === 'channel') return onSide[index];
  let inside = index === 0 ? lever.current : onSide[index - 1]!.moves[0]!.value;
  let reaching = onSide[index]!;
  for (let iteration = 0; iteration < 10; iteration++) {
    const middle = (inside + reaching.moves[0]!.value) / 2;
    const candidate = evaluate(context, [{ lever, value: middle }]);
    if (candidate.reached) reaching = candidate;
    else inside = middle;
  }
  return reaching;
}

/** Greedy combinations, each prefix refined by local search; every combination scored is returned. */
export function combine(context: SearchContext, scans: readonly LeverScan[]): Candidate[] {
  const scored: Candidate[] = [];
  let current: Candidate | undefined;
  for (let size = 1; size <= context.settings.maxLevers; size++) {
    const used = new Set((current?.moves ?? []).map((move) => leverKey(move.lever)));
    let best: Candidate | undefined;
    let bestRatio = 0;
    for (const scan of scans) {
      if (used.has(leverKey(scan.lever))) continue;
      for (const point of scan.points) {
        const candidate = size === 1 ? point : evaluate(context, [...current!.moves, point.moves[0]!]);
        const added = candidate.cost - (current?.cost ?? 0);
        const ratio = (candidate.gain - (current?.gain ?? 0)) / Math.max(added, 1e-12);
        if (ratio > bestRatio) [best, bestRatio] = [candidate, ratio];
      }
    }
    if (!best) break;
    current = localSearch(context, best, scans);
    scored.push(best, current);
  }
  return scored;
}

function localSearch(context: SearchContext, start: Candidate, scans: readonly LeverScan[]): Candidate {
  let best = start;
  let budget = context.settings.localEvaluations;
  let improved = true;
  while (improved && budget > 0) {
    improved = false;
    for (let slot = 0; slot < best.moves.length && budget > 0; slot++) {
      const lever = best.moves[slot]!.lever;
      const scan = scans.find((candidate) => leverKey(candidate.lever) === leverKey(lever))!;
      for (const point of scan.points) {
        if (budget-- <= 0) break;
        const moves = best.moves.map((move, index) => (index === slot ? point.moves[0]! : move));
        const candidate = evaluate(context, moves);
        if (candidate.gain > best.gain + 1e-12 || (candidate.gain >= best.gain - 1e-12 && candidate.cost < best.cost - 1e-12)) {
          best = candidate;
          improved = true;
        }
      }
    }
  }
  return best;
}

/** The candidates no other beats in both cost (lower) and gain (higher); positive gains, by cost. */
export function paretoFront(candidates: readonly Candidate[]): Candidate[] {
  const sorted = candidates.filter((candidate) => candidate.gain > 0).sort((a, b) => a.cost - b.cost || b.gain - a.gain);
  const front: Candidate[] = [];
  for (const candidate of sorted) if (front.length === 0 || candidate.gain > front[front.length - 1]!.gain + 1e-12) front.push(candidate);
  return front;
}
