/**
 * The Channels & time tab (channels-spec.md §3): the channels as a pair matrix, red lines and the
 * per-actor / per-stance costs, each issue's veto players, ratifiers and bargaining table, the
 * proposals, trust, the timeline with its dated events and branches, and the timeline chart (each branch leaf's forecast path and the mixture). Every edit goes through the same
 * schema and validation as the CLI (store.validateDraft); its problems are shown beside their fields in
 * words. It keeps its own undo history (web/src/editor/editSession.ts, as the Editor tab's), cleared when another scenario is
 * opened; Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo, Ctrl+S saves through the store.
 */
import type { Problem } from '../../../src/errors.js';
import type { Forecast } from '../../../src/models/model.js';
import { models } from '../../../src/models/registry.js';
import type { FieldPath } from '../../../src/scenario/fieldPath.js';
import { actorNames } from '../actorNames.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { chartCard } from '../charts/card.js';
import { fileSlug, issueSelect } from '../controls.js';
import { h } from '../dom.js';
import { setAt, type Draft } from '../editor/draft.js';
import { saveLabel } from '../editor/editor.js';
import { redrawKeepingFocus } from '../editor/keepFocus.js';
import { showUndoState, storeSession } from '../editor/storeSession.js';
import { editingKeys } from '../editor/editingKeys.js';
import { runInWorker } from '../modelClient.js';
import './channels.css';
import { asList, asLoose, type ChannelsHost } from './fields.js';
import { problemWords } from '../../../src/scenario/fieldWords.js';
import { matrixGrid, type MatrixState } from './matrixGrid.js';
import { ratifiersEditor, tableFields, vetoPlayersField } from './issueDealFields.js';
import { proposalsEditor } from './proposalsEditor.js';
import { actorFieldsTable, stanceFieldsTable } from './redLines.js';
import { timelineChart, type DatedMark } from './timelineChart.js';
import { branchesEditor, eventsEditor, tidyTimeline, timelineFields } from './timelineEditor.js';
import { trustEditor } from './trustEditor.js';

interface ChartState {
  model: string;
  forecast: Forecast | undefined;
  /** The draft the forecast ran on (to tell a stale chart). */
  ranOn: string;
  running: boolean;
  error: string | undefined;
}

/** The element a problem belongs beside: its field, else the nearest enclosing item that is shown. */
function locate(root: HTMLElement, field: string): HTMLElement | null {
  for (let path = field; path !== ''; path = path.replace(/(\.[^.[\]]+|\[\d+\])$/u, '')) {
    const escaped = CSS.escape(path);
    const found = root.querySelector<HTMLElement>(`[data-field="${escaped}"], [data-anchors~="${escaped}"], [data-anchor="${escaped}"]`);
    if (found) return found;
    if (!/(\.[^.[\]]+|\[\d+\])$/u.test(path)) break;
  }
  return null;
}

/** Puts the focus on a problem's field: the input itself, else the first one inside (a picker opened first). */
function focusField(target: HTMLElement): void {
  if (target.matches('input, select, td')) return target.focus();
  const details = target.querySelector('details');
  if (details) details.open = true;
  target.querySelector<HTMLElement>('input, select')?.focus();
}

/** The problems, in words: listed above the sections and beside their fields. */
export function showChannelProblems(root: HTMLElement, problems: readonly Problem[], draft: Draft): void {
  root.querySelectorAll('.field-problem').forEach((note) => note.remove());
  root.querySelectorAll('.invalid').forEach((element) => {
    element.classList.remove('invalid');
    element.removeAttribute('aria-invalid');
  });
  const list = root.querySelector('#channels-problems');
  const items = problems.map((problem) => {
    const words = problemWords(problem, draft);
    const target = problem.field === undefined ? null : locate(root, problem.field);
    if (target) {
      target.classList.add('invalid');
      if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) target.setAttribute('aria-invalid', 'true');
      const note = h('span', { class: 'field-problem', role: 'note' }, words);
      if (target instanceof HTMLTableCellElement) target.title = words;
      else if (target instanceof HTMLTableRowElement) target.cells[0]?.append(note);
      else if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) target.after(note);
      else target.append(note);
    }
    return h('li', {}, target ? h('button', { type: 'button', class: 'link', onclick: () => focusField(target) }, words) : words);
  });
  if (list) list.replaceChildren(...(items.length === 0 ? [] : [h('strong', {}, `${items.length} problem(s):`), h('ul', {}, items)]));
}

