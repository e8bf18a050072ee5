/**
 * Runs a range of a sweep's runs: in this thread with one worker (yielding between blocks so Ctrl-C
 * is heard), on a tinypool of worker threads with more. Either way the data is bit-identical.
 */
import { concatBlocks, runBlock, type PreparedSweep, type SweepData } from '../../analysis/sweep/index.js';
import { defaultBlockSize, runOnWorkers, type PoolControl, type PoolOutcome } from './pool.js';

export async function executeRuns(prepared: PreparedSweep, start: number, end: number, control: PoolControl): Promise<PoolOutcome> {
  if (control.workers > 1) return runOnWorkers(prepared, start, end, control);
  const blockSize = control.blockSize ?? defaultBlockSize(end - start, 1);
  const blocks: SweepData[] = [];
  for (let at = start; at < end && control.signal?.aborted !== true; at += blockSize) {
    blocks.push(runBlock(prepared, at, Math.min(end, at + blockSize)));
    control.onProgress?.(Math.min(end, at + blockSize) - start, end - start);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const data = blocks.length > 0 ? concatBlocks(blocks) : runBlock(prepared, start, start);
  return { data, stopped: data.end < end };
}
