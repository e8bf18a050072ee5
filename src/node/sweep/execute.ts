/**
 * Runs a range of a sweep's runs: in this thread with one worker (yielding between blocks so Ctrl-C
 * is heard), with K > 1 on this thread and K − 1 worker threads taking blocks from one queue. Either
 * way the data is bit-identical.
 *
 * With `control.auto`, `control.workers` is only the most it may use. A pilot runs the first runs in
 * this thread, in blocks of 1, 2, 4, … runs, until two blocks in a row take the same time per run
 * (the JIT has warmed up) or the range is done; its runs are part of the result. Then the thread
 * count is chosen by the model in workerChoice.ts: the pilot's warm CPU time per run and its warm-up
 * (the CPU time beyond its runs at the warm rate, which every fresh worker pays again), the start-up of a
 * worker thread (`threadStartSeconds`, measured by `npm run bench -- sweep-process`), and the cores
 * not busy: `os.availableParallelism()` less what other processes kept busy while the pilot ran (the
 * cores' idle time, `os.cpus()`, against the pilot's wall time and this process's own CPU time). The
 * 1-minute load average, the fallback for a pilot too short to measure, lags: right after other work
 * (a bench's previous process, a build) it still counts a core as busy that is idle now.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { concatBlocks, runBlock, type PreparedSweep, type SweepData } from '../../analysis/sweep/index.js';
import { defaultBlockSize, runBesideWorkers, type PoolControl, type PoolOutcome } from './pool.js';
import { chooseThreads, otherBusyCores, type SweepTimeEstimate } from './workerChoice.js';

/** Wall time to start one worker thread and load the models in it (bench `sweep-process`, last row: 0.22–0.25 s at load ≈ 2, 0.43 s at load ≈ 12). */
export const threadStartSeconds = 0.25;
/** A pilot block's time per run counts only when the block took this long (shorter is timer noise). */
const pilotMinBlockSeconds = 0.02;
/** The pilot is warm when two blocks in a row agree on the time per run within this ratio. */
const pilotSteadyRatio = 1.2;
/** The pilot stops after this long even if it is not steady (a noisy machine). */
const pilotMaxSeconds = 3;

export interface ExecuteControl extends PoolControl {
  /** Choose between this thread and up to `workers` threads by the model in workerChoice.ts. */
  auto?: boolean;
  /** The pilot's time limit (s), `pilotMaxSeconds` by default (tests: 0 makes the pilot one run). */
  pilotSeconds?: number;
  /** Replaces `chooseThreads` (tests: force a choice to prove it changes nothing but the speed). */
  choose?: (estimate: SweepTimeEstimate) => number;
}

export interface ExecuteOutcome extends PoolOutcome {
  /** The threads the runs after the pilot ran on (this one counts): `workers`, or the automatic choice. */
  threads: number;
  /** With `auto`: what the choice was made from (undefined when the pilot did every run). */
  estimate?: SweepTimeEstimate;
  /** With `auto`: the runs of the pilot. */
  pilotRuns?: number;
}

export async function executeRuns(prepared: PreparedSweep, start: number, end: number, control: ExecuteControl): Promise<ExecuteOutcome> {
  if (control.workers > 1 && control.auto) return executeAuto(prepared, start, end, control);
  return { ...(await runOnThreads(prepared, start, end, control.workers, control)), threads: control.workers };
}

async function executeAuto(prepared: PreparedSweep, start: number, end: number, control: ExecuteControl): Promise<ExecuteOutcome> {
  const pilot = await runPilot(prepared, start, end, control);
  const pilotRuns = pilot.data.end - start;
  if (pilot.data.end === end || control.signal?.aborted === true) return { data: pilot.data, stopped: pilot.data.end < end, threads: 1, pilotRuns };
  const estimate: SweepTimeEstimate = {
    remainingRuns: end - pilot.data.end,
    secondsPerRun: pilot.secondsPerRun,
    warmUpSeconds: pilot.warmUpSeconds,
    threadStartSeconds,
    cores: availableParallelism(),
    load: pilot.otherBusyCores ?? loadavg()[0] ?? 0,
    maxThreads: control.workers,
  };
  const threads = (control.choose ?? chooseThreads)(estimate);
  const progress = control.onProgress && ((done: number) => control.onProgress!(pilotRuns + done, end - start));
  const rest: PoolControl = { ...control, ...(progress ? { onProgress: progress } : {}) };
  const outcome = await runOnThreads(prepared, pilot.data.end, end, threads, rest);
  return { data: concatBlocks([pilot.data, outcome.data]), stopped: outcome.stopped, threads, estimate, pilotRuns };
}

