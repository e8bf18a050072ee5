/** The page's side of the models' Web Worker: one request at a time, answered as a promise. */
import type { Forecast } from '../../src/models/model.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { ModelRequest, WorkerRequest, WorkerResponse } from './worker.js';
import { reviveDyads } from '../../src/models/dyadTable.js';

export type { ModelRequest };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (value: RunResult) => void; reject: (error: Error) => void }>();

export interface RunResult {
  forecasts: Forecast[];
  milliseconds: number;
}

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    // The message's dyad tables arrive without their prototype (structured clone): restored for the readers.
    if (answer.ok) waiting.resolve({ forecasts: answer.forecasts.map((forecast) => reviveDyads(forecast)), milliseconds: answer.milliseconds });
    else waiting.reject(new Error([answer.message, ...answer.problems.map((problem) => problem.message)].filter(Boolean).join('\n')));
  };
  return worker;
}

export function runInWorker(scenario: Scenario, runs: ModelRequest[]): Promise<RunResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: WorkerRequest = { id, scenario, runs };
    getWorker().postMessage(request);
  });
}
