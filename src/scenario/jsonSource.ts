/**
 * Reads a JSON scenario. JSON.parse decides what is valid; a syntax error is located by
 * `findJsonSyntaxError`. Fields are located by re-reading the text with the YAML parser (JSON is
 * YAML 1.2 flow syntax), which keeps the position of every key.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../errors.js';
import { findJsonSyntaxError } from './jsonSyntax.js';
import { lineAt, type SourceReading } from './reading.js';
import { locateInDocument } from './yamlSource.js';

export function readJson(text: string, file?: string): SourceReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    const problem: Problem = syntax
      ? { line: lineAt(text, syntax.offset), message: `JSON syntax error: ${syntax.message}` }
      : { message: `JSON syntax error: ${(error as Error).message}` };
    return { value: undefined, problems: [file === undefined ? problem : { file, ...problem }], fatal: true, notes: [] };
  }
  const lineCounter = new LineCounter();
  // Duplicate keys are legal JSON (the last wins), so the locating parse must not reject them.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const locate = document.errors.length === 0 ? locateInDocument(document, lineCounter) : undefined;
  const reading: SourceReading = { value, problems: [], fatal: false, notes: [] };
  if (locate) reading.locate = locate;
  return reading;
}
