/**
 * The backtest view: Parley's models scored on the outcomes of real EU decisions (DEU III,
 * docs/backtest.md). The server runs the backtest (it reads the shipped data set) in the background
 * and keeps each result; the page shows its progress, then the error of every predictor with its 95%
 * interval, as charts and as a table.
 */
import type { PredictorRow } from '../../../src/analysis/backtest/backtest.js';
import { subsets } from '../../../src/analysis/backtest/cases.js';
import { capabilityRuleIds, institutionRuleIds } from '../../../src/analysis/backtest/capability.js';
import type { BacktestBody, BacktestState } from '../api.js';
import { backtestChart } from '../charts/backtestChart.js';
import { chartCard } from '../charts/card.js';
import { h } from '../dom.js';

export interface BacktestHost {
  form: BacktestBody;
  state: BacktestState | undefined;
  running: boolean;
  run(): void;
  changed(): void;
}

export const defaultBacktestForm = (): BacktestBody => ({ capability: 'equal', institutions: 'largest-state', subset: 'all', models: '' });

/** The API body for the form: institutions only where they count, models only when some are named. */
export function backtestBody(form: BacktestBody): BacktestBody {
  const body: BacktestBody = { capability: form.capability, subset: form.subset };
  if (form.capability === 'council-ssi' && form.institutions) body.institutions = form.institutions;
  if (form.models?.trim()) body.models = form.models.trim();
  return body;
}

function select(id: string, label: string, value: string, options: { value: string; label: string }[], set: (value: string) => void): HTMLElement {
  return h(
    'label',
    { class: 'field' },
    label,
    h(
      'select',
      { id, onchange: (event: Event) => set((event.target as HTMLSelectElement).value) },
      options.map((option) => h('option', { value: option.value, selected: option.value === value }, option.label)),
    ),
  );
}

/** The running state in words. */
export function progressText(state: Extract<BacktestState, { status: 'running' }>): string {
  const seconds = (state.elapsedMs / 1000).toFixed(1);
  if (!state.progress) return `Running… ${seconds} s (starting)`;
  return `Running… ${seconds} s — model run ${Math.min(state.progress.total, state.progress.done + 1)} of ${state.progress.total}: ${state.progress.current}`;
}

/** Updates the progress line and bar of a running backtest without re-rendering the view. */
export function showBacktestProgress(state: Extract<BacktestState, { status: 'running' }>): void {
  const status = document.getElementById('backtest-status');
  if (status) status.textContent = progressText(state);
  const bar = document.getElementById('backtest-progress') as HTMLProgressElement | null;
  if (bar && state.progress) {
    bar.max = state.progress.total;
    bar.value = state.progress.done;
  }
}

