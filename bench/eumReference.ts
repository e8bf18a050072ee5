/**
 * A deliberately straightforward O(n³) implementation of one EUM round under the `default` preset
 * (eq. 31 probabilities summed voter by voter, responder salience, perceived EUs, capitulation, least
 * move, initial range, Q = 1). The benchmark times it against the engine and checks that both agree
 * on positions. It shares only the formulas (utilities, the Fig. 6 reading, risk exponents) with the
 * engine, not the prefix-sum machinery being checked.
 */
import { readDyad } from '../src/models/eum/classify.js';
import { riskExponents } from '../src/models/eum/risk.js';
import { challengeExpectedUtility } from '../src/models/eum/utility.js';

export interface ReferenceActors {
  positions: number[];
  capability: number[];
  /** In [0, 1]. */
  salience: number[];
}

/** Eq. 31 for every ordered pair, summing over every voter: O(n³). */
function probabilityTable(x: number[], w: number[]): number[][] {
  const n = x.length;
  return x.map((xi) =>
    x.map((xj) => {
      let support = 0;
      let total = 0;
      for (let k = 0; k < n; k++) {
        const vote = w[k]! * (Math.abs(x[k]! - xj) - Math.abs(x[k]! - xi));
        if (vote > 0) support += vote;
        total += Math.abs(vote);
      }
      return total > 0 ? support / total : 0.5;
    }),
  );
}

/** Plays `rounds` rounds from the given actors; returns the positions after the last one. */
export function referenceDefaultRounds(actors: ReferenceActors, rounds: number): number[] {
  const { capability, salience } = actors;
  let x = [...actors.positions];
  const n = x.length;
  const range = Math.max(...x) - Math.min(...x) || 1;
  const w = capability.map((c, i) => c * salience[i]!);
  const eu = (P: number, d: number, r: number, s: number) => challengeExpectedUtility({ d, dMedian: 0, r, probability: P, salience: s, Q: 1, T: 1 });
  for (let t = 0; t < rounds; t++) {
    const P = probabilityTable(x, w);
    const security = x.map((xi, i) => {
      let sum = 0;
      for (let j = 0; j < n; j++) if (j !== i) sum += eu(P[j]![i]!, Math.abs(x[j]! - xi) / range, 1, salience[i]!);
      return sum;
    });
    const r = riskExponents(security);
    const next = [...x];
    for (let i = 0; i < n; i++) {
      let best: { rank: number; to: number } | undefined;
      for (let j = 0; j < n; j++) {
        if (j === i || x[j] === x[i]) continue;
        const d = Math.abs(x[i]! - x[j]!) / range;
        const a = eu(P[i]![j]!, d, r[i]!, salience[j]!);
        const b = eu(P[j]![i]!, d, r[i]!, salience[i]!);
        const reading = readDyad(a, b, x[i]!, x[j]!, true);
        if (reading.offer === undefined) continue;
        const rank = { 'conflict-lost': 0, compromise: 1, capitulation: 2 }[reading.perception as 'conflict-lost' | 'compromise' | 'capitulation'];
        const distance = Math.abs(reading.offer - x[i]!);
        const better = !best || rank < best.rank || (rank === best.rank && distance < Math.abs(best.to - x[i]!) - 1e-12 * range);
        if (better) best = { rank, to: reading.offer };
      }
      if (best) next[i] = best.to;
    }
    x = next;
  }
  return x;
}
