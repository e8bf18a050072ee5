/**
 * The workbench's one small store: what several views share — the library, the open scenario and
 * its draft (with its validation), the runs in its history, the chosen issue, and the forecasts and
 * sweep on screen (the history opens a stored run into them). Everything else is a view's own state
 * (see app/view.ts). Views change the store through its methods and call `changed()` to re-render.
 */
import type { Problem } from '../../../src/errors.js';
import { isInputError } from '../../../src/errors.js';
import type { Forecast } from '../../../src/models/model.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { problemWords } from '../../../src/scenario/fieldWords.js';
import { validateScenario } from '../../../src/scenario/validate.js';
import { api, ApiError, listPageSize, type Listed, type LibraryEntry, type RunSummary, type ScenarioSummary, type SweepBody } from '../api.js';
import { toast } from '../dom.js';
import { toDraft, type Draft } from '../editor/draft.js';
import type { ModelRequest } from '../modelClient.js';
import type { SweepResult } from '../../../src/analysis/sweep/index.js';

/** Forecasts on screen: what ran, on which scenario, and where they come from. */
export interface Results {
  scenario: Scenario;
  forecasts: Forecast[];
  requests: ModelRequest[];
  milliseconds: number;
  /** Where the results come from: a live run, or a run reopened from the history. */
  origin: string;
  saved: boolean;
}

/** A sweep on screen: what ran, its result, and where it came from. */
export interface SweepView {
  scenario: Scenario;
  /** What to send to store it; absent for a sweep reopened from the history. */
  body?: SweepBody;
  result: SweepResult;
  origin: string;
  savedRunId?: number;
}

export interface StoreState {
  library: ScenarioSummary[];
  /** The open scenario as stored: a scenario, or a draft saved with problems. */
  current: LibraryEntry | undefined;
  draft: Draft | undefined;
  /** The draft as last saved (JSON), to tell whether it changed. */
  savedText: string;
  /** The draft as the schema reads it, when it has no problems. */
  valid: Scenario | undefined;
  problems: Problem[];
  /** The open scenario's tab (a view id). */
  tab: string;
  /** A page view open instead of the scenario (e.g. the backtest), its draft kept. */
  page: string | undefined;
  issueId: string | undefined;
  /** The open scenario's newest runs, as far as the History tab has read them (`total`: all of them). */
  runs: Listed<RunSummary>;
  results: Results | undefined;
  sweep: SweepView | undefined;
}

type Listener = () => void;

export class Store {
  readonly state: StoreState = {
    library: [],
    current: undefined,
    draft: undefined,
    savedText: '',
    valid: undefined,
    problems: [],
    tab: 'editor',
    page: undefined,
    issueId: undefined,
    runs: Object.assign([], { total: 0 }),
    results: undefined,
    sweep: undefined,
  };
  /** How many of the open scenario's runs the History tab reads. */
  private runsShown = listPageSize;
  private readonly renderListeners: Listener[] = [];
  private readonly openListeners: Listener[] = [];

  /** `render` runs on every `changed()`; `opened` after another scenario was opened (views reset). */
  on(event: 'render' | 'opened', listener: Listener): void {
    (event === 'render' ? this.renderListeners : this.openListeners).push(listener);
  }

  changed(): void {
    for (const listener of this.renderListeners) listener();
  }

  draftText(): string {
    return JSON.stringify(this.state.draft ?? null);
  }

  isDirty(): boolean {
    return this.state.draft !== undefined && this.draftText() !== this.state.savedText;
  }

  /** Shows a tab of the open scenario (closing any page view). */
  show(tab: string): void {
    this.state.tab = tab;
    this.state.page = undefined;
    this.changed();
  }

  openPage(page: string | undefined): void {
    this.state.page = page;
    this.changed();
  }

