/**
 * Parley ids from KTAB names, and the limits KTAB puts on names (ktab-smp.md, "Input formats"):
 * actor names 1–25 characters, descriptions and dimension names up to 256, scenario name and
 * description up to 512.
 */

import { idFromText } from '../ids.js';

export const ktabLimits = {
  actorName: 25,
  actorDescription: 256,
  dimensionName: 256,
  scenarioText: 512,
  minActors: 3,
  maxActors: 250,
  maxCapability: 1e8,
} as const;

/**
 * A Parley id from a KTAB name (each run of characters an id may not hold, such as spaces, commas,
 * dots or control characters, becomes "-"), unique among `taken` (which it extends).
 */
export function idFromName(name: string, fallback: string, taken: Set<string>): string {
  const base = idFromText(name, '-') || fallback;
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
  taken.add(id);
  return id;
}
