/**
 * One editing view's undo history and its pending edit, shared by the Editor tab and the Channels &
 * time tab. A typed edit is one undo step from the focus (`beginEdit`) to the change event (`commit`);
 * a structural change (add, remove, a choice) is one step of its own (`change`); undo and redo swap
 * the draft's JSON text (`step`). Pure: the view supplies the draft's text and how to restore one.
 */
import { UndoStack } from './undo.js';

export class EditSession {
  private readonly undo = new UndoStack();
  /** The draft when the focused field got focus: what undoing its edit returns to ('' for none). */
  private beforeEdit = '';

  /**
   * @param text the draft as JSON text (what a snapshot holds)
   * @param restore puts a snapshot back as the draft (the view then validates and draws it)
   */
  constructor(
    private readonly text: () => string,
    private readonly restore: (snapshot: string) => void,
  ) {}

  /** Another scenario was opened: nothing to undo or redo, no pending edit. */
  clear(): void {
    this.undo.clear();
    this.beforeEdit = '';
  }

  /** The focus entered a field: the state its edit undoes to. */
  beginEdit(): void {
    this.beforeEdit = this.text();
  }

  /** Before a typed value is set: the state to undo to, if no field got focus first. */
  touch(): void {
    if (!this.beforeEdit) this.beforeEdit = this.text();
  }

  /** The focused field's edit is finished: one undo step when it changed anything. */
  commit(): void {
    if (this.beforeEdit && this.beforeEdit !== this.text()) this.undo.record(this.beforeEdit);
    this.beforeEdit = this.text();
  }

  /** A change made at once (add, remove, a choice): one undo step when it changed anything. */
  change(mutate: () => void): void {
    const before = this.beforeEdit || this.text();
    mutate();
    if (this.text() !== before) this.undo.record(before);
    this.beforeEdit = '';
  }

  /** Undoes or redoes one step; false when there was none. */
  step(direction: 'undo' | 'redo'): boolean {
    const snapshot = direction === 'undo' ? this.undo.undo(this.text()) : this.undo.redo(this.text());
    if (snapshot === undefined) return false;
    this.restore(snapshot);
    this.beforeEdit = '';
    return true;
  }

  get canUndo(): boolean {
    return this.undo.canUndo;
  }

  get canRedo(): boolean {
    return this.undo.canRedo;
  }
}
