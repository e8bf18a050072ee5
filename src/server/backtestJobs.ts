/**
 * The workbench's DEU III backtests: each set of options runs once, on a worker thread (tinypool),
 * and its result stays in memory for the server's lifetime, so asking again answers at once. A run
 * takes seconds (every model on up to 351 issues, then the bootstrap), so an answer is either the
 * finished result or the running job's progress; the page asks again until it is done. At most
 * `maxBacktestJobs` (runLimits.ts) are queued or running at once: a new one beyond is a 429.
 */
import { MessageChannel } from 'node:worker_threads';
import { Tinypool } from 'tinypool';
import type { BacktestResult } from '../analysis/backtest/backtest.js';
import type { CapabilityRule } from '../analysis/backtest/capability.js';
import { workerModuleUrl } from '../node/workerModule.js';
import { InputError } from '../errors.js';
import { HttpError } from './http.js';
import { maxBacktestJobs } from './runLimits.js';
import type { BacktestAnswer, BacktestProgress, BacktestTask } from './backtestWorker.js';

/** A backtest's options, validated and with every default filled in: equal options, equal results. */
export interface BacktestRequest {
  dataset: 'deu3';
  capability: CapabilityRule;
  subset: string;
  /** `model:preset` of each scored run, or `all` (every registered model and preset). */
  models: string[] | 'all';
  replicates: number;
  seed: number;
  folds: number;
}

export type BacktestState =
  | { status: 'running'; request: BacktestRequest; elapsedMs: number; progress?: BacktestProgress }
  | { status: 'done'; request: BacktestRequest; milliseconds: number; result: BacktestResult };

interface Job {
  request: BacktestRequest;
  startedAt: number;
  progress?: BacktestProgress;
  finished?: { milliseconds: number; result: BacktestResult };
  failed?: InputError;
  crashed?: Error;
}

/** Finished results kept; beyond this the oldest finished one is forgotten. */
const keptResults = 24;

export class BacktestJobs {
  private readonly jobs = new Map<string, Job>();
  private pool: Tinypool | undefined;

  constructor(
    private readonly now: () => number = () => Date.now(),
    /** Backtests queued or running at once; a new one beyond is refused (429). */
    private readonly maxJobs: number = maxBacktestJobs,
  ) {}

  /**
   * The state of the backtest with these options, starting it when it is neither running nor done;
   * a 429 when it is new and `maxJobs` others are queued or running.
   */
  state(request: BacktestRequest): BacktestState {
    const key = requestKey(request);
    let job = this.jobs.get(key);
    if (!job) {
      const active = [...this.jobs.values()].filter((candidate) => !candidate.finished && !candidate.failed && !candidate.crashed).length;
      if (active >= this.maxJobs) {
        throw new HttpError(
          429,
          `${active} backtests are already queued or running, the most this server takes at once: ask again when one has finished (asking with the options of one of them shows its progress)`,
          undefined,
          { 'retry-after': '10' },
        );
      }
      job = { request, startedAt: this.now() };
      this.jobs.set(key, job);
      this.start(job);
      this.forgetOldResults();
    }
    if (job.failed) throw job.failed;
    if (job.crashed) {
      // Reported once (the server logs it); asking again retries.
      this.jobs.delete(key);
      throw job.crashed;
    }
    if (job.finished) return { status: 'done', request: job.request, ...job.finished };
    const state: BacktestState = { status: 'running', request: job.request, elapsedMs: this.now() - job.startedAt };
    if (job.progress) state.progress = job.progress;
    return state;
  }

  /** Waits for the backtest with these options (tests and scripts; the page polls instead). */
  async wait(request: BacktestRequest, pollMs = 50): Promise<Extract<BacktestState, { status: 'done' }>> {
    for (;;) {
      const state = this.state(request);
      if (state.status === 'done') return state;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async destroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private start(job: Job): void {
    // One thread: a backtest already keeps a core busy, and the server must stay responsive.
    this.pool ??= new Tinypool({ filename: workerModuleUrl(import.meta.url, './backtestWorker'), minThreads: 0, maxThreads: 1, idleTimeout: 60_000 });
    const channel = new MessageChannel();
    channel.port1.on('message', (progress: BacktestProgress) => (job.progress = progress));
    channel.port1.unref();
    const { request } = job;
    const settings: BacktestTask['settings'] = { replicates: request.replicates, seed: request.seed, folds: request.folds };
    if (request.models !== 'all') settings.runs = request.models.map(modelRun);
    const task: BacktestTask = { dataset: request.dataset, capability: request.capability, subset: request.subset, settings, progress: channel.port2 };
    (this.pool.run(task, { transferList: [channel.port2] }) as Promise<BacktestAnswer>)
      .then((answer) => {
        if (answer.ok) job.finished = { milliseconds: this.now() - job.startedAt, result: answer.result };
        else job.failed = new InputError(answer.problems);
      })
      .catch((error: unknown) => {
        job.crashed = new Error(`the backtest failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      })
      .finally(() => channel.port1.close());
  }

  private forgetOldResults(): void {
    const finished = [...this.jobs.entries()].filter(([, candidate]) => candidate.finished || candidate.failed);
    for (const [finishedKey] of finished.slice(0, Math.max(0, finished.length - keptResults))) this.jobs.delete(finishedKey);
  }
}

function requestKey(request: BacktestRequest): string {
  return JSON.stringify(request);
}

function modelRun(id: string): { model: string; preset: string } {
  const [model, preset] = id.split(':') as [string, string];
  return { model, preset };
}
