/**
 * The JSON API: the scenario library, import/export, the run history (forecasts and sweeps), and the
 * DEU III backtest. Every request body is validated (the scenario by the same schema as the CLI);
 * models run on the server too when a run is saved, so a stored forecast or sweep is always what this
 * Parley computes for the stored snapshot. They run on the warm worker threads of modelWorkers.ts,
 * never on the event loop, within the limits of runLimits.ts.
 */
import type { IncomingMessage } from 'node:http';
import { getModel, models, resolveOptions } from '../models/registry.js';
import { isInputError, type Problem } from '../errors.js';
import { readScenarioOrDraft } from '../scenario/importing.js';
import { parseAnyScenario } from '../scenario/ktab/index.js';
import type { Scenario } from '../scenario/schema.js';
import { validateScenario } from '../scenario/validate.js';
import { serializeScenario } from '../scenario/write.js';
import type { Store } from '../store/store.js';
import type { BacktestJobs } from './backtestJobs.js';
import { backtestRoutes } from './backtestApi.js';
import { ledgerRoutes } from './ledgerApi.js';
import { HttpError, readJsonBody } from './http.js';
import { findEntry, findScenario, notFound, parseId } from './lookups.js';
import { checkBodyHeaders } from './requestGuard.js';
import type { ModelWorkers } from './modelWorkers.js';
import { pageOf, parsePage } from './paging.js';
import { checkRequestedRounds, checkRunSize, checkScenarioSize } from './runLimits.js';
import { storeSweep } from './sweepApi.js';
import {
  exportFormats,
  ImportBodySchema,
  parseBody,
  RenameBodySchema,
  RunBodySchema,
  ScenarioBodySchema,
  type ExportFormat,
} from './requests.js';

export interface ApiContext {
  store: Store;
  parleyVersion: string;
  /** The worker threads every model run and sweep of a request runs on. */
  workers: ModelWorkers;
  /** The DEU III backtests run and cached by this server (`POST /api/backtest`); absent: 503. */
  backtests?: BacktestJobs;
}

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: () => Promise<unknown>;
}

export type ApiResult =
  | { status: number; json: unknown; headers?: Record<string, string> }
  /** JSON already serialized (a stored run, put together from the store's texts). */
  | { status: number; jsonText: string }
  | { status: number; text: string; contentType: string; filename?: string };

export type Handler = (request: ApiRequest, context: ApiContext) => ApiResult | Promise<ApiResult>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

const routes: Route[] = [];

function route(method: string, path: string, handler: Handler): void {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/:([a-zA-Z]+)/gu, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
    'u',
  );
  routes.push({ method, pattern, names, handler });
}

const ok = (json: unknown, status = 200): ApiResult => ({ status, json });

route('GET', '/api/health', (_request, context) => ok({ ok: true, version: context.parleyVersion }));

route('GET', '/api/models', () =>
  ok(
    models.map((model) => ({
      id: model.id,
      title: model.title,
      reference: model.reference,
      summary: model.summary,
      presets: Object.entries(model.presets).map(([name, preset]) => ({ name, description: preset.description })),
    })),
  ),
);

route('GET', '/api/scenarios', (request, { store }) => {
  const page = parsePage(request.query);
  return ok(pageOf(page, store.scenarios.list(page), store.scenarios.count()));
});

route('POST', '/api/scenarios', async (request, { store }) => {
  const body = parseBody(ScenarioBodySchema, await request.body());
  const checked = checkScenario(body.scenario, body.draft === true);
  return ok(checked.valid ? store.scenarios.create(checked.scenario) : store.scenarios.createDraft(body.scenario, checked.problems), 201);
});

route('POST', '/api/scenarios/import', async (request, { store }) => {
  const body = parseBody(ImportBodySchema, await request.body());
  // The format as given, else from the file's extension, else sniffed from the text: Parley's YAML,
  // JSON or CSV, or a KTAB SMP CSV/XML file (the same entry point as the CLI). With `draft`, a file
  // that reads but does not validate is kept as a draft with its problems.
  const source = { file: body.file ?? 'upload', ...(body.format && { format: body.format }) };
  if (body.draft !== true) return ok(store.scenarios.create(parseAnyScenario(body.text, source).scenario), 201);
  const read = readScenarioOrDraft(body.text, source);
  return ok(read.kind === 'scenario' ? store.scenarios.create(read.scenario) : store.scenarios.createDraft(read.draft, read.problems), 201);
});

route('GET', '/api/scenarios/:id', (request, { store }) => ok(findEntry(store, request.params.id)));

route('PUT', '/api/scenarios/:id', async (request, { store }) => {
  const id = entryId(store, request.params.id);
  const body = parseBody(ScenarioBodySchema, await request.body());
  const checked = checkScenario(body.scenario, body.draft === true);
  return ok(checked.valid ? store.scenarios.update(id, checked.scenario) : store.scenarios.updateDraft(id, body.scenario, checked.problems));
});

route('PATCH', '/api/scenarios/:id', async (request, { store }) => {
  const id = entryId(store, request.params.id);
  const body = parseBody(RenameBodySchema, await request.body());
  return ok(store.scenarios.rename(id, body.title));
});

route('DELETE', '/api/scenarios/:id', (request, { store }) => {
  store.scenarios.delete(entryId(store, request.params.id));
  return ok(null, 204);
});

route('POST', '/api/scenarios/:id/duplicate', (request, { store }) =>
  ok(store.scenarios.duplicate(entryId(store, request.params.id)), 201),
);

