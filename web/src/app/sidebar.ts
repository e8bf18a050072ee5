/**
 * The scenario library: every stored scenario, with create, import (picker or drag-and-drop anywhere
 * on the page), duplicate, rename, delete (after confirmation) and export as YAML, JSON or CSV; and
 * the way to the page views (the backtest on EU decisions), which are not about one scenario. The
 * library is read a page at a time: "Show more" reads the next one.
 */
import type { Listed, ScenarioSummary } from '../api.js';
import { api } from '../api.js';
import { byId, h, mount, toast } from '../dom.js';

export interface SidebarHost {
  library: ScenarioSummary[];
  currentId: number | undefined;
  /** The page views (each a sidebar entry of its own), and the one open, if any. */
  pages: { id: string; title: string; summary?: string }[];
  openPage: string | undefined;
  showPage(id: string): void;
  open(id: number): void;
  create(): void;
  importFiles(files: FileList | File[]): void;
  duplicate(id: number): void;
  rename(id: number): void;
  remove(id: number): void;
}

export function renderSidebar(host: SidebarHost): (HTMLElement | null | HTMLElement[])[] {
  const picker = h('input', {
    type: 'file',
    id: 'import-file',
    accept: '.yaml,.yml,.json,.csv,.xml', // .csv and .xml may also be KTAB SMP files
    class: 'visually-hidden',
    onchange: (event: Event) => {
      const input = event.target as HTMLInputElement;
      if (input.files) host.importFiles(input.files);
      input.value = '';
    },
  });
  const current = host.library.find((entry) => entry.id === host.currentId);
  const total = (host.library as Partial<Listed<ScenarioSummary>>).total ?? host.library.length;
  return [
    h('h1', { class: 'brand' }, 'Parley'),
    h(
      'div',
      { class: 'library-actions' },
      h('button', { type: 'button', id: 'new-scenario', onclick: () => host.create() }, '+ New'),
      h('label', { class: 'button', for: 'import-file', title: 'Import a YAML, JSON or CSV scenario (or drop a file on the page)' }, 'Import…'),
      picker,
    ),
    h(
      'ul',
      { class: 'library', id: 'library', 'aria-label': 'Scenarios' },
      host.library.map((entry) =>
        h(
          'li',
          { class: entry.id === host.currentId ? 'current' : '' },
          h(
            'button',
            { type: 'button', class: 'library-item', 'aria-current': entry.id === host.currentId ? 'true' : undefined, onclick: () => host.open(entry.id) },
            h('span', { class: 'title' }, entry.title, entry.draft ? h('span', { class: 'badge draft', title: 'Saved with problems: it cannot run until they are fixed' }, 'draft') : null),
            h('span', { class: 'meta' }, `${entry.runCount} run${entry.runCount === 1 ? '' : 's'} · ${entry.updatedAt.slice(0, 10)}`),
          ),
        ),
      ),
    ),
    total > host.library.length
      ? h('button', { type: 'button', id: 'library-more', class: 'library-more', onclick: () => void showMore(host) }, `Show more (${host.library.length} of ${total})`)
      : null,
    current
      ? h(
          'div',
          { class: 'library-current', 'aria-label': 'This scenario' },
          h('button', { type: 'button', id: 'duplicate-scenario', onclick: () => host.duplicate(current.id) }, 'Duplicate'),
          h('button', { type: 'button', id: 'rename-scenario', onclick: () => host.rename(current.id) }, 'Rename'),
          h('button', { type: 'button', id: 'delete-scenario', class: 'danger', onclick: () => host.remove(current.id) }, 'Delete'),
          current.draft
            ? h('p', { class: 'export-links hint' }, 'A draft is exported once its problems are fixed.')
            : h(
                'div',
                { class: 'export-links' },
                'Export: ',
                (['yaml', 'json', 'csv'] as const).map((format) => h('a', { href: api.exportUrl(current.id, format), download: '' }, format.toUpperCase())),
              ),
        )
      : null,
    host.pages.map((page) =>
      h(
        'button',
        { type: 'button', id: `open-${page.id}`, class: host.openPage === page.id ? 'library-item page-entry current-view' : 'library-item page-entry', 'aria-current': host.openPage === page.id ? 'page' : undefined, onclick: () => host.showPage(page.id) },
        h('span', { class: 'title' }, page.title),
        page.summary ? h('span', { class: 'meta' }, page.summary) : null,
      ),
    ),
    h('p', { class: 'drop-hint' }, 'Drop a .yaml, .json or .csv file anywhere to import it.'),
  ];
}

/** Reads the library with one more page and draws the sidebar again, in place. */
async function showMore(host: SidebarHost): Promise<void> {
  try {
    const longer = await api.moreScenarios();
    host.library.splice(0, host.library.length, ...longer);
    Object.assign(host.library, { total: longer.total });
    mount(byId('sidebar'), ...renderSidebar(host));
    (document.getElementById('library-more') ?? document.querySelector<HTMLElement>('#library li:last-child .library-item'))?.focus();
  } catch (error) {
    toast(error instanceof Error ? error.message : String(error), 'error');
  }
}
