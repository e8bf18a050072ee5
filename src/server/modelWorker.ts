/**
 * The server's model worker thread (tinypool, kept warm by modelWorkers.ts): every model run,
 * sweep block and sweep summary a request asks for is computed here, off the server's event loop.
 * The code is the library's own (`runModel`, `runBlock`, `summarizeSweep`), so a result is the one
 * the same call gives in-process. A forecast or a sweep comes back as the JSON text the store keeps
 * (with its digest), serialized here: a 30 MB forecast with its dyads costs the event loop a string
 * copy, not seconds of structured cloning and JSON. Sweep blocks (typed arrays) cross as they are.
 */
import { prepareSweep, summarizeSweep, type CanonicalSweepSpec, type SweepData } from '../analysis/sweep/index.js';
import type { MessagePort } from 'node:worker_threads';
import { isInputError, type Problem } from '../errors.js';
import type { Forecast } from '../models/model.js';
import { runModel, type RunRequest } from '../models/registry.js';
import { entriesToSeal, type EntryToSeal } from '../node/ledgerSeal.js';
import runBlockTask, { type BlockTask } from '../node/sweep/worker.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunDigest } from '../store/records.js';
import { runDigest } from '../store/runs.js';

export type ModelTask =
  | { kind: 'warm' }
  | { kind: 'forecast'; model: string; scenario: Scenario; request: RunRequest }
  | ({ kind: 'sweep-block' } & BlockTask)
  | { kind: 'sweep-summary'; spec: CanonicalSweepSpec; data: SweepData }
  | { kind: 'seal'; scenario: Scenario; version: string };

export type ModelAnswer<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** A forecast as the store keeps it: `JSON.stringify(forecast)`, its digest, and what it ran with. */
export interface ForecastText {
  forecastJson: string;
  digest: RunDigest;
  preset?: string;
  options: Record<string, unknown>;
}

/** A sweep as the store keeps it: its baseline forecast (the model on the estimates as given, shocks applied, with the preset), its result, their digest. */
export interface SweepText {
  forecastJson: string;
  sweepJson: string;
  digest: RunDigest;
}

/** What each task kind answers. */
export interface ModelTaskValues {
  /** Nothing: the thread has started and loaded the models. */
  warm: true;
  forecast: ForecastText;
  'sweep-block': SweepData;
  'sweep-summary': SweepText;
  /** The ledger entries that seal the scenario's answer (every model, then the answer: ledgerApi.ts). */
  seal: EntryToSeal[];
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
      return forecastText(runModel(task.model, task.scenario, task.request));
    case 'sweep-block':
      return runBlockTask(task);
    case 'seal':
      return entriesToSeal(task.scenario, task.version);
    case 'sweep-summary': {
      const prepared = prepareSweep(task.spec);
      const forecast: Forecast = { ...prepared.model.run(prepared.scenario, prepared.options), preset: prepared.spec.preset };
      const sweep = summarizeSweep(prepared, task.data);
      return { forecastJson: JSON.stringify(forecast), sweepJson: JSON.stringify(sweep), digest: runDigest(forecast, sweep) } satisfies SweepText;
    }
  }
}

function forecastText(forecast: Forecast): ForecastText {
  const text: ForecastText = { forecastJson: JSON.stringify(forecast), digest: runDigest(forecast, undefined), options: forecast.options };
  if (forecast.preset !== undefined) text.preset = forecast.preset;
  return text;
}
