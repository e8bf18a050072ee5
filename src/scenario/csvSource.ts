/**
 * Reads a scenario from CSV, in either of two forms (header names case-insensitive, columns in any
 * order, an optional `evidence` column):
 * - long form `actor,issue,capability,position,salience`: one row per actor and issue; an actor's
 *   capability must be the same on all its rows;
 * - single-issue form `actor,capability,position,salience` (the reference vectors): the issue id is
 *   the file's base name (sanitised), or `issue` without a file name.
 * CSV carries no title, scale or salience scale: the title is the file's base name, each issue's scale
 * is inferred (csvScale.ts) and the salience scale is left to validation to infer; every assumption
 * becomes a note. An actor's id (and the single-issue form's issue id) is its name with the characters
 * an id may not hold (spaces, commas, `.`, `*`, `=`, `@`, `:`, control characters) replaced by `_`;
 * the actor's name is kept as `name` when it differs. The long form's `issue` column holds ids as they are.
 */
import type { Problem } from '../errors.js';
import { inferCsvScale } from './csvScale.js';
import { idFromText } from './ids.js';
import { type CsvRecord, readCsvRecords } from './csvRecords.js';
import { type FieldPath, formatFieldPath, type Locate } from './fieldPath.js';
import type { SourceReading } from './reading.js';

const LONG_COLUMNS = ['actor', 'issue', 'capability', 'position', 'salience'] as const;
const SINGLE_COLUMNS = ['actor', 'capability', 'position', 'salience'] as const;
const OPTIONAL_COLUMNS = ['evidence'] as const;
type Column = (typeof LONG_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** A strict decimal number: no empty cells, no hex, no "Infinity". */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/u;

/** Replaces runs of the characters an id may not hold (spaces, commas, `.`, `*`, `=`, `@`, `:`, control characters) by `_`. */
export function toIdentifier(name: string): string {
  return idFromText(name, '_');
}

/** `data/emission standards.csv` → `emission standards` (no node:path: this runs in the browser too). */
export function baseName(file: string): string {
  const last = file.split(/[\\/]/u).pop() ?? file;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}

interface Row {
  line: number;
  cells: Partial<Record<Column, string>>;
}

interface ActorDraft {
  index: number;
  name: string;
  firstLine: number;
  capability: unknown;
  capabilityLine: number;
  stances: Record<string, Record<string, unknown>>;
  stanceLines: Record<string, number>;
}

export function readCsv(text: string, file?: string): SourceReading {
  const withFile = (problem: Problem): Problem => (file === undefined ? problem : { file, ...problem });
  const { records, problems: syntax } = readCsvRecords(text);
  if (syntax.length > 0) return fatal(syntax.map((problem) => withFile({ ...problem, message: `CSV syntax error: ${problem.message}` })));
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) return fatal([withFile({ message: `empty CSV file; expected a header ${LONG_COLUMNS.join(',')} or ${SINGLE_COLUMNS.join(',')}` })]);
  const header = readHeader(headerRecord);
  if ('problems' in header) return fatal(header.problems.map(withFile));

  const builder = new ScenarioBuilder(header.longForm ? undefined : singleIssueId(file));
  const rowProblems: Problem[] = [];
  for (const record of dataRecords) {
    if (record.fields.length !== header.columns.length) {
      rowProblems.push({
        line: record.line,
        message: `expected ${header.columns.length} fields (${header.columns.join(', ')}), found ${record.fields.length}`,
      });
      continue;
    }
    const cells: Row['cells'] = Object.create(null) as Row['cells'];
    header.columns.forEach((column, index) => (cells[column] = record.fields[index]));
    rowProblems.push(...builder.addRow({ line: record.line, cells }));
  }
  const { value, notes } = builder.build(file === undefined ? 'CSV scenario' : baseName(file));
  return { value, locate: builder.locate, problems: rowProblems.map(withFile), fatal: false, notes };
}

function fatal(problems: Problem[]): SourceReading {
  return { value: undefined, problems, fatal: true, notes: [] };
}

function singleIssueId(file: string | undefined): string {
  const id = file === undefined ? '' : toIdentifier(baseName(file));
  return id === '' ? 'issue' : id;
}

function readHeader(record: CsvRecord): { columns: Column[]; longForm: boolean } | { problems: Problem[] } {
  const names = record.fields.map((field) => field.trim().toLowerCase());
  const longForm = names.includes('issue');
  const required: readonly string[] = longForm ? LONG_COLUMNS : SINGLE_COLUMNS;
  const allowed = [...required, ...OPTIONAL_COLUMNS];
  const problems: Problem[] = [];
  const unknown = names.filter((name) => !allowed.includes(name));
  if (unknown.length > 0) problems.push({ line: record.line, message: `unknown column ${unknown.map((name) => `"${name}"`).join(', ')}; expected ${allowed.join(', ')}` });
  const missing = required.filter((name) => !names.includes(name));
  if (missing.length > 0) problems.push({ line: record.line, message: `missing column ${missing.join(', ')}; the header must name ${required.join(', ')} (any order)` });
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) problems.push({ line: record.line, message: `column ${[...new Set(repeated)].join(', ')} appears more than once` });
  return problems.length > 0 ? { problems } : { columns: names as Column[], longForm };
}

