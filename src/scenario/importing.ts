/**
 * Importing a file into the workbench's library: a file that validates is a scenario; one that can be
 * read but does not validate (a salience of 150, a missing capability, an unknown issue) is kept as
 * a draft — what was read, with every problem — so it opens in the editor to be fixed instead of
 * being lost. A text that cannot be read as a scenario at all (a syntax error, or YAML that is not a
 * mapping) is still an InputError with its line.
 */
import { InputError, isInputError, type Problem } from '../errors.js';
import { parseAnyScenario, readAnyScenarioValue } from './ktab/index.js';
import type { ParsedScenario, ScenarioSource } from './parse.js';

export type ImportReading = ({ kind: 'scenario' } & ParsedScenario) | { kind: 'draft'; draft: Record<string, unknown>; problems: Problem[] };

export function readScenarioOrDraft(text: string, source: ScenarioSource = {}): ImportReading {
  try {
    return { kind: 'scenario', ...parseAnyScenario(text, source) };
  } catch (error) {
    if (!isInputError(error)) throw error;
    const value = readAnyScenarioValue(text, source);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw error;
    return { kind: 'draft', draft: value as Record<string, unknown>, problems: [...(error as InputError).problems] };
  }
}
