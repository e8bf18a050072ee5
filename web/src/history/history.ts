/**
 * The run history of the open scenario: every stored run (a forecast or a sweep) with its model,
 * preset, options and Parley version; reopen one (a forecast's exact snapshot is re-run for the dyads;
 * a sweep's stored result is shown as is), delete one, or compare two side by side (outcomes per
 * issue, options, and what changed in the scenario between them).
 */
import { fieldWords } from '../../../src/scenario/fieldWords.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { actorNames } from '../actorNames.js';
import type { RunSummary, StoredRun } from '../api.js';
import { h } from '../dom.js';

export interface HistoryHost {
  /** The newest runs, as far as they were read. */
  runs: RunSummary[];
  /** How many runs the scenario has (more than `runs.length` when only the newest pages were read). */
  total: number;
  /** Reads the next page of older runs. */
  showMore(): void;
  /** The open scenario's issue names by id, for the column heads (ids where absent). */
  issueNames?: ReadonlyMap<string, string>;
  comparing: number[];
  comparison: [StoredRun, StoredRun] | undefined;
  open(id: number): void;
  remove(id: number): void;
  toggleCompare(id: number): void;
}

export function renderHistory(host: HistoryHost): HTMLElement {
  if (host.runs.length === 0) {
    return h('p', { class: 'empty', id: 'history-empty' }, 'No runs saved for this scenario yet: run the models, then “Save run to history”.');
  }
  const issues = [...new Set(host.runs.flatMap((run) => run.outcomes.map((outcome) => outcome.issue)))];
  const table = h(
    'table',
    { class: 'history', id: 'history-table' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, 'Compare'), h('th', {}, 'Run'), h('th', {}, 'When'), h('th', {}, 'Model'), h('th', {}, 'Parley'), issues.map((issue) => h('th', {}, host.issueNames?.get(issue) ?? issue)), h('th', {}, '')),
    ),
    h(
      'tbody',
      {},
      host.runs.map((run) =>
        h(
          'tr',
          { 'data-run': run.id },
          h(
            'td',
            {},
            h('input', {
              type: 'checkbox',
              'aria-label': `Compare run ${run.id}`,
              checked: host.comparing.includes(run.id),
              onchange: () => host.toggleCompare(run.id),
            }),
          ),
          h('td', {}, `#${run.id}`),
          h('td', {}, new Date(run.createdAt).toLocaleString()),
          h('td', {}, modelLabel(run)),
          h('td', {}, run.parleyVersion),
          issues.map((issue) => h('td', { class: 'number' }, outcomeCell(run, issue))),
          h(
            'td',
            {},
            h('button', { type: 'button', class: 'small', onclick: () => host.open(run.id) }, 'Open'),
            h('button', { type: 'button', class: 'small danger', 'aria-label': `Delete run ${run.id}`, onclick: () => host.remove(run.id) }, '×'),
          ),
        ),
      ),
    ),
  );
  return h(
    'div',
    { class: 'history-view' },
    h(
      'section',
      { class: 'card' },
      h('h3', {}, 'Runs'),
      h('p', { class: 'hint' }, 'Tick two runs to compare them side by side. A sweep shows its median outcome and, in brackets, 90% of its runs (5–95%); compared, it counts by its baseline.'),
      h('div', { class: 'table-scroll' }, table),
      host.total > host.runs.length
        ? h('button', { type: 'button', id: 'history-more', class: 'library-more', onclick: () => host.showMore() }, `Show older runs (${host.runs.length} of ${host.total})`)
        : null,
    ),
    host.comparison ? renderComparison(host.comparison) : null,
  );
}

function modelLabel(run: RunSummary): string {
  const model = run.preset && run.preset !== 'default' ? `${run.model} (${run.preset})` : run.model;
  return run.sweep ? `sweep of ${model}: ${run.sweep.completedRuns} runs, seed ${run.sweep.seed}` : model;
}

