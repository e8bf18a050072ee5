/**
 * Reads a JSON scenario. JSON.parse decides what is valid; a syntax error is located by
 * `findJsonSyntaxError`. Fields are located by re-reading the text with the YAML parser (JSON is
 * YAML 1.2 flow syntax), which keeps the position of every key and finds duplicate keys, refused as
 * in YAML (JSON.parse would silently keep the last).
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
  // JSON.parse keeps the last of duplicate keys silently; the locating parse finds them (as YAML does).
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const duplicates = document.errors.filter((error) => error.code === 'DUPLICATE_KEY');
  if (duplicates.length > 0) {
    const problems = duplicates.map((error): Problem => {
      const problem: Problem = { line: lineCounter.linePos(error.pos[0]).line, message: `duplicate key ${keyAt(text, error.pos[0])}: a key may appear once in an object (JSON.parse would keep the last silently)` };
      return file === undefined ? problem : { file, ...problem };
    });
    return { value: undefined, problems, fatal: true, notes: [] };
  }
  const locate = document.errors.length === 0 ? locateInDocument(document, lineCounter) : undefined;
  const reading: SourceReading = { value, problems: [], fatal: false, notes: [] };
  if (locate) reading.locate = locate;
  return reading;
}

/** The quoted key that starts at `offset` (the yaml package reports a duplicate key there). */
function keyAt(text: string, offset: number): string {
  const key = /"(?:[^"\\]|\\.)*"/uy;
  key.lastIndex = offset;
  return key.exec(text)?.[0] ?? 'in this object';
}
