/**
 * `parley explain <file> --actor ID`: one actor's reasoning in one round, in words. EUM (the default):
 * how it reads each dyad, the offers it makes and takes, per issue. SMP: its best target, the bargain
 * it proposed, those proposed to it and which it took, once per policy space (the space's issues share
 * one turn).
 */
import { forecastOfLeaf } from '../../models/leafRuns.js';
import { explainActor, type Explanation, type ExplanationSentence } from '../../analysis/explain.js';
import { explainExchangeActor, type ExchangeExplanation } from '../../analysis/explainExchange.js';
import { explainSmpActor, type SmpExplanation } from '../../analysis/explainSmp.js';
import { decimalsForScale } from '../../analysis/formatNumber.js';
import { InputError } from '../../errors.js';
import type { Forecast } from '../../models/model.js';
import { getModel, models, resolveOptions } from '../../models/registry.js';
import type { Issue, Scenario } from '../../scenario/schema.js';
import { actorNames } from '../../scenario/views.js';
import { integerOption, parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import { checkOutputIsNotInput, emitResult } from '../files.js';
import { planRuns, runPlan, type ForecastRequest, type PlannedRun } from '../../analysis/forecastPlan.js';
import { loadScenario } from '../scenarioFile.js';

export const explainCommand: Command = {
  name: 'explain',
  usage: `Usage: parley explain <file> --actor ID [options]

Runs a model and explains, for one actor and one round, why it moved as it did.
EUM (the default; run with dyads kept): what the actor expects from challenging each other
actor and what it thinks they expect, how it reads each dyad (conflict, compromise,
capitulation, stalemate), the offers it receives and makes, and which it takes; per issue.
SMP (--model smp): the target it found best and why, the bargain it proposed, the bargains
proposed to it and which it took; once per policy space (its issues share one turn).
Exchange (--model exchange): the trades it made in the round (what it gave way on, to whom,
what it got where, the gain), its preference and voting position per issue, and who gained
or lost it something through their own trades (externalities).

Options:
  --actor ID      the actor to explain (required)
  --issue ID      one issue, or with SMP the space holding it (default: every issue or space the actor takes part in)
  --round N       the bargaining round (SMP: turn), 1 or later (default 1)
  --model ID      eum (default), another model that keeps dyads, smp, or exchange
  --preset NAME   the model's preset (default: default)
  --rounds N      rounds to run (default: the preset's; not SMP, whose run stops by its own rule)
  --leaf B=O,...  with branches: the leaf to explain (default: the most probable)
  --json          print the explanations as JSON: EUM [{actor, issue, round, from, to, sentences: [{topic, other?, text}]}],
                  SMP [{actor, round, issues, from: {issue: position}, to, sentences}],
                  exchange {actor, round, trades, gain, externality, sentences}
  --out FILE      write the result to FILE (atomically) instead of stdout`,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(
      args,
      {
        actor: { type: 'string' },
        issue: { type: 'string' },
        round: { type: 'string' },
        model: { type: 'string' },
        preset: { type: 'string' },
        rounds: { type: 'string' },
        leaf: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
      },
      { min: 1, max: 1 },
    );
    if (values.actor === undefined) throw new InputError({ field: 'actor', message: 'say which actor to explain with --actor ID' });
    const round = values.round === undefined ? 1 : integerOption(values.round, '--round', { min: 1 });
    const model = values.model ?? 'eum';
    if (model === 'all') throw new InputError({ field: 'model', message: 'explain needs one model, not "all"' });
    const smp = model === 'smp';
    const exchange = model === 'exchange';
    if (!smp && !exchange && !('dyads' in resolveOptions(getModel(model), values.preset === undefined ? {} : { preset: values.preset }))) {
      const recording = models.filter((candidate) => candidate.id !== 'smp' && 'dyads' in resolveOptions(candidate)).map((candidate) => candidate.id);
      throw new InputError({ field: 'model', message: `explain needs a model that records dyads (${recording.join(', ')}) or smp; "${model}" does not` });
    }
    // The SMP records every turn's bargains itself; other models must be asked to keep their dyads.
    const request: ForecastRequest = smp || exchange ? { model } : { model, dyads: true };
    if (values.preset !== undefined) request.preset = values.preset;
    if (values.rounds !== undefined) request.rounds = integerOption(values.rounds, '--rounds', { min: 1 });
    const plan = planRuns(request);
    if (!smp) computeOnlyWhatIsExplained(plan[0]!, model, values.actor, round);
    await checkOutputIsNotInput(values.out, [positionals[0]!], io);

    const { scenario, notes } = await loadScenario(positionals[0]!, io);
    const actor = scenario.actors.find((candidate) => candidate.id === values.actor);
    if (!actor) {
      throw new InputError({ field: 'actor', message: `unknown actor "${values.actor}"; expected one of ${scenario.actors.map((a) => a.id).join(', ')}` });
    }
    const issues = values.issue === undefined ? scenario.issues.filter((issue) => issue.id in actor.stances) : scenario.issues.filter((issue) => issue.id === values.issue);
    if (issues.length === 0) {
      const message = values.issue === undefined ? `actor "${actor.id}" takes part in no issue` : `unknown issue "${values.issue}"; expected one of ${scenario.issues.map((issue) => issue.id).join(', ')}`;
      throw new InputError({ field: 'issue', message });
    }
    for (const note of notes) io.stderr.write(`note: ${note}\n`);

    const names = actorNames(scenario.actors);
    let output: string;
    if (exchange) {
      const forecast = runPlan(scenario, plan, false).forecasts[0]!;
      const decimals = Object.fromEntries(scenario.issues.map((issue) => [issue.id, decimalsForScale(issue.scale)]));
      const explanation = explainExchangeActor(forecast, { actor: actor.id, round, names, decimals });
      output = values.json ? `${JSON.stringify(explanation, null, 2)}\n` : exchangeExplanationText(explanation);
    } else if (smp) {
      // The SMP runs one declared space per run (its `space` option): one run per space explained.
      const explanations = smpSpaceRuns(scenario, issues).flatMap((space) => {
        const [run] = plan;
        const spacePlan = space === undefined ? plan : [{ ...run!, request: { ...run!.request, options: { ...run!.request.options, space } } }];
        return explainSpaces(runPlan(scenario, spacePlan, false).forecasts[0]!, issues, { actor: actor.id, round, names });
      });
      output = values.json ? `${JSON.stringify(explanations, null, 2)}\n` : explanations.map(smpExplanationText).join('\n');
    } else {
      const ran = runPlan(scenario, plan, false).forecasts[0]!;
      const forecast = values.leaf === undefined ? ran : forecastOfLeaf(ran, values.leaf);
      const explanations = issues.map((issue) =>
        explainActor(forecast, { actor: actor.id, issue: issue.id, round, names, decimals: decimalsForScale(issue.scale) }),
      );
      output = values.json ? `${JSON.stringify(explanations, null, 2)}\n` : explanations.map(explanationText).join('\n');
    }
    await emitResult(output, values.out, io);
    return ExitCode.ok;
  },
};

