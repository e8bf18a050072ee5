/**
 * Keyed data whose keys are user ids (actor, issue, branch ids) or names from input (issue 14, item 6).
 * A plain `{}` inherits `__proto__`, `constructor`, `toString`, …: written under `__proto__` an entry
 * sets the object's prototype instead (and vanishes), and read under an id it lacks it returns the
 * inherited property. The readers refuse such ids (ids.ts), and the core does not rely on that:
 * records keyed by ids have no prototype, and stances are read by own key only.
 */
import type { Actor, Stance } from './schema.js';

/** A record no key can collide with (no prototype), optionally filled from entries; JSON prints it as a plain object. */
export function idRecord<V>(entries?: Iterable<readonly [string, V]>): Record<string, V> {
  const record = Object.create(null) as Record<string, V>;
  if (entries) for (const [key, value] of entries) record[key] = value;
  return record;
}

/** The actor's stance on the issue, or undefined: its own entry only, never an inherited property. */
export function stanceOf(actor: Pick<Actor, 'stances'>, issueId: string): Stance | undefined {
  return Object.hasOwn(actor.stances, issueId) ? actor.stances[issueId] : undefined;
}

/** The actor's stances as a null-prototype copy, so that stances can be set under any issue id. */
export function stancesCopy(actor: Pick<Actor, 'stances'>): Record<string, Stance> {
  return idRecord(Object.entries(actor.stances));
}

/** `record[key]` when the record has its own entry under the key, else undefined (for records callers pass in). */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
