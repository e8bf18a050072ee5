/** Finding what a request names: ids in paths, and the 404 when there is no such thing. */
import { isDraft } from '../store/records.js';
import type { Store } from '../store/store.js';
import { HttpError } from './http.js';

export function parseId(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9]\d{0,15}$/u.test(text) ? Number(text) : undefined;
}

export function notFound(kind: string, id: string | undefined): HttpError {
  return new HttpError(404, `no ${kind} with id "${id ?? ''}"`);
}

/** A scenario that can run or be exported; a draft is refused (409) with its problems. */
export function findScenario(store: Store, idText: string | undefined) {
  const entry = findEntry(store, idText);
  if (isDraft(entry)) {
    const count = `${entry.problems.length} problem${entry.problems.length === 1 ? '' : 's'}`;
    throw new HttpError(409, `scenario ${entry.id} ("${entry.title}") is a draft with ${count}: fix them in the editor first`, entry.problems);
  }
  return entry;
}

/** A scenario or a draft (to open, rename, copy or delete it). */
export function findEntry(store: Store, idText: string | undefined) {
  const entry = store.scenarios.entry(parseId(idText) ?? -1);
  if (!entry) throw notFound('scenario', idText);
  return entry;
}