/**
 * The EUM keeps only the explained actor's dyads (both directions: `dyadsOf`) and stops at the explained
 * round: rounds 0…round are the same in a shorter run, and a round past the run's end still reports the
 * full run's last round (issue 16).
 */
function computeOnlyWhatIsExplained(run: PlannedRun, model: string, actor: string, round: number): void {
  if (model !== 'eum') return;
  const rounds = resolveOptions(getModel(model), run.request)['rounds'];
  run.request.options = { ...run.request.options, dyadsOf: actor, ...(typeof rounds === 'number' && round < rounds ? { rounds: round } : {}) };
}

/**
 * The declared spaces holding any of the issues, in declaration order; [undefined] (one run, the SMP's
 * own grouping) when the scenario declares none. An issue outside every declared space is an error.
 */
function smpSpaceRuns(scenario: Scenario, issues: readonly Issue[]): Array<string | undefined> {
  const spaces = scenario.spaces ?? [];
  if (spaces.length === 0) return [undefined];
  const outside = issues.filter((issue) => !spaces.some((space) => space.issues.includes(issue.id)));
  if (outside.length === issues.length) {
    throw new InputError({ field: 'issue', message: `the SMP runs on the declared spaces, and no space holds ${outside.map((issue) => `"${issue.id}"`).join(', ')}` });
  }
  return spaces.filter((space) => issues.some((issue) => space.issues.includes(issue.id))).map((space) => space.id);
}

