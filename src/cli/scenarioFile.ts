/**
 * Reads a scenario file named on the command line: a KTAB SMP file (CSV or XML, recognised by its
 * content or an .xml extension), a Decide file, else YAML, JSON or CSV chosen by its extension. The KTAB
 * and Decide readers (and the XML parser) are imported only for a file that needs them (issue 16 item 6).
 */
import type { ParsedScenario } from '../scenario/parse.js';
import { parseScenario } from '../scenario/parse.js';
import { readerFor } from '../scenario/readerFor.js';
import type { Scenario } from '../scenario/schema.js';
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
  const { scenario, notes } = await parseWithItsReader(text, file);
  return { file, scenario, notes };
}

/** `parseAnyScenario`'s result, loading the KTAB or Decide reader only when the file is one. */
async function parseWithItsReader(text: string, file: string): Promise<ParsedScenario> {
  const reader = readerFor(text, { file });
  if (reader === 'parley') return parseScenario(text, { file });
  if (reader === 'decide') return (await import('../scenario/decide/index.js')).readDecide(text, file);
  return (await import('../scenario/ktab/index.js')).readKtab(text, reader, file);
}
