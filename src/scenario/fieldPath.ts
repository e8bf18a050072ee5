/**
 * Field paths name where a problem is in a scenario, e.g. `actors[2].stances.talks.salience`, and a
 * `Locate` function maps a path to the 1-based line of the input that holds it (YAML, JSON, CSV).
 */

/** A path into a scenario object: object keys and array indices. */
export type FieldPath = readonly (string | number)[];

/** Maps a field path to the line of the input that holds it (or its nearest located ancestor). */
export type Locate = (path: FieldPath) => number | undefined;

/** `['actors', 2, 'stances', 'talks']` → `actors[2].stances.talks`. */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** The value at a path in a plain object tree, or undefined when the path leaves the tree. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
