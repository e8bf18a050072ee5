/**
 * The page's side of a sweep: splits runs 0 … N−1 into blocks of consecutive run indices, hands them
 * to K Web Workers as each becomes free, joins the blocks in run order (`concatBlocks`) and has one
 * worker summarise them (`summarizeSweep`). Same numbers as the CLI and the library for any K.
 */
import { concatBlocks, type SweepData, type SweepResult, type SweepSpec } from '../../../src/analysis/sweep/index.js';
import { WorkerReplies } from '../workerReplies.js';
import type { SweepWorkerRequest, SweepWorkerResponse } from './sweepWorker.js';

type Answer = Extract<SweepWorkerResponse, { ok: true }>;
/** A request before it is numbered (distributed over the union's members). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

let workers: Worker[] = [];
let nextId = 1;
let nextSweep = 1;
const replies = new WorkerReplies<Answer>();

function pool(size: number): Worker[] {
  if (workers.length === size) return workers;
  for (const worker of workers) worker.terminate();
  workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./sweepWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = replies.receive;
    return worker;
  });
  return workers;
}

function ask(worker: Worker, request: Unnumbered<SweepWorkerRequest>, transfer: Transferable[] = []): Promise<Answer> {
  const id = nextId++;
  const reply = replies.expect(id);
  worker.postMessage({ ...request, id } as SweepWorkerRequest, transfer);
  return reply;
}

/** Runs per block: about eight blocks per worker (for even load and smooth progress), at most 2,000. */
export function blockSize(runs: number, workerCount: number): number {
  return Math.max(1, Math.min(2000, Math.ceil(runs / (workerCount * 8))));
}

export interface SweepOutcome {
  result: SweepResult;
  milliseconds: number;
  workers: number;
}

export async function sweepInWorkers(spec: SweepSpec, workerCount: number, onProgress: (done: number, total: number) => void): Promise<SweepOutcome> {
  const started = performance.now();
  const team = pool(workerCount);
  const sweep = nextSweep++;
  const size = blockSize(spec.runs, team.length);
  const ranges: { start: number; end: number }[] = [];
  for (let start = 0; start < spec.runs; start += size) ranges.push({ start, end: Math.min(spec.runs, start + size) });
  const blocks: SweepData[] = [];
  let next = 0;
  let done = 0;
  const lane = async (worker: Worker): Promise<void> => {
    while (next < ranges.length) {
      const range = ranges[next++]!;
      const answer = await ask(worker, { kind: 'block', sweep, spec, ...range });
      if (!('data' in answer)) throw new Error('a sweep worker answered a block without data');
      blocks.push(answer.data);
      done += range.end - range.start;
      onProgress(done, spec.runs);
    }
  };
  await Promise.all(team.map(lane));
  const data = concatBlocks(blocks);
  const summary = await ask(team[0]!, { kind: 'summarize', sweep, spec, data }, [data.outcomes.buffer, data.moved.buffer, data.inputClasses.buffer]);
  if (!('result' in summary)) throw new Error('a sweep worker answered a summary without a result');
  return { result: summary.result, milliseconds: performance.now() - started, workers: team.length };
}
