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
