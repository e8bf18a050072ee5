/**
 * What an id picker (web/src/channels/idPicker.ts) does to a list of ids: ticking adds an id at the
 * end, unticking removes it (every copy), the rest keeps its order; an id the draft holds that is not
 * among the choices (an unknown actor, say) stays listed, so the validation can name it and the user
 * can untick it. Pure (loose draft JSON).
 */

/** A choice: the id and how people know it. */
export type Choice = readonly [id: string, name: string];

/** The list after ticking (`on`) or unticking `id`. */
export function togglePick(chosen: readonly string[], id: string, on: boolean): string[] {
  const rest = chosen.filter((candidate) => candidate !== id);
  return on ? [...rest, id] : rest;
}

/** The choices, then each chosen id that is not one of them, marked as such. */
export function withUnknown(choices: readonly Choice[], chosen: readonly string[]): Choice[] {
  const known = new Set(choices.map(([id]) => id));
  const unknown = [...new Set(chosen.filter((id) => !known.has(id)))];
  return [...choices, ...unknown.map((id): Choice => [id, `${id} (not in the list)`])];
}

/** The ids a draft field holds: a list of ids, each as text; anything else is none. */
export const idsIn = (value: unknown): string[] => (Array.isArray(value) ? value.map((item) => String(item)) : []);

/** The value a list field takes: an empty list is removed when the field is optional, kept otherwise (the validation names it). */
export const listValue = (ids: readonly string[], optional: boolean): string[] | undefined => (ids.length === 0 && optional ? undefined : [...ids]);

/** The options a choice lists: `options`, plus what the draft holds when it is none of them (fields.ts choiceField). */
export function shownOptions(options: readonly (readonly [string, string])[], selected: string): readonly (readonly [string, string])[] {
  if (options.some(([value]) => value === selected)) return options;
  return selected === '' ? [['', '—'], ...options] : withUnknown(options, [selected]);
}
