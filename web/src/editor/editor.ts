/**
 * The scenario editor: the scenario's header, its issues (scale and end labels) and the actors ×
 * issues table (capability, then position, salience and evidence per issue). Every cell carries its
 * field path, so each schema problem is shown on the cell it concerns, as you type. Arrow keys and
 * Enter move between cells.
 */
import type { Problem } from '../../../src/errors.js';
import { formatFieldPath, type FieldPath } from '../../../src/scenario/fieldPath.js';
import { h } from '../dom.js';
import type { Draft } from './draft.js';

export interface EditorHost {
  draft: Draft;
  dirty: boolean;
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
  undo(): void;
  redo(): void;
  save(): void;
}

type Kind = 'number' | 'text';

export function renderEditor(host: EditorHost): HTMLElement {
  const { draft } = host;
  const issues = draft.issues;
  const issueIds = issues.map((issue) => String(issue.id ?? ''));

  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Editor' },
    h('button', { type: 'button', id: 'undo', onclick: () => host.undo(), disabled: !host.canUndo, title: 'Undo (Ctrl+Z)' }, '↶ Undo'),
    h('button', { type: 'button', id: 'redo', onclick: () => host.redo(), disabled: !host.canRedo, title: 'Redo (Ctrl+Shift+Z / Ctrl+Y)' }, '↷ Redo'),
    h('span', { class: 'spacer' }),
    h('button', { type: 'button', id: 'add-issue', onclick: () => host.addIssue() }, '+ Issue'),
    h('button', { type: 'button', id: 'add-actor', onclick: () => host.addActor() }, '+ Actor'),
    h('button', { type: 'button', id: 'save-scenario', class: host.dirty ? 'primary' : '', onclick: () => host.save() }, host.dirty ? 'Save changes' : 'Saved'),
  );

  const header = h(
    'div',
    { class: 'scenario-header grid-form' },
    labelled('Title', cell(host, ['title'], draft.title, 'text', { class: 'wide', id: 'scenario-title' })),
    labelled('As of', cell(host, ['asOf'], draft.asOf, 'text')),
    labelled(
      'Salience scale',
      h(
        'select',
        {
          'data-field': 'salienceScale',
          onfocus: () => host.beginEdit(),
          onchange: (event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            host.edit(['salienceScale'], value === '' ? undefined : Number(value), false);
            host.commit();
          },
        },
        h('option', { value: '', selected: draft.salienceScale === undefined }, 'infer'),
        h('option', { value: '1', selected: draft.salienceScale === 1 }, '0–1'),
        h('option', { value: '100', selected: draft.salienceScale === 100 }, '0–100'),
      ),
    ),
  );

  const issueColumns: [string, string, Kind][] = [
    ['id', 'Id', 'text'],
    ['name', 'Name', 'text'],
    ['scale.min', 'Min', 'number'],
    ['scale.minLabel', 'Min label', 'text'],
    ['scale.max', 'Max', 'number'],
    ['scale.maxLabel', 'Max label', 'text'],
    ['statusQuo', 'Status quo', 'number'],
  ];
  const issueTable = h(
    'table',
    { class: 'grid', id: 'issues-table', 'aria-label': 'Issues' },
    h('thead', {}, h('tr', {}, issueColumns.map(([, title]) => h('th', { scope: 'col' }, title)), h('th', {}, ''))),
    h(
      'tbody',
      {},
      issues.map((issue, index) =>
        h(
          'tr',
          {},
          issueColumns.map(([key, , kind]) => {
            const path: FieldPath = ['issues', index, ...key.split('.')];
            const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], issue);
            return h('td', {}, cell(host, path, value, kind, { structural: key === 'id' }));
          }),
          h('td', {}, h('button', { type: 'button', class: 'small danger', 'aria-label': `Remove issue ${issueIds[index]}`, onclick: () => host.removeIssue(index) }, '×')),
        ),
      ),
    ),
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
        issues.map((issue) => h('th', { colspan: 3, scope: 'colgroup', class: 'issue-head' }, String(issue.name ?? issue.id ?? ''))),
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
          h('td', {}, h('button', { type: 'button', class: 'small danger', 'aria-label': `Remove actor ${String(actor.id ?? '')}`, onclick: () => host.removeActor(index) }, '×')),
        ),
      ),
    ),
  );

  const editor = h(
    'section',
    { class: 'editor', 'aria-label': 'Scenario editor' },
    toolbar,
    h('div', { id: 'problems', class: 'problems', 'aria-live': 'polite' }),
    header,
    h('h3', {}, 'Issues'),
    h('div', { class: 'table-scroll' }, issueTable),
    h('h3', {}, 'Actors × issues'),
    h('p', { class: 'hint' }, 'Leave position and salience empty where an actor sits out an issue. Arrow keys and Enter move between cells.'),
    h('div', { class: 'table-scroll' }, actorTable),
  );
  editor.addEventListener('keydown', navigate);
  return editor;
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
    value: value === undefined || value === null ? '' : String(value),
    'data-field': field,
    'aria-label': field,
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

function readCell(text: string, kind: Kind): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (kind === 'text') return text;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : text;
}

/** Arrow keys and Enter move between the cells of a table, keeping the column. */
function navigate(event: KeyboardEvent): void {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.classList.contains('cell')) return;
  const td = input.closest('td');
  const row = td?.parentElement as HTMLTableRowElement | null;
  if (!td || !row) return;
  const column = td.cellIndex;
  const rowStep = event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey) ? 1 : event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey) ? -1 : 0;
  const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
  const atEnd = input.selectionStart === input.value.length;
  const columnStep = event.key === 'ArrowRight' && atEnd ? 1 : event.key === 'ArrowLeft' && atStart ? -1 : 0;
  let target: HTMLInputElement | null | undefined;
  if (rowStep !== 0) {
    const rows = row.parentElement?.children;
    const next = rows?.[row.sectionRowIndex + rowStep] as HTMLTableRowElement | undefined;
    target = next?.cells[column]?.querySelector('input');
  } else if (columnStep !== 0) {
    target = row.cells[column + columnStep]?.querySelector('input');
  }
  if (target) {
    event.preventDefault();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    target.focus();
    target.select();
  }
}

/** Marks every cell that has a problem, and lists all problems above the tables (click to go to the cell). */
export function showProblems(editor: HTMLElement, problems: readonly Problem[]): void {
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
    const text = problem.field ? `${problem.field}: ${problem.message}` : problem.message;
    return h('li', {}, target ? h('button', { type: 'button', class: 'link', onclick: () => target.focus() }, text) : text);
  });
  list.append(h('strong', {}, `${problems.length} problem${problems.length === 1 ? '' : 's'} — the scenario cannot run or be saved until fixed:`), h('ul', {}, items));
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
