/**
 * The scenario editor: every field of the format except the channel, timeline and trust fields (their
 * own view): the header (title, date, salience scale, description), sources, issues (description,
 * scale and end labels, status quo), the actors × issues table (capability; position, salience and
 * evidence per issue), actor details (aliases, risk, notes), plausible ranges, policy spaces with
 * their SMP options and ideal adjustments, and questions. Every cell carries its field path, so each
 * schema problem is shown on the cell it concerns, as you type, and its label and messages are in
 * words (`fieldWords`). Arrow keys and Enter move between the cells of every table.
 */
import type { Problem } from '../../../src/errors.js';
import { formatFieldPath, type FieldPath } from '../../../src/scenario/fieldPath.js';
import { fieldWords, keyWords, problemWords } from '../../../src/scenario/fieldWords.js';
import {
  BargainModels,
  BigRAdjusts,
  BigRRanges,
  InterVecBargains,
  PceModels,
  smpDefaults,
  StateTransitions,
  ThirdPartyCommits,
  VictoryProbModels,
  VotingRules,
} from '../../../src/scenario/smpParameters.js';
import { h } from '../dom.js';
import { freshId, type Draft } from './draft.js';

export interface EditorHost {
  draft: Draft;
  dirty: boolean;
  /** The open scenario is stored as a draft (saved with problems). */
  storedDraft: boolean;
  /** How many problems the draft has now. */
  problemCount: number;
  canUndo: boolean;
  canRedo: boolean;
  /** Called when a cell gets focus: the state to return to if its edit is undone. */
  beginEdit(): void;
  /** A cell's new value (as the schema should see it); `structural` re-renders the editor. */
  edit(path: FieldPath, value: unknown, structural: boolean): void;
  /** A cell's edit is finished (change event): one undo step. */
  commit(): void;
  addIssue(): void;
  removeIssue(index: number): void;
  addActor(): void;
  removeActor(index: number): void;
  /** Appends an item to a list of the scenario (`sources`, `spaces`, `spaces[0].smpOptions.idealAdjustment`…). */
  addItem(list: FieldPath, item: unknown): void;
  removeItem(list: FieldPath, index: number): void;
  undo(): void;
  redo(): void;
  save(): void;
}

/** How a cell reads its text: a number, text, or a list of texts (`;`-separated, or `,` for ids). */
type Kind = 'number' | 'text' | 'list' | 'ids';

/** The save button's words: what pressing it does, or what was done. */
export function saveLabel(host: Pick<EditorHost, 'dirty' | 'storedDraft' | 'problemCount'>): string {
  if (host.dirty) return host.problemCount > 0 ? 'Save draft' : 'Save changes';
  return host.storedDraft ? 'Saved as draft' : 'Saved';
}

