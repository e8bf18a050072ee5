/**
 * The DEU III data set (Arregui & Perarnaud 2021; data/deu3/SOURCES.md) as typed rows: the issues with
 * their reference point and outcome, every actor's position and salience, the Council voting regimes
 * and the member-state population shares for the Lisbon double majority. Pure: the caller reads the
 * files and passes their text; every malformed cell is reported with its file, line and column.
 */
import { InputError, type Problem } from '../../errors.js';
import { parseCsv, type CsvRow } from './csv.js';

export type ActorType = 'commission' | 'parliament' | 'member_state';
export type VotingRule = 'QMV' | 'unanimity';

export interface DeuIssue {
  id: string;
  proposalId: string;
  proposalName: string;
  procedure: string;
  votingRule: VotingRule;
  /** The Council regime in force (SOURCES.md: derived from the final-act date). */
  regime: string;
  /** True when the regime was inferred from the introduction date (the final-act date is missing). */
  regimeInferred: boolean;
  finalActDate?: string;
  referencePoint?: number;
  outcome?: number;
}

export interface DeuPosition {
  actor: string;
  actorName: string;
  actorType: ActorType;
  position: number;
  /** Blank in 54 source rows. */
  salience?: number;
}

/** One member state in one Council voting regime (council_qmv_weights.csv). */
export interface RegimeMember {
  regime: string;
  member: string;
  qmvWeight: number;
  qmvThreshold: number;
  shapleyShubik: number;
}

/** A member state's share of the Union's population (percent) for the Lisbon double majority. */
export interface PopulationShare {
  year: number;
  member: string;
  percent: number;
}

export interface DeuDataset {
  issues: DeuIssue[];
  /** Positions by issue id, in file order. */
  positions: Map<string, DeuPosition[]>;
  regimes: RegimeMember[];
  populations: PopulationShare[];
}

export interface TextFile {
  /** The name used in error messages. */
  name: string;
  text: string;
}

export interface DeuFiles {
  issues: TextFile;
  positions: TextFile;
  councilWeights: TextFile;
  populations: TextFile;
}

/** The file names inside a DEU III data folder (data/deu3/). */
export const deuFileNames = {
  issues: 'deu3_issues.csv',
  positions: 'deu3_positions.csv',
  councilWeights: 'council_qmv_weights.csv',
  populations: 'lisbon_population_shares.csv',
} as const;

/** Reads the four files; all cell problems are collected and thrown together as one InputError. */
export function parseDeuDataset(files: DeuFiles): DeuDataset {
  const problems: Problem[] = [];
  const issues = readIssues(files.issues, problems);
  const known = new Set(issues.map((issue) => issue.id));
  const positions = readPositions(files.positions, known, problems);
  const regimes = readRegimes(files.councilWeights, problems);
  const populations = readPopulations(files.populations, problems);
  if (problems.length > 0) throw new InputError(problems.slice(0, 50));
  return { issues, positions, regimes, populations };
}

/** A reader of one row's cells that records what is wrong instead of throwing at the first problem. */
function cellReader(file: string, row: CsvRow, problems: Problem[]) {
  const fail = (field: string, message: string): void => void problems.push({ file, line: row.line, field, message });
  const number = (field: string, range: { min: number; max: number }, optional: boolean): number | undefined => {
    const text = (row.cells[field] ?? '').trim();
    if (text === '') {
      if (!optional) fail(field, 'expected a number, found an empty cell');
      return undefined;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) fail(field, `expected a number, found "${text}"`);
    else if (value < range.min || value > range.max) fail(field, `expected a number from ${range.min} to ${range.max}, found ${value}`);
    else return value;
    return undefined;
  };
  const text = (field: string): string => {
    const value = (row.cells[field] ?? '').trim();
    if (value === '') fail(field, 'expected a value, found an empty cell');
    return value;
  };
  return { number, text, fail };
}

const scale = { min: 0, max: 100 };

