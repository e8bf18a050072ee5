/**
 * Decide data files (exchange-spec.md §7): recognise one by its first row's tag, read it into a
 * validated scenario (every problem with its line and field), and write a scenario back.
 */
import type { ParsedScenario } from '../parse.js';
import { validateScenario } from '../validate.js';
import { readDecideSource } from './read.js';

export { looksLikeDecide as detectDecide } from './rows.js';
export { writeDecide } from './write.js';

/** Reads and validates a Decide file; every problem at once as one InputError. */
export function readDecide(text: string, file?: string): ParsedScenario {
  const reading = readDecideSource(text, file);
  const { scenario, notes } = validateScenario(reading.value, reading.locate, file, reading.problems);
  return { scenario, notes: [...reading.notes, ...notes] };
}
