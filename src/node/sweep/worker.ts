/**
 * A sweep worker thread (tinypool): runs a block of runs of a sweep and returns its raw data. The
 * prepared sweep is cached by its inputs fingerprint, so a worker prepares each sweep once.
 */
import { prepareSweep, runBlock, type CanonicalSweepSpec, type PreparedSweep, type SweepData } from '../../analysis/sweep/index.js';

export interface BlockTask {
  spec: CanonicalSweepSpec;
  inputsHash: string;
  start: number;
  end: number;
}

const prepared = new Map<string, PreparedSweep>();

export default function runBlockTask(task: BlockTask): SweepData {
  let sweep = prepared.get(task.inputsHash);
  if (!sweep) {
    sweep = prepareSweep(task.spec);
    if (sweep.inputsHash !== task.inputsHash) throw new Error(`worker prepared sweep ${sweep.inputsHash}, expected ${task.inputsHash}`);
    prepared.clear();
    prepared.set(task.inputsHash, sweep);
  }
  return runBlock(sweep, task.start, task.end);
}
