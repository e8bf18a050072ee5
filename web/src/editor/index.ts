/**
 * The Editor tab: the draft of the open scenario, checked by the schema on every keystroke, with its
 * own undo history (cleared when another scenario is opened). Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo
 * and redo, Ctrl+S saves.
 */
import type { FieldPath } from '../../../src/scenario/fieldPath.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { valueAt } from '../../../src/scenario/fieldPath.js';
import { freshId, pruneEmpty, renameIssue, setAt, type Draft } from './draft.js';
import { renderEditor, saveLabel, showProblems, type EditorHost } from './editor.js';
import { redrawKeepingFocus } from './keepFocus.js';
import { showUndoState, storeSession } from './storeSession.js';
import { editingKeys } from './editingKeys.js';

export function editorView(store: Store): View {
  const session = storeSession(store);
  const state = store.state;

  /** Re-renders (after a structural change) and puts the focus back on the same cell (else the undo buttons, else the tab). */
  function renderKeepingFocus(): void {
    redrawKeepingFocus(() => store.changed(), ['redo', 'undo', 'tab-editor']);
  }

  /** After an edit that keeps the tables as they are: the problems, the save button, the heading. */
  function refresh(): void {
    store.validateDraft();
    const editor = document.querySelector<HTMLElement>('.editor');
    if (editor) showProblems(editor, state.problems, state.draft, store.isStoredDraft() && !store.isDirty());
    const dirty = store.isDirty();
    const save = document.getElementById('save-scenario');
    if (save) {
      save.textContent = saveLabel({ dirty, storedDraft: store.isStoredDraft(), problemCount: state.problems.length });
      save.className = dirty ? 'primary' : '';
    }
    document.getElementById('unsaved-badge')?.toggleAttribute('hidden', !dirty);
    const heading = document.getElementById('scenario-heading');
    if (heading && state.draft) heading.textContent = String(state.draft.title ?? 'Untitled');
  }

  function structuralChange(change: (draft: Draft) => void): void {
    const draft = state.draft;
    if (!draft) return;
    session.change(() => change(draft));
    store.validateDraft();
    renderKeepingFocus();
  }

  function step(direction: 'undo' | 'redo'): void {
    if (session.step(direction)) renderKeepingFocus();
  }

  const save = store.guarded(() => store.saveScenario());

  function host(draft: Draft): EditorHost {
    return {
      draft,
      dirty: store.isDirty(),
      storedDraft: store.isStoredDraft(),
      problemCount: state.problems.length,
      canUndo: session.canUndo,
      canRedo: session.canRedo,
      beginEdit: () => session.beginEdit(),
      edit: (path: FieldPath, value: unknown, structural: boolean) => {
        if (structural && path[0] === 'issues' && path[2] === 'id') {
          const oldId = String(draft.issues[path[1] as number]?.id ?? '');
          structuralChange(() => {
            setAt(draft, path, value);
            renameIssue(draft, oldId, String(value ?? ''));
          });
          return;
        }
        if (path[0] === 'sources' && path.length === 3 && typeof valueAt(draft, path.slice(0, 2)) === 'string') {
          // A source given as text gets a URL or a date: it becomes { title, url, date }.
          structuralChange(() => {
            setAt(draft, path.slice(0, 2), { title: valueAt(draft, path.slice(0, 2)) });
            setAt(draft, path, value);
          });
          return;
        }
        session.touch();
        setAt(draft, path, value);
        pruneEmpty(draft);
        refresh();
      },
      commit: () => {
        session.commit();
        showUndoState(session, 'undo', 'redo');
      },
      addIssue: () =>
        structuralChange((d) => {
          const id = freshId('issue', d.issues.map((issue) => issue.id));
          d.issues.push({ id, scale: { min: 0, max: 100 } });
        }),
      removeIssue: (index: number) =>
        structuralChange((d) => {
          const [removed] = d.issues.splice(index, 1);
          for (const actor of d.actors) delete actor.stances[String(removed?.id ?? '')];
        }),
      addActor: () =>
        structuralChange((d) => {
          const id = freshId('actor', d.actors.map((actor) => actor.id));
          d.actors.push({ id, capability: 1, stances: {} });
        }),
      removeActor: (index: number) => structuralChange((d) => void d.actors.splice(index, 1)),
      addItem: (list, item) =>
        structuralChange((d) => {
          const current = valueAt(d, list);
          setAt(d, list, [...(Array.isArray(current) ? current : []), structuredClone(item)]);
        }),
      removeItem: (list, index) =>
        structuralChange((d) => {
          const current = valueAt(d, list);
          if (!Array.isArray(current)) return;
          const rest = current.filter((_, position) => position !== index);
          setAt(d, list, rest.length > 0 ? rest : undefined);
          pruneEmpty(d);
        }),
      undo: () => step('undo'),
      redo: () => step('redo'),
      save,
    };
  }

  return {
    id: 'editor',
    place: 'tab',
    label: () => 'Editor',
    render: () => renderEditor(host(state.draft!)),
    mounted: (element) => showProblems(element, state.problems, state.draft, store.isStoredDraft() && !store.isDirty()),
    keydown: editingKeys(step, save),
  };
}
