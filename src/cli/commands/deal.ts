/**
 * `parley deal <file>`: the deal / ripeness analysis (channels-spec.md §9): per issue, branch leaf and
 * decision point, the deal on offer among the veto players, who accepts and who holds out and why, when
 * it becomes ripe, P(agreement by each point), the proposals' verdicts and what would have to change.
 */
import { analyseDeal } from '../../analysis/deal/analyse.js';
import { dealText } from '../../analysis/deal/explain.js';
import { InputError } from '../../errors.js';
import { actorNames } from '../../scenario/views.js';
import { integerOption, parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import { checkOutputIsNotInput, emitResult } from '../files.js';
import { loadScenario } from '../scenarioFile.js';

const losses = ['quadratic', 'linear'] as const;
const weightings = ['capability-salience', 'capability'] as const;

function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new InputError({ field: flag, message: `expected one of ${allowed.join(', ')}, got "${value}"` });
  return value as T;
}

export const dealCommand: Command = {
  name: 'deal',
  usage: `Usage: parley deal <file> [options]

The deal / ripeness analysis: in each decision round of each branch leaf, the Nash deal on offer
among the issue's veto players (with trust, red lines, audience costs, hurt and win-sets), whether
each accepts it now or waits for a better one, when the situation becomes ripe, P(agreement by each
round), the verdict on each proposal with the parts of its gain, and what would have to change
(red lines, trust, audience costs, win-sets removed in turn). Every analysed issue needs a statusQuo.

Options:
  --issue ID       one issue (default: every issue)
  --loss L         quadratic (default) or linear
  --weights W      capability-salience (default: weights c·s) or capability (weights c, utility scaled by s)
  --rounds N       decision points 0…N (default: to the timeline's end, else the last dated item)
  --json           print the result as JSON (format parley.deal-result, version 1)
  --out FILE       write the result to FILE (atomically) instead of stdout`,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(
      args,
      { issue: { type: 'string' }, loss: { type: 'string' }, weights: { type: 'string' }, rounds: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
      { min: 1, max: 1 },
    );
    const loss = choice(values.loss, losses, 'loss');
    const weights = choice(values.weights, weightings, 'weights');
    const rounds = values.rounds === undefined ? undefined : integerOption(values.rounds, '--rounds', { min: 0 });
    await checkOutputIsNotInput(values.out, [positionals[0]!], io);
    const { scenario, notes } = await loadScenario(positionals[0]!, io);
    for (const note of notes) io.stderr.write(`note: ${note}\n`);
    const result = analyseDeal(scenario, {
      ...(loss ? { loss } : {}),
      ...(weights ? { weights } : {}),
      ...(rounds !== undefined ? { rounds } : {}),
      ...(values.issue !== undefined ? { issue: values.issue } : {}),
    });
    const names = actorNames(scenario.actors);
    const output = values.json ? `${JSON.stringify(result, null, 2)}\n` : dealText(result, (id) => names[id] ?? id);
    await emitResult(output, values.out, io);
    return ExitCode.ok;
  },
};
