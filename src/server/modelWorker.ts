/**
 * The server's model worker thread (tinypool, kept warm by modelWorkers.ts): every model run,
 * sweep block and sweep summary a request asks for is computed here, off the server's event loop.
 * The code is the library's own (`runModel`, `runBlock`, `summarizeSweep`), so a result is the one
 * the same call gives in-process; numbers cross the thread boundary by structured clone, bit for bit.
 */
import { prepareSweep, summarizeSweep, type CanonicalSweepSpec, type SweepData, type SweepResult } from '../analysis/sweep/index.js';
import type { MessagePort } from 'node:worker_threads';
import { isInputError, type Problem } from '../errors.js';
import type { Forecast } from '../models/model.js';
import { runModel, type RunRequest } from '../models/registry.js';
import runBlockTask, { type BlockTask } from '../node/sweep/worker.js';
import type { Scenario } from '../scenario/schema.js';

export type ModelTask =
  | { kind: 'warm' }
  | { kind: 'forecast'; model: string; scenario: Scenario; request: RunRequest }
  | ({ kind: 'sweep-block' } & BlockTask)
  | { kind: 'sweep-summary'; spec: CanonicalSweepSpec; data: SweepData };

export type ModelAnswer<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** What each task kind answers. */
export interface ModelTaskValues {
  /** Nothing: the thread has started and loaded the models. */
  warm: true;
  forecast: Forecast;
  'sweep-block': SweepData;
  /** The sweep's summary and its baseline: the model on the estimates as given, shocks applied. */
  'sweep-summary': { sweep: SweepResult; forecast: Forecast };
}

export default function runModelTask(task: ModelTask & { started?: MessagePort }): ModelAnswer<unknown> {
  // The request's deadline counts from here: time on a thread, not waiting for one or starting it.
  task.started?.postMessage(true);
  task.started?.close();
  try {
    return { ok: true, value: compute(task) };
  } catch (error) {
    // InputErrors cross the thread boundary as plain data: the API answers them with a 400.
    if (isInputError(error)) return { ok: false, problems: [...error.problems] };
    throw error;
  }
}

function compute(task: ModelTask): unknown {
  switch (task.kind) {
    case 'warm':
      return true;
    case 'forecast':
      return runModel(task.model, task.scenario, task.request);
    case 'sweep-block':
      return runBlockTask(task);
    case 'sweep-summary': {
      const prepared = prepareSweep(task.spec);
      const forecast = prepared.model.run(prepared.scenario, prepared.options);
      return { sweep: summarizeSweep(prepared, task.data), forecast };
    }
  }
}
