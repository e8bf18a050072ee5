/**
 * Which reader a scenario file needs, from its content and name alone: cheap, and without loading any
 * reader, so that a caller can load only the one it needs (the CLI imports the KTAB readers, with their
 * XML parser, and the Decide reader only for files in those formats: issue 16 item 6).
 */
import { looksLikeDecide } from './decide/rows.js';
import { detectKtabFormat, type KtabFormat } from './ktab/detect.js';
import type { ScenarioSource } from './parse.js';

/** `decide`, a KTAB format, or `parley` (YAML, JSON or CSV: `parseScenario`); an explicit `source.format` is always `parley`. */
export function readerFor(text: string, source: ScenarioSource = {}): 'decide' | KtabFormat | 'parley' {
  if (source.format !== undefined) return 'parley';
  if (looksLikeDecide(text)) return 'decide';
  return (source.file?.toLowerCase().endsWith('.xml') ? 'ktab-xml' : detectKtabFormat(text)) ?? 'parley';
}
