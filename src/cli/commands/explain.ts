/** `parley explain <file> --actor ID`: one actor's view of each dyad, its offers and its move, in words. */
import { explainActor, type Explanation, type ExplanationSentence } from '../../analysis/explain.js';
import { decimalsForScale } from '../../analysis/formatNumber.js';
import { InputError } from '../../errors.js';
import { integerOption, parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import { emitResult } from '../files.js';
import { planRuns, runPlan, type ForecastRequest } from '../forecast/plan.js';
import { loadScenario } from '../scenarioFile.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: "say in plain words how one actor reads each dyad, the offers it makes and takes (EUM)",
  usage: `Usage: parley explain <file> --actor ID [options]

Runs the expected utility model with dyads kept and explains, for one actor and one round,
what it expects from challenging each other actor and what it thinks they expect, how it
reads each dyad (conflict, compromise, capitulation, stalemate), the offers it receives and
makes, and which it takes.

Options:
  --actor ID      the actor to explain (required)
  --issue ID      one issue (default: every issue the actor takes part in)
  --round N       the bargaining round, 1 or later (default 1)
  --model ID      the model (default eum; it must keep dyads)
  --preset NAME   the model's preset (default: default)
  --rounds N      rounds to run (default: the preset's)
  --json          print the explanations as JSON: [{actor, issue, round, from, to, sentences: [{topic, other?, text}]}]
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
        json: { type: 'boolean' },
        out: { type: 'string' },
      },
      { min: 1, max: 1 },
    );
    if (values.actor === undefined) throw new InputError({ field: 'actor', message: 'say which actor to explain with --actor ID' });
    const round = values.round === undefined ? 1 : integerOption(values.round, '--round', { min: 1 });
    const request: ForecastRequest = { model: values.model ?? 'eum', dyads: true };
    if (request.model === 'all') throw new InputError({ field: 'model', message: 'explain needs one model, not "all"' });
    if (values.preset !== undefined) request.preset = values.preset;
    if (values.rounds !== undefined) request.rounds = integerOption(values.rounds, '--rounds', { min: 1 });
    const plan = planRuns(request);

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

    const { forecasts } = runPlan(scenario, plan, false);
    const forecast = forecasts[0]!;
    const names = Object.fromEntries(scenario.actors.map((candidate) => [candidate.id, candidate.name ?? candidate.id]));
    const explanations = issues.map((issue) =>
      explainActor(forecast, { actor: actor.id, issue: issue.id, round, names, decimals: decimalsForScale(issue.scale) }),
    );
    const output = values.json ? `${JSON.stringify(explanations, null, 2)}\n` : explanations.map(explanationText).join('\n');
    await emitResult(output, values.out, io);
    return ExitCode.ok;
  },
};

/** Summary first, then each dyad with its numbers indented under it, then the offers. */
function explanationText(explanation: Explanation): string {
  const byTopic = (...topics: ExplanationSentence['topic'][]) => explanation.sentences.filter((sentence) => topics.includes(sentence.topic));
  const lines = [`${explanation.actor} on ${explanation.issue}, round ${explanation.round}`];
  lines.push(...byTopic('summary').map((sentence) => `  ${sentence.text}`));
  const dyads = byTopic('dyad', 'expectations');
  if (dyads.length > 0) lines.push('', ...dyads.map((sentence) => (sentence.topic === 'dyad' ? `  ${sentence.text}` : `      ${sentence.text}`)));
  const offers = byTopic('offer-received', 'offer-made');
  if (offers.length > 0) lines.push('', ...offers.map((sentence) => `  ${sentence.text}`));
  return `${lines.join('\n')}\n`;
}