export function renderEditor(host: EditorHost): HTMLElement {
  const { draft } = host;
  const issues = draft.issues;
  const issueIds = issues.map((issue) => String(issue.id ?? ''));
  const words = (path: FieldPath) => fieldWords(path, draft);

  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Editor' },
    h('button', { type: 'button', id: 'undo', onclick: () => host.undo(), disabled: !host.canUndo, title: 'Undo (Ctrl+Z)' }, '↶ Undo'),
    h('button', { type: 'button', id: 'redo', onclick: () => host.redo(), disabled: !host.canRedo, title: 'Redo (Ctrl+Shift+Z / Ctrl+Y)' }, '↷ Redo'),
    h('span', { class: 'spacer' }),
    h('button', { type: 'button', id: 'add-issue', onclick: () => host.addIssue() }, '+ Issue'),
    h('button', { type: 'button', id: 'add-actor', onclick: () => host.addActor() }, '+ Actor'),
    h('button', { type: 'button', id: 'save-scenario', class: host.dirty ? 'primary' : '', onclick: () => host.save(), title: 'Save (Ctrl+S); with problems, as a draft' }, saveLabel(host)),
  );

  const header = h(
    'div',
    { class: 'scenario-header grid-form' },
    labelled('Title', cell(host, ['title'], draft.title, 'text', { class: 'wide', id: 'scenario-title' })),
    labelled('As of', cell(host, ['asOf'], draft.asOf, 'text')),
    labelled(
      'Salience scale',
      choice(host, ['salienceScale'], draft.salienceScale, [
        ['', 'infer'],
        ['1', '0–1'],
        ['100', '0–100'],
      ], Number),
    ),
    labelled('Description', cell(host, ['description'], draft.description, 'text', { class: 'wide' })),
  );

  const sources = list(draft.sources);
  const sourcesTable = grid(
    'sources-table',
    'Sources',
    ['Source', 'URL', 'Date', ''],
    sources.map((source, index) => {
      const object = typeof source === 'object' && source !== null ? (source as Record<string, unknown>) : undefined;
      return [
        h('td', { class: 'evidence' }, cell(host, object ? ['sources', index, 'title'] : ['sources', index], object ? object.title : source, 'text')),
        h('td', {}, cell(host, ['sources', index, 'url'], object?.url, 'text', { structural: !object })),
        h('td', {}, cell(host, ['sources', index, 'date'], object?.date, 'text', { structural: !object })),
        removeCell(`Remove source ${index + 1}`, () => host.removeItem(['sources'], index)),
      ];
    }),
  );

  const issueColumns: [string, string, Kind][] = [
    ['id', 'Id', 'text'],
    ['name', 'Name', 'text'],
    ['description', 'Description', 'text'],
    ['scale.min', 'Min', 'number'],
    ['scale.minLabel', 'Min label', 'text'],
    ['scale.max', 'Max', 'number'],
    ['scale.maxLabel', 'Max label', 'text'],
    ['statusQuo', 'Status quo', 'number'],
  ];
  const issueTable = grid(
    'issues-table',
    'Issues',
    [...issueColumns.map(([, title]) => title), ''],
    issues.map((issue, index) => [
      ...issueColumns.map(([key, , kind]) => {
        const path: FieldPath = ['issues', index, ...key.split('.')];
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], issue);
        return h('td', key === 'description' ? { class: 'evidence' } : {}, cell(host, path, value, kind, { structural: key === 'id' }));
      }),
      removeCell(`Remove issue ${issueLabel(issue, index)}`, () => host.removeIssue(index)),
    ]),
  );

  const actorTable = h(
    'table',
    { class: 'grid', id: 'actors-table', 'aria-label': 'Actors and their stances' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { rowspan: 2, scope: 'col' }, 'Actor'),
        h('th', { rowspan: 2, scope: 'col' }, 'Name'),
        h('th', { rowspan: 2, scope: 'col' }, 'Capability'),
        issues.map((issue, index) => h('th', { colspan: 3, scope: 'colgroup', class: 'issue-head' }, issueLabel(issue, index))),
        h('th', { rowspan: 2 }, ''),
      ),
      h('tr', {}, issues.flatMap(() => [h('th', { scope: 'col' }, 'position'), h('th', { scope: 'col' }, 'salience'), h('th', { scope: 'col' }, 'evidence')])),
    ),
    h(
      'tbody',
      {},
      draft.actors.map((actor, index) =>
        h(
          'tr',
          {},
          h('td', {}, cell(host, ['actors', index, 'id'], actor.id, 'text')),
          h('td', {}, cell(host, ['actors', index, 'name'], actor.name, 'text')),
          h('td', {}, cell(host, ['actors', index, 'capability'], actor.capability, 'number')),
          issueIds.flatMap((issueId) => {
            const stance = actor.stances?.[issueId] ?? {};
            const base: FieldPath = ['actors', index, 'stances', issueId];
            return [
              h('td', {}, cell(host, [...base, 'position'], stance.position, 'number')),
              h('td', {}, cell(host, [...base, 'salience'], stance.salience, 'number')),
              h('td', { class: 'evidence' }, cell(host, [...base, 'evidence'], stance.evidence, 'text')),
            ];
          }),
          removeCell(`Remove actor ${words(['actors', index]).replace(/^actor /u, '')}`, () => host.removeActor(index)),
        ),
      ),
    ),
  );

  const actorName = (index: number) => words(['actors', index]).replace(/^actor /u, '');
  const detailsTable = grid(
    'actor-details-table',
    'Actor details',
    ['Actor', 'Aliases (separated by ;)', 'Risk exponent (0.5–2)', 'Notes'],
    draft.actors.map((actor, index) => [
      h('th', { scope: 'row' }, actorName(index)),
      h('td', { class: 'evidence' }, cell(host, ['actors', index, 'aliases'], actor.aliases, 'list')),
      h('td', {}, cell(host, ['actors', index, 'risk'], actor.risk, 'number')),
      h('td', { class: 'evidence' }, cell(host, ['actors', index, 'notes'], actor.notes, 'text')),
    ]),
  );

  const rangesTable = h(
    'table',
    { class: 'grid', id: 'ranges-table', 'aria-label': 'Plausible ranges' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { rowspan: 2, scope: 'col' }, 'Actor'),
        h('th', { colspan: 2, scope: 'colgroup', class: 'issue-head' }, 'Capability'),
        issues.map((issue, index) => h('th', { colspan: 4, scope: 'colgroup', class: 'issue-head' }, issueLabel(issue, index))),
      ),
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'low'),
        h('th', { scope: 'col' }, 'high'),
        issues.flatMap(() => ['position low', 'position high', 'salience low', 'salience high'].map((title) => h('th', { scope: 'col' }, title))),
      ),
    ),
    h(
      'tbody',
      {},
      draft.actors.map((actor, index) => {
        const capabilityRange = list(actor.capabilityRange);
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, actorName(index)),
          [0, 1].map((end) => h('td', {}, cell(host, ['actors', index, 'capabilityRange', end], capabilityRange[end], 'number'))),
          issueIds.flatMap((issueId) => {
            const range = (actor.stances?.[issueId]?.range ?? {}) as Record<string, unknown>;
            return (['position', 'salience'] as const).flatMap((what) =>
              [0, 1].map((end) => h('td', {}, cell(host, ['actors', index, 'stances', issueId, 'range', what, end], list(range[what])[end], 'number'))),
            );
          }),
        );
      }),
    ),
  );

  const spaces = list(draft.spaces);
  const spacesTable = grid(
    'spaces-table',
    'Policy spaces',
    ['Id', 'Name', 'Issues (ids, separated by ,)', ''],
    spaces.map((space, index) => {
      const object = (space ?? {}) as Record<string, unknown>;
      return [
        h('td', {}, cell(host, ['spaces', index, 'id'], object.id, 'text')),
        h('td', {}, cell(host, ['spaces', index, 'name'], object.name, 'text')),
        h('td', { class: 'evidence' }, cell(host, ['spaces', index, 'issues'], object.issues, 'ids')),
        removeCell(`Remove ${words(['spaces', index])}`, () => host.removeItem(['spaces'], index)),
      ];
    }),
  );
  const smpForms = spaces.map((space, index) => smpOptionsForm(host, index, (space ?? {}) as Record<string, unknown>, words));

  const questions = list(draft.questions);
  const questionsTable = grid(
    'questions-table',
    'Questions',
    ['Id', 'Question', 'Issue', 'Direction', 'Threshold', 'Deadline (round)', ''],
    questions.map((question, index) => {
      const object = (question ?? {}) as Record<string, unknown>;
      return [
        h('td', {}, cell(host, ['questions', index, 'id'], object.id, 'text')),
        h('td', { class: 'evidence' }, cell(host, ['questions', index, 'text'], object.text, 'text')),
        h('td', {}, choice(host, ['questions', index, 'issue'], object.issue, [['', '—'], ...issues.map((issue, issueIndex): [string, string] => [String(issue.id ?? ''), issueLabel(issue, issueIndex)])])),
        h('td', {}, choice(host, ['questions', index, 'direction'], object.direction, [['', '—'], ['at-least', 'at least'], ['at-most', 'at most']])),
        h('td', {}, cell(host, ['questions', index, 'threshold'], object.threshold, 'number')),
        h('td', {}, cell(host, ['questions', index, 'deadline'], object.deadline, 'number')),
        removeCell(`Remove ${words(['questions', index])}`, () => host.removeItem(['questions'], index)),
      ];
    }),
  );

  const addButton = (id: string, text: string, listPath: FieldPath, item: unknown) =>
    h('button', { type: 'button', id, class: 'small', onclick: () => host.addItem(listPath, item) }, text);
  const section = (title: string, hint: string | undefined, ...content: (HTMLElement | HTMLElement[] | null)[]) =>
    h('section', { class: 'editor-section' }, h('h3', {}, title), hint ? h('p', { class: 'hint' }, hint) : null, ...content);
  const scroll = (table: HTMLElement) => h('div', { class: 'table-scroll' }, table);

  const editor = h(
    'section',
    { class: 'editor', 'aria-label': 'Scenario editor' },
    toolbar,
    host.storedDraft
      ? h('p', { class: 'draft-banner', id: 'draft-banner', role: 'status' }, 'Draft: this scenario is saved with problems. It cannot run, be swept or exported until they are fixed.')
      : null,
    h('div', { id: 'problems', class: 'problems', 'aria-live': 'polite' }),
    header,
    h('p', { class: 'hint' }, navigationHint),
    section('Issues', undefined, scroll(issueTable)),
    section('Actors × issues', 'Leave position and salience empty where an actor sits out an issue.', scroll(actorTable)),
    section('Actor details', undefined, scroll(detailsTable)),
    section('Plausible ranges', 'How uncertain each estimate is (optional): the answer’s sweep draws uniformly in them.', scroll(rangesTable)),
    section(
      'Policy spaces (SMP)',
      'Issues the Spatial Model of Politics judges together, each with its own SMP options (empty: KTAB’s default).',
      scroll(spacesTable),
      addButton('add-space', '+ Space', ['spaces'], { id: freshListId('space', spaces), issues: issueIds.slice(0, 1) }),
      smpForms,
    ),
    section('Questions', 'Questions the answer gives a probability for: will the outcome be at least (or at most) the threshold?', scroll(questionsTable), addButton('add-question', '+ Question', ['questions'], { id: freshListId('q', questions), text: '', issue: issueIds[0] ?? '', direction: 'at-least', threshold: 50 })),
    section('Sources', undefined, scroll(sourcesTable), addButton('add-source', '+ Source', ['sources'], '')),
  );
  editor.addEventListener('keydown', navigate);
  return editor;
}