  validateDraft(): void {
    const state = this.state;
    try {
      state.valid = validateScenario(state.draft).scenario;
      state.problems = [];
    } catch (error) {
      state.valid = undefined;
      state.problems = isInputError(error) ? [...error.problems] : [{ message: error instanceof Error ? error.message : String(error) }];
      // A stored draft, as it was saved or imported: its own problems (with the file's lines, and the
      // reader's, such as a CSV cell that was not a number) come first, until it is edited.
      const stored = state.current;
      if (stored?.draft === true && 'problems' in stored && !this.isDirty()) {
        const fields = new Set(stored.problems.map((problem) => problem.field));
        state.problems = [...stored.problems, ...state.problems.filter((problem) => problem.field === undefined || !fields.has(problem.field))];
      }
    }
  }

  /** Whether the open scenario is stored as a draft (saved with problems). */
  isStoredDraft(): boolean {
    return this.state.current?.draft === true;
  }

  async loadLibrary(): Promise<void> {
    this.state.library = await api.listScenarios();
  }

  async loadRuns(rerender = true): Promise<void> {
    if (!this.state.current) return;
    this.state.runs = await api.listRuns(this.state.current.id, this.runsShown);
    if (rerender) this.changed();
  }

  /** The History tab's "Show more": one more page of the open scenario's runs. */
  async moreRuns(): Promise<void> {
    this.runsShown += listPageSize;
    await this.loadRuns();
  }

  /** Opens a stored scenario on a tab, after asking before unsaved changes are dropped. */
  async open(id: number, tab = 'editor'): Promise<void> {
    const state = this.state;
    if (state.current?.id !== id && this.isDirty() && !confirm('Discard the unsaved changes to this scenario?')) return;
    const stored = await api.getScenario(id);
    state.current = stored;
    state.draft = toDraft(structuredClone(stored.scenario));
    state.savedText = this.draftText();
    state.results = undefined;
    state.sweep = undefined;
    const firstIssue = state.draft.issues[0]?.id;
    state.issueId = typeof firstIssue === 'string' ? firstIssue : undefined;
    state.tab = tab;
    state.page = undefined;
    this.validateDraft();
    for (const listener of this.openListeners) listener();
    this.runsShown = listPageSize;
    await this.loadRuns(false);
    this.changed();
  }

  /** Closes the open scenario (it was deleted). */
  close(): void {
    this.state.current = undefined;
    this.state.draft = undefined;
  }

  /** Saves the draft: as the scenario when it has no problems, else as a draft (kept, marked, not runnable). */
  async saveScenario(): Promise<void> {
    const state = this.state;
    if (!state.current || !state.draft) return;
    state.current = await api.saveScenario(state.current.id, state.draft);
    state.savedText = this.draftText();
    this.validateDraft();
    await this.loadLibrary();
    const count = state.problems.length;
    toast(state.current.draft === true ? `Saved as a draft: ${count} problem${count === 1 ? '' : 's'} to fix before it can run.` : 'Saved.');
    this.changed();
  }

  /** Imports files; one that reads but does not validate opens as a draft with its problems marked. */
  async importFiles(files: FileList | File[]): Promise<void> {
    let last: LibraryEntry | undefined;
    for (const file of Array.from(files)) {
      last = await api.importScenario(await file.text(), file.name);
      toast(last.draft === true ? `Imported “${last.title}” from ${file.name} as a draft: fix the problems marked in the editor.` : `Imported “${last.title}” from ${file.name}`);
    }
    await this.loadLibrary();
    if (last) await this.open(last.id);
  }

  /** An action whose failure is reported in a toast instead of being lost. */
  guarded<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => void {
    return (...args: A): void => {
      action(...args).catch((error: unknown) => reportError(error, this.state.draft));
    };
  }
}

/** A failure in a toast; a problem's field in words (`fieldWords`), using the scenario when there is one. */
export function reportError(error: unknown, scenario?: unknown): void {
  if (error instanceof ApiError && error.problems.length > 0) {
    toast(`${error.message}: ${error.problems.map((problem) => [problem.line ? `line ${problem.line}` : '', problemWords(problem, scenario)].filter(Boolean).join(': ')).join('; ')}`, 'error');
  } else toast(error instanceof Error ? error.message : String(error), 'error');
}
