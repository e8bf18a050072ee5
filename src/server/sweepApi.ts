/**
 * Storing a Monte Carlo sweep in the run history (`POST /api/scenarios/:id/sweeps`). The request
 * names the sweep as the CLI does (noise, shocks and thresholds in the CLI's syntax); the server runs
 * it again itself, so what is stored is what this Parley computes. The runs, the summary and the
 * baseline go on the server's warm model threads (modelWorkers.ts), in blocks of consecutive runs,
 * so the server keeps answering. Run k depends only on the inputs and k: the stored result is
 * bit-identical to the one the page computed in its Web Workers, and to `runSweep` in the library.
 */
import { z } from 'zod';
import { prepareSweep, SweepRequestSchema, sweepSpecFromRequest } from '../analysis/sweep/index.js';
import type { Scenario } from '../scenario/schema.js';
import { validateScenario } from '../scenario/validate.js';
import type { StoredScenario } from '../store/records.js';
import type { ApiContext } from './api.js';
import { parseBody } from './requests.js';
import { checkRequestedRounds, checkRunSize, checkScenarioSize } from './runLimits.js';

/** The most runs the workbench stores for one sweep (the CLI has no such limit). */
export const maxWorkbenchRuns = 100_000;

/** The API's body: a sweep request (the CLI's syntax), with the workbench's cap on runs. */
export const SweepBodySchema = SweepRequestSchema.extend({
  runs: z.number().int().min(1).max(maxWorkbenchRuns, `the workbench stores sweeps of at most ${maxWorkbenchRuns} runs (use parley sweep for more)`),
});

export type SweepBody = z.infer<typeof SweepBodySchema>;

/** Runs the sweep a request names and stores it; answers the stored run as JSON text. */
export async function storeSweep(stored: StoredScenario, requestBody: unknown, context: ApiContext): Promise<string> {
  const body = parseBody(SweepBodySchema, requestBody);
  const scenario: Scenario = body.scenario === undefined ? stored.scenario : validateScenario(body.scenario).scenario;
  checkScenarioSize(scenario);
  checkRequestedRounds(body.options);
  const prepared = prepareSweep(sweepSpecFromRequest(body, scenario));
  checkRunSize(prepared.scenario, prepared.options);
  // The baseline (sweep.issues[].baseline) is the model on the estimates as given, shocks applied.
  const { forecastJson, sweepJson, digest } = await context.workers.sweep(prepared);
  return context.store.runs.createText({
    kind: 'sweep',
    scenarioId: stored.id,
    scenario,
    model: prepared.model.id,
    preset: prepared.spec.preset,
    options: prepared.options,
    parleyVersion: context.parleyVersion,
    forecastJson,
    sweepJson,
    digest,
  });
}
