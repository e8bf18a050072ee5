/**
 * What a view of the workbench is. A view lives in a folder of its own under web/src/ (its state,
 * its rendering, its `index.ts` exporting a `ViewFactory`) and is registered with one line in
 * web/src/views.ts. The shell (app/shell.ts) draws its tab (or its sidebar entry), routes the location
 * hash to it and re-renders it when the store changes.
 */
import type { Store } from './store.js';

export interface View {
  /** Its place in the location hash: `#/scenario/ID/<id>` for a tab, `#/<id>` for a page. */
  id: string;
  /** `tab`: a view of the open scenario; `page`: a page of its own, reached from the sidebar. */
  place: 'tab' | 'page';
  /** The tab's label, or the sidebar entry's title (a page). */
  label(): string;
  /** A page's line under its sidebar title. */
  summary?: string;
  /** The view's element, at a chart width in pixels. */
  render(width: number): HTMLElement;
  /** After its element is in the page (to mark problems, restore focus…). */
  mounted?(element: HTMLElement): void;
  /** When the user goes to it. */
  shown?(): void;
  /** Keys pressed anywhere while it is shown; true when it handled them. */
  keydown?(event: KeyboardEvent): boolean;
  /** Draw again when the window is resized (views with charts). */
  redrawOnResize?: boolean;
}

/** Builds a view with its own state over the shared store. */
export type ViewFactory = (store: Store) => View;
