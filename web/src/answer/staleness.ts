/**
 * Whether results on screen still describe the scenario being edited: they were computed on a
 * snapshot, and any edit after it makes them out of date (issue 9: "out of date: the scenario
 * changed", with one click to re-run). Pure, so it is tested without a browser.
 */
import type { Scenario } from '../../../src/scenario/schema.js';

export type Staleness = { stale: false } | { stale: true; reason: string; canRerun: boolean };

/** Compares the snapshot the results were computed on with the draft as the schema reads it now (undefined: it has problems). */
export function staleness(computedOn: Scenario, current: Scenario | undefined): Staleness {
  if (current === undefined) return { stale: true, reason: 'the scenario changed and now has problems: fix them in the editor to compute again', canRerun: false };
  if (JSON.stringify(computedOn) === JSON.stringify(current)) return { stale: false };
  return { stale: true, reason: `the scenario changed after this was computed (${changedParts(computedOn, current).join(', ')})`, canRerun: true };
}

/** Which top-level parts differ, in words: "actors", "issues", "title"… */
export function changedParts(before: Scenario, after: Scenario): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((key) => JSON.stringify((before as unknown as Record<string, unknown>)[key]) !== JSON.stringify((after as unknown as Record<string, unknown>)[key]));
  return changed.length > 0 ? changed : ['key order'];
}
