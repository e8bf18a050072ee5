/**
 * The server's warm pool of model worker threads (tinypool, `modelWorker.ts`): every model run,
 * sweep block and sweep summary a request asks for runs here, so no request holds the event loop and
 * `/api/health` keeps answering. One pool serves every request: it is created on the first run, keeps
 * all its threads warm between requests (issue 16 item 5: no thread start-up per request or sweep; a
 * sweep's blocks go to every thread, so an idle thread let go would be started again by the next
 * sweep), and is closed with the server.
 *
 * Each request has a deadline (`runTimeoutSeconds`, `sweepTimeoutSeconds` in runLimits.ts), counted
 * from when a thread starts its first task (waiting in the queue, or for a fresh thread to load, is
 * not the run's time): when it passes, the threads running its tasks are terminated (tinypool
 * replaces them), and the request answers 504. A thread that runs out of its memory (`workerMemoryMb`) is replaced the same way and
 * the request answers 503.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Tinypool } from 'tinypool';
import type { PreparedSweep, SweepData } from '../analysis/sweep/index.js';
import { InputError } from '../errors.js';
import type { RunRequest } from '../models/registry.js';
import { runBlocks } from '../node/sweep/pool.js';
import type { BlockTask } from '../node/sweep/worker.js';
import { workerModuleUrl } from '../node/workerModule.js';
import type { Scenario } from '../scenario/schema.js';
import { HttpError } from './http.js';
import type { ForecastText, ModelAnswer, ModelTask, ModelTaskValues, SweepText } from './modelWorker.js';
import { maxQueuedModelTasks, runTimeoutSeconds, sweepTimeoutSeconds, workerMemoryMb } from './runLimits.js';

export interface ModelWorkersOptions {
  /** Threads in the pool: 2, or 1 on a single core. */
  threads?: number;
  /** A forecast's deadline; `runTimeoutSeconds` by default. */
  runTimeoutMs?: number;
  /** A whole sweep's deadline; `sweepTimeoutSeconds` by default. */
  sweepTimeoutMs?: number;
}

export class ModelWorkers {
  private pool: Tinypool | undefined;
  readonly threads: number;
  readonly runTimeoutMs: number;
  readonly sweepTimeoutMs: number;

  constructor(options: ModelWorkersOptions = {}) {
    this.threads = options.threads ?? Math.max(1, Math.min(2, availableParallelism()));
    this.runTimeoutMs = options.runTimeoutMs ?? runTimeoutSeconds * 1000;
    this.sweepTimeoutMs = options.sweepTimeoutMs ?? sweepTimeoutSeconds * 1000;
  }

  /** `runModel(model, scenario, request)` on a worker thread, as the JSON text the store keeps. */
  forecast(model: string, scenario: Scenario, request: RunRequest): Promise<ForecastText> {
    return this.run({ kind: 'forecast', model, scenario, request }, new Deadline('run', this.runTimeoutMs));
  }

  /** The ledger entries sealing the scenario's answer (every model and the answer's sweeps: a sweep's deadline). */
  seal(scenario: Scenario, version: string): Promise<ModelTaskValues['seal']> {
    return this.run({ kind: 'seal', scenario, version }, new Deadline('sweep', this.sweepTimeoutMs));
  }

  /** Every run of a prepared sweep in blocks across the threads, then its summary and baseline. */
  async sweep(prepared: PreparedSweep): Promise<SweepText> {
    const deadline = new Deadline('sweep', this.sweepTimeoutMs);
    try {
      const lane = (block: BlockTask): Promise<SweepData> => this.run({ kind: 'sweep-block', ...block }, deadline);
      const { data } = await runBlocks(prepared, 0, prepared.spec.runs, Array.from({ length: this.threads * 2 }, () => lane));
      return await this.run({ kind: 'sweep-summary', spec: prepared.spec, data }, deadline);
    } finally {
      deadline.clear();
    }
  }

  /** Starts a thread and waits until it has loaded the models (no deadline: start-up is not a run's time). */
  async warm(): Promise<void> {
    await this.run({ kind: 'warm' }, new Deadline('run', 0));
  }

  /** The pool's threads (none before the first run): the same ones from one request to the next. */
  threadIds(): number[] {
    return this.pool?.threads.map((thread) => thread.threadId) ?? [];
  }

  /** Terminates the threads (running tasks fail); the next run starts a new pool. */
  async destroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private async run<K extends ModelTask['kind']>(task: Extract<ModelTask, { kind: K }>, deadline: Deadline): Promise<ModelTaskValues[K]> {
    this.pool ??= new Tinypool({
      filename: workerModuleUrl(import.meta.url, './modelWorker'),
      minThreads: this.threads,
      maxThreads: this.threads,
      maxQueue: maxQueuedModelTasks,
      resourceLimits: { maxOldGenerationSizeMb: workerMemoryMb },
    });
    const started = new MessageChannel();
    started.port1.once('message', () => deadline.start());
    started.port1.unref();
    let answer: ModelAnswer<unknown>;
    try {
      answer = (await this.pool.run({ ...task, started: started.port2 }, { signal: deadline.signal, transferList: [started.port2] })) as ModelAnswer<unknown>;
    } catch (error) {
      throw refusal(error, deadline);
    } finally {
      started.port1.close();
      if (task.kind !== 'sweep-block') deadline.clear();
    }
    if (!answer.ok) throw new InputError(answer.problems);
    return answer.value as ModelTaskValues[K];
  }
}

/**
 * One request's deadline: `timeoutMs` after its first task starts on a thread, the signal aborts
 * (tinypool then terminates the threads running the request's tasks). 0: no deadline.
 */
class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private cleared = false;

  constructor(
    readonly what: 'run' | 'sweep',
    readonly timeoutMs: number,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  start(): void {
    if (this.timer !== undefined || this.cleared || this.timeoutMs <= 0) return;
    this.timer = setTimeout(() => this.controller.abort(), this.timeoutMs);
  }

  clear(): void {
    this.cleared = true;
    clearTimeout(this.timer);
  }
}

/** What a request hears when its task did not finish: the deadline, the memory, or a full queue. */
function refusal(error: unknown, { what, timeoutMs }: Deadline): unknown {
  if (error instanceof Error && error.name === 'AbortError') {
    return new HttpError(504, `the ${what} took longer than the workbench allows (${timeoutMs / 1000} s) and was stopped: use the parley CLI for a ${what} this large, or fewer actors or rounds`);
  }
  if ((error as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new HttpError(503, `the ${what} needed more memory than the workbench gives one ${what} (${workerMemoryMb} MB) and was stopped: use the parley CLI for a ${what} this large`);
  }
  if (error instanceof Error && /queue is at limit/iu.test(error.message)) {
    return new HttpError(503, `the server is busy: ${maxQueuedModelTasks} model tasks are already waiting; try again in a moment`, undefined, { 'retry-after': '5' });
  }
  return error;
}
