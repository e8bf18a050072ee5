/**
 * Shards: `--shard i/n` runs the i-th of n contiguous slices of the run indices (0-based, as
 * Kubernetes' JOB_COMPLETION_INDEX), runs [⌊i·N/n⌋, ⌊(i+1)·N/n⌋).
 */
import { InputError } from '../../errors.js';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string, field = 'shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/u.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count)
    throw new InputError({ field, message: `expected i/n with n ≥ 1 and 0 ≤ i < n (0-based, e.g. 0/4 … 3/4), got "${text}"` });
  return { index, count };
}

/** The run range [start, end) of a shard of a sweep of `runs` runs. */
export function shardRange(shard: Shard, runs: number): { start: number; end: number } {
  return { start: Math.floor((shard.index * runs) / shard.count), end: Math.floor(((shard.index + 1) * runs) / shard.count) };
}
