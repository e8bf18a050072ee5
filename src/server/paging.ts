/**
 * Paged lists (issue 14 item 8: `GET /api/scenarios` answered all 2,600 stored scenarios at once).
 * Every list endpoint takes `limit` (1 to `maxPageLimit`, `defaultPageLimit` when absent) and
 * `offset` (0 when absent) in its query and answers `{ items, total, limit, offset }`; the store
 * reads only the page (LIMIT/OFFSET). A bad value is a 400 naming the field.
 */
import { InputError, type Problem } from '../errors.js';
import type { Page, PageRequest } from '../store/records.js';

export type { Page, PageRequest };

/** Entries in a page when the request does not say. */
export const defaultPageLimit = 200;
/** The most entries one page holds. */
export const maxPageLimit = 500;

/** The page a request's query asks for (`limit`, `offset`), or an InputError naming each bad field. */
export function parsePage(query: URLSearchParams): PageRequest {
  const problems: Problem[] = [];
  const limit = wholeNumber(query, 'limit', defaultPageLimit, problems, (value) => value >= 1 && value <= maxPageLimit, `a whole number from 1 to ${maxPageLimit}`);
  const offset = wholeNumber(query, 'offset', 0, problems, (value) => value >= 0 && Number.isSafeInteger(value), 'a whole number from 0');
  if (problems.length > 0) throw new InputError(problems);
  return { limit, offset };
}

/** The answer for a page of a list of `total` entries. */
export function pageOf<T>(request: PageRequest, items: T[], total: number): Page<T> {
  return { items, total, limit: request.limit, offset: request.offset };
}

function wholeNumber(query: URLSearchParams, field: string, fallback: number, problems: Problem[], fits: (value: number) => boolean, expected: string): number {
  const values = query.getAll(field);
  if (values.length === 0) return fallback;
  const text = values[0]!;
  const value = /^\d{1,16}$/u.test(text) ? Number(text) : Number.NaN;
  if (values.length > 1) problems.push({ field, message: `expected one ${field}, got ${values.length}` });
  else if (!fits(value)) problems.push({ field, message: `expected ${expected}, got "${text}"` });
  return value;
}
