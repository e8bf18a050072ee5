/** Labels for the workbench's charts; actor names come from `actorNames` in src/scenario/views.ts. */
export { actorNames } from '../../src/scenario/views.js';

/** A label cut to `max` characters with an ellipsis, for axes and legends. */
export function shortLabel(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
