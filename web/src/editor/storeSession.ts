/**
 * The edit session of a view that edits the open scenario's draft (the Editor tab, the Channels &
 * time tab): its snapshots are the store's draft text, undo and redo put one back as the draft and
 * validate it, and opening another scenario clears the history.
 */
import type { Store } from '../app/store.js';
import type { Draft } from './draft.js';
import { EditSession } from './editSession.js';

export function storeSession(store: Store): EditSession {
  const session = new EditSession(
    () => store.draftText(),
    (snapshot) => {
      store.state.draft = JSON.parse(snapshot) as Draft;
      store.validateDraft();
    },
  );
  store.on('opened', () => session.clear());
  return session;
}

/** The undo and redo buttons (by id) enabled as the session allows. */
export function showUndoState(session: EditSession, undoId: string, redoId: string): void {
  const undoButton = document.getElementById(undoId) as HTMLButtonElement | null;
  const redoButton = document.getElementById(redoId) as HTMLButtonElement | null;
  if (undoButton) undoButton.disabled = !session.canUndo;
  if (redoButton) redoButton.disabled = !session.canRedo;
}
