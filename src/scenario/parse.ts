/**
 * Reads a scenario from text: YAML, JSON or CSV, then validates it. Pure (no file system): the CLI
 * reads the file and passes its text and name; the name picks the format and locates problems.
 */
import { InputError } from '../errors.js';
import { readCsv } from './csvSource.js';
import { readJson } from './jsonSource.js';
import { withLineFeeds, type SourceReading } from './reading.js';
import type { Scenario } from './schema.js';
import { validateScenario } from './validate.js';
import { readYaml } from './yamlSource.js';

export type ScenarioFormat = 'yaml' | 'json' | 'csv';

export interface ScenarioSource {
  /** The file name, as the user gave it: names the file in problems, and its extension the format. */
  file?: string;
  /** Overrides the format the extension (or, failing that, the content) suggests. */
  format?: ScenarioFormat;
}

export interface ParsedScenario {
  scenario: Scenario;
  /** What was assumed (salience scale, CSV scales) or is worth a warning. */
  notes: string[];
}

const EXTENSIONS: Record<string, ScenarioFormat> = { yaml: 'yaml', yml: 'yaml', json: 'json', csv: 'csv' };

/** The format: as given, else from the file extension, else sniffed from the content. */
export function detectFormat(text: string, source: ScenarioSource = {}): ScenarioFormat {
  if (source.format) return source.format;
  const extension = source.file?.match(/\.([^./\\]+)$/u)?.[1]?.toLowerCase();
  const byExtension = extension === undefined ? undefined : EXTENSIONS[extension];
  return byExtension ?? sniffFormat(text);
}

/** JSON starts with { or [; CSV's first line has commas and no `key:`; anything else is YAML. */
function sniffFormat(text: string): ScenarioFormat {
  const content = text.replace(/^\uFEFF/u, '').trimStart();
  if (content.startsWith('{') || content.startsWith('[')) return 'json';
  const firstLine = content.split(/\r\n|\r|\n/u).find((line) => line.trim() !== '' && !line.trimStart().startsWith('#')) ?? '';
  return firstLine.includes(',') && !/^[^",]*:/u.test(firstLine) ? 'csv' : 'yaml';
}

const readers: Record<ScenarioFormat, (text: string, file?: string) => SourceReading> = { yaml: readYaml, json: readJson, csv: readCsv };

/** Reads YAML, JSON or CSV (the format as `detectFormat` says) without validating. */
export function readScenarioSource(text: string, source: ScenarioSource = {}): SourceReading {
  const withoutBom = withLineFeeds(text.replace(/^\uFEFF/u, ''));
  return readers[detectFormat(withoutBom, source)](withoutBom, source.file);
}

/** Parses and validates; every problem (syntax, shape, cross-field) is thrown at once as an InputError. */
export function parseScenario(text: string, source: ScenarioSource = {}): ParsedScenario {
  const reading = readScenarioSource(text, source);
  if (reading.fatal) throw new InputError(reading.problems);
  const validated = validateScenario(reading.value, reading.locate, source.file, reading.problems);
  return { scenario: validated.scenario, notes: [...reading.notes, ...validated.notes] };
}