/** The hint shown above the tables; `navigate` does what it says. */
export const navigationHint =
  'In every table: Enter and Shift+Enter, ↓ and ↑ move down and up a row; → and ← move to the next and previous cell when the caret is at the end or the start of the text (or the whole text is selected, as when you arrive in a cell).';

/** KTAB's SMP parameters for one space: a list box per choice, number cells, and the ideal adjustments. */
function smpOptionsForm(host: EditorHost, spaceIndex: number, space: Record<string, unknown>, words: (path: FieldPath) => string): HTMLElement {
  const options = (space.smpOptions ?? {}) as Record<string, unknown>;
  const base: FieldPath = ['spaces', spaceIndex, 'smpOptions'];
  const choices: [string, readonly string[]][] = [
    ['victoryProbModel', VictoryProbModels],
    ['pceModel', PceModels],
    ['stateTransitions', StateTransitions],
    ['votingRule', VotingRules],
    ['bigRAdjust', BigRAdjusts],
    ['bigRRange', BigRRanges],
    ['thirdPartyCommit', ThirdPartyCommits],
    ['interVecBargain', InterVecBargains],
    ['bargainModel', BargainModels],
  ];
  const defaults = smpDefaults as unknown as Record<string, unknown>;
  const adjustments = list(options.idealAdjustment);
  const adjustmentTable = grid(
    `ideal-adjustments-${spaceIndex}`,
    `Ideal adjustments of ${words(['spaces', spaceIndex]).replace(/^space /u, '')}`,
    ['Actor (id)', 'Moves toward (id)', 'Rate (0–1)', ''],
    adjustments.map((entry, index) => {
      const object = (entry ?? {}) as Record<string, unknown>;
      const path: FieldPath = [...base, 'idealAdjustment', index];
      return [
        h('td', {}, cell(host, [...path, 'actor'], object.actor, 'text')),
        h('td', {}, cell(host, [...path, 'reference'], object.reference, 'text')),
        h('td', {}, cell(host, [...path, 'adjust'], object.adjust, 'number')),
        removeCell(`Remove ideal adjustment ${index + 1}`, () => host.removeItem([...base, 'idealAdjustment'], index)),
      ];
    }),
  );
  return h(
    'fieldset',
    { class: 'smp-options', id: `smp-options-${spaceIndex}` },
    h('legend', {}, `SMP options of ${words(['spaces', spaceIndex]).replace(/^space /u, '')}`),
    h(
      'div',
      { class: 'grid-form' },
      choices.map(([key, values]) =>
        labelled(keyWords(key), choice(host, [...base, key], options[key], [['', `default (${String(defaults[key])})`], ...values.map((value): [string, string] => [value, value])])),
      ),
      (['stopThreshold', 'minTurns', 'maxTurns', 'seed'] as const).map((key) =>
        labelled(`${keyWords(key)} (default ${String(defaults[key])})`, cell(host, [...base, key], options[key], 'number')),
      ),
    ),
    h('div', { class: 'table-scroll' }, adjustmentTable),
    h('button', { type: 'button', class: 'small', id: `add-ideal-adjustment-${spaceIndex}`, onclick: () => host.addItem([...base, 'idealAdjustment'], { actor: '', reference: '', adjust: 0.5 }) }, '+ Ideal adjustment'),
  );
}

