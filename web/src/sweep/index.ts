/** The Sweep tab: its settings and running state are its own; the sweep on screen is the store's. */
import { prepareSweep, sweepSpecFromRequest } from '../../../src/analysis/sweep/index.js';
import { api } from '../api.js';
import { toast } from '../dom.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { runBlocked } from '../app/problemList.js';
import { defaultSweepConfig, renderSweep, showSweepProgress, sweepBody, type SweepHost } from './sweep.js';
import { sweepInWorkers } from './sweepClient.js';

export function sweepView(store: Store): View {
  const state = store.state;
  const config = defaultSweepConfig();
  let running = false;

  /** Runs the configured sweep of the current draft in Web Workers. */
  async function run(): Promise<void> {
    const scenario = state.valid;
    if (!scenario) return;
    const body = sweepBody(config, scenario);
    const spec = sweepSpecFromRequest(body, scenario);
    prepareSweep(spec); // every problem in the settings at once, before any worker starts
    running = true;
    store.changed();
    try {
      const outcome = await sweepInWorkers(spec, config.workers, showSweepProgress);
      state.sweep = {
        scenario,
        body,
        result: outcome.result,
        origin: `Swept ${outcome.result.completedRuns} runs in your browser on ${outcome.workers} Web Worker${outcome.workers === 1 ? '' : 's'} in ${outcome.milliseconds.toFixed(0)} ms`,
      };
      if (!outcome.result.issues.some((issue) => issue.issue === state.issueId)) state.issueId = outcome.result.issues[0]?.issue;
    } finally {
      running = false;
      store.changed();
    }
  }

  /** Saves the scenario if it changed, then the sweep (the server runs it again and stores it). */
  async function save(): Promise<void> {
    const sweep = state.sweep;
    if (!sweep?.body || !state.current) return;
    if (store.isDirty()) await store.saveScenario();
    running = true;
    store.changed();
    try {
      const stored = await api.saveSweep(state.current.id, sweep.body);
      sweep.savedRunId = stored.id;
      await store.loadRuns(false);
      await store.loadLibrary();
      toast(`Saved the sweep to the history as run #${stored.id}.`);
    } finally {
      running = false;
      store.changed();
    }
  }

  function host(): SweepHost {
    const host: SweepHost = {
      config,
      view: state.sweep,
      issueId: state.issueId,
      running,
      canRun: state.valid !== undefined,
      ...(state.valid === undefined && { blocked: runBlocked('sweep-problems', 'sweep it', state.problems, state.draft, store.isStoredDraft()) }),
      run: store.guarded(run),
      save: store.guarded(save),
      changed: () => {
        state.issueId = host.issueId;
        store.changed();
      },
    };
    return host;
  }

  return { id: 'sweep', place: 'tab', label: () => 'Sweep', redrawOnResize: true, render: (width) => renderSweep(host(), width) };
}
