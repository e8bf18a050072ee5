/**
 * The Advise tab: what could an actor do to move one issue's forecast toward a goal? The form
 * (adviseForm.ts) makes the request `parley advise` makes; the search runs in the models' Web Worker
 * (the same pure `advise` as the CLI); the report (adviceReport.ts) shows the best plan, its gain,
 * the Pareto front, each lever's flip point and the sentences that explain them.
 */
import type { Advice } from '../../../src/analysis/advise/index.js';
import { leverKinds } from '../../../src/analysis/advise/index.js';
import { models } from '../../../src/models/registry.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { actorNames } from '../../../src/scenario/views.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { staleBanner } from '../answer/staleBanner.js';
import { issueSelect } from '../controls.js';
import { h, toast } from '../dom.js';
import { runJobInWorker } from '../modelClient.js';
import { adviceReport } from './adviceReport.js';
import { adviseRequest, defaultAdviseForm, leverCosts, type AdviseForm } from './adviseForm.js';
import '../answer/answer.css';

export function adviseView(store: Store): View {
  const state = store.state;
  let form: AdviseForm = defaultAdviseForm(state.valid, state.issueId);
  let result: { scenario: Scenario; advice: Advice; milliseconds: number } | undefined;
  let running = false;
  let failure: string | undefined;
  store.on('opened', () => {
    form = defaultAdviseForm(state.valid, state.issueId);
    result = undefined;
    failure = undefined;
  });

  async function run(): Promise<void> {
    const scenario = state.valid;
    if (!scenario || running) return;
    const { request, problems } = adviseRequest(form);
    if (!request) {
      toast(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '), 'error');
      return;
    }
    running = true;
    failure = undefined;
    store.changed();
    try {
      const { result: advice, milliseconds } = await runJobInWorker({ kind: 'advise', scenario, request });
      result = { scenario, advice, milliseconds };
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    } finally {
      running = false;
      store.changed();
    }
  }

  function field(label: string, control: HTMLElement): HTMLElement {
    return h('label', { class: 'field' }, label, control);
  }

  function numberInput(id: string, value: string | number, set: (text: string) => void, attributes: Record<string, string | number> = {}): HTMLInputElement {
    return h('input', { type: 'number', id, value, step: 'any', ...attributes, oninput: (event: Event) => set((event.target as HTMLInputElement).value) });
  }

  function renderForm(scenario: Scenario): HTMLElement {
    const names = actorNames(scenario.actors);
    if (!scenario.actors.some((actor) => actor.id === form.actor)) form.actor = scenario.actors[0]?.id ?? '';
    if (!scenario.issues.some((issue) => issue.id === form.issue)) form.issue = scenario.issues[0]?.id ?? '';
    const actorSelect = (id: string, selected: string, set: (value: string) => void): HTMLSelectElement =>
      h('select', { id, onchange: (event: Event) => set((event.target as HTMLSelectElement).value) }, scenario.actors.map((actor) => h('option', { value: actor.id, selected: actor.id === selected }, names[actor.id] ?? actor.id)));
    const model = models.find((candidate) => candidate.id === form.model);
    return h(
      'section',
      { class: 'card advise-form', 'aria-label': 'Advice request' },
      h(
        'div',
        { class: 'grid-form' },
        field('Actor', actorSelect('advise-actor', form.actor, (value) => (form.actor = value))),
        issueSelect('Issue', 'advise-issue', scenario.issues, form.issue, (value) => {
          form.issue = value;
          store.changed();
        }),
        field(
          'Goal',
          h(
            'select',
            { id: 'advise-goal-kind', onchange: (event: Event) => ((form.goalKind = (event.target as HTMLSelectElement).value as AdviseForm['goalKind']), store.changed()) },
            (['toward', 'away', 'flip'] as const).map((kind) => h('option', { value: kind, selected: form.goalKind === kind }, kind === 'flip' ? 'flip: make an actor move toward it' : `${kind} a value`)),
          ),
        ),
        form.goalKind === 'flip'
          ? field('Actor to flip', actorSelect('advise-goal-other', form.goalOther, (value) => (form.goalOther = value)))
          : field('Value', numberInput('advise-goal-value', form.goalValue, (text) => (form.goalValue = text))),
        field(
          'Model',
          h(
            'select',
            { id: 'advise-model', onchange: (event: Event) => ((form.model = (event.target as HTMLSelectElement).value), (form.preset = 'default'), store.changed()) },
            models.map((candidate) => h('option', { value: candidate.id, selected: candidate.id === form.model }, candidate.title)),
          ),
        ),
        model && Object.keys(model.presets).length > 1
          ? field('Preset', h('select', { id: 'advise-preset', onchange: (event: Event) => (form.preset = (event.target as HTMLSelectElement).value) }, Object.keys(model.presets).map((name) => h('option', { value: name, selected: name === form.preset }, name))))
          : null,
        field('Budget (empty: no limit)', numberInput('advise-budget', form.budget, (text) => (form.budget = text), { min: 0 })),
        field('Robustness draws', numberInput('advise-robust', form.robust, (text) => (form.robust = Math.max(0, Math.min(100_000, Math.round(Number(text)) || 0))), { min: 0, max: 100000 })),
        field('Seed', numberInput('advise-seed', form.seed, (text) => (form.seed = Math.max(0, Math.round(Number(text)) || 0)), { min: 0 })),
        field('Scan steps', numberInput('advise-steps', form.steps, (text) => (form.steps = Math.max(2, Math.min(1000, Math.round(Number(text)) || 20))), { min: 2, max: 1000 })),
      ),
      h(
        'fieldset',
        { class: 'advise-levers' },
        h('legend', {}, 'Levers and their costs'),
        leverKinds.map((kind) =>
          h(
            'label',
            { class: 'lever-choice' },
            h('input', { type: 'checkbox', name: 'lever', value: kind, checked: form.levers.includes(kind), onchange: (event: Event) => {
              const checked = (event.target as HTMLInputElement).checked;
              form.levers = leverKinds.filter((candidate) => (candidate === kind ? checked : form.levers.includes(candidate)));
            } }),
            ` ${kind}: `,
            h('span', { class: 'meta' }, leverCosts[kind](form.settings)),
          ),
        ),
        h(
          'div',
          { class: 'grid-form' },
          field('Capability bound (share)', numberInput('advise-capability-bound', form.settings.capabilityBound, (text) => ((form.settings.capabilityBound = Math.max(0, Number(text)) || 0), store.changed()), { min: 0, max: 1, step: 0.05 })),
          field('Channel cost (per dyad)', numberInput('advise-channel-cost', form.settings.channelCost, (text) => ((form.settings.channelCost = Math.max(0, Number(text)) || 0), store.changed()), { min: 0 })),
          field('Persuasion factor', numberInput('advise-persuade-factor', form.settings.persuadeFactor, (text) => ((form.settings.persuadeFactor = Math.max(0, Number(text)) || 0), store.changed()), { min: 0 })),
        ),
      ),
      h(
        'div',
        { class: 'run-actions' },
        h('button', { type: 'button', id: 'run-advise', class: 'primary', disabled: running, onclick: store.guarded(run) }, running ? 'Searching…' : 'Advise'),
        h('span', { class: 'run-status', id: 'advise-status', 'aria-live': 'polite' }, running ? 'Searching the levers in your browser…' : result ? `Searched in your browser in ${result.milliseconds.toFixed(0)} ms` : ''),
      ),
    );
  }

  return {
    id: 'advise',
    place: 'tab',
    label: () => 'Advise',
    redrawOnResize: true,
    render: (width) => {
      const scenario = state.valid;
      if (!scenario) return h('p', { class: 'empty' }, 'Fix the problems in the editor to ask for advice.');
      return h(
        'div',
        { class: 'advise-view' },
        renderForm(scenario),
        failure ? h('p', { class: 'problems', role: 'alert' }, failure) : null,
        result ? staleBanner(result.scenario, state.valid, store.guarded(run), 'advise-stale') : null,
        result ? adviceReport(result.scenario, result.advice, width) : h('p', { class: 'empty' }, 'Choose the actor, the issue, the goal and the levers, then press Advise.'),
      );
    },
  };
}
