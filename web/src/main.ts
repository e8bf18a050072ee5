/**
 * The workbench's controller: holds the state (library, open scenario, its draft, results, history),
 * answers the views' actions and re-renders. The location hash (#/scenario/ID/VIEW) keeps the open
 * scenario and view across reloads.
 */
import type { Problem } from '../../src/errors.js';
import { isInputError } from '../../src/errors.js';
import { modelIds } from '../../src/models/registry.js';
import type { FieldPath } from '../../src/scenario/fieldPath.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { prepareSweep, sweepSpecFromRequest } from '../../src/analysis/sweep/index.js';
import { api, ApiError, type BacktestBody, type BacktestState, type RunSummary, type ScenarioSummary, type StoredRun, type StoredScenario } from './api.js';
import { byId, h, mount, toast } from './dom.js';
import { freshId, pruneEmptyStances, renameIssue, setAt, type Draft } from './draft.js';
import { renderEditor, showProblems, type EditorHost } from './editor.js';
import { renderHistory, type HistoryHost } from './history.js';
import { runInWorker } from './modelClient.js';
import { renderResults, renderRunBar, requestsFor, type Results, type ResultsHost, type RunConfig } from './results.js';
import { backtestBody, defaultBacktestForm, renderBacktest, showBacktestProgress, type BacktestHost } from './backtest.js';
import type { SmpPlaneChoice } from './charts/smpPlane.js';
import { renderSidebar, type SidebarHost } from './sidebar.js';
import { defaultSweepConfig, renderSweep, showSweepProgress, sweepBody, type SweepHost, type SweepView } from './sweep.js';
import { sweepInWorkers } from './sweepClient.js';
import { UndoStack } from './undo.js';

type View = 'editor' | 'results' | 'sweep' | 'history';
const views: readonly View[] = ['editor', 'results', 'sweep', 'history'];

const state = {
  library: [] as ScenarioSummary[],
  current: undefined as StoredScenario | undefined,
  draft: undefined as Draft | undefined,
  savedText: '',
  valid: undefined as Scenario | undefined,
  problems: [] as Problem[],
  view: 'editor' as View,
  undo: new UndoStack(),
  beforeEdit: '',
  config: {
    selected: modelIds().filter((id) => ['eum', 'weighted-median', 'weighted-mean'].includes(id)),
    presets: {},
    rounds: 10,
  } as RunConfig,
  results: undefined as Results | undefined,
  issueId: undefined as string | undefined,
  roundsModel: 0,
  dyadRound: 1,
  smpPlane: {} as SmpPlaneChoice,
  running: false,
  sweepConfig: defaultSweepConfig(),
  sweep: undefined as SweepView | undefined,
  sweeping: false,
  /** The backtest is a view of its own, beside the scenarios. */
  backtestOpen: false,
  backtestForm: defaultBacktestForm(),
  backtest: undefined as BacktestState | undefined,
  backtestRunning: false,
  runs: [] as RunSummary[],
  comparing: [] as number[],
  comparison: undefined as [StoredRun, StoredRun] | undefined,
};

const draftText = (): string => JSON.stringify(state.draft ?? null);
const isDirty = (): boolean => state.draft !== undefined && draftText() !== state.savedText;

// ---- rendering ---------------------------------------------------------------------------------

function render(): void {
  mount(byId('sidebar'), renderSidebar(sidebarHost()));
  const main = byId('main');
  const width = Math.max(480, Math.min(1000, main.clientWidth - 48));
  if (state.backtestOpen) {
    mount(main, renderBacktest(backtestHost(), width));
    return;
  }
  if (!state.current || !state.draft) {
    mount(main, h('p', { class: 'empty' }, 'No scenario open: create one, import a file, or pick one from the library.'));
    return;
  }
  const tabs = h(
    'nav',
    { class: 'tabs', role: 'tablist', 'aria-label': 'Views' },
    views.map((view) =>
      h(
        'button',
        { type: 'button', role: 'tab', id: `tab-${view}`, 'aria-selected': String(state.view === view), onclick: () => show(view) },
        { editor: 'Editor', results: 'Run & charts', sweep: 'Sweep', history: `History (${state.runs.length})` }[view],
      ),
    ),
  );
  const heading = h('header', { class: 'main-header' }, h('h2', { id: 'scenario-heading' }, String(state.draft.title ?? 'Untitled')), h('span', { class: 'badge', id: 'unsaved-badge', hidden: !isDirty() }, 'unsaved'), tabs);
  let body: HTMLElement;
  if (state.view === 'editor') {
    body = renderEditor(editorHost());
  } else if (state.view === 'results') {
    body = h('div', {}, renderRunBar(resultsHost()), renderResults(resultsHost(), width));
  } else if (state.view === 'sweep') {
    body = renderSweep(sweepHost(), width);
  } else {
    body = renderHistory(historyHost());
  }
  mount(main, heading, body);
  if (state.view === 'editor') showProblems(body, state.problems);
}

