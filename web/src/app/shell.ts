/**
 * The workbench's frame: the sidebar (library and page views), the open scenario's heading and tabs,
 * and the view shown. It routes the location hash (`#/scenario/ID/VIEW`, `#/PAGE`) to the registered
 * views, re-renders on every store change, and passes keys to the view shown.
 */
import { api } from '../api.js';
import { byId, h, mount, toast } from '../dom.js';
import { renderSidebar, type SidebarHost } from './sidebar.js';
import type { Store } from './store.js';
import type { View, ViewFactory } from './view.js';

export class Shell {
  readonly views: View[];

  constructor(
    private readonly store: Store,
    factories: readonly ViewFactory[],
  ) {
    this.views = factories.map((factory) => factory(store));
    store.on('render', () => this.render());
  }

  get tabs(): View[] {
    return this.views.filter((view) => view.place === 'tab');
  }

  get pages(): View[] {
    return this.views.filter((view) => view.place === 'page');
  }

  /** The view on screen, if any. */
  active(): View | undefined {
    const { page, tab, current } = this.store.state;
    if (page !== undefined) return this.pages.find((view) => view.id === page);
    return current ? (this.tabs.find((view) => view.id === tab) ?? this.tabs[0]) : undefined;
  }

  render(): void {
    const state = this.store.state;
    mount(byId('sidebar'), ...renderSidebar(this.sidebarHost()));
    const main = byId('main');
    // The charts' width: the main area's, less its padding and a card's (14 px each side and its border).
    const width = Math.max(280, Math.min(1000, main.clientWidth - (main.clientWidth < 600 ? 24 : 48) - 30));
    const view = this.active();
    this.updateHash();
    if (!view || (view.place === 'tab' && !state.draft)) {
      mount(main, h('p', { class: 'empty' }, 'No scenario open: create one, import a file, or pick one from the library.'));
      return;
    }
    const body = view.render(width);
    if (view.place === 'page') mount(main, body);
    else mount(main, this.heading(view), body);
    view.mounted?.(body);
  }

  private heading(active: View): HTMLElement {
    const tabs = h(
      'nav',
      { class: 'tabs', role: 'tablist', 'aria-label': 'Views' },
      this.tabs.map((view) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${view.id}`,
            'aria-selected': String(view === active),
            onclick: () => this.go(view),
          },
          view.label(),
        ),
      ),
    );
    return h(
      'header',
      { class: 'main-header' },
      h('h2', { id: 'scenario-heading' }, String(this.store.state.draft?.title ?? 'Untitled')),
      h('span', { class: 'badge', id: 'unsaved-badge', hidden: !this.store.isDirty() }, 'unsaved'),
      this.store.isStoredDraft() ? h('span', { class: 'badge draft', id: 'draft-badge', title: 'Saved with problems: it cannot run until they are fixed' }, 'draft') : null,
      tabs,
    );
  }

  /** Shows a view; focus stays on its tab (the tabs are drawn again). */
  go(view: View): void {
    const hadTabFocus = document.activeElement?.getAttribute('role') === 'tab';
    if (view.place === 'tab') this.store.show(view.id);
    else this.store.openPage(view.id);
    if (hadTabFocus) document.getElementById(`tab-${view.id}`)?.focus();
    view.shown?.();
  }

  updateHash(): void {
    const { page, current, tab } = this.store.state;
    const hash = page !== undefined ? `#/${page}` : current ? `#/scenario/${current.id}/${tab}` : '#/';
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  /** Opens what the location hash names, else the first scenario in the library. */
  async route(): Promise<void> {
    const store = this.store;
    await store.loadLibrary();
    const match = /^#\/scenario\/(\d+)\/([\w-]+)$/u.exec(location.hash);
    const wanted = match ? Number(match[1]) : undefined;
    const tab = this.tabs.find((view) => view.id === match?.[2])?.id ?? 'editor';
    const page = this.pages.find((view) => location.hash === `#/${view.id}`);
    const first = store.state.library.find((entry) => entry.id === wanted) ?? store.state.library[0];
    if (first) await store.open(first.id, first.id === wanted ? tab : 'editor');
    if (page) store.openPage(page.id);
    else store.changed();
  }

  handleKeys(event: KeyboardEvent): void {
    this.active()?.keydown?.(event);
  }

  private sidebarHost(): SidebarHost {
    const store = this.store;
    const state = store.state;
    return {
      library: state.library,
      currentId: state.page !== undefined ? undefined : state.current?.id,
      pages: this.pages.map((view) => ({ id: view.id, title: view.label(), ...(view.summary !== undefined && { summary: view.summary }) })),
      openPage: state.page,
      showPage: (id) => {
        const view = this.pages.find((candidate) => candidate.id === id);
        if (view) this.go(view);
      },
      open: store.guarded(async (id: number) => {
        // Back from a page to the open scenario keeps its draft.
        if (state.page !== undefined && state.current?.id === id) store.openPage(undefined);
        else await store.open(id);
      }),
      create: store.guarded(async () => {
        const created = await api.createScenario({
          title: 'New scenario',
          salienceScale: 100,
          issues: [{ id: 'issue1', name: 'Issue 1', scale: { min: 0, max: 100, minLabel: 'low', maxLabel: 'high' } }],
          actors: [
            { id: 'actor1', capability: 1, stances: { issue1: { position: 0, salience: 50 } } },
            { id: 'actor2', capability: 1, stances: { issue1: { position: 100, salience: 50 } } },
          ],
        });
        await store.loadLibrary();
        await store.open(created.id);
      }),
      importFiles: store.guarded((files: FileList | File[]) => store.importFiles(files)),
      duplicate: store.guarded(async (id: number) => {
        const copy = await api.duplicateScenario(id);
        await store.loadLibrary();
        await store.open(copy.id);
      }),
      rename: store.guarded(async (id: number) => {
        const entry = state.library.find((candidate) => candidate.id === id);
        const title = prompt('New title', entry?.title ?? '');
        if (title === null || title.trim() === '') return;
        await api.renameScenario(id, title.trim());
        await store.loadLibrary();
        if (state.current?.id === id && state.draft) {
          state.current = await api.getScenario(id);
          state.draft.title = title.trim();
          // The rename is saved: the saved text gets the new title too, other unsaved edits stay unsaved.
          state.savedText = JSON.stringify({ ...(JSON.parse(state.savedText) as object), title: title.trim() });
        }
        store.changed();
      }),
      remove: store.guarded(async (id: number) => {
        const entry = state.library.find((candidate) => candidate.id === id);
        if (!confirm(`Delete “${entry?.title ?? id}” and its run history? This cannot be undone.`)) return;
        await api.deleteScenario(id);
        await store.loadLibrary();
        if (state.current?.id === id) {
          store.close();
          const next = state.library[0];
          if (next) await store.open(next.id);
        }
        toast('Deleted.');
        store.changed();
      }),
    };
  }
}
