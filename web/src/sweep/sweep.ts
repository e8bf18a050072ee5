/**
 * The sweep view: Monte Carlo runs of one model on noisy copies of the scenario (docs/sweeps.md), in
 * Web Workers; per issue the distribution of the outcome (histogram and quantiles) and the tornado
 * chart of the estimates that move it most. The noise, shocks and thresholds are written in the CLI's
 * own syntax and parsed by the same functions.
 */
import type { SweepResult } from '../../../src/analysis/sweep/index.js';
import type { SweepView } from '../app/store.js';
import { models } from '../../../src/models/registry.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import type { SweepBody } from '../api.js';
import { chartCard } from '../charts/card.js';
import { histogramChart } from '../charts/histogramChart.js';
import { tornadoChart, tornadoRows } from '../charts/tornadoChart.js';
import { h } from '../dom.js';
import { download } from '../exporting.js';
import { takesRounds } from '../results/results.js';
import { fileSlug, issueSelect } from '../controls.js';

export interface SweepConfig {
  model: string;
  preset: string;
  rounds: number;
  runs: number;
  seed: number;
  workers: number;
  bins: number;
  /** One spec per line, in the CLI's syntax. */
  noise: string;
  shocks: string;
  /** `[ISSUE:]VALUE`, separated by spaces or commas. */
  thresholds: string;
}

export const defaultSweepConfig = (): SweepConfig => ({
  model: 'eum',
  preset: 'default',
  rounds: 10,
  runs: 1000,
  seed: 1,
  workers: 2,
  bins: 20,
  noise: 'position=normal:5%\nsalience=normal:10%\ncapability=normal:10%',
  shocks: '',
  thresholds: '',
});

export interface SweepHost {
  config: SweepConfig;
  view: SweepView | undefined;
  issueId: string | undefined;
  running: boolean;
  canRun: boolean;
  /** Why it cannot run (the problems, in words), when it cannot. */
  blocked?: HTMLElement;
  run(): void;
  save(): void;
  changed(): void;
}

const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** The API's body for this configuration (the sweep as stored in the history). */
export function sweepBody(config: SweepConfig, scenario: Scenario): SweepBody {
  const body: SweepBody = {
    scenario,
    model: config.model,
    runs: config.runs,
    seed: config.seed,
    noise: lines(config.noise),
    shocks: lines(config.shocks),
    thresholds: config.thresholds.split(/[\s,]+/u).filter((entry) => entry !== ''),
    bins: config.bins,
  };
  if (config.preset !== 'default') body.preset = config.preset;
  if (takesRounds(config.model)) body.options = { rounds: config.rounds };
  return body;
}

function numberField(label: string, id: string, value: number, min: number, max: number, set: (value: number) => void): HTMLElement {
  return h(
    'label',
    { class: 'field' },
    label,
    h('input', {
      type: 'number',
      id,
      min,
      max,
      value,
      onchange: (event: Event) => {
        const next = Number((event.target as HTMLInputElement).value);
        if (Number.isInteger(next) && next >= min && next <= max) set(next);
      },
    }),
  );
}

