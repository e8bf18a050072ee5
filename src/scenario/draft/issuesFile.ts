/**
 * `--issues FILE`: the issues to place cues on, as YAML or JSON — a list of issues, or an object
 * with an `issues` list (a scenario file works too) — checked with the scenario's issue schema.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import { IssueSchema, type Issue } from '../schema.js';
import { parseWith } from '../zodProblems.js';

const IssueListSchema = z.array(IssueSchema).min(1, 'expected at least one issue');

export function parseIssues(text: string, file: string): Issue[] {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new InputError({ file, message: `not YAML or JSON: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
  }
  const list = value !== null && typeof value === 'object' && !Array.isArray(value) && 'issues' in value ? (value as { issues: unknown }).issues : value;
  try {
    return parseWith(IssueListSchema, list, Array.isArray(value) ? [] : ['issues']);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.problems.map((problem) => ({ ...problem, file })));
    throw error;
  }
}
