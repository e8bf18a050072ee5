/**
 * A sweep's Web Worker: runs blocks of a sweep's runs (`runBlock`, the same pure code as the CLI's
 * worker threads) and, for one of the workers, summarises the joined data. Run k depends only on the
 * sweep's inputs and k, so however the page splits the runs, the result is bit-identical to the
 * library's single-thread `runSweep`.
 */
import { isInputError, type Problem } from '../../../src/errors.js';
import { prepareSweep, runBlock, summarizeSweep, type PreparedSweep, type SweepData, type SweepResult, type SweepSpec } from '../../../src/analysis/sweep/index.js';

export type SweepWorkerRequest =
  | { id: number; kind: 'block'; sweep: number; spec: SweepSpec; start: number; end: number }
  | { id: number; kind: 'summarize'; sweep: number; spec: SweepSpec; data: SweepData };

export type SweepWorkerResponse =
  | { id: number; ok: true; data: SweepData }
  | { id: number; ok: true; result: SweepResult }
  | { id: number; ok: false; message: string; problems: Problem[] };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SweepWorkerRequest>) => void) | null;
  postMessage(message: SweepWorkerResponse, transfer?: Transferable[]): void;
};

/** The sweep this worker last prepared (the page numbers its sweeps): each block reuses it. */
let cached: { sweep: number; prepared: PreparedSweep } | undefined;

function prepared(sweep: number, spec: SweepSpec): PreparedSweep {
  if (cached?.sweep !== sweep) cached = { sweep, prepared: prepareSweep(spec) };
  return cached.prepared;
}

scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.kind === 'block') {
      const data = runBlock(prepared(request.sweep, request.spec), request.start, request.end);
      scope.postMessage({ id: request.id, ok: true, data }, [data.outcomes.buffer, data.moved.buffer, data.inputClasses.buffer]);
    } else {
      scope.postMessage({ id: request.id, ok: true, result: summarizeSweep(prepared(request.sweep, request.spec), request.data) });
    }
  } catch (error) {
    const problems = isInputError(error) ? [...error.problems] : [];
    scope.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error), problems });
  }
};
