/**
 * The workbench's small form controls, written once: a labelled drop-down of issues, a labelled
 * slider over rounds or turns, and the file-name stem exported charts share.
 */
import type { Issue } from '../../src/scenario/schema.js';
import { h } from './dom.js';

/** A labelled `<select>` of issues (shown by name), calling `choose` with the chosen issue's id. */
export function issueSelect(label: string, id: string, issues: readonly Pick<Issue, 'id' | 'name'>[], selected: string, choose: (issueId: string) => void): HTMLLabelElement {
  return h(
    'label',
    { class: 'field inline' },
    label,
    h(
      'select',
      { id, onchange: (event: Event) => choose((event.target as HTMLSelectElement).value) },
      issues.map((issue) => h('option', { value: issue.id, selected: issue.id === selected }, issue.name ?? issue.id)),
    ),
  );
}

/** A labelled range slider "`label` value of max", calling `choose` with the new whole number. */
export function stepSlider(label: string, id: string, range: { min: number; max: number; value: number }, choose: (value: number) => void): HTMLLabelElement {
  return h(
    'label',
    { class: 'field inline' },
    `${label} ${range.value} of ${range.max} `,
    h('input', {
      type: 'range',
      id,
      min: range.min,
      max: range.max,
      value: range.value,
      onchange: (event: Event) => choose(Number((event.target as HTMLInputElement).value)),
    }),
  );
}

/** A file-name stem from a scenario title: lower-case words joined by '-', at most 40 characters. */
export function fileSlug(title: string): string {
  return (title.toLowerCase().replace(/[^a-z0-9]+/gu, '-') || 'scenario').slice(0, 40);
}
