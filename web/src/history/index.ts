/**
 * The History tab: the store's runs; which two are compared is its own. Opening a run puts it on the
 * Run & charts tab (a forecast) or the Sweep tab (a sweep).
 */
import { api, type StoredRun } from '../api.js';
import { runInWorker } from '../modelClient.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { renderHistory } from './history.js';

export function historyView(store: Store): View {
  const state = store.state;
  let comparing: number[] = [];
  let comparison: [StoredRun, StoredRun] | undefined;
  store.on('opened', () => {
    comparing = [];
    comparison = undefined;
  });

  async function open(id: number): Promise<void> {
    const run = await api.getRun(id);
    if (run.kind === 'sweep' && run.sweepResult) {
      // A sweep's result is stored whole: shown as it is, no re-run.
      state.sweep = { scenario: run.scenario, result: run.sweepResult, origin: `Run #${run.id} (Parley ${run.parleyVersion}), stored`, savedRunId: run.id };
      state.issueId = run.scenario.issues[0]?.id;
      store.show('sweep');
      return;
    }
    // The stored forecast is kept as is; the snapshot is re-run only to recover the dyads it did not store.
    const request = { model: run.model, ...(run.preset !== undefined && { preset: run.preset }), options: run.options };
    const { forecasts, milliseconds } = await runInWorker(run.scenario, [request]);
    state.results = { scenario: run.scenario, forecasts, requests: [request], milliseconds, origin: `Run #${run.id} (Parley ${run.parleyVersion}), re-run`, saved: true };
    state.issueId = run.scenario.issues[0]?.id;
    store.show('results');
  }

  async function remove(id: number): Promise<void> {
    if (!confirm(`Delete run #${id} from the history?`)) return;
    await api.deleteRun(id);
    comparing = comparing.filter((candidate) => candidate !== id);
    comparison = undefined;
    await store.loadRuns(false);
    await store.loadLibrary();
    store.changed();
  }

  async function toggleCompare(id: number): Promise<void> {
    comparing = comparing.includes(id) ? comparing.filter((candidate) => candidate !== id) : [...comparing, id].slice(-2);
    comparison = undefined;
    if (comparing.length === 2) {
      const [a, b] = await Promise.all(comparing.map((runId) => api.getRun(runId)));
      comparison = a!.id < b!.id ? [a!, b!] : [b!, a!];
    }
    store.changed();
  }

  return {
    id: 'history',
    place: 'tab',
    label: () => `History (${state.runs.total})`,
    render: () =>
      renderHistory({ runs: state.runs, total: state.runs.total, showMore: store.guarded(() => store.moreRuns()), issueNames: issueNames(state.draft), comparing, comparison, open: store.guarded(open), remove: store.guarded(remove), toggleCompare: store.guarded(toggleCompare) }),
    shown: () => void store.loadRuns().catch(() => undefined),
  };
}

/** The draft's issue names by id (a Map: ids are user input). */
function issueNames(draft: { issues: Record<string, unknown>[] } | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const issue of draft?.issues ?? []) if (typeof issue.id === 'string' && typeof issue.name === 'string' && issue.name !== '') names.set(issue.id, issue.name);
  return names;
}