/** A table with one header row and one body row per item. */
function grid(id: string, label: string, headings: string[], rows: HTMLElement[][]): HTMLElement {
  return h(
    'table',
    { class: 'grid', id, 'aria-label': label },
    h('thead', {}, h('tr', {}, headings.map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells))),
  );
}

function removeCell(label: string, remove: () => void): HTMLElement {
  return h('td', {}, h('button', { type: 'button', class: 'small danger', 'aria-label': label, title: label, onclick: remove }, '×'));
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function issueLabel(issue: Record<string, unknown>, index: number): string {
  return typeof issue.name === 'string' && issue.name !== '' ? issue.name : typeof issue.id === 'string' && issue.id !== '' ? issue.id : `issue ${index + 1}`;
}

/** A fresh id like `space2` not used by any item of the list. */
function freshListId(prefix: string, items: readonly unknown[]): string {
  return freshId(prefix, items.map((item) => (item as { id?: unknown } | null)?.id));
}

/** A list box; the empty choice removes the field. */
function choice(host: EditorHost, path: FieldPath, value: unknown, options: [string, string][], read: (text: string) => unknown = String): HTMLSelectElement {
  const current = value === undefined || value === null ? '' : String(value);
  const known = options.some(([option]) => option === current);
  return h(
    'select',
    {
      class: 'cell choice',
      'data-field': formatFieldPath(path),
      'aria-label': fieldWordsOf(host, path),
      onfocus: () => host.beginEdit(),
      onchange: (event: Event) => {
        const text = (event.target as HTMLSelectElement).value;
        host.edit(path, text === '' ? undefined : read(text), false);
        host.commit();
      },
    },
    known ? null : h('option', { value: current, selected: true }, current),
    options.map(([option, text]) => h('option', { value: option, selected: option === current }, text)),
  );
}

function fieldWordsOf(host: EditorHost, path: FieldPath): string {
  return fieldWords(path, host.draft);
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, text), control);
}

