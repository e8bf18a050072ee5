/**
 * The deal analysis on screen (channels-spec.md §9, `parley deal`): for one issue, the summary line,
 * P(agreement by each date) as a chart and a table, and for a chosen branch leaf each decision round
 * (dated): the deal on offer among the veto players, each one's accept / wait, and the reading of the
 * round in words — the same sentences as the CLI (src/analysis/deal/explain.ts) —, then the proposal
 * test and what would have to change (the counterfactual layers).
 */
import * as Plot from '@observablehq/plot';
import { proposalText, rowText, waitingText, type Names } from '../../../src/analysis/deal/explain.js';
import type { DealIssue, DealLayer, DealResult, ProposalVerdict } from '../../../src/analysis/deal/types.js';
import type { Issue } from '../../../src/scenario/schema.js';
import { chartCard } from '../charts/card.js';
import { h } from '../dom.js';
import { leafText } from '../channels/timelinePaths.js';
import { memberCell, pointName, summaryText } from './dealWords.js';

const f1 = (x: number): string => x.toFixed(1);
const toDate = (text: string): Date => new Date(`${text}T00:00:00Z`);

const factorWords: Record<string, string> = { 'red-lines': 'red lines', trust: 'distrust', 'audience-costs': 'audience costs', 'win-sets': 'win-sets' };

