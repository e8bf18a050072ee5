/**
 * Reads a Decide data file (exchange-spec.md §7) into a Parley scenario: `#A` rows are the actors
 * (in order), `#P` rows the issues (in order), `#M` rows an issue's scale points (the scale runs from
 * the first to the last; none means 0–100), `#D` rows the stances (actor, issue, position, salience,
 * power, comment), `#O` the title, `#/` comments. Stricter than Decide, with the line and field of
 * every problem: short rows, unknown tags, duplicate `#A`/`#P`/`#D` rows, `#M` rows out of ascending
 * order, unknown actors or issues, numbers that are not numbers (a decimal comma included), saliences
 * and powers outside [0, 100], positions off the declared scale, and an actor whose power differs
 * between its rows (Parley keeps one capability per actor).
 */
import type { Problem } from '../../errors.js';
import type { FieldPath, Locate } from '../fieldPath.js';
import { idFromText } from '../ids.js';
import type { SourceReading } from '../reading.js';
import { decideRows, type DecideRow } from './rows.js';

/** The fields each tag needs (more are allowed: Decide joins them into the last, optional field). */
const required: Record<string, { count: number; names: string }> = {
  '#A': { count: 1, names: 'actor id[, full name, comment]' },
  '#P': { count: 1, names: 'issue id[, description]' },
  '#M': { count: 2, names: 'issue id, position[, meaning]' },
  '#D': { count: 5, names: 'actor id, issue id, position, salience, power[, comment]' },
  '#O': { count: 0, names: 'text' },
  '#/': { count: 0, names: 'text' },
};

interface ScalePoint {
  position: number;
  meaning: string;
  line: number;
}

interface DeclaredIssue {
  id: string;
  decideId: string;
  name: string;
  line: number;
  points: ScalePoint[];
}

interface DeclaredActor {
  id: string;
  decideId: string;
  name: string;
  line: number;
  capability?: { value: number; line: number };
  stances: Record<string, { position: number; salience: number; evidence?: string }>;
}

