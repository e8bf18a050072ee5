/**
 * Run and look: choose models, presets and rounds; run them in the Web Worker; then the charts of the
 * chosen issue — positions round by round, every model's forecast on the scale, the SMP's positions
 * turn by turn on two issues, and the dyad matrix of a chosen round with the plain-words explanation
 * of the focused cell.
 */
import type { Forecast } from '../../../src/models/model.js';
import type { Issue } from '../../../src/scenario/schema.js';
import { models, resolveOptions } from '../../../src/models/registry.js';
import type { Results } from '../app/store.js';
import { actorNames } from '../actorNames.js';
import { chartCard } from '../charts/card.js';
import { dyadMatrix } from '../charts/dyadMatrix.js';
import { forecastChart } from '../charts/forecastChart.js';
import { forecastLabel } from '../charts/modelLabels.js';
import { roundsChart } from '../charts/roundsChart.js';
import { smpPlaneCard, type SmpPlaneChoice } from '../charts/smpPlane.js';
import { h } from '../dom.js';
import { exchangeCards } from '../exchange/exchangeCards.js';
import type { ModelRequest } from '../modelClient.js';
import { actorPalette, actorStyles, actorsDistinct, actorSymbols } from '../palette.js';
import { fileSlug, issueSelect, stepSlider } from '../controls.js';
import { outcomeNotes } from './outcomeNotes.js';

export interface RunConfig {
  selected: string[];
  presets: Record<string, string>;
  rounds: number;
}

export interface ResultsHost {
  config: RunConfig;
  results: Results | undefined;
  issueId: string | undefined;
  roundsModel: number;
  dyadRound: number;
  /** The SMP plane's axes and turn. */
  smpPlane: SmpPlaneChoice;
  running: boolean;
  canRun: boolean;
  /** Why it cannot run (the problems, in words), when it cannot. */
  blocked?: HTMLElement;
  /** The scenario has unsaved changes: saving the run saves it too. */
  dirty: boolean;
  run(): void;
  saveRun(): void;
  changed(): void;
}

/** Models whose options take a number of rounds (the iterative ones). */
export function takesRounds(modelId: string): boolean {
  const model = models.find((candidate) => candidate.id === modelId);
  return model !== undefined && 'rounds' in resolveOptions(model);
}

/** The worker requests for the current configuration. */
export function requestsFor(config: RunConfig): ModelRequest[] {
  return config.selected.map((id) => {
    const request: ModelRequest = { model: id };
    const preset = config.presets[id];
    if (preset && preset !== 'default') request.preset = preset;
    if (takesRounds(id)) request.options = { rounds: config.rounds };
    return request;
  });
}

export function renderRunBar(host: ResultsHost): HTMLElement {
  const { config } = host;
  const modelChoices = models.map((model) => {
    const presetNames = Object.keys(model.presets);
    return h(
      'div',
      { class: 'model-choice' },
      h(
        'label',
        { title: model.summary },
        h('input', {
          type: 'checkbox',
          name: 'model',
          value: model.id,
          checked: config.selected.includes(model.id),
          onchange: (event: Event) => {
            const checked = (event.target as HTMLInputElement).checked;
            config.selected = checked ? [...config.selected, model.id] : config.selected.filter((id) => id !== model.id);
            config.selected = models.map((candidate) => candidate.id).filter((id) => config.selected.includes(id));
          },
        }),
        ` ${model.title}`,
      ),
      presetNames.length > 1
        ? h(
            'select',
            {
              'aria-label': `${model.title} preset`,
              name: `preset-${model.id}`,
              onchange: (event: Event) => (config.presets[model.id] = (event.target as HTMLSelectElement).value),
            },
            presetNames.map((name) => h('option', { value: name, selected: (config.presets[model.id] ?? 'default') === name, title: model.presets[name]?.description }, name)),
          )
        : null,
    );
  });
  return h(
    'section',
    { class: 'card run-bar', 'aria-label': 'Run models' },
    h('div', { class: 'model-choices' }, modelChoices),
    h(
      'div',
      { class: 'run-actions' },
      h(
        'label',
        { class: 'field inline' },
        'Rounds ',
        h('input', {
          type: 'number',
          id: 'rounds',
          min: 1,
          max: 1000,
          value: config.rounds,
          onchange: (event: Event) => {
            const value = Number((event.target as HTMLInputElement).value);
            if (Number.isInteger(value) && value >= 1 && value <= 1000) config.rounds = value;
          },
        }),
      ),
      h('button', { type: 'button', id: 'run', class: 'primary', onclick: () => host.run(), disabled: host.running || !host.canRun }, host.running ? 'Running…' : 'Run'),
      host.results
        ? h(
            'button',
            { type: 'button', id: 'save-run', onclick: () => host.saveRun(), disabled: host.results.saved },
            host.results.saved ? 'Saved in history' : host.dirty ? 'Save scenario and run to history' : 'Save run to history',
          )
        : null,
      h(
        'span',
        { class: 'run-status', id: 'run-status' },
        !host.canRun
          ? ''
          : host.results
            ? `${host.results.origin}: ${host.results.forecasts.length} model${host.results.forecasts.length === 1 ? '' : 's'} in ${host.results.milliseconds.toFixed(0)} ms`
            : '',
      ),
    ),
    host.canRun ? null : (host.blocked ?? null),
  );
}

