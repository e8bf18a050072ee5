/**
 * The forecast ledger over HTTP (the store's migration 3; `parley ledger` is the same ledger):
 *
 * - `GET /api/ledger?limit=&offset=` — entries, newest first, paged: `{ items, total, limit, offset }`
 *   (`limit` 1–500, default 200; `offset` ≥ 0, default 0);
 * - `POST /api/ledger` `{ scenario }` — seals the scenario's answer, one entry per issue,
 *   computed here from the scenario as `parley ledger add` computes it (never taken from the client);
 * - `GET /api/ledger/:id` — one entry; `POST /api/ledger/:id/resolution` `{ outcome }` — records what
 *   happened, once (a second resolution is a 409: a resolution is final);
 * - `PUT`, `PATCH`, `DELETE /api/ledger/:id` — always 409: sealed entries can never be edited or
 *   deleted (the store's triggers refuse it too, for every client of the file);
 * - `GET /api/ledger/score` — Brier scores, CRPS and calibration bins, as `parley ledger score --json`.
 */
import { z } from 'zod';
import { scoreLedger } from '../analysis/ledger/entries.js';
import { entriesToSeal } from '../node/ledgerSeal.js';
import { validateScenario } from '../scenario/validate.js';
import type { LedgerEntry } from '../store/ledger.js';
import type { Handler } from './api.js';
import { HttpError } from './http.js';
import { notFound, parseId } from './lookups.js';
import { parseBody } from './requests.js';

export const pageLimits = { defaultLimit: 200, maxLimit: 500 } as const;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `limit` (1–500, default 200) and `offset` (≥ 0, default 0) from the query; a bad one is a 400 naming it. */
export function pageQuery(query: URLSearchParams): { limit: number; offset: number } {
  const problems: { field: string; message: string }[] = [];
  const read = (field: 'limit' | 'offset', fallback: number, min: number, max: number): number => {
    const text = query.get(field);
    if (text === null) return fallback;
    const value = /^\d{1,16}$/u.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push({ field, message: `expected a whole number from ${min} to ${max === Number.MAX_SAFE_INTEGER ? 'any' : max}, got "${text}"` });
      return fallback;
    }
    return value;
  };
  const limit = read('limit', pageLimits.defaultLimit, 1, pageLimits.maxLimit);
  const offset = read('offset', 0, 0, Number.MAX_SAFE_INTEGER);
  if (problems.length > 0) throw new HttpError(400, 'invalid paging', problems);
  return { limit, offset };
}

const SealBodySchema = z.object({ scenario: z.custom<unknown>((value) => value !== undefined, { error: 'required' }) }).strict();

const ResolutionBodySchema = z.object({ outcome: z.number({ error: 'expected a number (the outcome on the issue’s scale)' }).finite() }).strict();

function entryOf(store: Parameters<Handler>[1]['store'], idText: string | undefined): LedgerEntry {
  const entry = store.ledger.get(parseId(idText) ?? -1);
  if (!entry) throw notFound('ledger entry', idText);
  return entry;
}

const list: Handler = (request, { store }) => {
  const { limit, offset } = pageQuery(request.query);
  const page: Page<LedgerEntry> = { items: store.ledger.page(limit, offset), total: store.ledger.count(), limit, offset };
  return { status: 200, json: page };
};

const seal: Handler = async (request, { store, parleyVersion }) => {
  const body = parseBody(SealBodySchema, await request.body());
  const scenario = validateScenario(body.scenario).scenario;
  const items = store.ledger.add(entriesToSeal(scenario, parleyVersion));
  return { status: 201, json: { items } };
};

const resolve: Handler = async (request, { store }) => {
  const entry = entryOf(store, request.params.id);
  const body = parseBody(ResolutionBodySchema, await request.body());
  if (entry.resolution)
    throw new HttpError(409, `ledger entry ${entry.id} is already resolved (outcome ${entry.resolution.outcome}, ${entry.resolution.resolvedAt}); a resolution is final`);
  return { status: 200, json: store.ledger.resolve(entry.id, body.outcome) };
};

const refuseEdit: Handler = (request, { store }) => {
  const entry = entryOf(store, request.params.id);
  throw new HttpError(409, `ledger entry ${entry.id} is sealed: it can never be edited or deleted (record what happened with POST /api/ledger/${entry.id}/resolution)`);
};

export const ledgerRoutes: { method: string; path: string; handler: Handler }[] = [
  { method: 'GET', path: '/api/ledger', handler: list },
  { method: 'POST', path: '/api/ledger', handler: seal },
  { method: 'GET', path: '/api/ledger/score', handler: (_request, { store }) => ({ status: 200, json: scoreLedger(store.ledger.list()) }) },
  { method: 'GET', path: '/api/ledger/:id', handler: (request, { store }) => ({ status: 200, json: entryOf(store, request.params.id) }) },
  { method: 'POST', path: '/api/ledger/:id/resolution', handler: resolve },
  ...(['PUT', 'PATCH', 'DELETE'] as const).map((method) => ({ method, path: '/api/ledger/:id', handler: refuseEdit })),
];
