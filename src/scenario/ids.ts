/**
 * What an actor or issue id may contain. Ids are addressed on command lines and in specs where some
 * characters are syntax: `.` separates ACTOR.ISSUE.FIELD in --noise and --shock, `*` means every actor,
 * `=` and `@` start a value and a round, `:` separates ISSUE:VALUE in --threshold and drop:ACTOR; CSV
 * and KTAB files separate fields with commas; spaces and control characters cannot be typed reliably.
 */

/** Every character an id may not contain (whitespace, commas, spec syntax, control characters). */
export const forbiddenIdCharacters = /[\s,.*=@:\p{Cc}]/u;
const forbiddenRuns = /[\s,.*=@:\p{Cc}]+/gu;

/**
 * Ids that are also property names of every JavaScript object (`__proto__`, `constructor`, `toString`,
 * `hasOwnProperty`, …): keyed by such an id, a plain object would read or overwrite the inherited
 * property instead of the actor's or issue's entry, so they are refused rather than risked.
 */
const reservedIds: ReadonlySet<string> = new Set(['__proto__', ...Object.getOwnPropertyNames(Object.prototype)]);

/** True for an id that names an inherited object property (see `reservedIds`). */
export const isReservedId = (id: string): boolean => reservedIds.has(id);

/** Why `id` is not a valid id, naming the first offending character; undefined when it is valid. */
export function idProblem(id: string): string | undefined {
  if (id === '') return 'expected a non-empty id';
  if (isReservedId(id)) return `the id ${JSON.stringify(id)} is reserved (a property name of every JavaScript object, like __proto__, constructor or toString); choose another id`;
  const match = forbiddenIdCharacters.exec(id);
  if (!match) return undefined;
  const char = match[0];
  const shown = /\p{Cc}/u.test(char)
    ? `the control character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    : /\s/u.test(char)
      ? 'a space'
      : `"${char}"`;
  return `an id may not contain ${shown} (id ${JSON.stringify(id)}); ids may not contain spaces, control characters or any of , . * = @ :`;
}

/** An id from a display name: each run of forbidden characters becomes `replacement` ("U.S. Senate" → "U_S_Senate"). */
export function idFromText(name: string, replacement: string): string {
  const id = name.trim().replace(forbiddenRuns, replacement);
  // A name like "constructor" keeps its name; its id gets the replacement appended ("constructor_").
  return isReservedId(id) ? `${id}${replacement}` : id;
}