/** A number from a cell, or a problem naming the line and column. */
function readNumber(row: Row, column: Column, path: FieldPath): { value: unknown; problem?: Problem } {
  const raw = row.cells[column] ?? '';
  const text = raw.trim();
  if (DECIMAL.test(text)) return { value: Number(text) };
  const got = text === '' ? 'an empty cell' : JSON.stringify(raw);
  return { value: raw, problem: { line: row.line, field: formatFieldPath(path), message: `column "${column}": expected a number, got ${got}` } };
}

/** Collects rows into actors and issues, remembering the line of every field for `locate`. */
class ScenarioBuilder {
  private readonly actors = new Map<string, ActorDraft>();
  private readonly issueLines = new Map<string, number>();
  private readonly lines = new Map<string, number>();

  constructor(private readonly fixedIssue: string | undefined) {}

  readonly locate: Locate = (path) => {
    for (let length = path.length; length > 0; length--) {
      const line = this.lines.get(formatFieldPath(path.slice(0, length)));
      if (line !== undefined) return line;
    }
    return undefined;
  };

  addRow(row: Row): Problem[] {
    const name = (row.cells.actor ?? '').trim();
    const issue = this.fixedIssue ?? (row.cells.issue ?? '').trim();
    const problems: Problem[] = [];
    if (name === '') problems.push({ line: row.line, message: 'column "actor": expected an actor name, got an empty cell' });
    if (issue === '') problems.push({ line: row.line, message: 'column "issue": expected an issue id, got an empty cell' });
    if (problems.length > 0) return problems;

    const actor = this.actorFor(name, row, problems);
    if (!actor) return problems;
    const issuePath = ['issues', this.issueIndex(issue, row.line)];
    this.lines.set(formatFieldPath(issuePath), this.issueLines.get(issue) ?? row.line);

    const capability = readNumber(row, 'capability', ['actors', actor.index, 'capability']);
    if (capability.problem) problems.push(capability.problem);
    else if (typeof actor.capability === 'number' && actor.capability !== capability.value) {
      problems.push({
        line: row.line,
        field: formatFieldPath(['actors', actor.index, 'capability']),
        message: `capability ${String(capability.value)} of "${name}" disagrees with ${actor.capability} on line ${actor.capabilityLine}; an actor has one capability`,
      });
    } else if (actor.capability === undefined) {
      actor.capability = capability.value;
      actor.capabilityLine = row.line;
      this.lines.set(formatFieldPath(['actors', actor.index, 'capability']), row.line);
    }

    const stancePath: FieldPath = ['actors', actor.index, 'stances', issue];
    if (actor.stances[issue]) {
      problems.push({ line: row.line, message: `"${name}" already has a stance on issue "${issue}" (line ${actor.stanceLines[issue]})` });
      return problems;
    }
    const position = readNumber(row, 'position', [...stancePath, 'position']);
    const salience = readNumber(row, 'salience', [...stancePath, 'salience']);
    for (const cell of [position, salience]) if (cell.problem) problems.push(cell.problem);
    const stance: Record<string, unknown> = { position: position.value, salience: salience.value };
    const evidence = row.cells.evidence?.trim();
    if (evidence) stance.evidence = evidence;
    actor.stances[issue] = stance;
    actor.stanceLines[issue] = row.line;
    this.lines.set(formatFieldPath(stancePath), row.line);
    return problems;
  }

  private actorFor(name: string, row: Row, problems: Problem[]): ActorDraft | undefined {
    const id = toIdentifier(name);
    const existing = this.actors.get(id);
    if (existing && existing.name !== name) {
      problems.push({ line: row.line, message: `actor "${name}" gets the id "${id}", as does actor "${existing.name}" (line ${existing.firstLine}); rename one` });
      return undefined;
    }
    if (existing) return existing;
    const draft: ActorDraft = { index: this.actors.size, name, firstLine: row.line, capability: undefined, capabilityLine: row.line, stances: Object.create(null) as ActorDraft['stances'], stanceLines: Object.create(null) as ActorDraft['stanceLines'] };
    this.actors.set(id, draft);
    this.lines.set(formatFieldPath(['actors', draft.index]), row.line);
    return draft;
  }

  private issueIndex(issue: string, line: number): number {
    if (!this.issueLines.has(issue)) this.issueLines.set(issue, line);
    return [...this.issueLines.keys()].indexOf(issue);
  }

  build(title: string): { value: unknown; notes: string[] } {
    const notes: string[] = [];
    const issues = [...this.issueLines.keys()].map((id) => {
      const positions = [...this.actors.values()]
        .map((actor) => actor.stances[id]?.position)
        .filter((position): position is number => typeof position === 'number');
      const { scale, reason } = inferCsvScale(positions);
      notes.push(`issue "${id}": a CSV file has no scale; assumed [${scale.min}, ${scale.max}], ${reason}`);
      return { id, scale };
    });
    const actors = [...this.actors.entries()].map(([id, draft]) => {
      const actor: Record<string, unknown> = { id };
      if (draft.name !== id) actor.name = draft.name;
      actor.capability = draft.capability;
      actor.stances = draft.stances;
      return actor;
    });
    return { value: { title, issues, actors }, notes };
  }
}
