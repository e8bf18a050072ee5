/**
 * The answer card, as `parley forecast` prints it first: per issue the validated predictor's point
 * forecast with its 5–95 % interval drawn on the issue's scale, the predictor's record, the
 * probabilities (above the status quo or midpoint, and the questions'), the fragility flag with its
 * reason, the models' spread with each one's backtest MAE (each model's notes beside its number),
 * and the stability and other notes.
 */
import type { Answer, IssueAnswer } from '../../../src/analysis/answer/answer.js';
import { modelLabel } from '../../../src/analysis/answer/answer.js';
import { decimalsForScale, formatFixed } from '../../../src/analysis/formatNumber.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { chartCard } from '../charts/card.js';
import { fileSlug } from '../controls.js';
import { h } from '../dom.js';
import { intervalChart } from './intervalChart.js';
import { notesByModel } from './modelNotes.js';

const percent = (probability: number): string => `${(probability * 100).toFixed(1)} %`;

/** A number as shown, with its full value in `data-value` (what the browser test compares). */
const value = (text: string, exact: number, key: string): HTMLElement => h('span', { class: 'value', 'data-key': key, 'data-value': String(exact) }, text);

export function predictorLine(answer: Answer): string {
  const { predictor } = answer;
  const record =
    predictor.mae === null
      ? ' (no backtest record)'
      : `: out-of-sample MAE ${predictor.mae.toFixed(1)}${predictor.interval ? ` [${predictor.interval[0].toFixed(1)}, ${predictor.interval[1].toFixed(1)}]` : ''} on ${predictor.dataset ?? 'the backtest'} (EU legislative bargaining, 0–100 scales)`;
  return `Predictor: ${predictor.label}${record}`;
}

export function answerHeader(answer: Answer): HTMLElement {
  return h(
    'section',
    { class: 'card answer-head', id: 'answer-predictor' },
    h('h3', {}, 'The answer'),
    h('p', { id: 'answer-predictor-line' }, predictorLine(answer)),
    h('p', { class: 'hint' }, `Uncertainty: ${answer.sweep.runs} seeded runs (seed ${answer.sweep.seed}); ${answer.sweep.spread}.`),
    answer.notes.length > 0 ? h('ul', { class: 'answer-notes' }, answer.notes.map((note) => h('li', {}, note))) : null,
  );
}

export function issueAnswerCard(scenario: Scenario, answer: IssueAnswer, width: number): HTMLElement {
  const issue = scenario.issues.find((candidate) => candidate.id === answer.issue)!;
  const decimals = decimalsForScale(issue.scale);
  const show = (x: number): string => formatFixed(x, decimals);
  const { p5, p25, median, p75, p95 } = answer.interval;
  const drawn = intervalChart(answer, issue, width - 40, show);
  const outcomes = answer.models.map((model) => model.outcome);
  const { byModel, others } = notesByModel(answer);
  return h(
    'section',
    { class: `card answer-card${answer.fragile.value ? ' fragile' : ''}`, id: `answer-${answer.issue}`, 'data-issue': answer.issue, 'aria-label': `The answer on ${issue.name ?? issue.id}` },
    h(
      'header',
      { class: 'answer-title' },
      h('h3', {}, issue.name ?? issue.id),
      h('span', { class: 'answer-forecast' }, 'forecast ', value(show(answer.forecast), answer.forecast, 'forecast')),
      answer.fragile.value ? h('span', { class: 'badge fragile-badge', title: answer.fragile.reason }, 'FRAGILE') : null,
    ),
    h(
      'p',
      { class: 'answer-interval' },
      '5–95 %: ', value(show(p5), p5, 'p5'), '–', value(show(p95), p95, 'p95'),
      '   25–75 %: ', value(show(p25), p25, 'p25'), '–', value(show(p75), p75, 'p75'),
      '   median ', value(show(median), median, 'median'),
    ),
    chartCard({ id: `answer-chart-${answer.issue}`, title: `The forecast on the scale — ${issue.name ?? issue.id}`, chart: drawn.chart, rows: drawn.rows, fileName: `${fileSlug(scenario.title)}-${issue.id}-answer`, note: 'Bars: the predictor’s 5–95 % (thin) and 25–75 % (thick) intervals; tick: median; diamond: its point forecast; dots: each model’s outcome.' + (issue.statusQuo === undefined ? '' : ' Dotted: the status quo.') }),
    h(
      'ul',
      { class: 'answer-probabilities' },
      answer.probabilities.map((probability, index) =>
        h('li', { 'data-question': probability.question ?? '' }, `${probability.question !== undefined ? `${probability.question}: ${probability.label}` : probability.label}${probability.deadline === undefined ? '' : ` (by round ${probability.deadline})`} = `, value(percent(probability.probability), probability.probability, `probability-${index}`)),
      ),
    ),
    h('p', { class: answer.fragile.value ? 'fragile-reason warning' : 'fragile-reason' }, h('strong', {}, answer.fragile.value ? 'Fragile: ' : 'Not fragile: '), answer.fragile.reason),
    outcomes.length > 0 ? modelsTable(answer, show, byModel, outcomes) : null,
    others.length > 0 ? h('ul', { class: 'answer-notes' }, others.map((note) => h('li', {}, note))) : null,
  );
}

function modelsTable(answer: IssueAnswer, show: (x: number) => string, byModel: Map<string, string[]>, outcomes: number[]): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h('p', { class: 'models-range' }, `Models range ${show(Math.min(...outcomes))}–${show(Math.max(...outcomes))}:`),
    h(
      'table',
      { class: 'answer-models' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Model'), h('th', {}, 'Outcome'), h('th', {}, 'Backtest MAE'), h('th', {}, 'Notes'))),
      h(
        'tbody',
        {},
        answer.models.map((model) => {
          const label = modelLabel(model.model, model.preset);
          return h(
            'tr',
            { 'data-model': label },
            h('th', { scope: 'row' }, label),
            h('td', {}, value(show(model.outcome), model.outcome, `model-${label}`)),
            h('td', {}, model.backtestMae === null ? '–' : model.backtestMae.toFixed(1)),
            h('td', { class: 'model-notes' }, (byModel.get(label) ?? []).join(' ')),
          );
        }),
      ),
    ),
  );
}