export function renderBacktest(host: BacktestHost, width: number): HTMLElement {
  const { form, state } = host;
  const controls = h(
    'section',
    { class: 'card', 'aria-label': 'Backtest settings' },
    h(
      'p',
      { class: 'hint' },
      'Every model forecasts each controversial issue of EU legislation in DEU III (Arregui & Perarnaud 2021; Thomson et al. 2006, 2012; CC BY 4.0) and is scored against what the EU decided. The server runs it (several seconds for every model) and keeps the result for these options.',
    ),
    h(
      'div',
      { class: 'grid-form' },
      select('backtest-capability', 'Capability rule', form.capability, capabilityRuleIds.map((id) => ({ value: id, label: id })), (value) => {
        form.capability = value;
        host.changed();
      }),
      form.capability === 'council-ssi'
        ? select('backtest-institutions', 'Commission and Parliament', form.institutions ?? 'largest-state', institutionRuleIds.map((id) => ({ value: id, label: id })), (value) => (form.institutions = value))
        : null,
      select('backtest-subset', 'Issues', form.subset, Object.entries(subsets).map(([id, subset]) => ({ value: id, label: `${id} — ${subset.description}` })), (value) => (form.subset = value)),
      h(
        'label',
        { class: 'field' },
        'Models (comma-separated id or id:preset; empty = all)',
        h('input', { id: 'backtest-models', value: form.models ?? '', placeholder: 'every model and preset', onchange: (event: Event) => (form.models = (event.target as HTMLInputElement).value) }),
      ),
    ),
    h(
      'div',
      { class: 'run-actions' },
      h('button', { type: 'button', id: 'run-backtest', class: 'primary', disabled: host.running, onclick: () => host.run() }, host.running ? 'Running…' : 'Run backtest'),
      h('progress', { id: 'backtest-progress', hidden: !host.running, max: 1, value: 0 }),
      h(
        'span',
        { class: 'run-status', id: 'backtest-status' },
        state?.status === 'running' ? progressText(state) : state?.status === 'done' ? `Done in ${(state.milliseconds / 1000).toFixed(1)} s on the server (kept for these options).` : '',
      ),
    ),
  );
  if (state?.status !== 'done') return h('div', { class: 'backtest-view' }, h('header', { class: 'main-header' }, h('h2', {}, 'Backtest on EU decisions (DEU III)')), controls);

  const { result, request } = state;
  const capability = request.capability.id === 'council-ssi' ? `council-ssi (institutions: ${request.capability.institutions})` : request.capability.id;
  const mae = backtestChart(result.rows, 'mae', width);
  const difference = backtestChart(result.rows, 'maeDifference', width);
  const slug = `backtest-${request.capability.id}-${request.subset}`;
  const cv = result.crossValidation;
  return h(
    'div',
    { class: 'backtest-view' },
    h('header', { class: 'main-header' }, h('h2', {}, 'Backtest on EU decisions (DEU III)')),
    controls,
    h(
      'p',
      { id: 'backtest-summary' },
      `${result.issues} issues in ${result.proposals} proposals (subset ${request.subset}); capability ${capability}; ${result.bootstrap.replicates} cluster-bootstrap replicates by proposal, seed ${result.bootstrap.seed}. `,
      `Fitted blend, out of sample (${cv.folds}-fold by proposal): MAE ${cv.mae.value.toFixed(2)} vs the compromise model's ${cv.compromiseMae.value.toFixed(2)} — ${cv.significantlyLower ? 'significantly better' : cv.lowerThanCompromise ? 'lower, but not significantly' : 'not better'}.`,
    ),
    chartCard({ id: 'backtest-mae', title: 'Error by model: MAE with 95% intervals', chart: mae.chart, rows: mae.rows, fileName: `${slug}-mae`, note: 'Dashed: the compromise model (weighted-mean). Grey: baselines; blue: models; orange: the cross-validated blend.' }),
    chartCard({ id: 'backtest-difference', title: 'Paired difference to the compromise model (ΔMAE, 95% intervals)', chart: difference.chart, rows: difference.rows, fileName: `${slug}-difference` }),
    h('section', { class: 'card' }, h('h3', {}, 'All metrics'), h('div', { class: 'table-scroll' }, metricsTable(result.rows))),
    result.skipped.length > 0
      ? h('section', { class: 'card' }, h('h3', {}, 'Skipped'), h('ul', {}, result.skipped.map((entry) => h('li', {}, `${entry.id}: ${entry.reason}`))))
      : null,
  );
}

function metricsTable(rows: readonly PredictorRow[]): HTMLElement {
  const interval = (value: { value: number; low: number; high: number }, digits = 2, scale = 1) =>
    `${(value.value * scale).toFixed(digits)} [${(value.low * scale).toFixed(digits)}, ${(value.high * scale).toFixed(digits)}]`;
  return h(
    'table',
    { class: 'outcomes', id: 'backtest-table' },
    h('thead', {}, h('tr', {}, ['Predictor', 'kind', 'MAE [95%]', 'RMSE [95%]', 'median |error|', 'within 10 (%)', 'ΔMAE vs weighted-mean [95%]', 'fallbacks'].map((title) => h('th', {}, title)))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          { 'data-predictor': row.id, title: row.description },
          h('th', { scope: 'row' }, row.id),
          h('td', {}, row.kind),
          h('td', { 'data-metric': 'mae' }, interval(row.metrics.mae)),
          h('td', {}, interval(row.metrics.rmse)),
          h('td', {}, interval(row.metrics.medianAbsoluteError)),
          h('td', {}, interval(row.metrics.within10, 1, 100)),
          h('td', {}, interval(row.maeDifference)),
          h('td', {}, String(row.fallbacks)),
        ),
      ),
    ),
  );
}
