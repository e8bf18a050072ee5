/** Undo/redo over snapshots of the scenario being edited (JSON text: cheap, and immune to aliasing). */
export class UndoStack {
  private past: string[] = [];
  private future: string[] = [];

  /** Records the state before a change; a new change forgets what could have been redone. */
  record(before: string): void {
    if (this.past.at(-1) === before) return;
    this.past.push(before);
    if (this.past.length > 200) this.past.shift();
    this.future = [];
  }

  undo(current: string): string | undefined {
    const previous = this.past.pop();
    if (previous !== undefined) this.future.push(current);
    return previous;
  }

  redo(current: string): string | undefined {
    const next = this.future.pop();
    if (next !== undefined) this.past.push(current);
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}

/**
 * The keys of a view that edits the scenario: Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo (the focused
 * field's pending edit is committed first), Ctrl+S save. A view's `keydown`.
 */
export function editingKeys(step: (direction: 'undo' | 'redo') => void, save: () => void): (event: KeyboardEvent) => boolean {
  return (event) => {
    if (!(event.ctrlKey || event.metaKey)) return false;
    const key = event.key.toLowerCase();
    if (key === 'z' || key === 'y') {
      event.preventDefault();
      (document.activeElement as HTMLElement | null)?.dispatchEvent(new Event('change', { bubbles: true }));
      step(key === 'y' || event.shiftKey ? 'redo' : 'undo');
      return true;
    }
    if (key !== 's') return false;
    event.preventDefault();
    save();
    return true;
  };
}
