/**
 * Seeded cluster bootstrap (Efron & Tibshirani 1993, ch. 13; Cameron, Gelbach & Miller 2008): each
 * replicate draws proposals with replacement and takes all their issues, because issues of one
 * legislative proposal share actors and bargaining and are not independent. Intervals are percentile
 * intervals (the 2.5 % and 97.5 % quantiles of the replicate statistics).
 */
import { createRandom } from '../../math/random.js';

/** Each replicate: the indices of the issues drawn (with repeats). */
export type Replicates = number[][];

/** `replicates` resamples of the items, clustered by `clusterOf[i]` (e.g. the proposal id). */
export function clusterReplicates(clusterOf: readonly string[], replicates: number, seed: number): Replicates {
  const clusters = new Map<string, number[]>();
  clusterOf.forEach((cluster, index) => {
    const members = clusters.get(cluster) ?? [];
    members.push(index);
    clusters.set(cluster, members);
  });
  const groups = [...clusters.values()];
  const random = createRandom(seed);
  const result: Replicates = [];
  for (let r = 0; r < replicates; r++) {
    const drawn: number[] = [];
    for (let k = 0; k < groups.length; k++) drawn.push(...groups[random.int(groups.length)]!);
    result.push(drawn);
  }
  return result;
}

export interface Interval {
  value: number;
  low: number;
  high: number;
}

/** The replicates restricted to the items of a subgroup (a breakdown); empty replicates are dropped. */
export function restrictReplicates(replicates: Replicates, keep: (index: number) => boolean): Replicates {
  return replicates.map((replicate) => replicate.filter(keep)).filter((replicate) => replicate.length > 0);
}

/** The statistic on `items`, with a percentile interval over the replicates. */
export function bootstrapInterval(
  statistic: (indices: readonly number[]) => number,
  items: readonly number[],
  replicates: Replicates,
  level = 0.95,
): Interval {
  const values = replicates.map((replicate) => statistic(replicate)).sort((a, b) => a - b);
  const value = statistic(items);
  if (values.length === 0) return { value, low: value, high: value };
  return { value, low: quantile(values, (1 - level) / 2), high: quantile(values, 1 - (1 - level) / 2) };
}

/** Like bootstrapInterval for a statistic with several named parts, computed once per replicate. */
export function bootstrapIntervals<Name extends string>(
  statistic: (indices: readonly number[]) => Record<Name, number>,
  items: readonly number[],
  replicates: Replicates,
  level = 0.95,
): Record<Name, Interval> {
  const whole = statistic(items);
  const perReplicate = replicates.map((replicate) => statistic(replicate));
  const result = {} as Record<Name, Interval>;
  for (const name of Object.keys(whole) as Name[]) {
    const values = perReplicate.map((parts) => parts[name]).sort((a, b) => a - b);
    const value = whole[name];
    result[name] =
      values.length === 0 ? { value, low: value, high: value } : { value, low: quantile(values, (1 - level) / 2), high: quantile(values, 1 - (1 - level) / 2) };
  }
  return result;
}

/** The q-quantile of sorted values, linear between order statistics (Hyndman & Fan 1996, type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
