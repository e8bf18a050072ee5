/**
 * Draws an editing view again (the Editor tab, the Channels & time tab) and puts the focus back where
 * it was: on the element with the same matrix cell (`data-cell`), field (`data-field`) or id. When that
 * element is gone or disabled — the last undo disables its own button, an undo removes the row that had
 * the focus — the first of `fallbacks` (element ids) that is there and enabled gets it, so the focus
 * never drops to the page's body, where a keyboard user would have to start again from the top.
 */
export function redrawKeepingFocus(redraw: () => void, fallbacks: readonly string[]): void {
  const active = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  const selector = active === null ? null : sameElement(active);
  redraw();
  if (active === null || (active.isConnected && usable(active))) return;
  const candidates = [selector === null ? null : document.querySelector<HTMLElement>(selector), ...fallbacks.map((id) => document.getElementById(id))];
  candidates.find(usable)?.focus();
}

/** A selector for the element that takes `element`'s place after a redraw, null when it has no identity. */
function sameElement(element: HTMLElement): string | null {
  const cell = element.getAttribute('data-cell');
  if (cell !== null) return `[data-cell="${CSS.escape(cell)}"]`;
  const field = element.getAttribute('data-field');
  if (field !== null) return `[data-field="${CSS.escape(field)}"]`;
  return element.id ? `#${CSS.escape(element.id)}` : null;
}

function usable(element: HTMLElement | null): element is HTMLElement {
  return element !== null && element.isConnected && !element.matches(':disabled');
}