interface Pilot {
  data: SweepData;
  /** The last block's CPU time per run (s). */
  secondsPerRun: number;
  /** The pilot's CPU time beyond its runs at `secondsPerRun` (s): the warm-up a fresh thread pays again. */
  warmUpSeconds: number;
  /** Cores other processes kept busy during the pilot; undefined when it was too short to tell. */
  otherBusyCores: number | undefined;
}

/** The pilot must last this long for its idle-time reading to count (the OS counts idle time in ticks of about 10 ms). */
const idleMeasureSeconds = 0.1;

/** Idle time of every core so far (s), or undefined where the OS reports none. */
function idleSeconds(): number | undefined {
  const list = cpus();
  return list.length === 0 ? undefined : list.reduce((sum, cpu) => sum + cpu.times.idle, 0) / 1000;
}

/** This process's CPU time so far (s): during the pilot, this thread's runs and V8's compiler threads. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * The first runs in blocks of 1, 2, 4, … until two blocks in a row agree on the time per run (module
 * comment). Timed in CPU time, not wall time: other processes preempting this one on a shared machine
 * would make wall times disagree, or agree by chance while the JIT is still warming up.
 */
async function runPilot(prepared: PreparedSweep, start: number, end: number, control: ExecuteControl): Promise<Pilot> {
  const began = performance.now();
  const cpuBegan = cpuSeconds();
  const idleBegan = idleSeconds();
  const blocks: SweepData[] = [];
  let at = start;
  let secondsPerRun = 0;
  let previous: number | undefined;
  for (let size = 1; at < end && control.signal?.aborted !== true; size *= 2) {
    const blockEnd = Math.min(end, at + size);
    const blockBegan = cpuSeconds();
    blocks.push(runBlock(prepared, at, blockEnd));
    const seconds = cpuSeconds() - blockBegan;
    secondsPerRun = seconds / (blockEnd - at);
    at = blockEnd;
    control.onProgress?.(at - start, end - start);
    const steady = previous !== undefined && seconds >= pilotMinBlockSeconds && Math.max(previous, secondsPerRun) <= pilotSteadyRatio * Math.min(previous, secondsPerRun);
    const elapsed = (performance.now() - began) / 1000;
    // Steady, and long enough to read the other processes' use of the cores (idleMeasureSeconds).
    if ((steady && elapsed >= Math.min(idleMeasureSeconds, control.pilotSeconds ?? pilotMaxSeconds)) || elapsed >= (control.pilotSeconds ?? pilotMaxSeconds)) break;
    previous = seconds >= pilotMinBlockSeconds ? secondsPerRun : undefined;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const data = blocks.length > 0 ? concatBlocks(blocks) : runBlock(prepared, start, start);
  const wall = (performance.now() - began) / 1000;
  const ownCpu = cpuSeconds() - cpuBegan;
  const idleNow = idleSeconds();
  const measured = idleBegan !== undefined && idleNow !== undefined && wall >= idleMeasureSeconds;
  return {
    data,
    secondsPerRun,
    warmUpSeconds: Math.max(0, ownCpu - (at - start) * secondsPerRun),
    otherBusyCores: measured ? otherBusyCores(availableParallelism(), idleNow - idleBegan, ownCpu, wall) : undefined,
  };
}

/** [start, end) on `threads` threads: this one alone, or beside `threads` − 1 workers. */
function runOnThreads(prepared: PreparedSweep, start: number, end: number, threads: number, control: PoolControl): Promise<PoolOutcome> {
  return threads > 1 ? runBesideWorkers(prepared, start, end, { ...control, workers: threads }) : runInThread(prepared, start, end, control);
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
