/**
 * The running half of `parley sweep` (loaded only when a sweep runs, so `parley --help` stays fast):
 * executes the runs with a progress bar, stops cleanly on Ctrl-C, and writes the result or the part.
 */
import { makePart, shardRange, summarizeSweep, type PreparedSweep, type Shard } from '../../analysis/sweep/index.js';
import { ExitCode } from '../command.js';
import { emitResult } from '../files.js';
import type { CliIo } from '../io.js';
import { executeRuns, type ExecuteOutcome } from '../../node/sweep/execute.js';
import { expectedWallSeconds, usableCores } from '../../node/sweep/workerChoice.js';
import { startProgress } from './progress.js';
import { sweepCsv, sweepJson, sweepReport } from './report.js';

/** The exit code of a sweep stopped by Ctrl-C (the shell's code for SIGINT). */
export const interruptedExitCode = 130;

export type SweepFormat = 'report' | 'json' | 'csv';

export interface SweepRunRequest {
  /** Threads, the main one included; with `auto` the most, a timed pilot and a model choose (execute.ts). */
  workers: number;
  auto?: boolean;
  /** Say on stderr how many threads ran the sweep, and with `auto` why (`--show-workers`). */
  showWorkers?: boolean;
  shard: Shard | undefined;
  format: SweepFormat;
  out: string | undefined;
}

export async function runSweepCommand(prepared: PreparedSweep, request: SweepRunRequest, io: CliIo): Promise<number> {
  const range = request.shard ? shardRange(request.shard, prepared.spec.runs) : { start: 0, end: prepared.spec.runs };
  const total = range.end - range.start;
  const progress = await startProgress(io, total, request.format !== 'json');
  let outcome;
  try {
    outcome = await executeRuns(prepared, range.start, range.end, { workers: request.workers, auto: request.auto === true, signal: io.signal, onProgress: (done) => progress.update(done, total) });
  } finally {
    progress.stop();
  }
  if (request.showWorkers === true) io.stderr.write(`${workersNote(outcome, request.auto === true)}\n`);
  const done = outcome.data.end - outcome.data.start;
  if (request.shard) {
    if (outcome.stopped) {
      io.stderr.write(`interrupted: ${done} of ${total} runs of shard ${request.shard.index}/${request.shard.count} done; no part written (a part must be complete)\n`);
      return interruptedExitCode;
    }
    await emitResult(`${JSON.stringify(makePart(prepared, request.shard, outcome.data))}\n`, request.out, io);
    if (request.out !== undefined) io.stderr.write(`wrote shard ${request.shard.index}/${request.shard.count} (runs ${range.start}–${range.end - 1}) to ${request.out}\n`);
    return ExitCode.ok;
  }
  if (outcome.stopped && done === 0) {
    io.stderr.write(`interrupted before any run finished: nothing to report\n`);
    return interruptedExitCode;
  }
  const result = summarizeSweep(prepared, outcome.data);
  const text = request.format === 'json' ? sweepJson(result) : request.format === 'csv' ? sweepCsv(result) : sweepReport(result, prepared.scenario);
  await emitResult(text, request.out, io);
  if (outcome.stopped) {
    io.stderr.write(`interrupted: ${done} of ${total} runs done; the result above covers runs 0–${done - 1}\n`);
    return interruptedExitCode;
  }
  return ExitCode.ok;
}

/** The `--show-workers` line: the threads that ran the runs (this one counts) and, when chosen, why. */
export function workersNote(outcome: ExecuteOutcome, auto: boolean): string {
  const seconds = (value: number): string => `${value.toFixed(2)} s`;
  if (!auto) return `workers: ${outcome.threads} (--workers)`;
  const pilot = `pilot of ${(outcome.pilotRuns ?? 0).toLocaleString('en')} runs in this thread`;
  const estimate = outcome.estimate;
  if (estimate === undefined) return `workers: 1 (automatic: the ${pilot} did them all)`;
  const expected = Array.from({ length: estimate.maxThreads }, (_, index) => `${index + 1}: ${seconds(expectedWallSeconds(index + 1, estimate))}`);
  return (
    `workers: ${outcome.threads} (automatic: ${pilot}, ${(estimate.secondsPerRun * 1000).toFixed(3)} ms a warm run, warm-up ${seconds(estimate.warmUpSeconds)}; ` +
    `${estimate.cores} cores, ${estimate.load.toFixed(2)} busy with other work, ${usableCores(estimate.cores, estimate.load).toFixed(2)} usable; ` +
    `expected for the other ${estimate.remainingRuns.toLocaleString('en')} runs on k threads: ${expected.join(', ')})`
  );
}