/** One SMP explanation per space of the forecast: each issue not yet covered names the space that holds it. */
function explainSpaces(forecast: Forecast, issues: readonly Issue[], request: { actor: string; round: number; names: Record<string, string> }): SmpExplanation[] {
  const explanations: SmpExplanation[] = [];
  const covered = new Set<string>();
  // A run of one declared space forecasts that space's issues only.
  const forecastIssues = new Set(forecast.issues.map((issueForecast) => issueForecast.issue));
  for (const issue of issues.filter((candidate) => forecastIssues.has(candidate.id))) {
    if (covered.has(issue.id)) continue;
    const explanation = explainSmpActor(forecast, { ...request, issue: issue.id, decimals: decimalsForScale(issue.scale) });
    for (const id of explanation.issues) covered.add(id);
    explanations.push(explanation);
  }
  return explanations;
}

/** Summary first, then each dyad with its numbers indented under it, then the offers. */
function explanationText(explanation: Explanation): string {
  const byTopic = (...topics: ExplanationSentence['topic'][]) => explanation.sentences.filter((sentence) => topics.includes(sentence.topic));
  const lines = [`${explanation.actor} on ${explanation.issue}, round ${explanation.round}`];
  lines.push(...byTopic('summary').map((sentence) => `  ${sentence.text}`));
  // Channels (channels-spec §10.1): why the move was shortened, or why the actor held.
  lines.push(...byTopic('channel').map((sentence) => `  ${sentence.text}`));
  const dyads = byTopic('dyad', 'expectations');
  if (dyads.length > 0) lines.push('', ...dyads.map((sentence) => (sentence.topic === 'dyad' ? `  ${sentence.text}` : `      ${sentence.text}`)));
  const offers = byTopic('offer-received', 'offer-made');
  if (offers.length > 0) lines.push('', ...offers.map((sentence) => `  ${sentence.text}`));
  return `${lines.join('\n')}\n`;
}

/** The round first, then each trade, the positions, then the externalities. */
function exchangeExplanationText(explanation: ExchangeExplanation): string {
  const lines = [`${explanation.actor}, round ${explanation.round}`];
  for (const topic of ['summary', 'trade', 'position', 'externality'] as const) {
    const sentences = explanation.sentences.filter((sentence) => sentence.topic === topic).map((sentence) => `  ${sentence.text}`);
    if (sentences.length > 0) lines.push(...(topic === 'summary' ? [] : ['']), ...sentences);
  }
  return `${lines.join('\n')}\n`;
}

/** The move and its probability first, then the bargain the actor made, then those made to it. */
function smpExplanationText(explanation: SmpExplanation): string {
  const byTopic = (topic: ExplanationSentence['topic']) => explanation.sentences.filter((sentence) => sentence.topic === topic).map((sentence) => `  ${sentence.text}`);
  const lines = [`${explanation.actor} on ${explanation.issues.join(', ')}, turn ${explanation.round}`, ...byTopic('summary')];
  for (const topic of ['offer-made', 'offer-received'] as const) {
    const sentences = byTopic(topic);
    if (sentences.length > 0) lines.push('', ...sentences);
  }
  return `${lines.join('\n')}\n`;
}
