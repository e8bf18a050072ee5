/**
 * The Ledger page: the forecast ledger's sealed entries (newest first, a page at a time), sealing the
 * open scenario's answer, resolving an entry with what happened, and the scores as
 * `parley ledger score` gives them (Brier per probability, CRPS per forecast, calibration bins).
 * Sealed entries are never edited: the only change an entry takes is its one resolution.
 */
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { chartCard } from '../charts/card.js';
import { h, toast } from '../dom.js';
import { calibrationChart } from './calibrationChart.js';
import { ledgerApi, type LedgerEntry, type LedgerScore, type Page } from './ledgerClient.js';
import '../answer/answer.css';

const pageSize = 50;
const percent = (p: number): string => `${(p * 100).toFixed(1)} %`;
const fixed = (value: number | null, digits: number): string => (value === null ? '–' : value.toFixed(digits));

export function ledgerView(store: Store): View {
  let page: Page<LedgerEntry> | undefined;
  let score: LedgerScore | undefined;
  let offset = 0;
  let busy = false;
  /** Outcomes typed but not yet submitted, by entry id. */
  const typed = new Map<number, string>();

  let loading = false;

  async function load(): Promise<void> {
    if (loading) return;
    loading = true;
    try {
      [page, score] = await Promise.all([ledgerApi.list(pageSize, offset), ledgerApi.score()]);
    } finally {
      loading = false;
    }
    store.changed();
  }

  async function seal(): Promise<void> {
    const scenario = store.state.valid;
    if (!scenario) return;
    busy = true;
    store.changed();
    try {
      const { items } = await ledgerApi.seal(scenario);
      toast(`Sealed ${items.map((entry) => `#${entry.id} (${entry.issue})`).join(', ')}.`);
      offset = 0;
      await load();
    } finally {
      busy = false;
      store.changed();
    }
  }

  async function resolve(entry: LedgerEntry): Promise<void> {
    const text = (typed.get(entry.id) ?? '').trim();
    const outcome = Number(text);
    if (text === '' || !Number.isFinite(outcome)) {
      toast(`Entry #${entry.id}: type the outcome, a number on [${entry.scale.min}, ${entry.scale.max}].`, 'error');
      return;
    }
    await ledgerApi.resolve(entry.id, outcome);
    typed.delete(entry.id);
    toast(`Resolved #${entry.id}: ${entry.issue} outcome ${outcome}.`);
    await load();
  }

  function entryRow(entry: LedgerEntry): HTMLElement {
    const outcomeCell = entry.resolution
      ? h('td', { class: 'ledger-outcome' }, String(entry.resolution.outcome), h('span', { class: 'meta' }, ` ${entry.resolution.resolvedAt.slice(0, 10)}`))
      : h(
          'td',
          { class: 'ledger-outcome' },
          h('input', { type: 'number', class: 'outcome-input', 'aria-label': `Outcome of entry ${entry.id}`, min: entry.scale.min, max: entry.scale.max, step: 'any', value: typed.get(entry.id) ?? '', oninput: (event: Event) => typed.set(entry.id, (event.target as HTMLInputElement).value) }),
          h('button', { type: 'button', class: 'small', onclick: store.guarded(() => resolve(entry)) }, 'Resolve'),
        );
    return h(
      'tr',
      { 'data-entry': entry.id },
      h('th', { scope: 'row' }, `#${entry.id}`),
      h('td', {}, entry.sealedAt.slice(0, 19).replace('T', ' ')),
      h('td', {}, entry.scenarioTitle, h('div', { class: 'meta', title: `SHA-256 of the scenario: ${entry.scenarioHash}` }, `${entry.scenarioHash.slice(0, 12)}… · Parley ${entry.parleyVersion}`)),
      h('td', {}, entry.issue, h('div', { class: 'meta' }, `[${entry.scale.min}, ${entry.scale.max}]`)),
      h('td', {}, entry.predictor),
      h('td', {}, entry.forecast.toFixed(2)),
      h('td', {}, h('ul', { class: 'plain' }, entry.probabilities.map((p) => h('li', {}, `${p.question !== undefined ? `${p.question}: ` : ''}${p.label} = ${percent(p.probability)}`)))),
      outcomeCell,
    );
  }

  function entriesCard(): HTMLElement {
    if (!page) return h('p', { class: 'empty' }, 'Loading the ledger…');
    const last = Math.min(page.total, page.offset + page.items.length);
    return h(
      'section',
      { class: 'card', id: 'ledger-entries', 'aria-label': 'Sealed entries' },
      h('h3', {}, `Sealed entries (${page.total})`),
      page.total === 0
        ? h('p', { class: 'empty' }, 'Nothing sealed yet: open a scenario and seal its answer (here or on its Answer tab), or run parley ledger add FILE.')
        : h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'ledger-table' },
              h('thead', {}, h('tr', {}, ['#', 'Sealed (UTC)', 'Scenario', 'Issue', 'Predictor', 'Forecast', 'Probabilities', 'Outcome'].map((label) => h('th', {}, label)))),
              h('tbody', {}, page.items.map(entryRow)),
            ),
          ),
      page.total > pageSize
        ? h(
            'div',
            { class: 'toolbar' },
            h('button', { type: 'button', disabled: page.offset === 0, onclick: store.guarded(async () => ((offset = Math.max(0, offset - pageSize)), await load())) }, '← Newer'),
            h('span', { class: 'meta' }, `${page.offset + 1}–${last} of ${page.total}`),
            h('button', { type: 'button', disabled: last >= page.total, onclick: store.guarded(async () => ((offset += pageSize), await load())) }, 'Older →'),
          )
        : null,
    );
  }

  function scoresCard(width: number): HTMLElement | null {
    if (!score) return null;
    const { overall } = score;
    const calibration = calibrationChart(score.calibration, width);
    return h(
      'section',
      { class: 'card', id: 'ledger-scores', 'aria-label': 'Scores' },
      h('h3', {}, 'Scores'),
      h('p', { id: 'ledger-overall' }, `Overall: ${overall.resolved} resolved, ${overall.open} open; mean CRPS/width ${fixed(overall.crpsShare, 4)}, mean Brier ${fixed(overall.brier, 4)}`),
      score.entries.length === 0
        ? h('p', { class: 'empty' }, 'Resolve an entry to score it.')
        : h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'ledger-scores' },
              h('thead', {}, h('tr', {}, ['#', 'Issue', 'Predictor', 'Forecast', 'Outcome', 'CRPS', 'CRPS/width', 'Brier'].map((label) => h('th', {}, label)))),
              h(
                'tbody',
                {},
                score.entries.map((entry) =>
                  h('tr', { 'data-entry': entry.id }, h('th', { scope: 'row' }, `#${entry.id}`), h('td', {}, entry.issue), h('td', {}, entry.predictor), h('td', {}, entry.forecast.toFixed(2)), h('td', {}, String(entry.outcome)), h('td', { 'data-key': 'crps' }, entry.crps.toFixed(3)), h('td', {}, entry.crpsShare.toFixed(4)), h('td', { 'data-key': 'brier' }, entry.brier.toFixed(4))),
                ),
              ),
            ),
          ),
      h('p', { class: 'hint' }, 'CRPS on the issue’s scale (and as a share of its width) from the 99 sealed quantiles; Brier = mean (p − o)² over the entry’s probabilities.'),
      h(
        'div',
        { class: 'side-by-side' },
        h(
          'table',
          { class: 'calibration-bins', id: 'calibration-bins' },
          h('thead', {}, h('tr', {}, ['Bin', 'n', 'Mean p', 'Observed'].map((label) => h('th', {}, label)))),
          h('tbody', {}, score.calibration.map((bin) => h('tr', {}, h('td', {}, `${bin.low.toFixed(1)}–${bin.high.toFixed(1)}`), h('td', {}, String(bin.count)), h('td', {}, fixed(bin.meanProbability, 3)), h('td', {}, fixed(bin.observedFrequency, 3))))),
        ),
        chartCard({ id: 'calibration-chart', title: 'Calibration', chart: calibration.chart, rows: calibration.rows, fileName: 'parley-ledger-calibration', note: 'Every sealed probability of a resolved entry, in ten bins; the dashed diagonal is perfect calibration.' }),
      ),
    );
  }

  return {
    id: 'ledger',
    place: 'page',
    label: () => 'Forecast ledger',
    summary: 'sealed answers, outcomes, Brier and CRPS',
    redrawOnResize: true,
    shown: () => store.guarded(load)(),
    render: (width) => {
      if (!page && !busy) store.guarded(load)();
      const scenario = store.state.valid;
      return h(
        'div',
        { class: 'ledger-view' },
        h('h2', {}, 'Forecast ledger'),
        h(
          'section',
          { class: 'card run-bar' },
          h(
            'div',
            { class: 'run-actions' },
            h('button', { type: 'button', id: 'seal-open-scenario', class: 'primary', disabled: busy || !scenario, onclick: store.guarded(seal) }, busy ? 'Sealing…' : scenario ? `Seal the answer for “${scenario.title}”` : 'Open a valid scenario to seal its answer'),
            h('span', { class: 'hint' }, 'The server computes the answer from the scenario (as parley ledger add) and seals it: its content hash, Parley’s version, the date, the forecast, 99 quantiles and every probability. Sealed entries can never be edited or deleted.'),
          ),
        ),
        entriesCard(),
        scoresCard(width),
      );
    },
  };
}
