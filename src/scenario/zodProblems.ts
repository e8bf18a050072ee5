/**
 * Turns zod's shape-check issues into messages that say what was expected and what was found,
 * one problem per offending field (an unknown key is located at the key itself).
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { formatFieldPath, type FieldPath, valueAt } from './fieldPath.js';

export interface FieldProblem {
  path: FieldPath;
  message: string;
}

/** How a value looks in a message: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

const typeNames: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  object: 'an object',
  array: 'a list',
  record: 'an object keyed by issue id',
  boolean: 'true or false',
};

/** The schema that checks the value at `path`, looking through optional, default and union wrappers. */
function schemaAt(root: z.ZodType, path: FieldPath): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (const segment of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(segment)];
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else return undefined;
  }
  return unwrap(schema);
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodUnion) {
      const objectOption = (current.options as z.ZodType[]).find((option) => option instanceof z.ZodObject);
      if (!objectOption) return current;
      current = objectOption;
    } else return current;
  }
}

/** The field names an object at `path` may have, for "unknown field" messages. */
function allowedFields(root: z.ZodType, path: FieldPath): string[] {
  const schema = schemaAt(root, path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
}

export function zodProblems(root: z.ZodType, error: z.ZodError, input: unknown): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedFields(root, path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown field "${key}"${allowed.length > 0 ? `; expected one of ${allowed.join(', ')}` : ''}`,
      }));
    }
    const value = valueAt(input, path);
    if (issue.code === 'invalid_type') {
      const expected = typeNames[issue.expected] ?? issue.expected;
      return [{ path, message: value === undefined ? `missing; expected ${expected}` : `expected ${expected}, got ${describeValue(value)}` }];
    }
    if (issue.code === 'invalid_union' && path.length === 1 && path[0] === 'salienceScale')
      return [{ path, message: `expected 1 or 100, got ${describeValue(value)}` }];
    if (issue.code === 'invalid_union' && path[0] === 'sources')
      return [{ path, message: `expected a source title or { title, url?, date? }, got ${describeValue(value)}` }];
    if (issue.code === 'custom' && typeof value === 'number') return [{ path, message: `${issue.message}, got ${value}` }];
    return [{ path, message: issue.message }];
  });
}

/**
 * Plain words for the zod issues `zodProblems` passes through as they are (ranges, enums); a message
 * the schema states itself takes precedence over these.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const got = issue.input === undefined ? '' : `, got ${describeValue(issue.input)}`;
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const relation = issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
      if (issue.origin === 'string') return `expected ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} characters${got}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `expected ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} entries`;
      return `expected a number ${relation} ${String(bound)}${got}`;
    }
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? describeValue(issue.values[0]) : `one of ${issue.values.map(describeValue).join(', ')}`}${got}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}${got}`;
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? 'text in the expected format' : `a ${issue.format}`}${got}`;
    default:
      return undefined;
  }
}

/**
 * Checks a value with a schema; every mismatch becomes a field-level problem in plain words
 * (`scenario: required`, `unknown field "x"`), located under `prefix` (e.g. `options`).
 */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, prefix: FieldPath = []): T {
  const parsed = schema.safeParse(value, { error: plainMessage });
  if (parsed.success) return parsed.data;
  throw new InputError(
    zodProblems(schema, parsed.error, value).map((problem) => {
      const field = formatFieldPath([...prefix, ...problem.path]);
      return field === '' ? { message: problem.message } : { field, message: problem.message };
    }),
  );
}
