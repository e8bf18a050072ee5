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

/**
 * The editor's view of a stored scenario or draft: an object with lists of issues and actors, each
 * actor with its stances (what is missing is added empty; everything else is kept as it was).
 */
export function toDraft(value: unknown): Draft {
  const root = isObject(value) ? value : {};
  const issues = Array.isArray(root.issues) ? root.issues.map((issue) => (isObject(issue) ? issue : {})) : [];
  const actors = Array.isArray(root.actors)
    ? root.actors.map((actor) => {
        const object = isObject(actor) ? actor : {};
        return { ...object, stances: (isObject(object.stances) ? object.stances : {}) as Record<string, Record<string, unknown>> };
      })
    : [];
  return { ...root, issues, actors };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Sets (or, for undefined, removes) the value at a path, creating objects (or lists, before an index) on the way. */
export function setAt(root: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  path.slice(0, -1).forEach((segment, index) => {
    const next = node[segment];
    if (next === null || typeof next !== 'object') node[segment] = typeof path[index + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/**
 * Drops what an edit left empty: a stance with no value at all (an actor sitting out the issue), a
 * range with neither end, an actor's empty capability range, a space's empty SMP options.
 */
export function pruneEmpty(draft: Draft): void {
  const emptyList = (value: unknown) => Array.isArray(value) && value.every((item) => item === undefined || item === null);
  for (const actor of draft.actors) {
    if (emptyList(actor.capabilityRange)) delete actor.capabilityRange;
    for (const [issue, stance] of Object.entries(actor.stances ?? {})) {
      const range = stance.range as Record<string, unknown> | undefined;
      if (range !== null && typeof range === 'object') {
        for (const key of Object.keys(range)) if (emptyList(range[key])) delete range[key];
        if (Object.keys(range).length === 0) delete stance.range;
      }
      if (Object.keys(stance).length === 0) delete actor.stances[issue];
    }
  }
  if (Array.isArray(draft.spaces)) {
    for (const space of draft.spaces as Record<string, unknown>[]) {
      const options = space?.smpOptions;
      if (options !== null && typeof options === 'object' && Object.keys(options).length === 0) delete space.smpOptions;
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
