/** Finding what a request names: ids in paths, and the 404 when there is no such thing. */
import type { Store } from '../store/store.js';
import { HttpError } from './http.js';

export function parseId(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9]\d{0,15}$/u.test(text) ? Number(text) : undefined;
}

export function notFound(kind: string, id: string | undefined): HttpError {
  return new HttpError(404, `no ${kind} with id "${id ?? ''}"`);
}

export function findScenario(store: Store, idText: string | undefined) {
  const stored = store.scenarios.get(parseId(idText) ?? -1);
  if (!stored) throw notFound('scenario', idText);
  return stored;
}
