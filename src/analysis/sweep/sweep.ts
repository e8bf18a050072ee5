/**
 * The library's sweep: prepare, run every block in this thread, summarise. The CLI runs the same
 * blocks on worker threads and the workbench on Web Workers; since run k depends only on the inputs
 * and k, all three give bit-identical results.
 */
import type { SweepData } from './run.js';
import { concatBlocks, runBlock } from './run.js';
import { summarizeSweep, type SweepResult } from './result.js';
import { prepareSweep, type PreparedSweep, type SweepSpec } from './spec.js';

export interface SweepControl {
  /** Runs per block: progress is reported and `shouldStop` asked between blocks. */
  blockSize?: number;
  onProgress?: (completedRuns: number, totalRuns: number) => void;
  /** When it returns true, the sweep stops after the current block and summarises what was done. */
  shouldStop?: () => boolean;
}

export function runSweep(spec: SweepSpec, control: SweepControl = {}): SweepResult {
  const prepared = prepareSweep(spec);
  return summarizeSweep(prepared, runRange(prepared, 0, prepared.spec.runs, control));
}

/** Runs [start, end) block by block in this thread; stops early (at a block boundary) when asked. */
export function runRange(prepared: PreparedSweep, start: number, end: number, control: SweepControl = {}): SweepData {
  const blockSize = Math.max(1, control.blockSize ?? 1000);
  const blocks: SweepData[] = [];
  for (let at = start; at < end; at += blockSize) {
    if (control.shouldStop?.()) break;
    blocks.push(runBlock(prepared, at, Math.min(end, at + blockSize)));
    control.onProgress?.(Math.min(end, at + blockSize) - start, end - start);
  }
  return blocks.length > 0 ? concatBlocks(blocks) : runBlock(prepared, start, start);
}
