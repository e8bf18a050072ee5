/**
 * The advise panel's form and the request it makes: the actor, the issue, the goal (toward / away
 * from a value, or flip another actor), the model, the levers with their costs, the budget, the
 * robustness draws and their seed, the scan resolution — the options of `parley advise`.
 */
import type { AdviseRequest, LeverKind } from '../../../src/analysis/advise/index.js';
import { leverKinds } from '../../../src/analysis/advise/index.js';
import { defaultLeverSettings, type LeverSettings } from '../../../src/analysis/advise/levers.js';
import type { Scenario } from '../../../src/scenario/schema.js';

export interface AdviseForm {
  actor: string;
  issue: string;
  goalKind: 'toward' | 'away' | 'flip';
  /** The value of a toward/away goal, as typed. */
  goalValue: string;
  /** The other actor of a flip goal. */
  goalOther: string;
  model: string;
  preset: string;
  levers: LeverKind[];
  settings: LeverSettings;
  /** As typed; empty: no limit. */
  budget: string;
  robust: number;
  seed: number;
  steps: number;
}

/** What each lever changes and what it costs (docs/advise.md, src/analysis/advise/levers.ts). */
export const leverCosts: Record<LeverKind, (settings: LeverSettings) => string> = {
  position: () => 'its own position (an offer): 1 per % of the scale',
  salience: () => 'its own salience: 1 per point of a 0–100 salience',
  capability: (settings) => `its capability, ±${Math.round(settings.capabilityBound * 100)} %: 1 per % of it`,
  channel: (settings) => `open or close one of its dyads (EUM): ${settings.channelCost} per dyad`,
  persuade: (settings) => `another actor's position or salience, with its consent: ${settings.persuadeFactor} × the own cost`,
};

export function defaultAdviseForm(scenario: Scenario | undefined, issueId: string | undefined): AdviseForm {
  const issue = scenario?.issues.find((candidate) => candidate.id === issueId) ?? scenario?.issues[0];
  const mid = issue ? (issue.scale.min + issue.scale.max) / 2 : 50;
  return {
    actor: scenario?.actors[0]?.id ?? '',
    issue: issue?.id ?? '',
    goalKind: 'toward',
    goalValue: String(mid),
    goalOther: scenario?.actors[1]?.id ?? '',
    model: 'eum',
    preset: 'default',
    levers: [...leverKinds],
    settings: { ...defaultLeverSettings },
    budget: '',
    robust: 0,
    seed: 1,
    steps: 20,
  };
}

/** The library request for the form; a value that is not a number is named, as the CLI names its flag. */
export function adviseRequest(form: AdviseForm): { request?: AdviseRequest; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const number = (field: string, text: string): number | undefined => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      problems.push({ field, message: `expected a number, got "${text}"` });
      return undefined;
    }
    return value;
  };
  let goal: AdviseRequest['goal'] | undefined;
  if (form.goalKind === 'flip') goal = { kind: 'flip', other: form.goalOther };
  else {
    const value = number('goal', form.goalValue);
    if (value !== undefined) goal = { kind: form.goalKind, value };
  }
  const budget = form.budget.trim() === '' ? undefined : number('budget', form.budget);
  if (form.levers.length === 0) problems.push({ field: 'levers', message: 'choose at least one lever' });
  if (problems.length > 0 || goal === undefined) return { problems };
  const request: AdviseRequest = {
    actor: form.actor,
    issue: form.issue,
    goal,
    model: form.model,
    preset: form.preset,
    levers: form.levers,
    robust: form.robust,
    seed: form.seed,
    steps: form.steps,
    settings: form.settings,
  };
  if (budget !== undefined) request.budget = budget;
  return { request, problems };
}
