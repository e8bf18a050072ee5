/**
 * The forecast ledger over HTTP (the store's migration 3; `parley ledger` is the same ledger):
 *
 * - `GET /api/ledger?limit=&offset=` — entries, newest first, paged as every list (paging.ts):
 *   `{ items, total, limit, offset }` (`limit` 1–500, default 200; `offset` ≥ 0, default 0);
 * - `POST /api/ledger` `{ scenario }` — seals the scenario's answer, one entry per issue,
 *   computed from the scenario as `parley ledger add` computes it (on a model worker thread; never
 *   taken from the client);
 * - `GET /api/ledger/:id` — one entry; `POST /api/ledger/:id/resolution` `{ outcome }` — records what
 *   happened, once (a second resolution is a 409: a resolution is final);
 * - `PUT`, `PATCH`, `DELETE /api/ledger/:id` — always 409: sealed entries can never be edited or
 *   deleted (the store's triggers refuse it too, for every client of the file);
 * - `GET /api/ledger/score` — Brier scores, CRPS and calibration bins, as `parley ledger score --json`.
 */
import { z } from 'zod';
import { scoreLedger } from '../analysis/ledger/entries.js';
import { validateScenario } from '../scenario/validate.js';
import type { LedgerEntry } from '../store/ledger.js';
import type { Handler } from './api.js';
import { HttpError } from './http.js';
import { notFound, parseId } from './lookups.js';
import { pageOf, parsePage, type Page } from './paging.js';
import { parseBody } from './requests.js';
import { checkScenarioSize } from './runLimits.js';

export type { Page };

const SealBodySchema = z.object({ scenario: z.custom<unknown>((value) => value !== undefined, { error: 'required' }) }).strict();

const ResolutionBodySchema = z.object({ outcome: z.number({ error: 'expected a number (the outcome on the issue’s scale)' }).finite() }).strict();

function entryOf(store: Parameters<Handler>[1]['store'], idText: string | undefined): LedgerEntry {
  const entry = store.ledger.get(parseId(idText) ?? -1);
  if (!entry) throw notFound('ledger entry', idText);
  return entry;
}

const list: Handler = (request, { store }) => {
  const page = parsePage(request.query);
  return { status: 200, json: pageOf(page, store.ledger.page(page), store.ledger.count()) };
};

const seal: Handler = async (request, { store, parleyVersion, workers }) => {
  const body = parseBody(SealBodySchema, await request.body());
  const scenario = validateScenario(body.scenario).scenario;
  checkScenarioSize(scenario);
  // Every model and the answer's sweeps run on a model worker thread, never on the event loop.
  const items = store.ledger.add(await workers.seal(scenario, parleyVersion));
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
