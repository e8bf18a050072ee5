/**
 * What a format reader (YAML, JSON, CSV) hands to validation: the parsed value, where its fields are,
 * the problems it found itself, and what it had to assume.
 */
import type { Problem } from '../errors.js';
import type { Locate } from './fieldPath.js';

export interface SourceReading {
  /** The parsed value, shaped like a scenario if the input was right; undefined after a syntax error. */
  value: unknown;
  locate?: Locate;
  /** Problems found while reading. `fatal` ones (syntax errors) leave nothing worth validating. */
  problems: Problem[];
  fatal: boolean;
  /** Assumptions the format forced (e.g. a CSV file's scale), for the person to read. */
  notes: string[];
}

/** 1-based line of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

/**
 * A text whose lines end in CR alone (classic Mac OS) with LF line ends, so every reader counts its
 * lines; a text with any LF (Unix, or Windows' CR LF) is returned unchanged.
 */
export function withLineFeeds(text: string): string {
  return text.includes('\n') || !text.includes('\r') ? text : text.replace(/\r/gu, '\n');
}
