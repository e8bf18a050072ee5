/** The page's side of the models' Web Worker: one request at a time, answered as a promise. */
import type { DealOptions } from '../../src/analysis/deal/analyse.js';
import type { DealResult } from '../../src/analysis/deal/types.js';
import { reviveDyads } from '../../src/models/dyadTable.js';
import type { Forecast } from '../../src/models/model.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { Job, JobResult } from './jobs/jobs.js';
import type { ModelRequest, WorkerRequest, WorkerResponse } from './worker.js';
import { WorkerReplies } from './workerReplies.js';

export type { ModelRequest };

let worker: Worker | undefined;
let nextId = 1;
const replies = new WorkerReplies<Extract<WorkerResponse, { ok: true }>>();

export interface RunResult {
  forecasts: Forecast[];
  milliseconds: number;
}

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = replies.receive;
  return worker;
}

function post(request: WorkerRequest): Promise<Extract<WorkerResponse, { ok: true }>> {
  const reply = replies.expect(request.id);
  getWorker().postMessage(request);
  return reply;
}

export async function runInWorker(scenario: Scenario, runs: ModelRequest[]): Promise<RunResult> {
  const answer = await post({ id: nextId++, scenario, runs });
  // The message's dyad tables arrive without their prototype (structured clone): restored for the readers.
  return 'forecasts' in answer ? { forecasts: answer.forecasts.map((forecast) => reviveDyads(forecast)), milliseconds: answer.milliseconds } : { forecasts: [], milliseconds: answer.milliseconds };
}

/** Runs an analysis job (the answer, advice, a draft) in the worker. */
export async function runJobInWorker<J extends Job>(job: J): Promise<{ result: JobResult<J>; milliseconds: number }> {
  const answer = await post({ id: nextId++, job });
  if (!('result' in answer)) throw new Error('the worker answered a job with forecasts');
  return { result: answer.result as JobResult<J>, milliseconds: answer.milliseconds };
}

/** The deal analysis (`parley deal`, src/analysis/deal) of a validated scenario, in the Web Worker. */
export async function dealInWorker(scenario: Scenario, options: DealOptions = {}): Promise<{ deal: DealResult; milliseconds: number }> {
  const { result, milliseconds } = await runJobInWorker({ kind: 'deal', scenario, options });
  return { deal: result, milliseconds };
}