function renderForm(host: SweepHost): HTMLElement {
  const { config } = host;
  const model = models.find((candidate) => candidate.id === config.model) ?? models[0]!;
  const presets = Object.keys(model.presets);
  return h(
    'section',
    { class: 'card sweep-form', 'aria-label': 'Sweep settings' },
    h(
      'div',
      { class: 'grid-form' },
      h(
        'label',
        { class: 'field' },
        'Model',
        h(
          'select',
          {
            id: 'sweep-model',
            onchange: (event: Event) => {
              config.model = (event.target as HTMLSelectElement).value;
              config.preset = 'default';
              host.changed();
            },
          },
          models.map((candidate) => h('option', { value: candidate.id, selected: candidate.id === config.model, title: candidate.summary }, candidate.id)),
        ),
      ),
      presets.length > 1
        ? h(
            'label',
            { class: 'field' },
            'Preset',
            h(
              'select',
              { id: 'sweep-preset', onchange: (event: Event) => (config.preset = (event.target as HTMLSelectElement).value) },
              presets.map((name) => h('option', { value: name, selected: name === config.preset, title: model.presets[name]?.description }, name)),
            ),
          )
        : null,
      takesRounds(config.model) ? numberField('Rounds', 'sweep-rounds', config.rounds, 1, 1000, (value) => (config.rounds = value)) : null,
      numberField('Runs', 'sweep-runs', config.runs, 1, 100_000, (value) => (config.runs = value)),
      numberField('Seed', 'sweep-seed', config.seed, 0, 0xffffffff, (value) => (config.seed = value)),
      numberField('Web Workers', 'sweep-workers', config.workers, 1, 16, (value) => (config.workers = value)),
      numberField('Histogram bins', 'sweep-bins', config.bins, 1, 200, (value) => (config.bins = value)),
    ),
    h(
      'div',
      { class: 'grid-form' },
      h(
        'label',
        { class: 'field' },
        'Noise (one per line: [ACTOR.[ISSUE.]]FIELD=normal|uniform:SIZE[%])',
        h('textarea', { id: 'sweep-noise', rows: 3, cols: 42, onchange: (event: Event) => (config.noise = (event.target as HTMLTextAreaElement).value) }, config.noise),
      ),
      h(
        'label',
        { class: 'field' },
        'Shocks (one per line: drop:ACTOR, ACTOR.[ISSUE.]FIELD=V@ROUND, close:A,B)',
        h('textarea', { id: 'sweep-shocks', rows: 3, cols: 42, onchange: (event: Event) => (config.shocks = (event.target as HTMLTextAreaElement).value) }, config.shocks),
      ),
      h(
        'label',
        { class: 'field' },
        'Thresholds ([ISSUE:]VALUE, comma-separated)',
        h('input', { id: 'sweep-thresholds', value: config.thresholds, class: 'wide', onchange: (event: Event) => (config.thresholds = (event.target as HTMLInputElement).value) }),
      ),
    ),
    h(
      'div',
      { class: 'run-actions' },
      h('button', { type: 'button', id: 'run-sweep', class: 'primary', disabled: host.running || !host.canRun, onclick: () => host.run() }, host.running ? 'Sweeping…' : 'Run sweep'),
      host.view
        ? h(
            'button',
            { type: 'button', id: 'save-sweep', disabled: host.view.savedRunId !== undefined || host.running, onclick: () => host.save() },
            host.view.savedRunId !== undefined ? `Saved as run #${host.view.savedRunId}` : 'Save sweep to history',
          )
        : null,
      host.view
        ? h(
            'button',
            { type: 'button', id: 'sweep-json', onclick: () => downloadResult(host.view!.result) },
            'JSON',
          )
        : null,
      h('progress', { id: 'sweep-progress', max: 1, value: 0, hidden: !host.running }),
      h('span', { class: 'run-status', id: 'sweep-status' }, !host.canRun ? '' : host.running ? 'Starting the Web Workers…' : (host.view?.origin ?? '')),
    ),
    host.canRun ? null : (host.blocked ?? null),
  );
}

function tornadoNote(swings: readonly number[]): string {
  const moving = swings.filter((swing) => swing > 0).length;
  const shown = Math.min(tornadoRows, moving);
  return (
    `One at a time: each estimate at the 5th and the 95th percentile of its noise law, the others as given. ` +
    `${moving} of ${swings.length} estimates move this outcome${shown < moving ? ` (the ${shown} largest swings shown)` : ''}; ` +
    'the CSV has every estimate, with its first-order variance-based index.'
  );
}

function downloadResult(result: SweepResult): void {
  download(`sweep-${result.model}-${result.runs}-runs-seed-${result.seed}.json`, new Blob([`${JSON.stringify(result, null, 2)}\n`], { type: 'application/json' }));
}

/** Shows the progress of a running sweep without re-rendering the view. */
export function showSweepProgress(done: number, total: number): void {
  const bar = document.getElementById('sweep-progress') as HTMLProgressElement | null;
  if (bar) {
    bar.max = total;
    bar.value = done;
  }
  const status = document.getElementById('sweep-status');
  if (status) status.textContent = `${done} of ${total} runs…`;
}