/** A forecast's outcome; a sweep's median with its 5–95% range. */
function outcomeCell(run: RunSummary, issue: string): string {
  const spread = run.sweep?.issues.find((entry) => entry.issue === issue);
  if (spread) return `${spread.p50.toFixed(1)} (${spread.p5.toFixed(1)}–${spread.p95.toFixed(1)})`;
  return run.outcomes.find((outcome) => outcome.issue === issue)?.outcome.toFixed(1) ?? '—';
}

function renderComparison([left, right]: [StoredRun, StoredRun]): HTMLElement {
  const issues = left.scenario.issues.map((issue) => issue.id);
  const issueName = (id: string) => left.scenario.issues.find((issue) => issue.id === id)?.name ?? id;
  const outcome = (run: StoredRun, issue: string) => run.forecast.issues.find((candidate) => candidate.issue === issue)?.outcome;
  const rows = issues.map((issue) => {
    const a = outcome(left, issue);
    const b = outcome(right, issue);
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, issueName(issue)),
      h('td', { class: 'number' }, a?.toFixed(1) ?? '—'),
      h('td', { class: 'number' }, b?.toFixed(1) ?? '—'),
      h('td', { class: 'number' }, a !== undefined && b !== undefined ? signed(b - a) : '—'),
    );
  });
  const title = (run: StoredRun) => `#${run.id} ${modelLabel(run)}`;
  const changes = scenarioChanges(left.scenario, right.scenario);
  return h(
    'section',
    { class: 'card comparison', id: 'comparison', 'aria-label': 'Comparison' },
    h('h3', {}, `Comparing ${title(left)} and ${title(right)}`),
    h(
      'div',
      { class: 'side-by-side' },
      h(
        'table',
        { class: 'outcomes' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Issue'), h('th', {}, title(left)), h('th', {}, title(right)), h('th', {}, 'change'))),
        h('tbody', {}, rows),
      ),
      h(
        'div',
        {},
        h('h4', {}, 'Options'),
        h('div', { class: 'side-by-side' }, h('pre', {}, JSON.stringify(left.options, null, 1)), h('pre', {}, JSON.stringify(right.options, null, 1))),
        h('h4', {}, 'Scenario changes'),
        changes.length === 0 ? h('p', {}, 'Same scenario.') : h('ul', { id: 'scenario-changes' }, changes.map((change) => h('li', {}, change))),
      ),
    ),
  );
}

/** What differs between two scenario snapshots, cell by cell, in words (actors and issues by name, `fieldWords`). */
export function scenarioChanges(before: Scenario, after: Scenario): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`title: “${before.title}” → “${after.title}”`);
  const beforeActors = new Map(before.actors.map((actor) => [actor.id, actor]));
  const names = actorNames([...before.actors, ...after.actors.filter((actor) => !beforeActors.has(actor.id))]);
  const issueName = (id: string) => [...after.issues, ...before.issues].find((issue) => issue.id === id)?.name ?? id;
  after.actors.forEach((actor, index) => {
    const old = beforeActors.get(actor.id);
    if (!old) {
      changes.push(`actor ${names[actor.id] ?? actor.id} added`);
      return;
    }
    const words = (path: (string | number)[]) => fieldWords(['actors', index, ...path], after);
    if (old.capability !== actor.capability) changes.push(`${words(['capability'])}: ${old.capability} → ${actor.capability}`);
    for (const [issue, stance] of Object.entries(actor.stances)) {
      const oldStance = old.stances[issue];
      if (!oldStance) changes.push(`${names[actor.id] ?? actor.id} joins ${issueName(issue)}`);
      else {
        if (oldStance.position !== stance.position) changes.push(`${words(['stances', issue, 'position'])}: ${oldStance.position} → ${stance.position}`);
        if (oldStance.salience !== stance.salience) changes.push(`${words(['stances', issue, 'salience'])}: ${oldStance.salience} → ${stance.salience}`);
      }
    }
  });
  for (const actor of before.actors) if (!after.actors.some((candidate) => candidate.id === actor.id)) changes.push(`actor ${names[actor.id] ?? actor.id} removed`);
  return changes;
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
}