function readIssues(file: TextFile, problems: Problem[]): DeuIssue[] {
  const table = parseCsv(file.text, file.name, [
    'issue_id', 'proposal_id', 'proposal_short_name', 'procedure', 'council_voting_rule', 'final_act_date', 'council_regime', 'reference_point', 'outcome',
  ]);
  return table.rows.map((row) => {
    const cell = cellReader(file.name, row, problems);
    const rule = cell.text('council_voting_rule');
    if (rule !== '' && !/^(QMV|QMV\(\d+\)|Unan)$/u.test(rule)) cell.fail('council_voting_rule', `expected QMV or Unan, found "${rule}"`);
    const regime = cell.text('council_regime');
    const issue: DeuIssue = {
      id: cell.text('issue_id'),
      proposalId: cell.text('proposal_id'),
      proposalName: row.cells['proposal_short_name'] ?? '',
      procedure: cell.text('procedure'),
      votingRule: rule === 'Unan' ? 'unanimity' : 'QMV',
      regime: regime.replace(/\?$/u, ''),
      regimeInferred: regime.endsWith('?'),
    };
    const finalAct = (row.cells['final_act_date'] ?? '').trim();
    if (finalAct !== '') issue.finalActDate = finalAct;
    const referencePoint = cell.number('reference_point', scale, true);
    if (referencePoint !== undefined) issue.referencePoint = referencePoint;
    const outcome = cell.number('outcome', scale, true);
    if (outcome !== undefined) issue.outcome = outcome;
    return issue;
  });
}

const actorTypes: readonly ActorType[] = ['commission', 'parliament', 'member_state'];

function readPositions(file: TextFile, known: ReadonlySet<string>, problems: Problem[]): Map<string, DeuPosition[]> {
  const table = parseCsv(file.text, file.name, ['issue_id', 'actor', 'actor_name', 'actor_type', 'position', 'salience']);
  const byIssue = new Map<string, DeuPosition[]>();
  for (const row of table.rows) {
    const cell = cellReader(file.name, row, problems);
    const issueId = cell.text('issue_id');
    if (issueId !== '' && !known.has(issueId)) cell.fail('issue_id', `unknown issue "${issueId}" (not in the issues file)`);
    const type = cell.text('actor_type') as ActorType;
    if (!actorTypes.includes(type)) cell.fail('actor_type', `expected one of ${actorTypes.join(', ')}, found "${type}"`);
    const position = cell.number('position', scale, false);
    const salience = cell.number('salience', scale, true);
    if (position === undefined) continue;
    const entry: DeuPosition = { actor: cell.text('actor'), actorName: row.cells['actor_name'] ?? '', actorType: type, position };
    if (salience !== undefined) entry.salience = salience;
    const list = byIssue.get(issueId) ?? [];
    list.push(entry);
    byIssue.set(issueId, list);
  }
  return byIssue;
}

function readRegimes(file: TextFile, problems: Problem[]): RegimeMember[] {
  const table = parseCsv(file.text, file.name, ['regime', 'member', 'qmv_weight', 'qmv_threshold', 'shapley_shubik_qmv']);
  return table.rows.map((row) => {
    const cell = cellReader(file.name, row, problems);
    return {
      regime: cell.text('regime'),
      member: cell.text('member'),
      qmvWeight: cell.number('qmv_weight', { min: 1, max: 1000 }, false) ?? 1,
      qmvThreshold: cell.number('qmv_threshold', { min: 1, max: 1000 }, false) ?? 1,
      shapleyShubik: cell.number('shapley_shubik_qmv', { min: 0, max: 1 }, false) ?? 0,
    };
  });
}

function readPopulations(file: TextFile, problems: Problem[]): PopulationShare[] {
  const table = parseCsv(file.text, file.name, ['year', 'member', 'population_percent']);
  return table.rows.map((row) => {
    const cell = cellReader(file.name, row, problems);
    return {
      year: cell.number('year', { min: 1950, max: 2100 }, false) ?? 0,
      member: cell.text('member'),
      percent: cell.number('population_percent', { min: 0, max: 100 }, false) ?? 0,
    };
  });
}