export function renderResults(host: ResultsHost, width: number): HTMLElement {
  const results = host.results;
  if (!results) return h('p', { class: 'empty' }, 'Choose models and press Run: the models run in your browser.');
  const { scenario, forecasts } = results;
  const issue = scenario.issues.find((candidate) => candidate.id === host.issueId) ?? scenario.issues[0]!;
  const names = actorNames(scenario.actors);
  const slug = fileSlug(scenario.title);
  // What every export of this view says about itself (exportMeta.ts).
  const about = { scenario: scenario.title, asOf: scenario.asOf, issue: issue.name ?? issue.id };

  const issuePicker = issueSelect('Issue ', 'issue-picker', scenario.issues, issue.id, (issueId) => {
    host.issueId = issueId;
    host.changed();
  });

  const cards: HTMLElement[] = [];
  const iterative = forecasts.map((forecast, index) => ({ forecast, index })).filter(({ forecast }) => (forecast.issues[0]?.rounds.length ?? 0) > 1);
  const roundsIndex = iterative.some(({ index }) => index === host.roundsModel) ? host.roundsModel : (iterative[0]?.index ?? 0);
  const roundsForecast = forecasts[roundsIndex];
  const roundsIssue = roundsForecast?.issues.find((candidate) => candidate.issue === issue.id);
  if (roundsForecast && roundsIssue) {
    const { chart, rows } = roundsChart(roundsIssue, issue, names, width, actorStyles(scenario.actors));
    const modelPicker =
      iterative.length > 1
        ? h(
            'select',
            {
              'aria-label': 'Model shown',
              onchange: (event: Event) => {
                host.roundsModel = Number((event.target as HTMLSelectElement).value);
                host.changed();
              },
            },
            iterative.map(({ forecast, index }) => h('option', { value: index, selected: index === roundsIndex }, label(forecast))),
          )
        : undefined;
    const actorCount = Object.keys(roundsIssue.rounds[0]?.positions ?? {}).length;
    const note = [
      actorCount > actorPalette.length
        ? `${actorCount} actors share ${actorPalette.length} colours: ${actorsDistinct(scenario.actors.length) ? `each colour with ${actorSymbols.length} shapes (see the legend)` : 'colour and shape repeat beyond 56 actors'}; each line is named at its end, and a dot names its actor on hover.`
        : '',
      roundsIssue.stoppedEarly ? `Stopped after round ${roundsIssue.stoppedEarly.afterRound} (${roundsIssue.stoppedEarly.rule}).` : '',
      ...roundsIssue.notes,
    ]
      .filter(Boolean)
      .join(' ');
    cards.push(
      chartCard({
        id: 'rounds-chart',
        title: `Positions round by round — ${label(roundsForecast)}`,
        chart,
        rows,
        fileName: `${slug}-${issue.id}-rounds`,
        meta: { ...about, model: label(roundsForecast), round: `rounds 0–${roundsIssue.rounds.at(-1)?.round ?? 0}` },
        ...(note && { note }),
        ...(modelPicker && { extra: [modelPicker] }),
      }),
    );
  }

  const forecastView = forecastChart(forecasts, scenario, issue, width);
  cards.push(
    chartCard({
      id: 'forecast-chart',
      title: 'Forecasts on the issue’s scale',
      chart: forecastView.chart,
      rows: forecastView.rows,
      fileName: `${slug}-${issue.id}-forecasts`,
      meta: { ...about, model: forecasts.map(label).join(', '), round: 'final forecasts' },
      note: 'Dots: the actors’ starting positions, sized by capability × salience. Lines: each model’s forecast.' + (issue.statusQuo === undefined ? '' : ' Dotted: the status quo.'),
    }),
  );

  const plane = smpPlaneCard(forecasts, scenario, host.smpPlane, () => host.changed(), width);
  if (plane) cards.push(plane);
  cards.push(...exchangeCards(forecasts, scenario, issue, width, slug));

  const withDyads = forecasts.find((forecast) => forecast.issues.some((candidate) => candidate.rounds.some((round) => round.dyads)));
  const dyadIssue = withDyads?.issues.find((candidate) => candidate.issue === issue.id);
  if (withDyads && dyadIssue && dyadIssue.rounds.length > 1) {
    const lastRound = dyadIssue.rounds.length - 1;
    const roundNumber = Math.min(Math.max(1, host.dyadRound), lastRound);
    const round = dyadIssue.rounds[roundNumber]!;
    const explanation = h('p', { class: 'explanation', id: 'dyad-explanation', 'aria-live': 'polite' }, 'Hover over or focus (Tab) a cell to read what that actor thinks of that dyad.');
    const decimals = issue.scale.max - issue.scale.min <= 10 ? 2 : 1;
    const matrix = dyadMatrix(round, names, decimals, (text) => (explanation.textContent = text), width);
    const roundPicker = stepSlider('Round', 'dyad-round', { min: 1, max: lastRound, value: roundNumber }, (value) => {
      host.dyadRound = value;
      host.changed();
    });
    cards.push(
      chartCard({
        id: 'dyad-chart',
        title: `Dyad matrix — ${label(withDyads)}`,
        chart: matrix.chart,
        rows: matrix.rows,
        fileName: `${slug}-${issue.id}-dyads-round-${roundNumber}`,
        meta: { ...about, model: label(withDyads), round: `round ${roundNumber} of ${lastRound}` },
        extra: [roundPicker, explanation],
      }),
    );
  }

  return h('div', { class: 'results' }, h('div', { class: 'results-head' }, issuePicker), outcomesCard(forecasts, scenario.issues), cards);
}

