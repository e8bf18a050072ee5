/**
 * Bad input is reported, never thrown as a bare Error: every problem names where it is (file, line,
 * field) and what was expected, and all problems are collected before reporting (not just the first).
 */

/** One thing wrong with an input, located as precisely as the input format allows. */
export interface Problem {
  /** The file the input came from, when there is one. */
  file?: string;
  /** 1-based line in that file (YAML and CSV readers locate fields; JSON locates where it can). */
  line?: number;
  /** The field, as a path such as `actors[2].stances.talks.salience` or `rounds`. */
  field?: string;
  message: string;
}

/** Formats a problem as `file:line: field: message`, leaving out the parts it does not have. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line].filter((part) => part !== undefined).join(':');
  return [where, problem.field, problem.message].filter((part) => part !== undefined && part !== '').join(': ');
}

/**
 * Thrown for any input a user can fix (a scenario, an option, a command-line argument). The CLI prints
 * its problems and exits 2; the server answers 400 with them. Anything else is an internal failure.
 */
export class InputError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[] | Problem | string) {
    const list: Problem[] =
      typeof problems === 'string' ? [{ message: problems }] : Array.isArray(problems) ? [...problems] : [problems as Problem];
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
