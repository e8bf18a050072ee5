/** `parley advise <file> --actor ID --issue ID --goal G`: what the actor could do to reach the goal. */
import { advise, goalSyntax, leverKinds, parseGoal, type AdviseRequest, type LeverKind } from '../../analysis/advise/index.js';
import { InputError } from '../../errors.js';
import { integerOption, parseCommandLine } from '../args.js';
import { adviceTable } from '../advise/table.js';
import { ExitCode, type Command } from '../command.js';
import { checkOutputIsNotInput, emitResult } from '../files.js';
import { loadScenario } from '../scenarioFile.js';

export const adviseCommand: Command = {
  name: 'advise',
  usage: `Usage: parley advise <file> --actor ID --issue ID --goal GOAL [options]

Searches the levers an actor controls for the changes that move one issue's forecast toward a goal:
each lever's flip point (the smallest change that reaches the goal), the best combination within a
budget, the Pareto front of cost against gain, and why the model reacts, in words.

Options:
  --actor ID      the advised actor (required)
  --issue ID      the issue (required)
  --goal GOAL     ${goalSyntax} (required); flip:OTHER asks what makes OTHER move toward the actor
  --model ID      the model that scores each candidate (default eum)
  --preset NAME   the model's preset (default: default)
  --levers LIST   comma-separated, of ${leverKinds.join(', ')} (default all)
  --budget B      the most a combination may cost, in the levers' units (default: no limit)
  --robust N      re-score each recommendation under N seeded draws of the scenario's uncertainty
  --seed S        the seed of those draws (default 1)
  --steps N       scan resolution: equal steps over each lever's range (default 20)
  --json          print the advice as JSON
  --out FILE      write the result to FILE (atomically) instead of stdout`,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(
      args,
      {
        actor: { type: 'string' },
        issue: { type: 'string' },
        goal: { type: 'string' },
        model: { type: 'string' },
        preset: { type: 'string' },
        levers: { type: 'string' },
        budget: { type: 'string' },
        robust: { type: 'string' },
        seed: { type: 'string' },
        steps: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
      },
      { min: 1, max: 1 },
    );
    for (const flag of ['actor', 'issue', 'goal'] as const) {
      if (values[flag] === undefined) throw new InputError({ field: flag, message: `--${flag} is required` });
    }
    const request: AdviseRequest = { actor: values.actor!, issue: values.issue!, goal: parseGoal(values.goal!) };
    if (values.model !== undefined) request.model = values.model;
    if (values.preset !== undefined) request.preset = values.preset;
    if (values.levers !== undefined) request.levers = values.levers.split(',').map((lever) => lever.trim()) as LeverKind[];
    if (values.budget !== undefined) {
      const budget = Number(values.budget);
      if (values.budget.trim() === '' || !Number.isFinite(budget)) throw new InputError({ field: 'budget', message: `expected a number, got "${values.budget}"` });
      request.budget = budget;
    }
    if (values.robust !== undefined) request.robust = integerOption(values.robust, '--robust', { min: 0, max: 100_000 });
    if (values.seed !== undefined) request.seed = integerOption(values.seed, '--seed', { min: 0, max: 0xffffffff });
    if (values.steps !== undefined) request.steps = integerOption(values.steps, '--steps', { min: 2, max: 1000 });
    await checkOutputIsNotInput(values.out, [positionals[0]!], io);
    const { scenario, notes } = await loadScenario(positionals[0]!, io);
    for (const note of notes) io.stderr.write(`note: ${note}\n`);
    const advice = advise(scenario, request);
    await emitResult(values.json ? JSON.stringify(advice, null, 2) + '\n' : adviceTable(scenario, advice), values.out, io);
    return ExitCode.ok;
  },
};
