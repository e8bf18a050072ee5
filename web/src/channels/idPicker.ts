/**
 * A field that holds a list of ids (actors, or issues), picked with a checkbox per choice, each named
 * as people know it. Inline (a fieldset with its legend) where the field stands alone; in a table or
 * an effect row, a disclosure whose summary lists what is picked (Enter or Space opens it, Tab walks
 * the boxes, Space ticks, Escape closes it). A tick sets the draft at once, is one undo step and is
 * validated like a typed value; the wrapper carries the field path, so a problem shows beside it.
 */
import { formatFieldPath, type FieldPath } from '../../../src/scenario/fieldPath.js';
import { h } from '../dom.js';
import type { ChannelsHost } from './fields.js';
import { idsIn, listValue, togglePick, withUnknown, type Choice } from './idPicks.js';

export interface IdPickerOptions {
  /** The field's words (fieldWords), the group's accessible name. */
  label: string;
  choices: readonly Choice[];
  /** Optional field: an empty pick removes it. Required: an empty list stays, for the validation to name. */
  optional: boolean;
  /** The summary when nothing is picked (e.g. "every other actor"). */
  none?: string;
  /** A fieldset with `label` as its legend instead of a disclosure. */
  inline?: boolean;
}

export function idPicker(host: ChannelsHost, path: FieldPath, value: unknown, options: IdPickerOptions): HTMLElement {
  let chosen = idsIn(value);
  const choices = withUnknown(options.choices, chosen);
  const nameOf = new Map(choices);
  const summaryText = () => (chosen.length === 0 ? (options.none ?? 'none') : chosen.map((id) => nameOf.get(id) ?? id).join(', '));
  const summary = h('summary', { class: 'cell', title: options.label }, summaryText());
  const boxes = choices.map(([id, name]) =>
    h(
      'label',
      { class: 'field inline' },
      h('input', {
        type: 'checkbox',
        value: id,
        checked: chosen.includes(id),
        onchange: (event: Event) => {
          const on = (event.target as HTMLInputElement).checked;
          if (on === chosen.includes(id)) return; // a change event without a change (undo's commit of the focused field)
          chosen = togglePick(chosen, id, on);
          host.beginEdit();
          host.set(path, listValue(chosen, options.optional));
          host.commit();
          summary.textContent = summaryText();
        },
      }),
      name,
    ),
  );
  const field = formatFieldPath(path);
  if (options.inline) return h('fieldset', { class: 'id-picker inline', 'data-field': field, 'aria-label': options.label }, h('legend', {}, options.label), boxes);
  const details = h(
    'details',
    {
      onkeydown: (event: Event) => {
        if ((event as KeyboardEvent).key !== 'Escape' || !details.open) return;
        details.open = false;
        summary.focus();
        event.stopPropagation();
      },
    },
    summary,
    h('div', { class: 'id-picker-choices', role: 'group', 'aria-label': options.label }, boxes),
  );
  return h('div', { class: 'id-picker', 'data-field': field }, details);
}