/** Re-renders the editor (after a structural change) and puts the focus back on the same cell. */
function renderKeepingFocus(): void {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.getAttribute('data-field') : null;
  render();
  if (focused) document.querySelector<HTMLElement>(`[data-field="${CSS.escape(focused)}"]`)?.focus();
}

function show(view: View): void {
  state.view = view;
  state.backtestOpen = false;
  updateHash();
  render();
  if (view === 'history') void loadRuns();
}

function updateHash(): void {
  const hash = state.backtestOpen ? '#/backtest' : state.current ? `#/scenario/${state.current.id}/${state.view}` : '#/';
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

// ---- validation --------------------------------------------------------------------------------

function validateDraft(): void {
  try {
    state.valid = validateScenario(state.draft).scenario;
    state.problems = [];
  } catch (error) {
    state.valid = undefined;
    state.problems = isInputError(error) ? [...error.problems] : [{ message: error instanceof Error ? error.message : String(error) }];
  }
}

function refreshEditorState(): void {
  validateDraft();
  const editor = document.querySelector<HTMLElement>('.editor');
  if (editor) showProblems(editor, state.problems);
  const save = document.getElementById('save-scenario');
  if (save) {
    save.textContent = isDirty() ? 'Save changes' : 'Saved';
    save.className = isDirty() ? 'primary' : '';
  }
  document.getElementById('unsaved-badge')?.toggleAttribute('hidden', !isDirty());
  const heading = document.getElementById('scenario-heading');
  if (heading && state.draft) heading.textContent = String(state.draft.title ?? 'Untitled');
}

// ---- the library ---------------------------------------------------------------------------------

async function loadLibrary(): Promise<void> {
  state.library = await api.listScenarios();
}

async function open(id: number, view: View = 'editor'): Promise<void> {
  if (state.current?.id !== id && isDirty() && !confirm('Discard the unsaved changes to this scenario?')) return;
  const stored = await api.getScenario(id);
  state.current = stored;
  state.draft = structuredClone(stored.scenario) as unknown as Draft;
  state.savedText = draftText();
  state.undo.clear();
  state.results = undefined;
  state.issueId = stored.scenario.issues[0]?.id;
  state.comparing = [];
  state.comparison = undefined;
  state.smpPlane = {};
  state.sweep = undefined;
  state.view = view;
  state.backtestOpen = false;
  validateDraft();
  await loadRuns(false);
  updateHash();
  render();
}

async function loadRuns(rerender = true): Promise<void> {
  if (!state.current) return;
  state.runs = await api.listRuns(state.current.id);
  if (rerender) render();
}

function reportError(error: unknown): void {
  if (error instanceof ApiError && error.problems.length > 0) {
    toast(`${error.message}: ${error.problems.map((problem) => [problem.line ? `line ${problem.line}` : '', problem.field, problem.message].filter(Boolean).join(': ')).join('; ')}`, 'error');
  } else toast(error instanceof Error ? error.message : String(error), 'error');
}

const guarded =
  <A extends unknown[]>(action: (...args: A) => Promise<void>) =>
  (...args: A): void => {
    action(...args).catch(reportError);
  };

async function importFiles(files: FileList | File[]): Promise<void> {
  let last: StoredScenario | undefined;
  for (const file of Array.from(files)) {
    last = await api.importScenario(await file.text(), file.name);
    toast(`Imported “${last.title}” from ${file.name}`);
  }
  await loadLibrary();
  if (last) await open(last.id);
}

function sidebarHost(): SidebarHost {
  return {
    library: state.library,
    currentId: state.backtestOpen ? undefined : state.current?.id,
    backtestOpen: state.backtestOpen,
    openBacktest: () => {
      state.backtestOpen = true;
      updateHash();
      render();
    },
    open: guarded(async (id: number) => {
      if (state.backtestOpen && state.current?.id === id) {
        // Back from the backtest to the open scenario, its draft kept.
        state.backtestOpen = false;
        updateHash();
        render();
      } else await open(id);
    }),
    create: guarded(async () => {
      const created = await api.createScenario({
        title: 'New scenario',
        salienceScale: 100,
        issues: [{ id: 'issue1', name: 'Issue 1', scale: { min: 0, max: 100, minLabel: 'low', maxLabel: 'high' } }],
        actors: [
          { id: 'actor1', capability: 1, stances: { issue1: { position: 0, salience: 50 } } },
          { id: 'actor2', capability: 1, stances: { issue1: { position: 100, salience: 50 } } },
        ],
      });
      await loadLibrary();
      await open(created.id);
    }),
    importFiles: guarded(importFiles),
    duplicate: guarded(async (id: number) => {
      const copy = await api.duplicateScenario(id);
      await loadLibrary();
      await open(copy.id);
    }),
    rename: guarded(async (id: number) => {
      const entry = state.library.find((candidate) => candidate.id === id);
      const title = prompt('New title', entry?.title ?? '');
      if (title === null || title.trim() === '') return;
      await api.renameScenario(id, title.trim());
      await loadLibrary();
      if (state.current?.id === id && state.draft) {
        state.current = await api.getScenario(id);
        state.draft.title = title.trim();
        // The rename is saved: the saved text gets the new title too, other unsaved edits stay unsaved.
        state.savedText = JSON.stringify({ ...(JSON.parse(state.savedText) as object), title: title.trim() });
      }
      render();
    }),
    remove: guarded(async (id: number) => {
      const entry = state.library.find((candidate) => candidate.id === id);
      if (!confirm(`Delete “${entry?.title ?? id}” and its run history? This cannot be undone.`)) return;
      await api.deleteScenario(id);
      await loadLibrary();
      if (state.current?.id === id) {
        state.current = undefined;
        state.draft = undefined;
        const next = state.library[0];
        if (next) await open(next.id);
      }
      toast('Deleted.');
      render();
    }),
  };
}

// ---- the editor ----------------------------------------------------------------------------------

function structuralChange(change: (draft: Draft) => void): void {
  if (!state.draft) return;
  state.undo.record(draftText());
  change(state.draft);
  validateDraft();
  renderKeepingFocus();
}

function editorHost(): EditorHost {
  const draft = state.draft!;
  return {
    draft,
    dirty: isDirty(),
    canUndo: state.undo.canUndo,
    canRedo: state.undo.canRedo,
    beginEdit: () => (state.beforeEdit = draftText()),
    edit: (path: FieldPath, value: unknown, structural: boolean) => {
      if (structural && path[0] === 'issues' && path[2] === 'id') {
        const oldId = String(draft.issues[path[1] as number]?.id ?? '');
        state.undo.record(state.beforeEdit || draftText());
        setAt(draft, path, value);
        renameIssue(draft, oldId, String(value ?? ''));
        validateDraft();
        renderKeepingFocus();
        return;
      }
      setAt(draft, path, value);
      pruneEmptyStances(draft);
      refreshEditorState();
    },
    commit: () => {
      if (state.beforeEdit && state.beforeEdit !== draftText()) state.undo.record(state.beforeEdit);
      state.beforeEdit = draftText();
      updateUndoButtons();
    },
    addIssue: () =>
      structuralChange((d) => {
        const id = freshId('issue', d.issues.map((issue) => issue.id));
        d.issues.push({ id, scale: { min: 0, max: 100 } });
      }),
    removeIssue: (index: number) =>
      structuralChange((d) => {
        const [removed] = d.issues.splice(index, 1);
        for (const actor of d.actors) delete actor.stances[String(removed?.id ?? '')];
      }),
    addActor: () =>
      structuralChange((d) => {
        const id = freshId('actor', d.actors.map((actor) => actor.id));
        d.actors.push({ id, capability: 1, stances: {} });
      }),
    removeActor: (index: number) => structuralChange((d) => void d.actors.splice(index, 1)),
    undo: () => stepHistory('undo'),
    redo: () => stepHistory('redo'),
    save: guarded(saveScenario),
  };
}

function updateUndoButtons(): void {
  const undo = document.getElementById('undo') as HTMLButtonElement | null;
  const redo = document.getElementById('redo') as HTMLButtonElement | null;
  if (undo) undo.disabled = !state.undo.canUndo;
  if (redo) redo.disabled = !state.undo.canRedo;
}

function stepHistory(direction: 'undo' | 'redo'): void {
  const snapshot = direction === 'undo' ? state.undo.undo(draftText()) : state.undo.redo(draftText());
  if (snapshot === undefined) return;
  state.draft = JSON.parse(snapshot) as Draft;
  state.beforeEdit = '';
  validateDraft();
  renderKeepingFocus();
}

async function saveScenario(): Promise<void> {
  if (!state.current || !state.draft) return;
  if (!state.valid) {
    toast(`Cannot save: ${state.problems.length} problem(s) to fix first.`, 'error');
    return;
  }
  const stored = await api.saveScenario(state.current.id, state.draft);
  state.current = stored;
  state.savedText = draftText();
  await loadLibrary();
  toast('Saved.');
  render();
}

// ---- running and looking -------------------------------------------------------------------------

function resultsHost(): ResultsHost {
  const host: ResultsHost = {
    config: state.config,
    results: state.results,
    issueId: state.issueId,
    roundsModel: state.roundsModel,
    dyadRound: state.dyadRound,
    smpPlane: state.smpPlane,
    running: state.running,
    canRun: state.valid !== undefined,
    run: guarded(runModels),
    saveRun: guarded(saveRun),
    changed: () => {
      state.issueId = host.issueId;
      state.roundsModel = host.roundsModel;
      state.dyadRound = host.dyadRound;
      render();
    },
  };
  return host;
}

async function runModels(): Promise<void> {
  const scenario = state.valid;
  if (!scenario) return;
  if (state.config.selected.length === 0) {
    toast('Choose at least one model.', 'error');
    return;
  }
  state.running = true;
  render();
  try {
    const requests = requestsFor(state.config);
    const { forecasts, milliseconds } = await runInWorker(scenario, requests);
    state.results = { scenario, forecasts, requests, milliseconds, origin: 'Ran in your browser', saved: false };
    if (!scenario.issues.some((issue) => issue.id === state.issueId)) state.issueId = scenario.issues[0]?.id;
  } finally {
    state.running = false;
    render();
  }
}

/** Saves the scenario if it changed, then every forecast shown as a run in the history. */
async function saveRun(): Promise<void> {
  const results = state.results;
  if (!results || !state.current) return;
  if (isDirty()) await saveScenario();
  for (const request of results.requests) {
    await api.saveRun(state.current.id, { scenario: results.scenario, model: request.model, ...(request.preset !== undefined && { preset: request.preset }), options: request.options ?? {} });
  }
  results.saved = true;
  await loadRuns(false);
  await loadLibrary();
  toast(`Saved ${results.requests.length} run${results.requests.length === 1 ? '' : 's'} to the history.`);
  render();
}

// ---- sweeps ----------------------------------------------------------------------------------------

function sweepHost(): SweepHost {
  const host: SweepHost = {
    config: state.sweepConfig,
    view: state.sweep,
    issueId: state.issueId,
    running: state.sweeping,
    canRun: state.valid !== undefined,
    run: guarded(runSweep),
    save: guarded(saveSweep),
    changed: () => {
      state.issueId = host.issueId;
      render();
    },
  };
  return host;
}

/** Runs the configured sweep of the current draft in Web Workers. */
async function runSweep(): Promise<void> {
  const scenario = state.valid;
  if (!scenario) return;
  const body = sweepBody(state.sweepConfig, scenario);
  const spec = sweepSpecFromRequest(body, scenario);
  prepareSweep(spec); // every problem in the settings at once, before any worker starts
  state.sweeping = true;
  render();
  try {
    const outcome = await sweepInWorkers(spec, state.sweepConfig.workers, showSweepProgress);
    state.sweep = {
      scenario,
      body,
      result: outcome.result,
      origin: `Swept ${outcome.result.completedRuns} runs in your browser on ${outcome.workers} Web Worker${outcome.workers === 1 ? '' : 's'} in ${outcome.milliseconds.toFixed(0)} ms`,
    };
    if (!outcome.result.issues.some((issue) => issue.issue === state.issueId)) state.issueId = outcome.result.issues[0]?.issue;
  } finally {
    state.sweeping = false;
    render();
  }
}

/** Saves the scenario if it changed, then the sweep (the server runs it again and stores it). */
async function saveSweep(): Promise<void> {
  const sweep = state.sweep;
  if (!sweep?.body || !state.current) return;
  if (isDirty()) await saveScenario();
  state.sweeping = true;
  render();
  try {
    const stored = await api.saveSweep(state.current.id, sweep.body);
    sweep.savedRunId = stored.id;
    await loadRuns(false);
    await loadLibrary();
    toast(`Saved the sweep to the history as run #${stored.id}.`);
  } finally {
    state.sweeping = false;
    render();
  }
}

// ---- the backtest --------------------------------------------------------------------------------

function backtestHost(): BacktestHost {
  return {
    form: state.backtestForm,
    state: state.backtest,
    running: state.backtestRunning,
    run: guarded(runBacktest),
    changed: render,
  };
}

/** Asks the server for the backtest until it is done, showing its progress meanwhile. */
async function runBacktest(): Promise<void> {
  const body: BacktestBody = backtestBody(state.backtestForm);
  state.backtestRunning = true;
  state.backtest = undefined;
  render();
  try {
    for (;;) {
      const answer = await api.backtest(body);
      if (answer.status === 'done') {
        state.backtest = answer;
        break;
      }
      showBacktestProgress(answer);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  } finally {
    state.backtestRunning = false;
    if (state.backtestOpen) render();
  }
}

// ---- the history ---------------------------------------------------------------------------------

function historyHost(): HistoryHost {
  return {
    runs: state.runs,
    comparing: state.comparing,
    comparison: state.comparison,
    open: guarded(async (id: number) => {
      const run = await api.getRun(id);
      if (run.kind === 'sweep' && run.sweepResult) {
        // A sweep's result is stored whole: shown as it is, no re-run.
        state.sweep = { scenario: run.scenario, result: run.sweepResult, origin: `Run #${run.id} (Parley ${run.parleyVersion}), stored`, savedRunId: run.id };
        state.issueId = run.scenario.issues[0]?.id;
        show('sweep');
        return;
      }
      // The stored forecast is kept as is; the snapshot is re-run only to recover the dyads it did not store.
      const request = { model: run.model, ...(run.preset !== undefined && { preset: run.preset }), options: run.options };
      const { forecasts, milliseconds } = await runInWorker(run.scenario, [request]);
      state.results = { scenario: run.scenario, forecasts, requests: [request], milliseconds, origin: `Run #${run.id} (Parley ${run.parleyVersion}), re-run`, saved: true };
      state.issueId = run.scenario.issues[0]?.id;
      show('results');
    }),
    remove: guarded(async (id: number) => {
      if (!confirm(`Delete run #${id} from the history?`)) return;
      await api.deleteRun(id);
      state.comparing = state.comparing.filter((candidate) => candidate !== id);
      state.comparison = undefined;
      await loadRuns();
      await loadLibrary();
      render();
    }),
    toggleCompare: guarded(async (id: number) => {
      state.comparing = state.comparing.includes(id) ? state.comparing.filter((candidate) => candidate !== id) : [...state.comparing, id].slice(-2);
      state.comparison = undefined;
      if (state.comparing.length === 2) {
        const [a, b] = await Promise.all(state.comparing.map((runId) => api.getRun(runId)));
        state.comparison = a!.id < b!.id ? [a!, b!] : [b!, a!];
      }
      render();
    }),
  };
}

// ---- start ---------------------------------------------------------------------------------------

function handleKeys(event: KeyboardEvent): void {
  if (state.view !== 'editor' || !(event.ctrlKey || event.metaKey)) return;
  const key = event.key.toLowerCase();
  if (key === 'z' || key === 'y') {
    event.preventDefault();
    (document.activeElement as HTMLElement | null)?.dispatchEvent(new Event('change', { bubbles: true }));
    stepHistory(key === 'y' || event.shiftKey ? 'redo' : 'undo');
  } else if (key === 's') {
    event.preventDefault();
    guarded(saveScenario)();
  }
}

function enableDrop(): void {
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    document.body.classList.remove('dragging');
    const files = event.dataTransfer?.files;
    if (files && files.length > 0) guarded(importFiles)(files);
  });
}

async function start(): Promise<void> {
  document.addEventListener('keydown', handleKeys);
  enableDrop();
  window.addEventListener('beforeunload', (event) => {
    if (isDirty()) event.preventDefault();
  });
  window.addEventListener('resize', () => {
    if (state.backtestOpen || state.view === 'results' || state.view === 'sweep') render();
  });
  await loadLibrary();
  const match = /^#\/scenario\/(\d+)\/(editor|results|sweep|history)$/u.exec(location.hash);
  const wanted = match ? Number(match[1]) : undefined;
  const first = state.library.find((entry) => entry.id === wanted) ?? state.library[0];
  if (first) await open(first.id, first.id === wanted ? ((match?.[2] as View | undefined) ?? 'editor') : 'editor');
  else render();
  if (location.hash === '#/backtest') {
    state.backtestOpen = true;
    render();
  }
  document.body.dataset.ready = 'true';
}

start().catch(reportError);
