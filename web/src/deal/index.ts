/**
 * The Deal tab: the deal / ripeness analysis of the open scenario (`parley deal`, channels-spec.md §9),
 * computed in the browser by the pure src/analysis/deal in the models' Web Worker (the page never
 * freezes), for the draft as it is (when it has no problems): analysed when the tab is drawn on a
 * draft or options not analysed yet, and again with the Analyse button.
 */
import type { DealOptions } from '../../../src/analysis/deal/analyse.js';
import type { DealResult } from '../../../src/analysis/deal/types.js';
import { actorNames } from '../actorNames.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { fileSlug, issueSelect } from '../controls.js';
import { h } from '../dom.js';
import { dealInWorker } from '../modelClient.js';
import '../channels/channels.css';
import { dealIssueView } from './dealView.js';

interface DealState {
  result: DealResult | undefined;
  /** The draft and options the result was computed on. */
  ranOn: string;
  running: boolean;
  error: string | undefined;
  milliseconds: number;
  leafIndex: number;
  loss: NonNullable<DealOptions['loss']>;
  weights: NonNullable<DealOptions['weights']>;
}

export function dealView(store: Store): View {
  const state = store.state;
  const deal: DealState = { result: undefined, ranOn: '', running: false, error: undefined, milliseconds: 0, leafIndex: 0, loss: 'quadratic', weights: 'capability-salience' };
  store.on('opened', () => Object.assign(deal, { result: undefined, ranOn: '', running: false, error: undefined, leafIndex: 0 }));

  const key = () => `${store.draftText()}|${deal.loss}|${deal.weights}`;

  async function analyse(): Promise<void> {
    if (!state.valid || deal.running) return;
    deal.running = true;
    deal.error = undefined;
    const ranOn = key();
    store.changed();
    try {
      const { deal: result, milliseconds } = await dealInWorker(state.valid, { loss: deal.loss, weights: deal.weights });
      Object.assign(deal, { result, milliseconds, ranOn });
    } catch (error) {
      deal.error = error instanceof Error ? error.message : String(error);
      deal.result = undefined;
      deal.ranOn = ranOn;
    } finally {
      deal.running = false;
      store.changed();
    }
  }

  function optionSelect(label: string, id: string, options: readonly string[], selected: string, choose: (value: string) => void): HTMLElement {
    return h(
      'label',
      { class: 'field inline' },
      label,
      h('select', { id, onchange: (event: Event) => choose((event.target as HTMLSelectElement).value) }, options.map((option) => h('option', { value: option, selected: option === selected }, option))),
    );
  }

  function render(width: number): HTMLElement {
    const scenario = state.valid;
    const stale = deal.result !== undefined && deal.ranOn !== key();
    const bar = h(
      'div',
      { class: 'card run-actions', role: 'group', 'aria-label': 'Deal analysis' },
      optionSelect('Loss', 'deal-loss', ['quadratic', 'linear'], deal.loss, (value) => {
        deal.loss = value as DealState['loss'];
        store.changed();
      }),
      optionSelect('Weights', 'deal-weights', ['capability-salience', 'capability'], deal.weights, (value) => {
        deal.weights = value as DealState['weights'];
        store.changed();
      }),
      h('button', { type: 'button', id: 'deal-run', class: 'primary', disabled: !scenario || deal.running, onclick: () => void analyse() }, deal.running ? 'Analysing…' : 'Analyse'),
      h(
        'span',
        { class: 'run-status', role: 'status', id: 'deal-status' },
        !scenario
          ? `The scenario has ${state.problems.length} problem(s): fix them in the Editor or Channels & time tab.`
          : deal.running
            ? 'Analysing in the background…'
            : stale
              ? 'The scenario or the options changed: Analyse again.'
              : deal.result
                ? `Analysed in ${deal.milliseconds.toFixed(0)} ms, in your browser.`
                : '',
      ),
    );
    if (!scenario) return h('div', { class: 'deal-view' }, bar);
    // Shown on a draft (or options) not analysed yet: analyse it, after this render.
    if (!deal.running && deal.ranOn !== key()) setTimeout(() => void analyse(), 0);
    const names = actorNames(scenario.actors);
    const issueId = scenario.issues.some((issue) => issue.id === state.issueId) ? state.issueId! : scenario.issues[0]!.id;
    const body =
      deal.error !== undefined
        ? h('p', { class: 'problems', id: 'deal-error' }, deal.error)
        : deal.result
          ? dealIssueView({
              result: deal.result,
              issueId,
              leafIndex: deal.leafIndex,
              names: (id) => names[id] ?? id,
              issues: scenario.issues,
              width,
              fileStem: fileSlug(scenario.title),
              chooseLeaf: (index) => {
                deal.leafIndex = index;
                store.changed();
                document.querySelector<HTMLElement>(`#deal-leaves input[value="${index}"]`)?.focus();
              },
            })
          : h('p', { class: 'empty' }, deal.running ? 'Analysing…' : 'Press Analyse.');
    const notes = deal.result && deal.result.notes.length > 0 ? h('ul', { class: 'hint', id: 'deal-notes' }, deal.result.notes.map((note) => h('li', {}, `note: ${note}`))) : null;
    return h(
      'div',
      { class: 'deal-view' },
      bar,
      issueSelect('Issue', 'deal-issue', scenario.issues, issueId, (id) => {
        state.issueId = id;
        deal.leafIndex = 0;
        store.changed();
      }),
      body,
      notes,
    );
  }

  return {
    id: 'deal',
    place: 'tab',
    label: () => 'Deal',
    redrawOnResize: true,
    render,
  };
}
