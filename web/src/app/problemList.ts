/**
 * Why a scenario cannot run, for the views that run it (Run & charts, Sweep): its problems in words
 * (`problemWords`), the first few listed, and the way to fix them.
 */
import type { Problem } from '../../../src/errors.js';
import { problemWords } from '../../../src/scenario/fieldWords.js';
import { h } from '../dom.js';

const shown = 5;

export function runBlocked(id: string, what: string, problems: readonly Problem[], scenario: unknown, storedDraft: boolean): HTMLElement {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  const lead = `${storedDraft ? 'This scenario is a draft with' : 'This scenario has'} ${count}: fix ${problems.length === 1 ? 'it' : 'them'} in the editor to ${what}.`;
  const items = problems.slice(0, shown).map((problem) => h('li', {}, problemWords(problem, scenario)));
  if (problems.length > shown) items.push(h('li', {}, `… and ${problems.length - shown} more (see the editor).`));
  return h('div', { class: 'run-blocked problems', id, role: 'status' }, h('p', {}, lead), h('ul', {}, items));
}
