/**
 * Splits CSV text into records (RFC 4180): fields separated by commas, quoted fields may hold commas,
 * line breaks and doubled quotes (""), lines end in LF, CRLF or CR. Each record keeps the line it
 * starts on, so problems can name it. Blank lines (anywhere, including trailing ones) are skipped.
 * A byte-order mark is expected to be removed by the caller.
 */

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

/** An unquoted field (or what follows a closing quote): everything up to a comma or line break. */
const UNQUOTED = /[^,\r\n]*/uy;
/** Spaces before an opening quote, which some writers put after the comma. */
const BEFORE_QUOTE = /[ \t]*"/uy;

function matchAt(pattern: RegExp, text: string, pos: number): string | undefined {
  pattern.lastIndex = pos;
  return pattern.exec(text)?.[0];
}

export function readCsvRecords(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let pos = 0;
  let fields: string[] = [];
  let recordLine = 1;

  /** Consumes a line break at pos, if any; true when one was there. */
  const takeLineBreak = (): boolean => {
    if (text[pos] === '\r') pos += text[pos + 1] === '\n' ? 2 : 1;
    else if (text[pos] === '\n') pos++;
    else return false;
    line++;
    return true;
  };
  const endRecord = (): void => {
    const blank = fields.length === 1 && fields[0]!.trim() === '';
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    recordLine = line;
  };

  while (pos <= text.length) {
    const quoteStart = matchAt(BEFORE_QUOTE, text, pos);
    if (quoteStart !== undefined) {
      pos += quoteStart.length - 1;
      const startLine = line;
      let value = '';
      pos++;
      for (;;) {
        if (pos >= text.length) {
          problems.push({ line: startLine, message: 'a quoted field is never closed (missing ")' });
          return { records, problems };
        }
        if (text[pos] === '"') {
          if (text[pos + 1] !== '"') break;
          value += '"';
          pos += 2;
        } else if (!takeLineBreak()) value += text[pos++];
        else value += '\n';
      }
      pos++;
      const stray = matchAt(UNQUOTED, text, pos) ?? '';
      if (stray.trim() !== '') problems.push({ line, message: `unexpected text ${JSON.stringify(stray)} after a closing quote` });
      pos += stray.length;
      fields.push(value);
    } else {
      const raw = matchAt(UNQUOTED, text, pos) ?? '';
      pos += raw.length;
      fields.push(raw);
    }
    if (text[pos] === ',') {
      pos++;
      continue;
    }
    takeLineBreak();
    endRecord();
    if (pos >= text.length) break;
  }
  return { records, problems };
}
