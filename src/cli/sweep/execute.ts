/**
 * Runs a range of a sweep's runs: in this thread with one worker (yielding between blocks so Ctrl-C
 * is heard), on a tinypool of worker threads with more. Either way the data is bit-identical.
 *
 * With `control.auto`, `control.workers` is only the most it may use: a short pilot (the first runs,
 * about 50 ms of them) is timed in this thread and the pool is started only when the time the workers
 * would save on the remaining runs, remaining · t_run · (1 − 1/k), exceeds what starting them costs
 * (`workerStartSeconds`, the break-even measured by `npm run bench -- sweep`). The pilot's runs are
 * part of the result, so the choice changes nothing but the speed.
 */
import { performance } from 'node:perf_hooks';
import { concatBlocks, runBlock, type PreparedSweep, type SweepData } from '../../analysis/sweep/index.js';
import { defaultBlockSize, runOnWorkers, type PoolControl, type PoolOutcome } from './pool.js';

/** Wall time to start a pool of worker threads and load the models in them (bench: 0.3–0.45 s on 2 cores). */
export const workerStartSeconds = 0.35;
/** The pilot stops after this much time or `pilotMaxRuns` runs, whichever comes first. */
const pilotSeconds = 0.05;
const pilotMaxRuns = 256;

export interface ExecuteControl extends PoolControl {
  /** Choose between this thread and `workers` threads by the measured break-even (module comment). */
  auto?: boolean;
}

export async function executeRuns(prepared: PreparedSweep, start: number, end: number, control: ExecuteControl): Promise<PoolOutcome> {
  if (control.workers > 1 && control.auto) return executeAuto(prepared, start, end, control);
  if (control.workers > 1) return runOnWorkers(prepared, start, end, control);
  return runInThread(prepared, start, end, control);
}

async function executeAuto(prepared: PreparedSweep, start: number, end: number, control: ExecuteControl): Promise<PoolOutcome> {
  const pilot = runPilot(prepared, start, end);
  control.onProgress?.(pilot.data.end - start, end - start);
  const remaining = end - pilot.data.end;
  const saving = remaining * pilot.secondsPerRun * (1 - 1 / control.workers);
  if (remaining === 0 || control.signal?.aborted === true) return { data: pilot.data, stopped: pilot.data.end < end };
  const progress = control.onProgress && ((done: number) => control.onProgress!(pilot.data.end - start + done, end - start));
  const rest = { ...control, ...(progress ? { onProgress: progress } : {}) };
  const outcome = saving > workerStartSeconds ? await runOnWorkers(prepared, pilot.data.end, end, rest) : await runInThread(prepared, pilot.data.end, end, rest);
  return { data: concatBlocks([pilot.data, outcome.data]), stopped: outcome.stopped };
}

/** The first runs, one at a time, until about `pilotSeconds` have passed; and the time per run. */
function runPilot(prepared: PreparedSweep, start: number, end: number): { data: SweepData; secondsPerRun: number } {
  const began = performance.now();
  const blocks: SweepData[] = [];
  let at = start;
  while (at < end && at - start < pilotMaxRuns && (performance.now() - began) / 1000 < pilotSeconds) {
    blocks.push(runBlock(prepared, at, at + 1));
    at++;
  }
  return { data: concatBlocks(blocks), secondsPerRun: (performance.now() - began) / 1000 / (at - start) };
}

async function runInThread(prepared: PreparedSweep, start: number, end: number, control: PoolControl): Promise<PoolOutcome> {
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
