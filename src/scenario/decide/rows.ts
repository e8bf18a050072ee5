/**
 * The rows of a Decide data file (exchange-spec.md §7): one record per line, the first field a tag
 * (`#A`, `#P`, `#M`, `#D`, `#O`, `#/`). Decide's shipped files are tab-separated with single-quoted text
 * or semicolon-separated and padded; Parley accepts tab, semicolon and comma (the delimiter that
 * follows the first row's tag), strips surrounding single or double quotes and ignores empty trailing
 * fields. Blank lines are skipped (Decide crashes on them).
 */

export interface DecideRow {
  /** 1-based line in the file. */
  line: number;
  /** The tag without quotes, e.g. `#D`. */
  tag: string;
  /** The fields after the tag, unquoted and trimmed, empty trailing fields removed. */
  fields: string[];
}

/** A first field that is a Decide tag, quoted or not, followed by a delimiter or the end of the line. */
const tagAtStart = /^\s*(['"]?)(#[A-Za-z/]|#0)\1(?=[\t;,]|\s*$)/u;

/** True when the text's first non-empty line starts with a Decide tag such as `#A;` or `'#A'\t`. */
export function looksLikeDecide(text: string): boolean {
  const first = text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\n|\r/u)
    .find((line) => line.trim() !== '');
  if (first === undefined) return false;
  const match = tagAtStart.exec(first);
  return match !== null && ['#A', '#P', '#M', '#D', '#O', '#/'].includes(match[2]!);
}

/** The delimiter: the first of tab, semicolon, comma after the first row's tag. */
export function delimiterOf(text: string): string {
  const first = text.split(/\r\n|\n|\r/u).find((line) => line.trim() !== '') ?? '';
  const match = tagAtStart.exec(first);
  const after = match ? first.slice(match[0].length) : first;
  return /^[\t;,]/u.test(after) ? after[0]! : '\t';
}

function unquote(field: string): string {
  const trimmed = field.trim();
  if (trimmed.length >= 2 && (trimmed[0] === "'" || trimmed[0] === '"') && trimmed[trimmed.length - 1] === trimmed[0]) return trimmed.slice(1, -1).trim();
  return trimmed;
}

/** Splits the file into rows (blank lines skipped). */
export function decideRows(text: string): DecideRow[] {
  const body = text.replace(/^\uFEFF/u, '');
  const delimiter = delimiterOf(body);
  const rows: DecideRow[] = [];
  body.split(/\r\n|\n|\r/u).forEach((content, index) => {
    if (content.trim() === '') return;
    const fields = content.split(delimiter).map(unquote);
    while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
    rows.push({ line: index + 1, tag: fields[0]!, fields: fields.slice(1) });
  });
  return rows;
}
