/** The workbench's client of the server's JSON API (see src/server/api.ts). */
import type { Problem } from '../../src/errors.js';
import type { BacktestState } from '../../src/server/backtestJobs.js';
import type { SweepBody } from '../../src/server/sweepApi.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { LibraryEntry, Page, RunSummary, StoredDraft, StoredRun } from '../../src/store/records.js';
import type { ScenarioSummary, StoredScenario } from '../../src/store/records.js';

export type { BacktestState, LibraryEntry, Page, RunSummary, ScenarioSummary, StoredDraft, StoredRun, StoredScenario, SweepBody };

/** The backtest's options as the API takes them (see src/server/backtestApi.ts). */
export interface BacktestBody {
  capability: string;
  institutions?: string;
  subset: string;
  models?: string;
}

/** Entries the API answers per page (its `limit`, at most 500): the sidebar shows more a page at a time. */
export const listPageSize = 200;

/** A list as far as it was read: its entries, and `total`, how many the whole list has. */
export type Listed<T> = T[] & { total: number };

/** How many library entries the page reads: one page, and one more each time the sidebar shows more. */
const libraryWindow = { length: listPageSize };

/** The first `length` entries of a paged list (`GET path?limit&offset`, at most 500 a request). */
async function listFirst<T>(path: string, length: number): Promise<Listed<T>> {
  const items: T[] = [];
  for (;;) {
    const limit = Math.min(500, length - items.length);
    const page = await call<Page<T>>('GET', `${path}?limit=${limit}&offset=${items.length}`);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= Math.min(length, page.total)) return Object.assign(items, { total: page.total });
  }
}

/** A failed request: the server's message and, for bad input, its problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: body === undefined ? {} : { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(`api/${path}`, init);
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => ({ error: response.statusText }))) as { error?: string; problems?: Problem[] };
  if (!response.ok) throw new ApiError(response.status, payload.error ?? response.statusText, payload.problems ?? []);
  return payload as T;
}

export const api = {
  health: () => call<{ ok: boolean; version: string }>('GET', 'health'),
  /** The library's first entries, as many as the sidebar shows. */
  listScenarios: () => listFirst<ScenarioSummary>('scenarios', libraryWindow.length),
  /** The library with one more page shown. */
  moreScenarios: () => {
    libraryWindow.length += listPageSize;
    return listFirst<ScenarioSummary>('scenarios', libraryWindow.length);
  },
  /** A scenario, or a draft (saved with problems). */
  getScenario: (id: number) => call<LibraryEntry>('GET', `scenarios/${id}`),
  createScenario: (scenario: unknown) => call<StoredScenario>('POST', 'scenarios', { scenario }),
  /** A file that reads but does not validate comes back as a draft with its problems. */
  importScenario: (text: string, file: string) => call<LibraryEntry>('POST', 'scenarios/import', { text, file, draft: true }),
  /** Saves the scenario; with problems, as a draft. */
  saveScenario: (id: number, scenario: unknown) => call<LibraryEntry>('PUT', `scenarios/${id}`, { scenario, draft: true }),
  renameScenario: (id: number, title: string) => call<StoredScenario>('PATCH', `scenarios/${id}`, { title }),
  duplicateScenario: (id: number) => call<StoredScenario>('POST', `scenarios/${id}/duplicate`),
  deleteScenario: (id: number) => call<void>('DELETE', `scenarios/${id}`),
  exportUrl: (id: number, format: 'yaml' | 'json' | 'csv') => `api/scenarios/${id}/export?format=${format}`,
  /** The newest `length` runs of a scenario (one page unless the History tab showed more). */
  listRuns: (scenarioId: number, length = listPageSize) => listFirst<RunSummary>(`scenarios/${scenarioId}/runs`, length),
  saveRun: (scenarioId: number, run: { scenario: Scenario; model: string; preset?: string; options: Record<string, unknown> }) =>
    call<StoredRun>('POST', `scenarios/${scenarioId}/runs`, run),
  saveSweep: (scenarioId: number, sweep: SweepBody) => call<StoredRun>('POST', `scenarios/${scenarioId}/sweeps`, sweep),
  /** Starts the backtest with these options, or reports how far it got, or answers its (cached) result. */
  backtest: (options: BacktestBody) => call<BacktestState>('POST', 'backtest', options),
  getRun: (id: number) => call<StoredRun>('GET', `runs/${id}`),
  deleteRun: (id: number) => call<void>('DELETE', `runs/${id}`),
};
