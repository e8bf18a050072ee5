/**
 * Runs a sweep's blocks on worker threads (tinypool). Each run's result depends only on the sweep's
 * inputs and the run's index, and blocks are joined in run order, so the data is bit-identical for
 * any number of workers. At most two blocks per worker are in flight: when `signal` aborts, no new
 * block starts, the running ones finish, and the runs done so far (a prefix) are returned.
 */
import { Tinypool } from 'tinypool';
import { concatBlocks, runBlock, type PreparedSweep, type SweepData } from '../../analysis/sweep/index.js';
import { workerModuleUrl } from '../workerModule.js';
import type { BlockTask } from './worker.js';

export interface PoolControl {
  workers: number;
  /** Runs per task; by default about 8 tasks per worker, at most 2,000 runs each. */
  blockSize?: number;
  onProgress?: (completedRuns: number, totalRuns: number) => void;
  signal?: AbortSignal;
}

export interface PoolOutcome {
  /** The runs done: [start, end) when finished, a prefix of it when stopped. */
  data: SweepData;
  stopped: boolean;
}

export function defaultBlockSize(totalRuns: number, workers: number): number {
  return Math.max(1, Math.min(2000, Math.ceil(totalRuns / (workers * 8))));
}

/** A pool of worker threads that runs sweeps; reuse it across sweeps to keep the threads warm. */
export class SweepWorkers {
  private readonly pool: Tinypool;

  constructor(readonly workers: number) {
    this.pool = new Tinypool({ filename: workerModuleUrl(import.meta.url, './worker'), minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  }

  /** Runs [start, end) of a prepared sweep; `control.workers` is ignored (the pool's size counts). */
  run(prepared: PreparedSweep, start: number, end: number, control: Omit<PoolControl, 'workers'> = {}): Promise<PoolOutcome> {
    const blockSize = control.blockSize ?? defaultBlockSize(end - start, this.workers);
    return runBlocks(prepared, start, end, this.workers * 2, (task) => this.pool.run(task) as Promise<SweepData>, { ...control, blockSize });
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}

/**
 * Runs [start, end) of a prepared sweep in blocks handed to `runTask` (a worker pool's), at most
 * `lanes` blocks in flight, joined in run order; when `control.signal` aborts, no new block starts.
 */
export async function runBlocks(
  prepared: PreparedSweep,
  start: number,
  end: number,
  lanes: number,
  runTask: (task: BlockTask) => Promise<SweepData>,
  control: Omit<PoolControl, 'workers'> = {},
): Promise<PoolOutcome> {
  const blockSize = control.blockSize ?? defaultBlockSize(end - start, Math.max(1, Math.floor(lanes / 2)));
  const ranges: Array<{ start: number; end: number }> = [];
  for (let at = start; at < end; at += blockSize) ranges.push({ start: at, end: Math.min(end, at + blockSize) });
  const results: SweepData[] = [];
  let completedRuns = 0;
  let next = 0;
  const stopped = (): boolean => control.signal?.aborted === true;
  const lane = async (): Promise<void> => {
    while (next < ranges.length && !stopped()) {
      const index = next++;
      const range = ranges[index]!;
      results[index] = await runTask({ spec: prepared.spec, inputsHash: prepared.inputsHash, ...range });
      completedRuns += range.end - range.start;
      control.onProgress?.(completedRuns, end - start);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ranges.length, lanes) }, lane));
  // Blocks start in order and every started block finishes, so the finished ones are a prefix.
  const done = results.filter((block) => block !== undefined);
  return { data: done.length > 0 ? concatBlocks(done) : runBlock(prepared, start, start), stopped: done.length < ranges.length };
}

/** Runs [start, end) of a prepared sweep on a fresh pool of `control.workers` threads. */
export async function runOnWorkers(prepared: PreparedSweep, start: number, end: number, control: PoolControl): Promise<PoolOutcome> {
  const workers = new SweepWorkers(control.workers);
  try {
    return await workers.run(prepared, start, end, control);
  } finally {
    await workers.destroy();
  }
}
