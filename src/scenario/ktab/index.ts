/**
 * KTAB file import and export: detect a KTAB SMP file (CSV or XML), read it into a validated Parley
 * scenario (one issue per KTAB dimension, one space holding them, KTAB's parameters as the space's
 * SMP options), and write one space of a scenario back in either KTAB format.
 */
import { InputError } from '../../errors.js';
import { readDecide } from '../decide/index.js';
import { readDecideSource } from '../decide/read.js';
import { parseScenario, readScenarioSource, type ParsedScenario, type ScenarioSource } from '../parse.js';
import type { Scenario } from '../schema.js';
import { validateScenario } from '../validate.js';
import { withLineFeeds } from '../reading.js';
import { readKtabCsv, writeKtabCsv } from './csv.js';
import type { KtabWriteResult } from './writeSpace.js';
import type { KtabFormat } from './detect.js';
import { readerFor } from '../readerFor.js';
import { readKtabXml, writeKtabXml } from './xml.js';

export { detectKtabFormat, type KtabFormat } from './detect.js';
export type { KtabWriteResult } from './writeSpace.js';
export { parseKtabCsv, readKtabCsv, writeKtabCsv } from './csv.js';
export { parseKtabXml, readKtabXml, writeKtabXml } from './xml.js';

/** Reads a KTAB SMP file into a validated scenario; every problem (with its line) as one InputError. */
export function readKtab(text: string, format: KtabFormat, file?: string): { scenario: Scenario; notes: string[] } {
  const lines = withLineFeeds(text);
  const input = format === 'ktab-xml' ? readKtabXml(lines, file) : readKtabCsv(lines, file);
  const { scenario, notes } = validateScenario(input, undefined, file);
  return { scenario, notes };
}

/**
 * Writes one space of a scenario (default: the first declared, else every issue) in a KTAB format.
 * The writers refuse or fit what KTAB cannot hold (writeSpace.ts); as a second line, the text is read
 * back here, and a file Parley's own KTAB reader would refuse is never returned: its problems become
 * an InputError (issue 14, item 11).
 */
export function writeKtab(scenario: Scenario, format: KtabFormat, spaceId?: string): KtabWriteResult {
  const written = format === 'ktab-xml' ? writeKtabXml(scenario, spaceId) : writeKtabCsv(scenario, spaceId);
  try {
    readKtab(written.text, format);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      error.problems.map((problem) => ({
        ...(problem.field === undefined ? {} : { field: problem.field }),
        message: `the ${format === 'ktab-xml' ? 'KTAB XML' : 'KTAB CSV'} file would not read back${problem.line === undefined ? '' : ` (its line ${problem.line})`}: ${problem.message}`,
      })),
    );
  }
  return written;
}

/**
 * Reads a scenario in any format Parley knows: a KTAB SMP file (an .xml file, or content recognised by
 * `detectKtabFormat`), a Decide data file (recognised by its first row's tag, `detectDecide`), else
 * YAML, JSON or CSV through `parseScenario`.
 */
export function parseAnyScenario(text: string, source: ScenarioSource = {}): ParsedScenario {
  const family = fileFamily(text, source);
  if (family === 'decide') return readDecide(text, source.file);
  return family === 'parley' ? parseScenario(text, source) : readKtab(text, family, source.file);
}

/** Which reader `parseAnyScenario` hands a text to (`readerFor`, which the CLI uses to load this module, and the XML parser, only for the files that need them). */
function fileFamily(text: string, source: ScenarioSource): 'decide' | KtabFormat | 'parley' {
  return readerFor(text, source);
}

/**
 * What a file holds before validation, read by the reader `parseAnyScenario` picks; undefined when
 * the text cannot be read at all (a syntax error). For keeping a file that does not validate (a draft).
 */
export function readAnyScenarioValue(text: string, source: ScenarioSource = {}): unknown {
  const family = fileFamily(text, source);
  if (family === 'decide') return readDecideSource(text, source.file).value;
  if (family === 'parley') {
    const reading = readScenarioSource(text, source);
    return reading.fatal ? undefined : reading.value;
  }
  const lines = withLineFeeds(text);
  try {
    return family === 'ktab-xml' ? readKtabXml(lines, source.file) : readKtabCsv(lines, source.file);
  } catch {
    return undefined;
  }
}