/**
 * The outcomes table: each model's forecast per issue, with the models' notes beside the numbers
 * they qualify (a numbered mark, its text as the mark's tooltip and in the list under the table).
 */
function outcomesCard(forecasts: readonly Forecast[], issues: readonly Issue[]): HTMLElement {
  const placed = outcomeNotes(forecasts, issues);
  const noteById = new Map(placed.notes.map((note) => [note.number, note]));
  const marks = (numbers: readonly number[]) =>
    numbers.map((number) =>
      h('sup', { class: 'note-ref', title: noteById.get(number)?.text, 'aria-describedby': `outcome-note-${number}`, 'data-note': number }, String(number)),
    );
  const table = h(
    'table',
    { class: 'outcomes', id: 'outcomes' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Model'), issues.map((candidate) => h('th', {}, candidate.name ?? candidate.id)))),
    h(
      'tbody',
      {},
      forecasts.map((forecast, row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', title: forecast.model }, label(forecast), ...marks(placed.rows[row]!)),
          issues.map((candidate, column) => h('td', {}, formatOutcome(forecast, candidate.id), ...marks(placed.cells[row]![column]!))),
        ),
      ),
    ),
  );
  const list =
    placed.notes.length === 0
      ? null
      : h(
          'ol',
          { class: 'outcome-notes', id: 'outcome-notes', 'aria-label': 'Model notes' },
          placed.notes.map((note) => h('li', { id: `outcome-note-${note.number}`, value: note.number }, h('span', { class: 'note-places' }, `${note.places.join('; ')}: `), note.text)),
        );
  return h('section', { class: 'card', id: 'outcomes-card' }, h('h3', {}, 'Forecast outcomes'), h('div', { class: 'table-scroll' }, table), list);
}

/** A forecast's model (short name) and preset, as the charts name it. */
export function label(forecast: Forecast): string {
  return forecastLabel(forecast);
}

function formatOutcome(forecast: Forecast, issueId: string): string {
  const outcome = forecast.issues.find((candidate) => candidate.issue === issueId)?.outcome;
  return outcome === undefined ? '—' : outcome.toFixed(1);
}
