/**
 * Storing a Monte Carlo sweep in the run history (`POST /api/scenarios/:id/sweeps`). The request
 * names the sweep as the CLI does (noise, shocks and thresholds in the CLI's syntax); the server runs
 * it again itself, so what is stored is what this Parley computes. The runs go on worker threads
 * (the CLI's pool) when there are many, in short blocks on the event loop otherwise, so the server
 * keeps answering. Run k depends only on the inputs and k: the stored result is bit-identical to the
 * one the page computed in its Web Workers, and to `runSweep` in the library.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { parseNoise, parseShock, parseThreshold, prepareSweep, summarizeSweep } from '../analysis/sweep/index.js';
import { executeRuns } from '../cli/sweep/execute.js';
import type { Scenario } from '../scenario/schema.js';
import { validateScenario } from '../scenario/validate.js';
import type { StoredRun, StoredScenario } from '../store/records.js';
import type { ApiContext } from './api.js';
import { parseBody } from './requests.js';

/** The most runs the workbench stores for one sweep (the CLI has no such limit). */
export const maxWorkbenchRuns = 100_000;
/** Below this many runs, threads cost more to start than they save (as in the CLI). */
const smallSweepRuns = 2000;

export const SweepBodySchema = z
  .object({
    model: z.string().min(1),
    preset: z.string().optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    /** The scenario as it was swept (an unsaved draft, say); the stored scenario when absent. */
    scenario: z.unknown().optional(),
    runs: z.number().int().min(1).max(maxWorkbenchRuns, `the workbench stores sweeps of at most ${maxWorkbenchRuns} runs (use parley sweep for more)`),
    seed: z.number().int().min(0).max(0xffffffff),
    /** `[ACTOR.[ISSUE.]]FIELD=DISTRIBUTION:SIZE[%]` each; the CLI's default noise when absent, none when empty. */
    noise: z.array(z.string()).optional(),
    /** `drop:ACTOR`, `ACTOR.[ISSUE.]FIELD=V@R`, `close:A,B` each. */
    shocks: z.array(z.string()).optional(),
    /** `[ISSUE:]VALUE` each. */
    thresholds: z.array(z.string()).optional(),
    bins: z.number().int().optional(),
  })
  .strict();

export type SweepBody = z.infer<typeof SweepBodySchema>;

export async function storeSweep(stored: StoredScenario, requestBody: unknown, context: ApiContext): Promise<StoredRun> {
  const body = parseBody(SweepBodySchema, requestBody);
  const scenario: Scenario = body.scenario === undefined ? stored.scenario : validateScenario(body.scenario).scenario;
  const prepared = prepareSweep({
    scenario,
    model: body.model,
    ...(body.preset !== undefined && { preset: body.preset }),
    ...(body.options && { options: body.options }),
    runs: body.runs,
    seed: body.seed,
    ...(body.noise && { noise: body.noise.map((text, index) => parseNoise(text, `noise[${index}]`)) }),
    ...(body.shocks && { shocks: body.shocks.map((text, index) => parseShock(text, `shocks[${index}]`)) }),
    ...(body.thresholds && { thresholds: body.thresholds.map((text, index) => parseThreshold(text, `thresholds[${index}]`)) }),
    ...(body.bins !== undefined && { histogramBins: body.bins }),
  });
  const workers = body.runs < smallSweepRuns ? 1 : Math.min(2, availableParallelism());
  const { data } = await executeRuns(prepared, 0, body.runs, { workers });
  const sweep = summarizeSweep(prepared, data);
  // The baseline: the model on the estimates as given, shocks applied (sweep.issues[].baseline).
  const forecast = prepared.model.run(prepared.scenario, prepared.options);
  return context.store.runs.create({
    kind: 'sweep',
    scenarioId: stored.id,
    scenario,
    model: prepared.model.id,
    preset: prepared.spec.preset,
    options: prepared.options,
    parleyVersion: context.parleyVersion,
    forecast: { ...forecast, preset: prepared.spec.preset },
    sweep,
  });
}