function cell(
  host: EditorHost,
  path: FieldPath,
  value: unknown,
  kind: Kind,
  options: { class?: string; id?: string; structural?: boolean } = {},
): HTMLInputElement {
  const field = formatFieldPath(path);
  return h('input', {
    type: 'text',
    inputmode: kind === 'number' ? 'decimal' : undefined,
    class: `cell ${kind} ${options.class ?? ''}`,
    id: options.id,
    value: showCell(value, kind),
    'data-field': field,
    'aria-label': fieldWordsOf(host, path),
    spellcheck: 'false',
    onfocus: () => host.beginEdit(),
    oninput: (event: Event) => {
      if (!options.structural) host.edit(path, readCell((event.target as HTMLInputElement).value, kind), false);
    },
    onchange: (event: Event) => {
      if (options.structural) host.edit(path, readCell((event.target as HTMLInputElement).value, kind), true);
      host.commit();
    },
  });
}

function showCell(value: unknown, kind: Kind): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value) && (kind === 'list' || kind === 'ids')) return value.map(String).join(kind === 'ids' ? ', ' : '; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function readCell(text: string, kind: Kind): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (kind === 'text') return text;
  if (kind === 'list' || kind === 'ids') return trimmed.split(kind === 'ids' ? ',' : ';').map((part) => part.trim()).filter((part) => part !== '');
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : text;
}

