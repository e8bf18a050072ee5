/**
 * "Draft from text" (a page): paste or drop an article or readout, and `parley draft`'s proposals —
 * actors, issues, stances, each with its quotes — appear beside the text; every proposal highlights
 * its sentences. The analyst accepts or rejects each item and edits values; only the accepted items
 * make the scenario (review.ts), checked by the same schema, stored and opened in the editor. The
 * draft is computed in the models' Web Worker.
 */
import type { Problem } from '../../../src/errors.js';
import { isInputError } from '../../../src/errors.js';
import type { Draft } from '../../../src/scenario/draft/index.js';
import { validateScenario } from '../../../src/scenario/validate.js';
import { api } from '../api.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { h, toast } from '../dom.js';
import { runJobInWorker } from '../modelClient.js';
import { scenarioFromReview, stanceKey, startReview, type Review } from './review.js';
import '../answer/answer.css';

export function draftView(store: Store): View {
  let text = '';
  let file: string | undefined;
  /** Use the open scenario's actors, issues and asOf (as `parley draft --scenario`). */
  let useOpen = true;
  let draft: Draft | undefined;
  let review: Review | undefined;
  let running = false;
  let problems: Problem[] = [];

  async function makeDraft(): Promise<void> {
    if (text.trim() === '' || running) {
      if (text.trim() === '') toast('Paste or drop a text first.', 'error');
      return;
    }
    running = true;
    problems = [];
    store.changed();
    try {
      const scenario = useOpen ? store.state.valid : undefined;
      const { result } = await runJobInWorker({ kind: 'draft', text, ...(file !== undefined && { file }), ...(scenario !== undefined && { scenario }) });
      draft = result;
      review = startReview(result);
    } finally {
      running = false;
      store.changed();
    }
  }

  async function create(): Promise<void> {
    if (!draft || !review) return;
    try {
      const { scenario } = validateScenario(scenarioFromReview(draft, review));
      problems = [];
      const created = await api.createScenario(scenario);
      await store.loadLibrary();
      await store.open(created.id, 'editor');
      toast(`Created “${created.title}” from the accepted items.`);
    } catch (error) {
      if (!isInputError(error)) throw error;
      problems = [...error.problems];
      store.changed();
    }
  }

  function highlight(sentences: readonly number[], on: boolean): void {
    for (const index of sentences) document.getElementById(`draft-sentence-${index}`)?.classList.toggle('highlight', on);
    // Scroll the text box (not the page) so the first sentence sits in its upper third.
    const first = sentences[0] === undefined ? null : document.getElementById(`draft-sentence-${sentences[0]}`);
    const box = document.getElementById('draft-text');
    if (on && first && box) box.scrollTop = Math.max(0, first.offsetTop - box.clientHeight / 3);
  }

  /** An item that lights its sentences up while hovered or focused. */
  function item(sentences: readonly number[], attributes: Record<string, string>, ...children: (HTMLElement | string | null)[]): HTMLElement {
    return h('li', { ...attributes, class: 'review-item', tabindex: 0, onmouseenter: () => highlight(sentences, true), onmouseleave: () => highlight(sentences, false), onfocusin: () => highlight(sentences, true), onfocusout: () => highlight(sentences, false) }, ...children);
  }

  function toggle(set: Set<string>, key: string, label: string): HTMLElement {
    return h(
      'label',
      { class: 'accept' },
      h('input', { type: 'checkbox', checked: !set.has(key), 'aria-label': `Accept ${label}`, onchange: (event: Event) => {
        if ((event.target as HTMLInputElement).checked) set.delete(key);
        else set.add(key);
        store.changed();
      } }),
      ' accept',
    );
  }

  function valueInput(map: Map<string, string>, key: string, fallback: number | null, label: string): HTMLInputElement {
    return h('input', { type: 'number', step: 'any', class: 'review-value', 'aria-label': label, value: map.get(key) ?? (fallback === null ? '' : String(fallback)), oninput: (event: Event) => map.set(key, (event.target as HTMLInputElement).value) });
  }

  function renderText(current: Draft): HTMLElement {
    const parts: (HTMLElement | string)[] = [];
    let at = 0;
    for (const sentence of current.sentences) {
      if (sentence.start > at) parts.push(current.text.slice(at, sentence.start));
      parts.push(h('span', { id: `draft-sentence-${sentence.index}`, class: 'draft-sentence' }, current.text.slice(sentence.start, sentence.end)));
      at = sentence.end;
    }
    parts.push(current.text.slice(at));
    return h('div', { class: 'draft-text', id: 'draft-text', 'aria-label': 'The text' }, ...parts);
  }

  function renderReview(current: Draft, decisions: Review): HTMLElement {
    const names = new Map(current.actors.map((actor) => [actor.id, actor.name]));
    const issueNames = new Map(current.issues.map((issue) => [issue.id, issue.name ?? issue.id]));
    return h(
      'div',
      { class: 'draft-review', id: 'draft-review' },
      h('label', { class: 'field' }, 'Title of the new scenario', h('input', { type: 'text', id: 'draft-title', value: decisions.title, oninput: (event: Event) => (decisions.title = (event.target as HTMLInputElement).value) })),
      h('h3', {}, `Actors (${current.actors.length})`),
      h(
        'ul',
        { class: 'review-list', id: 'review-actors' },
        current.actors.map((actor) =>
          item(
            actor.sentences,
            { 'data-actor': actor.id },
            toggle(decisions.rejectedActors, actor.id, actor.name),
            h('strong', {}, ` ${actor.name}`),
            h('span', { class: 'meta' }, ` ${actor.id} · ${actor.kind}, ${actor.source} · ${actor.mentions} mention${actor.mentions === 1 ? '' : 's'}${actor.aliases.length > 0 ? ` · as ${actor.aliases.join(', ')}` : ''}`),
            h('label', { class: 'field inline' }, ' capability ', valueInput(decisions.capabilities, actor.id, null, `Capability of ${actor.name}`)),
          ),
        ),
      ),
      h('h3', {}, `Issues (${current.issues.length})`),
      current.issues.length === 0
        ? h('p', { class: 'hint' }, 'No issues: stances are placed on the issues of a scenario. Open one (or tick “use the open scenario”) and draft again.')
        : h('ul', { class: 'review-list', id: 'review-issues' }, current.issues.map((issue) => item([], { 'data-issue': issue.id }, toggle(decisions.rejectedIssues, issue.id, issue.name ?? issue.id), h('strong', {}, ` ${issue.name ?? issue.id}`), h('span', { class: 'meta' }, ` ${issue.id} · ${issue.scale.min}–${issue.scale.max}`)))),
      h('h3', {}, `Stances (${current.proposals.length})`),
      h(
        'ul',
        { class: 'review-list', id: 'review-stances' },
        current.proposals.map((proposal) => {
          const key = stanceKey(proposal.actor, proposal.issue);
          const label = `${names.get(proposal.actor) ?? proposal.actor} on ${issueNames.get(proposal.issue) ?? proposal.issue}`;
          return item(
            proposal.cues.map((cue) => cue.sentence.index),
            { 'data-stance': `${proposal.actor}:${proposal.issue}` },
            toggle(decisions.rejectedStances, key, label),
            h('strong', {}, ` ${label}`),
            h('span', { class: 'meta' }, ` confidence ${proposal.confidence}`),
            h('div', { class: 'review-values' }, h('label', { class: 'field inline' }, 'position ', valueInput(decisions.positions, key, proposal.position, `Position of ${label}`)), h('label', { class: 'field inline' }, ' salience ', valueInput(decisions.saliences, key, proposal.salience, `Salience of ${label}`))),
            h('ul', { class: 'quotes' }, proposal.cues.map((cue) => h('li', {}, h('q', {}, cue.sentence.text), h('span', { class: 'meta' }, ` ${cue.category}${cue.direction === undefined ? '' : cue.direction > 0 ? ', toward the scale’s top' : ', toward its bottom'} (chars ${cue.sentence.start}–${cue.sentence.end})`)))),
          );
        }),
      ),
      current.needs.length > 0
        ? h('details', { class: 'needs' }, h('summary', {}, `Needs an estimate (${current.needs.length})`), h('ul', {}, current.needs.map((need) => h('li', {}, `${names.get(need.actor) ?? need.actor}${need.issue === undefined ? '' : ` on ${issueNames.get(need.issue) ?? need.issue}`}: ${need.what} (${need.reason})`))))
        : null,
      problems.length > 0 ? h('ul', { class: 'problems', id: 'draft-problems', role: 'alert' }, problems.map((problem) => h('li', {}, `${problem.field ? `${problem.field}: ` : ''}${problem.message}`))) : null,
      h('div', { class: 'run-actions' }, h('button', { type: 'button', id: 'create-from-draft', class: 'primary', onclick: store.guarded(create) }, 'Create a scenario from the accepted items')),
    );
  }

  function input(): HTMLElement {
    const area = h('textarea', {
      id: 'draft-input',
      rows: 8,
      'aria-label': 'The text to draft from',
      placeholder: 'Paste an article or an official readout here, or drop a .txt file on this box.',
      oninput: (event: Event) => {
        text = (event.target as HTMLTextAreaElement).value;
        file = undefined;
      },
      // A text dropped here is read into the box, not imported as a scenario (the page's own drop).
      ondragover: (event: Event) => {
        event.preventDefault();
        event.stopPropagation();
      },
      ondrop: (event: Event) => {
        event.preventDefault();
        event.stopPropagation();
        document.body.classList.remove('dragging');
        const dropped = (event as DragEvent).dataTransfer?.files[0];
        if (dropped)
          store.guarded(async () => {
            text = await dropped.text();
            file = dropped.name;
            store.changed();
          })();
      },
    });
    area.value = text;
    const open = store.state.valid;
    return h(
      'section',
      { class: 'card run-bar', 'aria-label': 'The text' },
      area,
      h(
        'div',
        { class: 'run-actions' },
        h('label', {}, h('input', { type: 'checkbox', id: 'draft-use-open', checked: useOpen && open !== undefined, disabled: open === undefined, onchange: (event: Event) => (useOpen = (event.target as HTMLInputElement).checked) }), open ? ` use the actors, issues and date of “${open.title}”` : ' (open a valid scenario to use its actors and issues)'),
        h('button', { type: 'button', id: 'make-draft', class: 'primary', disabled: running, onclick: store.guarded(makeDraft) }, running ? 'Drafting…' : 'Draft'),
        file ? h('span', { class: 'meta' }, `from ${file}`) : null,
      ),
    );
  }

  return {
    id: 'draft',
    place: 'page',
    label: () => 'Draft from text',
    summary: 'a scenario from an article, reviewed item by item',
    render: () =>
      h(
        'div',
        { class: 'draft-view' },
        h('h2', {}, 'Draft a scenario from a text'),
        input(),
        draft && review ? h('div', { class: 'draft-columns' }, renderText(draft), renderReview(draft, review)) : h('p', { class: 'empty' }, 'Every proposal quotes its sentences; nothing enters the scenario until you accept it.'),
      ),
  };
}
