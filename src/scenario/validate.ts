/**
 * Validation of an already-parsed scenario object: the zod shape check (schema.ts), then the
 * cross-field rules, every problem collected before anything is reported.
 *
 * Cross-field rules: issue ids and actor ids are unique; a stance names a declared issue; a scale has
 * min < max; positions and the status quo lie on their issue's scale; saliences lie in
 * [0, salienceScale] (declared, or inferred by `inferSalienceScale`); every issue has at least one
 * actor. An issue with a single actor is accepted with a warning note: the degenerate case gets an
 * answer (its position), not an error. The optional `spaces` have their own rules (spaces.ts).
 */
import { InputError, type Problem } from '../errors.js';
import { type FieldPath, type Locate, formatFieldPath } from './fieldPath.js';
import { inferSalienceScale, type SalienceReading } from './salienceScale.js';
import { channelSummary, checkChannelFields } from './channels/validate.js';
import { checkSpaces } from './spaces.js';
import { type SalienceScale, type Scenario, ScenarioSchema } from './schema.js';
import { zodProblems, type FieldProblem } from './zodProblems.js';

export interface ValidatedScenario {
  scenario: Scenario;
  /** What was assumed or is worth a warning (inferred salience scale, single-actor issues). */
  notes: string[];
}

const DEFAULT_SCALE = { min: 0, max: 100 };

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined;
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

interface IssueFacts {
  index: number;
  id: string;
  /** The issue's scale when it is usable (min < max), else undefined: positions are then not checked. */
  scale: { min: number; max: number } | undefined;
  participants: string[];
}

/**
 * Validates a parsed scenario. `locate` maps a field path to its line in the source; `file` names the
 * source in problems; `earlier` are problems a reader already found (e.g. a CSV cell that is not a
 * number), reported with the rest, and their fields are not reported twice.
 * Throws InputError with every problem.
 */
export function validateScenario(input: unknown, locate?: Locate, file?: string, earlier: readonly Problem[] = []): ValidatedScenario {
  const found: FieldProblem[] = [];
  const notes: string[] = [];
  const parsed = ScenarioSchema.safeParse(input);
  if (!parsed.success) found.push(...zodProblems(ScenarioSchema, parsed.error, input));

  const root = asObject(input);
  // Not an object: zod has said so, and there is nothing to cross-check.
  if (!root) throw new InputError(toProblems(found, earlier, locate, file));
  const issues = issueFacts(root, found);
  const salienceScale = resolveSalienceScale(root, issues, found, notes);
  checkActors(root, issues, salienceScale, found);
  if (asList(root.actors).length > 0) checkParticipation(issues, found, notes);
  found.push(...checkSpaces(root, salienceScale));
  // Channels, trust, dated events and branches (channels-spec.md §11), on a scenario whose shape is valid.
  if (parsed.success && salienceScale !== undefined) found.push(...checkChannelFields({ ...parsed.data, salienceScale }));

  const problems = toProblems(found, earlier, locate, file);
  if (problems.length > 0 || !parsed.success || salienceScale === undefined) throw new InputError(problems);
  const scenario: Scenario = { ...parsed.data, salienceScale };
  const summary = channelSummary(scenario);
  if (summary !== undefined) notes.push(summary);
  return { scenario, notes };
}

/** Issue ids, usable scales and duplicate ids; checks each scale and status quo. */
function issueFacts(root: Loose, found: FieldProblem[]): Map<string, IssueFacts> {
  const facts = new Map<string, IssueFacts>();
  asList(root.issues).forEach((value, index) => {
    const issue = asObject(value);
    const id = asText(issue?.id);
    if (!issue || id === undefined) return;
    const scale = usableScale(issue, index, found);
    const statusQuo = asNumber(issue.statusQuo);
    if (scale && statusQuo !== undefined && !onScale(statusQuo, scale))
      found.push({ path: ['issues', index, 'statusQuo'], message: `status quo ${statusQuo} is outside the issue's scale [${scale.min}, ${scale.max}]` });
    const first = facts.get(id);
    if (first) found.push({ path: ['issues', index, 'id'], message: `duplicate issue id "${id}" (also issues[${first.index}])` });
    else facts.set(id, { index, id, scale, participants: [] });
  });
  return facts;
}

function usableScale(issue: Loose, index: number, found: FieldProblem[]): IssueFacts['scale'] {
  if (issue.scale === undefined) return DEFAULT_SCALE;
  const scale = asObject(issue.scale);
  const min = asNumber(scale?.min);
  const max = asNumber(scale?.max);
  if (min === undefined || max === undefined) return undefined;
  if (min >= max) {
    found.push({ path: ['issues', index, 'scale'], message: `scale min ${min} must be below max ${max}` });
    return undefined;
  }
  return { min, max };
}

const onScale = (value: number, scale: { min: number; max: number }): boolean => value >= scale.min && value <= scale.max;