export function renderSweep(host: SweepHost, width: number): HTMLElement {
  const view = host.view;
  if (!view) {
    return h(
      'div',
      { class: 'sweep-view' },
      renderForm(host),
      h('p', { class: 'empty' }, 'Run a sweep: the model runs many times on noisy copies of the scenario, in Web Workers in your browser.'),
    );
  }
  const { result, scenario } = view;
  const summary = result.issues.find((candidate) => candidate.issue === host.issueId) ?? result.issues[0]!;
  const issue = scenario.issues.find((candidate) => candidate.id === summary.issue)!;
  const slug = `${fileSlug(scenario.title)}-${issue.id}-sweep`;
  const histogram = histogramChart(summary, result.completedRuns, issue, width);
  const tornado = tornadoChart(summary, issue, width);
  const thresholdValues = [...new Set(result.issues.flatMap((candidate) => candidate.thresholds.map((threshold) => threshold.value)))];
  const sweptIssues = result.issues.map((candidate) => scenario.issues.find((entry) => entry.id === candidate.issue) ?? { id: candidate.issue });
  const issuePicker = issueSelect('Issue ', 'sweep-issue', sweptIssues, summary.issue, (issueId) => {
    host.issueId = issueId;
    host.changed();
  });
  const cell = (value: number) => h('td', {}, value.toFixed(1));
  const table = h(
    'table',
    { class: 'outcomes', id: 'sweep-summary' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Issue', 'baseline', 'mean', 'sd', '5%', '25%', 'median', '75%', '95%'].map((title) => h('th', {}, title)),
        thresholdValues.map((value) => h('th', {}, `P(> ${value})`)),
      ),
    ),
    h(
      'tbody',
      {},
      result.issues.map((candidate) =>
        h(
          'tr',
          { 'data-issue': candidate.issue },
          h('th', { scope: 'row' }, scenario.issues.find((entry) => entry.id === candidate.issue)?.name ?? candidate.issue),
          [candidate.baseline, candidate.mean, candidate.standardDeviation, candidate.quantiles.p5, candidate.quantiles.p25, candidate.quantiles.p50, candidate.quantiles.p75, candidate.quantiles.p95].map(cell),
          thresholdValues.map((value) => {
            const threshold = candidate.thresholds.find((entry) => entry.value === value);
            return h('td', {}, threshold ? `${(threshold.above * 100).toFixed(1)}%` : '—');
          }),
        ),
      ),
    ),
  );
  const model = result.preset === 'default' ? result.model : `${result.model} (${result.preset})`;
  return h(
    'div',
    { class: 'sweep-view' },
    renderForm(host),
    h(
      'section',
      { class: 'card' },
      h('h3', {}, `${model}: ${result.completedRuns} runs, seed ${result.seed}`),
      h('div', { class: 'table-scroll' }, table),
      result.notes.length > 0 ? h('ul', { class: 'hint' }, result.notes.map((note) => h('li', {}, note))) : null,
    ),
    h('div', { class: 'results-head' }, issuePicker),
    chartCard({
      id: 'sweep-histogram',
      title: `Distribution of the outcome — ${issue.name ?? issue.id}`,
      chart: histogram.chart,
      rows: histogram.rows,
      fileName: `${slug}-histogram`,
      meta: { scenario: scenario.title, asOf: scenario.asOf, issue: issue.name ?? issue.id, model, round: `${result.completedRuns} runs, seed ${result.seed}` },
      note: `Share of the ${result.completedRuns} runs per bin. Black rules: the 5, 25, 50 (median, solid), 75 and 95% quantiles; orange: the baseline (every estimate as given).`,
    }),
    chartCard({
      id: 'sweep-tornado',
      title: `What moves the forecast most — ${issue.name ?? issue.id}`,
      chart: tornado.chart,
      rows: tornado.rows,
      fileName: `${slug}-tornado`,
      meta: { scenario: scenario.title, asOf: scenario.asOf, issue: issue.name ?? issue.id, model, round: `${result.completedRuns} runs, seed ${result.seed}` },
      note: tornadoNote(summary.sensitivity.map((entry) => entry.swing)),
    }),
  );
}
