/**
 * The Answer tab: the answer per issue as `parley forecast` prints it first (every registered model
 * at its defaults, then the validated predictor's forecast, interval, probabilities, fragility,
 * spread and notes), and who moves — computed in the models' Web Worker from the same pure code, so
 * the page never freezes. An edit after the answer was computed shows the out-of-date banner with
 * one click to compute it again; "Seal in the ledger" stores the answer, as `parley ledger add`.
 */
import type { Scenario } from '../../../src/scenario/schema.js';
import { decimalsForScale, formatFixed } from '../../../src/analysis/formatNumber.js';
import { actorNames } from '../../../src/scenario/views.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { issueSelect } from '../controls.js';
import { h, toast } from '../dom.js';
import type { AnswerJobResult } from '../jobs/jobs.js';
import { ledgerApi } from '../ledger/ledgerClient.js';
import { runJobInWorker } from '../modelClient.js';
import { answerHeader, issueAnswerCard } from './answerCard.js';
import { movesCard } from './movesTable.js';
import { staleBanner } from './staleBanner.js';
import './answer.css';

interface Computed {
  scenario: Scenario;
  result: AnswerJobResult;
  milliseconds: number;
}

export function answerView(store: Store): View {
  const state = store.state;
  let computed: Computed | undefined;
  let running = false;
  let failure: string | undefined;
  store.on('opened', () => {
    computed = undefined;
    failure = undefined;
  });

  async function compute(): Promise<void> {
    const scenario = state.valid;
    if (!scenario || running) return;
    running = true;
    failure = undefined;
    store.changed();
    try {
      const { result, milliseconds } = await runJobInWorker({ kind: 'answer', scenario });
      computed = { scenario, result, milliseconds };
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    } finally {
      running = false;
      store.changed();
    }
  }

  async function seal(): Promise<void> {
    if (!computed) return;
    const sealed = await ledgerApi.seal(computed.scenario);
    toast(`Sealed ${sealed.items.map((entry) => `#${entry.id} (${entry.issue})`).join(', ')} in the ledger.`);
  }

  function render(width: number): HTMLElement {
    const status = running ? 'Computing the answer in your browser…' : computed ? `Computed in your browser in ${computed.milliseconds.toFixed(0)} ms` : state.valid ? '' : 'Fix the problems in the editor to compute the answer.';
    const bar = h(
      'section',
      { class: 'card run-bar', 'aria-label': 'Compute the answer' },
      h(
        'div',
        { class: 'run-actions' },
        h('button', { type: 'button', id: 'compute-answer', class: 'primary', disabled: running || !state.valid, onclick: store.guarded(compute) }, running ? 'Computing…' : computed ? 'Compute again' : 'Compute the answer'),
        computed ? h('button', { type: 'button', id: 'seal-answer', onclick: store.guarded(seal), title: 'Seal this answer in the forecast ledger (the server computes it again from this scenario, as parley ledger add does)' }, 'Seal in the ledger') : null,
        h('span', { class: 'run-status', id: 'answer-status', 'aria-live': 'polite' }, status),
      ),
      h('p', { class: 'hint' }, 'Every registered model at its defaults, as parley forecast runs them; then the answer from the validated predictor.'),
    );
    if (failure) return h('div', {}, bar, h('p', { class: 'problems', role: 'alert' }, failure));
    if (!computed) return h('div', {}, bar, h('p', { class: 'empty' }, running ? '' : 'Press “Compute the answer”: one forecast per issue, how sure it is, how good its model has been, and who moves.'));
    const { scenario, result } = computed;
    const issueId = scenario.issues.some((issue) => issue.id === state.issueId) ? state.issueId! : scenario.issues[0]!.id;
    const issue = scenario.issues.find((candidate) => candidate.id === issueId)!;
    const show = (x: number): string => formatFixed(x, decimalsForScale(issue.scale));
    const skipped = result.skipped.length > 0 ? h('p', { class: 'hint' }, `Skipped: ${result.skipped.map((skip) => `${skip.model} (${skip.reasons.join('; ')})`).join(', ')}`) : null;
    return h(
      'div',
      { class: 'answer-view' },
      bar,
      staleBanner(scenario, state.valid, store.guarded(compute), 'answer-stale'),
      answerHeader(result.answer),
      skipped,
      h('div', { class: 'answer-cards' }, result.answer.issues.map((answer) => issueAnswerCard(scenario, answer, width))),
      h('div', { class: 'results-head' }, issueSelect('Who moves on ', 'moves-issue', scenario.issues, issueId, (chosen) => {
        state.issueId = chosen;
        store.changed();
      })),
      movesCard(result.moves, issueId, actorNames(scenario.actors), show),
    );
  }

  return {
    id: 'answer',
    place: 'tab',
    label: () => 'Answer',
    redrawOnResize: true,
    render,
    shown: () => {
      if (!computed && !running && state.valid) store.guarded(compute)();
    },
  };
}
