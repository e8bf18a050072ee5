/**
 * Reads a scenario file named on the command line: a KTAB SMP file (CSV or XML, recognised by its
 * content or an .xml extension), else YAML, JSON or CSV chosen by its extension.
 */
import type { Scenario } from '../scenario/schema.js';
import { parseAnyScenario } from '../scenario/ktab/index.js';
import { readTextFile } from './files.js';
import type { CliIo } from './io.js';

export interface LoadedScenario {
  /** The path as the user typed it (problems and outputs name the file this way). */
  file: string;
  scenario: Scenario;
  /** What the reader assumed (salience scale, CSV scale…): worth showing, never an error. */
  notes: string[];
}

/** Reads and validates; a missing file, a syntax error or an invalid scenario is an InputError. */
export async function loadScenario(file: string, io: CliIo): Promise<LoadedScenario> {
  const text = await readTextFile(file, io);
  const { scenario, notes } = parseAnyScenario(text, { file });
  return { file, scenario, notes };
}