function layerItem(layer: DealLayer, names: Names): HTMLElement {
  const terms = layer.expectedTerms === null ? '' : `, expected terms ${f1(layer.expectedTerms)}`;
  const said = new Set<string>();
  const holdouts = layer.holdouts.filter((holdout) => {
    const key = `${holdout.actor}|${holdout.round}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
  return h(
    'li',
    {},
    `Without ${layer.removed.map((factor) => factorWords[factor] ?? factor).join(', ')}: P(agreement by the end) = ${layer.pAgreement.toFixed(2)}${terms}.`,
    holdouts.length > 0 ? h('ul', {}, holdouts.slice(0, 6).map((holdout) => h('li', {}, `${waitingText(holdout.actor, holdout.deal, holdout, holdout.detail, names)}.`))) : null,
  );
}

function pAgreementCard(issue: DealIssue, scenarioIssue: Issue | undefined, width: number, fileStem: string): HTMLElement {
  const points = issue.mixture.pAgreementBy;
  const dated = points.every((point) => point.date !== null);
  const x = (point: { round: number; date: string | null }) => (dated ? toDate(point.date!) : point.round);
  const chart = Plot.plot({
    width,
    height: 240,
    marginLeft: 60,
    marginRight: 30,
    x: dated ? { type: 'utc', label: 'decision date' } : { label: 'decision point', tickFormat: 'd' },
    y: { domain: [0, 1], label: 'P(agreement by then)', grid: true },
    marks: [
      Plot.line(points, { x, y: 'p', curve: 'step-after', stroke: '#0072B2', strokeWidth: 2.5 }),
      Plot.dot(points, { x, y: 'p', fill: '#0072B2', r: 3, tip: true, title: (point: { round: number; date: string | null; p: number }) => `${pointName(point)}: ${point.p.toFixed(3)}` }),
    ],
  }) as SVGSVGElement;
  chart.setAttribute('aria-label', `P(agreement by each date) on ${scenarioIssue?.name ?? issue.issue}`);
  const table = h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'grid deal-table', id: 'deal-p-agreement' },
      h('thead', {}, h('tr', {}, h('th', {}, 'By'), points.map((point) => h('th', {}, point.date ?? `point ${point.round}`)))),
      h('tbody', {}, h('tr', {}, h('th', {}, 'P(agreement)'), points.map((point) => h('td', { 'data-p': String(point.p), 'data-round': point.round }, point.p.toFixed(2))))),
    ),
  );
  return chartCard({
    id: 'deal-p-chart',
    title: `P(agreement by each date): ${scenarioIssue?.name ?? issue.issue}`,
    chart,
    rows: points.map((point) => ({ round: point.round, date: point.date ?? '', p: point.p })),
    fileName: `${fileStem}-deal-${issue.issue}`,
    extra: [table],
    note: 'The probability, over the branch leaves, that the issue has become ripe (every veto player accepts the deal on offer) by that decision date (D5).',
  });
}

export interface DealScreen {
  result: DealResult;
  issueId: string;
  leafIndex: number;
  names: Names;
  issues: readonly Issue[];
  width: number;
  fileStem: string;
  chooseLeaf(index: number): void;
}

/** The chosen issue's analysis. */
export function dealIssueView(screen: DealScreen): HTMLElement {
  const { result, names } = screen;
  const issue = result.issues.find((candidate) => candidate.issue === screen.issueId) ?? result.issues[0];
  if (!issue) return h('p', { class: 'empty' }, 'No issue was analysed.');
  const scenarioIssue = screen.issues.find((candidate) => candidate.id === issue.issue);
  const leafIndex = Math.min(screen.leafIndex, issue.leaves.length - 1);
  const leaf = issue.leaves[leafIndex]!;
  const leafName = (entry: { leaf: Record<string, string> }) => (Object.keys(entry.leaf).length === 0 ? 'no branches' : leafText(entry.leaf));
  const ripeText = (entry: (typeof issue.leaves)[number]) => (entry.firstRipe === null ? 'never ripe' : `ripe ${pointName(entry.firstRipe)} at ${f1(entry.firstRipe.terms)}`);

  const leafChoices = h(
    'fieldset',
    { class: 'leaf-choices', id: 'deal-leaves' },
    h('legend', {}, 'Branch leaf'),
    issue.leaves.map((entry, index) =>
      h(
        'label',
        { class: 'field inline' },
        h('input', { type: 'radio', name: 'deal-leaf', value: String(index), checked: index === leafIndex, onchange: () => screen.chooseLeaf(index) }),
        `${leafName(entry)} (p = ${entry.probability.toFixed(3)}; ${ripeText(entry)})`,
      ),
    ),
  );

  const rows = leaf.rows.map((row) =>
    h(
      'tr',
      { class: row.ripe ? 'ripe' : '', 'data-round': row.round },
      h('td', {}, row.date ?? `point ${row.round}`),
      h('td', { class: 'number' }, row.deal === null ? 'none' : f1(row.deal)),
      issue.members.map((member) => {
        const cell = memberCell(row, member);
        return h('td', { class: cell.kind, 'data-member': member }, cell.text);
      }),
      h('td', { class: 'reading' }, rowText(issue, row, names)),
    ),
  );

  const byProposal = new Map<string, ProposalVerdict[]>();
  for (const verdict of issue.proposals) {
    const key = JSON.stringify(verdict.proposal);
    byProposal.set(key, [...(byProposal.get(key) ?? []), verdict]);
  }

  return h(
    'div',
    { class: 'deal-issue' },
    h('div', { class: 'deal-summary card' }, h('p', { id: 'deal-summary' }, summaryText(issue, names))),
    pAgreementCard(issue, scenarioIssue, screen.width, screen.fileStem),
    h(
      'section',
      { class: 'card', 'aria-label': 'Decision rounds' },
      h('h3', {}, 'Each decision round: the deal on offer among the veto players'),
      leafChoices,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'grid deal-table', id: 'deal-rounds' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Deal on offer'), issue.members.map((member) => h('th', {}, names(member))), h('th', {}, 'Why (holdouts)'))),
          h('tbody', {}, rows),
        ),
      ),
    ),
    byProposal.size > 0
      ? h('section', { class: 'card', 'aria-label': 'Proposals' }, h('h3', {}, 'The proposals'), h('ul', { id: 'deal-proposals' }, [...byProposal.values()].map((verdicts) => h('li', {}, proposalText(issue, verdicts, names)))))
      : null,
    issue.layers.length > 0
      ? h('section', { class: 'card', 'aria-label': 'What would have to change' }, h('h3', {}, 'What would have to change'), h('ul', { id: 'deal-layers' }, issue.layers.map((layer) => layerItem(layer, names))))
      : null,
  );
}