/** A Parley id for a Decide id, unique among `taken` ("EU (incl Norway)" → "EU_(incl_Norway)"). */
function parleyId(decideId: string, taken: Set<string>): string {
  const base = idFromText(decideId, '_') || 'unnamed';
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base}_${suffix}`;
  taken.add(id);
  return id;
}

/** A Decide number: a decimal point, no thousands separators; undefined when it is not one. */
function decideNumber(text: string): number | undefined {
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/u.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Parses a Decide file into an unvalidated scenario, its own problems, and where each field is. */
export function readDecideSource(text: string, file?: string): SourceReading {
  const problems: Problem[] = [];
  const at = (row: DecideRow, field: string, message: string): void => {
    problems.push(file === undefined ? { line: row.line, field, message } : { file, line: row.line, field, message });
  };
  const rows = decideRows(text);
  const titles: string[] = [];
  const actors = new Map<string, DeclaredActor>();
  const issues = new Map<string, DeclaredIssue>();
  const actorIds = new Set<string>();
  const issueIds = new Set<string>();
  const lines = new Map<string, number>();
  const number = (row: DecideRow, index: number, field: string): number | undefined => {
    const raw = row.fields[index]!;
    const value = decideNumber(raw);
    if (value === undefined) at(row, field, /^\d+,\d+$/u.test(raw) ? `"${raw}" uses a decimal comma; Decide files use a decimal point` : `expected a number, got "${raw}"`);
    return value;
  };

  const usable = rows.filter((row) => {
    const rule = required[row.tag];
    if (!rule) {
      at(row, 'tag', `unknown tag "${row.tag}"; expected one of #A, #P, #M, #D, #O, #/ (a comment is #/, and #O with the letter O the title)`);
      return false;
    }
    if (row.fields.length < rule.count || row.fields.slice(0, rule.count).some((field) => field === '')) {
      at(row, 'fields', `a ${row.tag} row needs ${rule.count} fields (${rule.names}); found ${row.fields.filter((field) => field !== '').length}`);
      return false;
    }
    return true;
  });
  // Declarations first (a #D or #M row may come before the #A or #P it names; Decide keys them by id).
  for (const row of usable) {
    if (row.tag === '#O' && row.fields.length > 0) titles.push(row.fields.filter((field) => field !== '').join(' '));
    if (row.tag === '#A') {
      const [decideId, name = '', ...rest] = row.fields;
      const first = actors.get(decideId!);
      if (first) at(row, 'actor', `actor "${decideId}" is declared twice (also line ${first.line})`);
      else actors.set(decideId!, { id: parleyId(decideId!, actorIds), decideId: decideId!, name: [name, ...rest].filter(Boolean)[0] ?? '', line: row.line, stances: Object.create(null) as DeclaredActor['stances'] });
    }
    if (row.tag === '#P') {
      const [decideId, ...description] = row.fields;
      const first = issues.get(decideId!);
      if (first) at(row, 'issue', `issue "${decideId}" is declared twice (also line ${first.line})`);
      else issues.set(decideId!, { id: parleyId(decideId!, issueIds), decideId: decideId!, name: description.filter(Boolean).join(' '), line: row.line, points: [] });
    }
  }
  const knownIssues = () => [...issues.keys()].join(', ');
  for (const row of usable.filter((candidate) => candidate.tag === '#M')) {
    const [issueId, , ...meaning] = row.fields;
    const issue = issues.get(issueId!);
    const position = number(row, 1, 'position');
    if (!issue) {
      at(row, 'issue', `unknown issue "${issueId}"; expected one of ${knownIssues()} (declare it with a #P row)`);
      continue;
    }
    if (position === undefined) continue;
    const previous = issue.points[issue.points.length - 1];
    if (previous && position <= previous.position) {
      at(row, 'position', `scale point ${position} of issue "${issueId}" comes after ${previous.position} (line ${previous.line}); list the #M rows of an issue in ascending order (Decide takes the first as the lower end)`);
      continue;
    }
    issue.points.push({ position, meaning: meaning.filter(Boolean).join(' '), line: row.line });
  }
  for (const issue of issues.values()) {
    if (issue.points.length === 1) problems.push({ ...(file === undefined ? {} : { file }), line: issue.points[0]!.line, field: 'position', message: `issue "${issue.decideId}" has one scale point; give at least two #M rows (lowest and highest) or none for 0–100` });
  }
  const scaleOf = (issue: DeclaredIssue) => (issue.points.length >= 2 ? { min: issue.points[0]!.position, max: issue.points[issue.points.length - 1]!.position } : { min: 0, max: 100 });

  for (const row of usable.filter((candidate) => candidate.tag === '#D')) {
    const [actorId, issueId, , , , ...comment] = row.fields;
    const actor = actors.get(actorId!);
    const issue = issues.get(issueId!);
    if (!actor) at(row, 'actor', `unknown actor "${actorId}"; expected one of ${[...actors.keys()].join(', ')} (declare it with an #A row)`);
    if (!issue) at(row, 'issue', `unknown issue "${issueId}"; expected one of ${knownIssues()} (declare it with a #P row)`);
    const position = number(row, 2, 'position');
    const salience = number(row, 3, 'salience');
    const power = number(row, 4, 'power');
    if (salience !== undefined && (salience < 0 || salience > 100)) at(row, 'salience', `salience ${salience} is outside [0, 100]`);
    if (power !== undefined && (power < 0 || power > 100)) at(row, 'power', `power ${power} is outside [0, 100]`);
    if (!actor || !issue || position === undefined || salience === undefined || power === undefined) continue;
    const scale = scaleOf(issue);
    if (position < scale.min || position > scale.max) at(row, 'position', `position ${position} is off the scale of issue "${issueId}" [${scale.min}, ${scale.max}]`);
    const key = `${actor.id}\u0000${issue.id}`;
    const first = lines.get(key);
    if (first !== undefined) {
      at(row, 'issue', `a second #D row for actor "${actorId}" on issue "${issueId}" (first on line ${first})`);
      continue;
    }
    lines.set(key, row.line);
    if (actor.capability && actor.capability.value !== power)
      at(row, 'power', `power ${power} differs from actor "${actorId}"'s power ${actor.capability.value} on line ${actor.capability.line}; Parley keeps one power (capability) per actor`);
    actor.capability ??= { value: power, line: row.line };
    const stance: DeclaredActor['stances'][string] = { position, salience };
    const evidence = comment.filter(Boolean).join(' ');
    if (evidence !== '') stance.evidence = evidence;
    actor.stances[issue.id] = stance;
  }
  if (rows.length === 0) problems.push({ ...(file === undefined ? {} : { file }), message: 'the file is empty; expected Decide rows (#A, #P, #M, #D)' });

  const saliences = [...actors.values()].flatMap((actor) => Object.values(actor.stances).map((stance) => stance.salience));
  const value = {
    title: titles[0] ?? (file === undefined ? 'Decide data' : `Decide data (${file.split(/[\\/]/u).pop()})`),
    ...(titles.length > 1 ? { description: titles.slice(1).join('\n') } : {}),
    // Decide's documentation says 0–1; its reader accepts up to 100 (spec §7).
    salienceScale: saliences.some((salience) => salience > 1) ? 100 : 1,
    issues: [...issues.values()].map((issue) => {
      const scale: Record<string, unknown> = scaleOf(issue);
      if (issue.points.length >= 2) {
        if (issue.points[0]!.meaning !== '') scale.minLabel = issue.points[0]!.meaning;
        if (issue.points[issue.points.length - 1]!.meaning !== '') scale.maxLabel = issue.points[issue.points.length - 1]!.meaning;
      }
      return { id: issue.id, ...(issue.name !== '' ? { name: issue.name } : issue.id !== issue.decideId ? { name: issue.decideId } : {}), scale };
    }),
    actors: [...actors.values()].map((actor) => ({
      id: actor.id,
      ...(actor.name !== '' ? { name: actor.name } : actor.id !== actor.decideId ? { name: actor.decideId } : {}),
      capability: actor.capability?.value ?? 0,
      stances: Object.fromEntries(Object.entries(actor.stances)),
    })),
  };
  const actorList = [...actors.values()];
  const locate: Locate = (path: FieldPath) => {
    if (path[0] === 'issues' && typeof path[1] === 'number') return [...issues.values()][path[1]]?.line;
    if (path[0] === 'actors' && typeof path[1] === 'number') {
      const actor = actorList[path[1]];
      if (!actor) return undefined;
      if (path[2] === 'stances' && typeof path[3] === 'string') return lines.get(`${actor.id}\u0000${path[3]}`) ?? actor.line;
      return actor.line;
    }
    return undefined;
  };
  return { value, locate, problems, fatal: false, notes: [] };
}
