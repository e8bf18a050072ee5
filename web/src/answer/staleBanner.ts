/** The "out of date: the scenario changed" banner over results, with one click to compute them again. */
import type { Scenario } from '../../../src/scenario/schema.js';
import { h } from '../dom.js';
import { staleness } from './staleness.js';

export function staleBanner(computedOn: Scenario, current: Scenario | undefined, rerun: () => void, id: string): HTMLElement | null {
  const state = staleness(computedOn, current);
  if (!state.stale) return null;
  return h(
    'div',
    { class: 'stale-banner', id, role: 'status' },
    h('strong', {}, 'Out of date: '),
    state.reason,
    '. ',
    state.canRerun ? h('button', { type: 'button', class: 'primary small', onclick: rerun }, 'Re-run') : null,
  );
}