/** Every actor's stances, as [actor index, actor, issue id, stance] (loosely typed). */
function* stancesOf(root: Loose): Generator<[number, Loose, string, Loose]> {
  for (const [index, value] of asList(root.actors).entries()) {
    const actor = asObject(value);
    const stances = asObject(actor?.stances);
    if (!actor || !stances) continue;
    for (const [issueId, stance] of Object.entries(stances)) {
      const loose = asObject(stance);
      if (loose) yield [index, actor, issueId, loose];
    }
  }
}

const actorLabel = (actor: Loose, index: number): string => asText(actor.name) ?? asText(actor.id) ?? `actors[${index}]`;

/** The declared salience scale, or the inferred one (with a note), or undefined with a problem. */
function resolveSalienceScale(root: Loose, issues: Map<string, IssueFacts>, found: FieldProblem[], notes: string[]): SalienceScale | undefined {
  if (root.salienceScale !== undefined) return root.salienceScale === 1 || root.salienceScale === 100 ? root.salienceScale : undefined;
  const readings: SalienceReading[] = [];
  for (const [index, actor, issueId, stance] of stancesOf(root)) {
    const salience = asNumber(stance.salience);
    // A negative salience is an error whatever the scale (checkActors reports it); it says nothing about the scale.
    if (salience !== undefined && salience >= 0 && issues.has(issueId)) readings.push({ actor: actorLabel(actor, index), issue: issueId, salience });
  }
  const inference = inferSalienceScale(readings);
  if (inference.scale === undefined) {
    found.push({ path: ['salienceScale'], message: inference.problem });
    return undefined;
  }
  notes.push(inference.note);
  return inference.scale;
}

/** Duplicate actor ids, stances on unknown issues, positions off the scale, saliences out of range. */
function checkActors(root: Loose, issues: Map<string, IssueFacts>, salienceScale: SalienceScale | undefined, found: FieldProblem[]): void {
  const firstIndex = new Map<string, number>();
  asList(root.actors).forEach((value, index) => {
    const id = asText(asObject(value)?.id);
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first !== undefined) found.push({ path: ['actors', index, 'id'], message: `duplicate actor id "${id}" (also actors[${first}])` });
    else firstIndex.set(id, index);
  });
  const known = [...issues.keys()].join(', ');
  for (const [index, actor, issueId, stance] of stancesOf(root)) {
    const path: FieldPath = ['actors', index, 'stances', issueId];
    const issue = issues.get(issueId);
    if (!issue) {
      found.push({ path, message: `unknown issue "${issueId}"; expected one of ${known}` });
      continue;
    }
    issue.participants.push(actorLabel(actor, index));
    const position = asNumber(stance.position);
    if (issue.scale && position !== undefined && !onScale(position, issue.scale))
      found.push({ path: [...path, 'position'], message: `position ${position} is outside the issue's scale [${issue.scale.min}, ${issue.scale.max}]` });
    const salience = asNumber(stance.salience);
    if (salienceScale !== undefined && salience !== undefined && (salience < 0 || salience > salienceScale)) {
      const hint = salienceScale === 1 && salience > 1 && salience <= 100 ? ' (is salienceScale 100 meant?)' : '';
      found.push({ path: [...path, 'salience'], message: `salience ${salience} is outside [0, ${salienceScale}] (salienceScale ${salienceScale})${hint}` });
    } else if (salienceScale === undefined && salience !== undefined && salience < 0) {
      found.push({ path: [...path, 'salience'], message: `salience ${salience} is negative; expected a salience from 0 to the salience scale (1 or 100)` });
    }
  }
}

/** An issue nobody takes part in is an error; an issue with one actor is a warning. */
function checkParticipation(issues: Map<string, IssueFacts>, found: FieldProblem[], notes: string[]): void {
  for (const issue of issues.values()) {
    if (issue.participants.length === 0)
      found.push({ path: ['issues', issue.index], message: `no actor has a stance on issue "${issue.id}"; expected at least one` });
    else if (issue.participants.length === 1)
      notes.push(`warning: only one actor (${issue.participants[0]}) takes part in issue "${issue.id}": its forecast is that actor's position`);
  }
}

/** Locates, adds the file, drops fields a reader already reported, and orders by line. */
function toProblems(found: readonly FieldProblem[], earlier: readonly Problem[], locate: Locate | undefined, file: string | undefined): Problem[] {
  const reported = new Set(earlier.map((problem) => problem.field).filter((field) => field !== undefined));
  const seen = new Set<string>();
  const problems: Problem[] = earlier.map((problem) => (file !== undefined && problem.file === undefined ? { file, ...problem } : problem));
  for (const { path, message } of found) {
    const field = formatFieldPath(path);
    const key = `${field}\u0000${message}`;
    if (reported.has(field) || seen.has(key)) continue;
    seen.add(key);
    const problem: Problem = { message };
    if (file !== undefined) problem.file = file;
    const line = locate?.(path);
    if (line !== undefined) problem.line = line;
    if (field !== '') problem.field = field;
    problems.push(problem);
  }
  return sortByLine(problems);
}

/** Whole-input problems (no line) first, then in line order; stable otherwise. */
function sortByLine(problems: Problem[]): Problem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.order - b.order)
    .map(({ problem }) => problem);
}
