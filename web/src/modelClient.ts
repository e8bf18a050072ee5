/** The page's side of the models' Web Worker: one request at a time, answered as a promise. */
import type { DealOptions } from '../../src/analysis/deal/analyse.js';
import type { DealResult } from '../../src/analysis/deal/types.js';
import type { Forecast } from '../../src/models/model.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { ModelRequest, WorkerRequest, WorkerResponse } from './worker.js';

export type { ModelRequest };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (value: RunResult) => void; reject: (error: Error) => void }>();

export interface RunResult {
  forecasts: Forecast[];
  milliseconds: number;
  /** The deal analysis, when it was asked for (`dealInWorker`). */
  deal?: DealResult;
}

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (answer.ok) waiting.resolve({ forecasts: answer.forecasts, milliseconds: answer.milliseconds, ...(answer.deal ? { deal: answer.deal } : {}) });
    else waiting.reject(new Error([answer.message, ...answer.problems.map((problem) => problem.message)].filter(Boolean).join('\n')));
  };
  return worker;
}

export function runInWorker(scenario: Scenario, runs: ModelRequest[], deal?: DealOptions): Promise<RunResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: WorkerRequest = { id, scenario, runs, ...(deal ? { deal } : {}) };
    getWorker().postMessage(request);
  });
}

/** The deal analysis (`parley deal`, src/analysis/deal) of a validated scenario, in the Web Worker. */
export async function dealInWorker(scenario: Scenario, options: DealOptions = {}): Promise<{ deal: DealResult; milliseconds: number }> {
  const result = await runInWorker(scenario, [], options);
  if (!result.deal) throw new Error('the worker gave no deal analysis');
  return { deal: result.deal, milliseconds: result.milliseconds };
}