route('GET', '/api/scenarios/:id/export', (request, { store }) => {
  const stored = findScenario(store, request.params.id);
  const format = request.query.get('format') ?? 'yaml';
  if (!(exportFormats as readonly string[]).includes(format)) {
    throw new HttpError(400, 'unknown export format', [{ field: 'format', message: `expected one of ${exportFormats.join(', ')}, got "${format}"` }]);
  }
  const text = serializeScenario(stored.scenario, format as ExportFormat);
  const contentType = { yaml: 'text/yaml', json: 'application/json', csv: 'text/csv' }[format as ExportFormat];
  return { status: 200, text, contentType: `${contentType}; charset=utf-8`, filename: `${fileStem(stored.title)}.${format}` };
});

route('GET', '/api/scenarios/:id/runs', (request, { store }) => {
  const id = entryId(store, request.params.id);
  const page = parsePage(request.query);
  return ok(pageOf(page, store.runs.listForScenario(id, page), store.runs.countForScenario(id)));
});

route('POST', '/api/scenarios/:id/runs', async (request, context) => {
  const { store } = context;
  const stored = findScenario(store, request.params.id);
  const body = parseBody(RunBodySchema, await request.body());
  const scenario: Scenario = body.scenario === undefined ? stored.scenario : validateScenario(body.scenario).scenario;
  const runRequest = { ...(body.preset !== undefined && { preset: body.preset }), ...(body.options && { options: body.options }) };
  checkScenarioSize(scenario);
  checkRequestedRounds(body.options);
  checkRunSize(scenario, resolveOptions(getModel(body.model), runRequest));
  const forecast = await context.workers.forecast(body.model, scenario, runRequest);
  const run = store.runs.createText({
    scenarioId: stored.id,
    scenario,
    model: body.model,
    ...(forecast.preset !== undefined && { preset: forecast.preset }),
    options: forecast.options,
    parleyVersion: context.parleyVersion,
    forecastJson: forecast.forecastJson,
    digest: forecast.digest,
  });
  return { status: 201, jsonText: run };
});

route('POST', '/api/scenarios/:id/sweeps', async (request, context) => {
  const stored = findScenario(context.store, request.params.id);
  return { status: 201, jsonText: await storeSweep(stored, await request.body(), context) };
});

for (const extra of backtestRoutes) route(extra.method, extra.path, extra.handler);
for (const extra of ledgerRoutes) route(extra.method, extra.path, extra.handler);

route('GET', '/api/runs/:id', (request, { store }) => {
  const run = store.runs.getText(parseId(request.params.id) ?? -1);
  if (run === undefined) throw notFound('run', request.params.id);
  return { status: 200, jsonText: run };
});

route('DELETE', '/api/runs/:id', (request, { store }) => {
  if (!store.runs.delete(parseId(request.params.id) ?? -1)) throw notFound('run', request.params.id);
  return ok(null, 204);
});

/** The methods a path answers to: its routes', HEAD wherever GET is, and OPTIONS; empty if none. */
export function allowedMethods(path: string): string[] {
  const methods = new Set(routes.filter((candidate) => candidate.pattern.test(path)).map((candidate) => candidate.method));
  if (methods.size === 0) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods];
}

/**
 * Finds the route for a request: the handler (a GET route's for HEAD), a 405 with `Allow` when only
 * the method is wrong, or a 404. A path whose %-escapes are not UTF-8 is a 400.
 */
export function matchRoute(method: string, path: string): { handler: Handler; params: Record<string, string> } {
  const routeMethod = method === 'HEAD' ? 'GET' : method;
  for (const candidate of routes) {
    if (candidate.method !== routeMethod) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(candidate.names.map((name, index) => [name, decodePathSegment(match[index + 1]!)]));
    return { handler: candidate.handler, params };
  }
  const allowed = allowedMethods(path);
  if (allowed.length > 0) throw new HttpError(405, `${method} is not allowed on ${path}; allowed: ${allowed.join(', ')}`, undefined, { allow: allowed.join(', ') });
  throw new HttpError(404, `no such endpoint: ${method} ${path}`);
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'malformed path', [{ field: 'path', message: `"${segment}" is not valid percent-encoding (%XX escapes of UTF-8)` }]);
  }
}

export function handleApi(
  request: IncomingMessage,
  url: URL,
  context: ApiContext,
): Promise<ApiResult> {
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') {
    const allowed = allowedMethods(url.pathname);
    if (allowed.length === 0) throw new HttpError(404, `no such endpoint: ${url.pathname}`);
    return Promise.resolve({ status: 204, json: null, headers: { allow: allowed.join(', ') } });
  }
  checkBodyHeaders(request);
  const { handler, params } = matchRoute(method, url.pathname);
  return Promise.resolve(handler({ params, query: url.searchParams, body: () => readJsonBody(request) }, context));
}

/** The id of a scenario or a draft. */
function entryId(store: Store, idText: string | undefined): number {
  return findEntry(store, idText).id;
}

/**
 * A scenario body checked by the CLI's schema: valid, or (when a draft may be kept) its problems;
 * a body with problems that may not be kept is the InputError (400) it always was.
 */
function checkScenario(input: unknown, draftAllowed: boolean): { valid: true; scenario: Scenario } | { valid: false; problems: Problem[] } {
  try {
    return { valid: true, scenario: validateScenario(input).scenario };
  } catch (error) {
    const isObject = input !== null && typeof input === 'object' && !Array.isArray(input);
    if (!draftAllowed || !isObject || !isInputError(error)) throw error;
    return { valid: false, problems: [...error.problems] };
  }
}

/** A safe download name made from a title. */
function fileStem(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '') || 'scenario';
}
