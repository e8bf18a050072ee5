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

/** Runs one block of a sweep somewhere (a worker thread, or this thread) and gives its data. */
export type BlockRunner = (task: BlockTask) => Promise<SweepData>;

/**
 * A pool of worker threads that runs sweeps; reuse it across sweeps to keep the threads warm. Each
 * thread is handed two blocks at a time, so it never waits for this thread to send the next one.
 */
export class SweepWorkers {
  private readonly pool: Tinypool;

  constructor(readonly workers: number) {
    this.pool = new Tinypool({ filename: workerModuleUrl(import.meta.url, './worker'), minThreads: workers, maxThreads: workers, idleTimeout: 1000, concurrentTasksPerWorker: 2 });
  }

  /** One lane per block in flight: two per thread. */
  lanes(): BlockRunner[] {
    return Array.from({ length: this.workers * 2 }, () => (task: BlockTask) => this.pool.run(task) as Promise<SweepData>);
  }

  /** Runs [start, end) of a prepared sweep; `control.workers` is ignored (the pool's size counts). */
  run(prepared: PreparedSweep, start: number, end: number, control: Omit<PoolControl, 'workers'> = {}): Promise<PoolOutcome> {
    const blockSize = control.blockSize ?? defaultBlockSize(end - start, this.workers);
    return runBlocks(prepared, start, end, this.lanes(), { ...control, blockSize });
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}

/**
 * Runs [start, end) of a prepared sweep in blocks taken in order from one queue by the `lanes` (a
 * worker pool's, this thread's), one block in flight per lane, joined in run order; when
 * `control.signal` aborts, no new block starts.
 */
export async function runBlocks(prepared: PreparedSweep, start: number, end: number, lanes: readonly BlockRunner[], control: Omit<PoolControl, 'workers'> = {}): Promise<PoolOutcome> {
  const blockSize = control.blockSize ?? defaultBlockSize(end - start, Math.max(1, Math.floor(lanes.length / 2)));
  const ranges: Array<{ start: number; end: number }> = [];
  for (let at = start; at < end; at += blockSize) ranges.push({ start: at, end: Math.min(end, at + blockSize) });
  const results: SweepData[] = [];
  let completedRuns = 0;
  let next = 0;
  const stopped = (): boolean => control.signal?.aborted === true;
  const lane = async (runTask: BlockRunner): Promise<void> => {
    while (next < ranges.length && !stopped()) {
      const index = next++;
      const range = ranges[index]!;
      results[index] = await runTask({ spec: prepared.spec, inputsHash: prepared.inputsHash, ...range });
      completedRuns += range.end - range.start;
      control.onProgress?.(completedRuns, end - start);
    }
  };
  await Promise.all(lanes.slice(0, ranges.length).map(lane));
  // Blocks start in order and every started block finishes, so the finished ones are a prefix.
  const done = results.filter((block) => block !== undefined);
  return { data: done.length > 0 ? concatBlocks(done) : runBlock(prepared, start, start), stopped: done.length < ranges.length };
}

/**
 * Runs [start, end) of a prepared sweep on `control.workers` threads: this one and a fresh pool of
 * `control.workers` − 1 worker threads, all taking blocks from one queue. This thread starts at once
 * (after a pilot, already warm), so the workers' start-up overlaps with runs (the model in
 * workerChoice.ts).
 */
export async function runBesideWorkers(prepared: PreparedSweep, start: number, end: number, control: PoolControl): Promise<PoolOutcome> {
  const workers = new SweepWorkers(control.workers - 1);
  const here: BlockRunner = async (task) => {
    // Let the workers' replies and Ctrl-C in before this thread computes a block.
    await new Promise((resolve) => setImmediate(resolve));
    return runBlock(prepared, task.start, task.end);
  };
  try {
    const blockSize = control.blockSize ?? defaultBlockSize(end - start, control.workers);
    return await runBlocks(prepared, start, end, [here, ...workers.lanes()], { ...control, blockSize });
  } finally {
    await workers.destroy();
  }
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
