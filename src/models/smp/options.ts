/**
 * The SMP's options: KTAB's nine model parameters (with KTAB's own spellings, ktab-smp.md "Input
 * formats", XML `ModelParameters`), the stopping rule, the policy space to run on, the seed of the
 * stochastic mode and KTAB's ideal-adjustment ("accommodation") entries.
 *
 * Every option may also be set on the scenario's space (`spaces[].smpOptions`, e.g. the parameters of
 * an imported KTAB XML file). The effective value is the run's option if given, else the space's, else
 * KTAB's default (`smpDefaults`); the Forecast records the effective values.
 */
import { z } from 'zod';
import { InputError, type Problem } from '../../errors.js';
import { parameterShape, SpaceSmpOptionsSchema, smpDefaults, type ResolvedSmpOptions, type SpaceSmpOptions } from '../../scenario/smpParameters.js';

export * from '../../scenario/smpParameters.js';


/** The options of a run. */
export const SmpOptionsSchema = z
  .object({
    ...parameterShape,
    /** The id of the scenario space to run on; default: the first space, or every issue when none is declared. */
    space: z.string().min(1).optional(),
  })
  .strict();
export type SmpOptions = z.infer<typeof SmpOptionsSchema>;

/**
 * The effective options: the run's, else the space's (`spaceOptions`, validated here: an InputError
 * names `spaces[i].smpOptions.<field>`), else KTAB's defaults.
 */
export function resolveSmpOptions(run: SmpOptions, spaceOptions: unknown, spaceField: string): ResolvedSmpOptions {
  let fromSpace: SpaceSmpOptions = {};
  if (spaceOptions !== undefined) {
    const parsed = SpaceSmpOptionsSchema.safeParse(spaceOptions);
    if (!parsed.success) {
      throw new InputError(
        parsed.error.issues.map((issue): Problem => ({ field: [spaceField, ...issue.path.map(String)].join('.'), message: issue.message })),
      );
    }
    fromSpace = parsed.data;
  }
  const resolved: Record<string, unknown> = { ...smpDefaults };
  for (const source of [fromSpace, run] as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(source)) if (value !== undefined) resolved[key] = value;
  }
  const options = resolved as ResolvedSmpOptions;
  if (options.minTurns > options.maxTurns)
    throw new InputError({ field: 'options.minTurns', message: `minTurns (${options.minTurns}) must not exceed maxTurns (${options.maxTurns})` });
  return options;
}