const datedMarks = (draft: Draft): DatedMark[] => [
  ...asList(draft['events']).map((event) => ({ date: String(asLoose(event)['date'] ?? ''), label: String(asLoose(event)['label'] ?? 'event'), kind: 'event' as const })),
  ...asList(draft['branches']).map((branch) => ({ date: String(asLoose(branch)['date'] ?? ''), label: String(asLoose(branch)['label'] ?? asLoose(branch)['id'] ?? 'branch'), kind: 'branch' as const })),
];

export function channelsView(store: Store): View {
  const state = store.state;
  const session = storeSession(store);
  const matrix: MatrixState = { issue: undefined, row: 0, column: 1 };
  const chart: ChartState = { model: 'eum', forecast: undefined, ranOn: '', running: false, error: undefined };
  store.on('opened', () => {
    Object.assign(matrix, { issue: undefined, row: 0, column: 1 });
    Object.assign(chart, { forecast: undefined, ranOn: '', running: false, error: undefined });
  });

  const view = (): HTMLElement | null => document.querySelector<HTMLElement>('.channels-view');

  /** After typing: the problems and the save button, without drawing the view again (the focus stays). */
  function refresh(): void {
    store.validateDraft();
    const root = view();
    if (root && state.draft) showChannelProblems(root, state.problems, state.draft);
    const save = document.getElementById('channels-save');
    const dirty = store.isDirty();
    if (save) {
      save.textContent = saveText();
      save.className = dirty ? 'primary' : '';
    }
    document.getElementById('unsaved-badge')?.toggleAttribute('hidden', !dirty);
    showUndoState(session, 'channels-undo', 'channels-redo');
  }

  /** As the editor's save button: with problems the scenario is saved as a draft, which cannot run. */
  const saveText = (): string => saveLabel({ dirty: store.isDirty(), storedDraft: store.isStoredDraft(), problemCount: state.problems.length });

  /** Draws the view again and puts the focus back where it was (same field, matrix cell or button; else the undo buttons, else the tab). */
  function redraw(): void {
    redrawKeepingFocus(() => store.changed(), ['channels-redo', 'channels-undo', 'tab-channels']);
  }

  function step(direction: 'undo' | 'redo'): void {
    if (session.step(direction)) redraw();
  }

  const save = store.guarded(() => store.saveScenario());

  function host(draft: Draft): ChannelsHost {
    return {
      draft,
      beginEdit: () => session.beginEdit(),
      set: (path: FieldPath, value: unknown) => {
        session.touch();
        setAt(draft, path, value);
        tidyTimeline(draft);
        refresh();
      },
      commit: () => {
        session.commit();
        showUndoState(session, 'channels-undo', 'channels-redo');
      },
      change: (mutate) => {
        session.change(() => mutate(draft));
        store.validateDraft();
        redraw();
      },
    };
  }

  function chooseCell(row: number, column: number): void {
    matrix.row = row;
    matrix.column = column;
    store.changed();
    document.querySelector<HTMLElement>(`[data-cell="${row},${column}"]`)?.focus();
  }

  async function runChart(): Promise<void> {
    if (!state.valid) return;
    chart.running = true;
    chart.error = undefined;
    const ranOn = store.draftText();
    store.changed();
    try {
      const { forecasts } = await runInWorker(state.valid, [{ model: chart.model }]);
      chart.forecast = forecasts[0];
      chart.ranOn = ranOn;
    } catch (error) {
      chart.error = error instanceof Error ? error.message : String(error);
    } finally {
      chart.running = false;
      store.changed();
    }
  }

  function chartSection(draft: Draft, issueId: string, issues: { id: string; name?: string }[], width: number): HTMLElement {
    const issue = state.valid?.issues.find((candidate) => candidate.id === issueId);
    const forecast = chart.forecast?.issues.find((candidate) => candidate.issue === issueId);
    const stale = chart.forecast !== undefined && chart.ranOn !== store.draftText();
    const bar = h(
      'div',
      { class: 'run-actions' },
      h(
        'label',
        { class: 'field inline' },
        'Model',
        h(
          'select',
          { id: 'timeline-model', onchange: (event: Event) => (chart.model = (event.target as HTMLSelectElement).value) },
          models.map((model) => h('option', { value: model.id, selected: model.id === chart.model }, model.title)),
        ),
      ),
      issueSelect('Issue', 'timeline-issue', issues, issueId, (id) => {
        state.issueId = id;
        store.changed();
      }),
      h('button', { type: 'button', id: 'timeline-run', class: 'primary', disabled: !state.valid || chart.running, onclick: () => void runChart() }, chart.running ? 'Running…' : 'Run on every leaf'),
      h('span', { class: 'run-status', role: 'status' }, !state.valid ? 'Fix the problems above to run.' : stale ? 'The scenario changed since this run: run again.' : ''),
    );
    const body =
      chart.error !== undefined
        ? h('p', { class: 'problems' }, chart.error)
        : forecast && issue
          ? (() => {
              const { rows, chart: svg } = timelineChart(forecast, issue, datedMarks(draft), chart.forecast!.model, width);
              return chartCard({
                id: 'timeline-chart',
                title: `Forecast path per branch leaf: ${issue.name ?? issue.id} (${models.find((model) => model.id === chart.forecast!.model)?.title ?? chart.forecast!.model})`,
                chart: svg,
                rows,
                fileName: `${fileSlug(String(draft.title ?? 'scenario'))}-timeline-${issue.id}`,
                note: forecast.leaves?.some((leaf) => leaf.path) || forecast.path
                  ? 'Each leaf’s value per round is the agreement on that round’s inputs (none: a gap); the ring at its end is the model’s outcome in that leaf; the mixture is Σ P(leaf) × value. Solid rules: dated events; dashed: branch points.'
                  : 'Each leaf’s value per round is its weighted median of positions (the EUM’s forecast); the ring at its end is the model’s outcome in that leaf; the mixture is Σ P(leaf) × value, which after the last round is the model’s mixture mean. Solid rules: dated events; dashed: branch points.',
              });
            })()
          : h('p', { class: 'empty' }, 'Press “Run on every leaf”: the model runs once per branch leaf in your browser.');
    return h('section', { class: 'card', 'aria-label': 'Timeline chart' }, h('h3', {}, 'Timeline chart'), bar, body);
  }

  function render(width: number): HTMLElement {
    const draft = state.draft!;
    const names = actorNames(draft.actors.map((actor) => ({ id: String(actor.id), ...(typeof actor.name === 'string' ? { name: actor.name } : {}) })) as Parameters<typeof actorNames>[0]);
    const edit = host(draft);
    const issues = draft.issues.map((issue) => ({ id: String(issue.id ?? ''), ...(typeof issue.name === 'string' ? { name: issue.name } : {}) }));
    const issueId = issues.some((issue) => issue.id === state.issueId) ? state.issueId! : (issues[0]?.id ?? '');
    const issueIndex = issues.findIndex((issue) => issue.id === issueId);
    const dirty = store.isDirty();
    const start = String(asLoose(draft['timeline'])['start'] ?? draft.asOf ?? '');
    const matrixIssueSelect = h(
      'label',
      { class: 'field inline' },
      'Issue',
      h(
        'select',
        {
          id: 'matrix-issue',
          onchange: (event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            matrix.issue = value === '' ? undefined : value;
            redraw();
          },
        },
        h('option', { value: '', selected: matrix.issue === undefined }, 'every issue'),
        issues.map((issue) => h('option', { value: issue.id, selected: issue.id === matrix.issue }, issue.name ?? issue.id)),
      ),
    );
    const chooseIssue = (id: string) => {
      state.issueId = id;
      store.changed();
    };
    return h(
      'div',
      { class: 'channels-view' },
      h(
        'div',
        { class: 'toolbar', role: 'toolbar', 'aria-label': 'Channels and time' },
        h('button', { type: 'button', id: 'channels-undo', onclick: () => step('undo'), disabled: !session.canUndo, title: 'Undo (Ctrl+Z)' }, '↶ Undo'),
        h('button', { type: 'button', id: 'channels-redo', onclick: () => step('redo'), disabled: !session.canRedo, title: 'Redo (Ctrl+Shift+Z / Ctrl+Y)' }, '↷ Redo'),
        h('span', { class: 'spacer' }),
        h('button', { type: 'button', id: 'channels-save', class: dirty ? 'primary' : '', onclick: () => save(), title: 'Save (Ctrl+S); with problems, as a draft' }, saveText()),
      ),
      h('div', { class: 'problems', id: 'channels-problems', role: 'status', 'aria-live': 'polite' }),
      h(
        'section',
        { class: 'card', 'aria-label': 'Channels' },
        h('h3', {}, 'Channels between actors'),
        h('p', { class: 'hint' }, 'One tab stop: arrow keys move, Space or Enter turns a pair public → private → closed. A pair without a rule is public.'),
        matrixIssueSelect,
        matrixGrid(edit, matrix, names, chooseCell),
      ),
      h(
        'section',
        { class: 'card', 'aria-label': 'Red lines and costs' },
        h('h3', {}, 'Red lines, audience costs, hurt, breach costs, patience'),
        issueSelect('Issue', 'red-lines-issue', issues, issueId, chooseIssue),
        stanceFieldsTable(edit, issueId, names),
        h('h4', {}, 'Per actor (a stance above overrides them on its issue)'),
        actorFieldsTable(edit, names),
      ),
      h(
        'section',
        { class: 'card', 'aria-label': 'Who must agree' },
        h('h3', {}, 'Who must agree: veto players, ratifiers, the bargaining table'),
        issueSelect('Issue', 'deal-fields-issue', issues, issueId, chooseIssue),
        issueIndex >= 0
          ? [
              vetoPlayersField(edit, issueIndex, names),
              h('h4', {}, 'Ratifiers (each must accept what its signatory signs: a win-set)'),
              ratifiersEditor(edit, issueIndex, names),
              tableFields(edit, issueIndex),
            ]
          : null,
      ),
      h('section', { class: 'card', 'aria-label': 'Proposals' }, h('h3', {}, 'Proposals (the deal analysis judges each)'), proposalsEditor(edit, names, issueId)),
      h('section', { class: 'card', 'aria-label': 'Trust' }, h('h3', {}, 'Trust'), trustEditor(edit, names, start)),
      h(
        'section',
        { class: 'card', 'aria-label': 'Timeline' },
        h('h3', {}, 'Timeline, dated events and branches'),
        timelineFields(edit),
        h('h4', {}, 'Dated events'),
        eventsEditor(edit, names),
        h('h4', {}, 'Branches'),
        branchesEditor(edit, names),
      ),
      chartSection(draft, issueId, issues, Math.max(320, width)),
    );
  }

  return {
    id: 'channels',
    place: 'tab',
    label: () => 'Channels & time',
    redrawOnResize: true,
    render,
    mounted: (element) => {
      if (state.draft) showChannelProblems(element, state.problems, state.draft);
    },
    keydown: editingKeys(step, save),
  };
}
