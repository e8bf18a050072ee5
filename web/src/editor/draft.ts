/**
 * The scenario being edited, as loose JSON: a cell holding text that is not a number stays text, so
 * the schema reports it on that very cell instead of the editor silently dropping it.
 */
import type { FieldPath } from '../../../src/scenario/fieldPath.js';

export type Draft = {
  title?: unknown;
  asOf?: unknown;
  salienceScale?: unknown;
  issues: Record<string, unknown>[];
  actors: (Record<string, unknown> & { stances: Record<string, Record<string, unknown>> })[];
  [key: string]: unknown;
};

/** Sets (or, for undefined, removes) the value at a path, creating objects on the way. */
export function setAt(root: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (next === null || typeof next !== 'object') node[segment] = {};
    node = node[segment] as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** Drops stances left with no value at all (an actor sitting out the issue). */
export function pruneEmptyStances(draft: Draft): void {
  for (const actor of draft.actors) {
    for (const [issue, stance] of Object.entries(actor.stances ?? {})) {
      if (Object.keys(stance).length === 0) delete actor.stances[issue];
    }
  }
}

export function renameIssue(draft: Draft, from: string, to: string): void {
  for (const actor of draft.actors) {
    const stance = actor.stances[from];
    if (stance === undefined) continue;
    delete actor.stances[from];
    actor.stances[to] = stance;
  }
}

/** A fresh id like `actor3` that is not yet used. */
export function freshId(prefix: string, used: readonly unknown[]): string {
  for (let index = used.length + 1; ; index++) {
    const candidate = `${prefix}${index}`;
    if (!used.includes(candidate)) return candidate;
  }
}
