/**
 * A sweep as text, the way a person writes it on the command line, in the workbench or in a JSON
 * request: noise, shocks and thresholds in the CLI's syntax. One schema (zod, also the type) and one
 * translation to a `SweepSpec`, shared by the server's API and the web app, so both read a request
 * exactly as `parley sweep` reads its flags.
 */
import { z } from 'zod';
import type { Scenario } from '../../scenario/schema.js';
import { parseNoise } from './noise.js';
import { parseShock } from './shocks.js';
import type { SweepSpec } from './spec.js';
import { parseThreshold } from './thresholds.js';

export const SweepRequestSchema = z
  .object({
    model: z.string().min(1),
    preset: z.string().optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    /** The scenario as it was swept (an unsaved draft, say); the API uses the stored scenario when absent. */
    scenario: z.unknown().optional(),
    runs: z.number().int().min(1),
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

export type SweepRequest = z.infer<typeof SweepRequestSchema>;

/** The library's spec for a request; each malformed entry is an InputError naming e.g. `noise[2]`. */
export function sweepSpecFromRequest(request: SweepRequest, scenario: Scenario): SweepSpec {
  return {
    scenario,
    model: request.model,
    ...(request.preset !== undefined && { preset: request.preset }),
    ...(request.options && { options: request.options }),
    runs: request.runs,
    seed: request.seed,
    ...(request.noise && { noise: request.noise.map((text, index) => parseNoise(text, `noise[${index}]`)) }),
    ...(request.shocks && { shocks: request.shocks.map((text, index) => parseShock(text, `shocks[${index}]`)) }),
    ...(request.thresholds && { thresholds: request.thresholds.map((text, index) => parseThreshold(text, `thresholds[${index}]`)) }),
    ...(request.bins !== undefined && { histogramBins: request.bins }),
  };
}