/**
 * Arrow keys and Enter move between the cells of any table of the editor, keeping the column (see
 * `navigationHint`): ↓/Enter and ↑/Shift+Enter a row, → and ← a cell when the caret is at that end of
 * the text or the whole text is selected. The cell left is committed first; when that redraws the
 * editor (an issue's id), the move goes to the same cell of the new tables.
 */
function navigate(event: KeyboardEvent): void {
  const control = event.target;
  if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement) || !control.classList.contains('cell')) return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const td = control.closest('td');
  const row = td?.parentElement as HTMLTableRowElement | null;
  if (!td || !row) return;
  const isInput = control instanceof HTMLInputElement;
  const down = event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey);
  const up = event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey);
  // In a list box, ↑ and ↓ choose (as everywhere); Enter and ← → move.
  const rowStep = down && (isInput || event.key === 'Enter') ? 1 : up && (isInput || event.key === 'Enter') ? -1 : 0;
  const length = isInput ? control.value.length : 0;
  const start = isInput ? control.selectionStart : 0;
  const end = isInput ? control.selectionEnd : length;
  const atStart = start === 0 && (end === 0 || end === length);
  const atEnd = end === length && (start === length || start === 0);
  const columnStep = event.key === 'ArrowRight' && atEnd ? 1 : event.key === 'ArrowLeft' && atStart ? -1 : 0;
  let target: HTMLElement | null | undefined;
  if (rowStep !== 0) {
    const rows = row.parentElement?.children;
    const next = rows?.[row.sectionRowIndex + rowStep] as HTMLTableRowElement | undefined;
    target = next ? cellControl(next.cells[td.cellIndex]) : undefined;
  } else if (columnStep !== 0) {
    for (let index = td.cellIndex + columnStep; index >= 0 && index < row.cells.length && !target; index += columnStep) target = cellControl(row.cells[index]);
  }
  if (!target) return;
  event.preventDefault();
  const field = target.getAttribute('data-field');
  control.dispatchEvent(new Event('change', { bubbles: true }));
  // The change may have redrawn the editor: find the same cell in the new tables.
  const live = target.isConnected ? target : field ? document.querySelector<HTMLElement>(`.editor [data-field="${CSS.escape(field)}"]`) : null;
  live?.focus();
  if (live instanceof HTMLInputElement) live.select();
}

/** The editable control of a table cell (not a remove button). */
function cellControl(td: HTMLTableCellElement | undefined): HTMLElement | undefined {
  return td?.querySelector<HTMLElement>('input.cell, select.cell') ?? undefined;
}

/**
 * Marks every cell that has a problem, and lists all problems above the tables in words (click one to
 * go to its cell): "Ukraine's salience on US–Russia negotiations: …", never a field path.
 */
export function showProblems(editor: HTMLElement, problems: readonly Problem[], scenario: unknown, storedDraft = false): void {
  for (const marked of editor.querySelectorAll('[aria-invalid="true"]')) {
    marked.removeAttribute('aria-invalid');
    marked.removeAttribute('title');
    marked.classList.remove('invalid');
  }
  const list = editor.querySelector('#problems');
  if (!list) return;
  list.replaceChildren();
  if (problems.length === 0) return;
  const items = problems.map((problem) => {
    const target = problem.field ? cellFor(editor, problem.field) : undefined;
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      target.classList.add('invalid');
      target.title = [target.title, problem.message].filter(Boolean).join('\n');
    }
    const where = problem.line !== undefined && problem.file !== undefined ? ` (${problem.file}, line ${problem.line})` : '';
    const text = `${problemWords(problem, scenario)}${where}`;
    return h('li', {}, target ? h('button', { type: 'button', class: 'link', onclick: () => target.focus() }, text) : text);
  });
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  const heading = storedDraft
    ? `${count} — saved as a draft; it cannot run until they are fixed:`
    : `${count} — the scenario cannot run until they are fixed (Save keeps it as a draft):`;
  list.append(h('strong', {}, heading), h('ul', {}, items));
}

/** The cell of a field, or of its nearest ancestor that has a cell. */
function cellFor(editor: HTMLElement, field: string): HTMLElement | undefined {
  let path = field;
  for (;;) {
    const found = editor.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
    if (found) return found;
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) return undefined;
    path = path.slice(0, cut);
  }
}
