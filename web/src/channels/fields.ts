/**
 * The channels view's inputs. Each carries its field path (`data-field`), so the schema's problems are
 * shown beside it; typing sets the draft at once (the schema checks it on every keystroke), the change
 * event closes one undo step, and choices that change what is shown (selects, add, remove) re-render.
 * Text that is not a number stays text, so the schema reports it on that very input.
 */
import { formatFieldPath, type FieldPath } from '../../../src/scenario/fieldPath.js';
import { h } from '../dom.js';
import type { Draft } from '../editor/draft.js';
import { shownOptions } from './idPicks.js';

export interface ChannelsHost {
  draft: Draft;
  /** A field's new value while typing (undefined removes it); the problems are refreshed in place. */
  set(path: FieldPath, value: unknown): void;
  /** The focused input's edit is finished: one undo step. */
  commit(): void;
  /** The state to return to if the edit about to start is undone (on focus). */
  beginEdit(): void;
  /** A change that alters what is shown: one undo step, then the view is drawn again. */
  change(mutate: (draft: Draft) => void): void;
}

/** '' → undefined; a finite number → the number; anything else stays text (the schema names it). */
export function numberFrom(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : text;
}

const shown = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

function input(host: ChannelsHost, path: FieldPath, value: unknown, label: string, parse: (text: string) => unknown, attributes: Record<string, string | undefined> = {}): HTMLInputElement {
  return h('input', {
    type: 'text',
    class: attributes['class'] ?? 'cell',
    value: shown(value),
    'data-field': formatFieldPath(path),
    'aria-label': label,
    placeholder: attributes['placeholder'],
    title: attributes['title'],
    inputmode: attributes['inputmode'],
    onfocus: () => host.beginEdit(),
    oninput: (event: Event) => host.set(path, parse((event.target as HTMLInputElement).value)),
    onchange: () => host.commit(),
  });
}

export const numberField = (host: ChannelsHost, path: FieldPath, value: unknown, label: string, placeholder?: string): HTMLInputElement =>
  input(host, path, value, label, numberFrom, { class: 'cell number', placeholder, inputmode: 'decimal' });

export const textField = (host: ChannelsHost, path: FieldPath, value: unknown, label: string, placeholder?: string): HTMLInputElement =>
  input(host, path, value, label, (text) => (text === '' ? undefined : text), { placeholder });

/**
 * A choice whose change re-renders the view; `apply` writes it into the draft. The select always shows
 * what the draft holds: a value that is none of the options (an unknown actor in an imported draft) is
 * listed as "(not in the list)", and an empty one as "—", so that neither looks like the first option.
 */
export function choiceField(
  host: ChannelsHost,
  field: string,
  label: string,
  options: readonly (readonly [string, string])[],
  selected: string,
  apply: (draft: Draft, value: string) => void,
): HTMLSelectElement {
  return h(
    'select',
    {
      'data-field': field,
      'aria-label': label,
      onchange: (event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        host.change((draft) => apply(draft, value));
      },
    },
    shownOptions(options, selected).map(([value, text]) => h('option', { value, selected: value === selected }, text)),
  );
}


/** A small button that re-renders after its change. */
export function actionButton(host: ChannelsHost, text: string, label: string, mutate: (draft: Draft) => void, id?: string): HTMLButtonElement {
  return h('button', { type: 'button', class: 'small', id, 'aria-label': label, onclick: () => host.change(mutate) }, text);
}

/** A labelled field in a grid form. */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'field' }, text, control);
}

/** The list at `key` of an object, created when absent. */
export function listAt(owner: Record<string, unknown>, key: string): unknown[] {
  const value = owner[key];
  if (Array.isArray(value)) return value;
  const list: unknown[] = [];
  owner[key] = list;
  return list;
}

/** Removes the list at `key` when it became empty (the field is optional). */
export function dropEmpty(owner: Record<string, unknown>, key: string): void {
  const value = owner[key];
  if (Array.isArray(value) && value.length === 0) delete owner[key];
}

export type Loose = Record<string, unknown>;
export const asLoose = (value: unknown): Loose => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
