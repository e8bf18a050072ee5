/**
 * A small RFC 4180 CSV reader for the backtest's data files: comma-separated, fields optionally in
 * double quotes (a doubled quote inside is a quote), CRLF or LF line ends. Pure: it reads a string.
 * Every row keeps its 1-based line number so that errors can point at it.
 */
import { InputError } from '../../errors.js';
import { idRecord } from '../../scenario/keyed.js';

export interface CsvRow {
  /** 1-based line of the row's first character in the file. */
  line: number;
  /** Cells by column name. */
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** Parses `text` (from `file`, for error messages) and checks that every `required` column exists. */
export function parseCsv(text: string, file: string, required: readonly string[] = []): CsvTable {
  const records = splitRecords(text, file);
  const first = records[0];
  if (!first || (first.fields.length === 1 && first.fields[0] === '')) throw new InputError({ file, line: 1, message: 'empty file: expected a CSV header' });
  const header = first.fields.map((name) => name.trim());
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new InputError({ file, line: 1, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in the header` });
  }
  const rows: CsvRow[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length === 1 && record.fields[0] === '') continue;
    if (record.fields.length !== header.length) {
      throw new InputError({ file, line: record.line, message: `expected ${header.length} fields, found ${record.fields.length}` });
    }
    rows.push({ line: record.line, cells: idRecord(header.map((name, index) => [name, record.fields[index]!])) });
  }
  return { header, rows };
}

function splitRecords(text: string, file: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += char;
  }
  if (quoted) throw new InputError({ file, line: recordLine, message: 'unterminated quoted field' });
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}
