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
