/**
 * The shapes of the API's request bodies. Scenarios inside them are checked by the same
 * `validateScenario` the CLI uses; these schemas check only the envelope around them.
 */
import { z } from 'zod';
import { parseWith } from '../scenario/zodProblems.js';

export { parseWith };

/** A field that must be present, whatever its value (the scenario is checked by validateScenario). */
const required = () => z.custom<unknown>((value) => value !== undefined, { error: 'required' });

export const ScenarioBodySchema = z
  .object({
    scenario: required(),
    /** Keep the scenario as a draft if it has problems (instead of refusing it with 400). */
    draft: z.boolean().optional(),
  })
  .strict();

export const RenameBodySchema = z.object({ title: z.string().trim().min(1, 'expected a non-empty title') }).strict();

export const ImportBodySchema = z
  .object({
    text: z.string(),
    /** The file's name, for error messages and to guess the format from its extension. */
    file: z.string().optional(),
    format: z.enum(['yaml', 'json', 'csv']).optional(),
    /** Keep a file that reads but does not validate as a draft with its problems (instead of a 400). */
    draft: z.boolean().optional(),
  })
  .strict();

export const RunBodySchema = z
  .object({
    model: z.string().min(1, 'expected a model id'),
    preset: z.string().optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    /** The scenario as it was run (an unsaved draft, say); the stored scenario when absent. */
    scenario: z.unknown().optional(),
  })
  .strict();

export const exportFormats = ['yaml', 'json', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Parses a request body with a schema (see parseWith). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  return parseWith(schema, body);
}
