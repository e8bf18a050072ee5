/**
 * The Run & charts tab: which models to run (its own choice, kept across scenarios), the run in the
 * Web Worker, and the charts of the forecasts on screen (the store's, which the history also opens).
 */
import { modelIds } from '../../../src/models/registry.js';
import { api } from '../api.js';
import type { SmpPlaneChoice } from '../charts/smpPlane.js';
import { h, toast } from '../dom.js';
import { runInWorker } from '../modelClient.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { runBlocked } from '../app/problemList.js';
import { renderResults, renderRunBar, requestsFor, type ResultsHost, type RunConfig } from './results.js';
import { staleBanner } from '../answer/staleBanner.js';

export function resultsView(store: Store): View {
  const state = store.state;
  const config: RunConfig = {
    selected: modelIds().filter((id) => ['eum', 'weighted-median', 'weighted-mean'].includes(id)),
    presets: {},
    rounds: 10,
  };
  let roundsModel = 0;
  let dyadRound = 1;
  let smpPlane: SmpPlaneChoice = {};
  let running = false;
  store.on('opened', () => (smpPlane = {}));

  async function run(): Promise<void> {
    const scenario = state.valid;
    if (!scenario) return;
    if (config.selected.length === 0) {
      toast('Choose at least one model.', 'error');
      return;
    }
    running = true;
    store.changed();
    try {
      const requests = requestsFor(config);
      const { forecasts, milliseconds } = await runInWorker(scenario, requests);
      state.results = { scenario, forecasts, requests, milliseconds, origin: 'Ran in your browser', saved: false };
      if (!scenario.issues.some((issue) => issue.id === state.issueId)) state.issueId = scenario.issues[0]?.id;
    } finally {
      running = false;
      store.changed();
    }
  }

  /** Saves the scenario if it changed, then every forecast shown as a run in the history. */
  async function saveRun(): Promise<void> {
    const results = state.results;
    if (!results || !state.current) return;
    if (store.isDirty()) await store.saveScenario();
    for (const request of results.requests) {
      await api.saveRun(state.current.id, { scenario: results.scenario, model: request.model, ...(request.preset !== undefined && { preset: request.preset }), options: request.options ?? {} });
    }
    results.saved = true;
    await store.loadRuns(false);
    await store.loadLibrary();
    toast(`Saved ${results.requests.length} run${results.requests.length === 1 ? '' : 's'} to the history.`);
    store.changed();
  }

  function host(): ResultsHost {
    const host: ResultsHost = {
      config,
      results: state.results,
      issueId: state.issueId,
      roundsModel,
      dyadRound,
      smpPlane,
      running,
      canRun: state.valid !== undefined,
      ...(state.valid === undefined && { blocked: runBlocked('run-problems', 'run it', state.problems, state.draft, store.isStoredDraft()) }),
      dirty: store.isDirty(),
      run: store.guarded(run),
      saveRun: store.guarded(saveRun),
      changed: () => {
        state.issueId = host.issueId;
        roundsModel = host.roundsModel;
        dyadRound = host.dyadRound;
        store.changed();
      },
    };
    return host;
  }

  return {
    id: 'results',
    place: 'tab',
    label: () => 'Run & charts',
    redrawOnResize: true,
    render: (width) => {
      const current = host();
      return h('div', {}, renderRunBar(current), state.results ? staleBanner(state.results.scenario, state.valid, current.run, 'results-stale') : null, renderResults(current, width));
    },
  };
}
