/** `parley forecast <file>`: runs one model or all of them and prints a table, JSON or CSV. */
import { computeAnswer } from '../../analysis/answer/answer.js';
import { forecastMoves } from '../../analysis/moves/moves.js';
import { actorNames } from '../../scenario/views.js';
import { exclusiveFlags, integerOption, parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import { checkOutputIsNotInput, emitResult } from '../files.js';
import { forecastCsv } from '../forecast/csv.js';
import { forecastJsonChunks, type ForecastSet } from '../forecast/json.js';
import { checkDyadLimit } from '../forecast/dyadLimit.js';
import { planRuns, runPlan, type ForecastRequest } from '../../analysis/forecastPlan.js';
import { loadShippedRecord } from '../../node/record.js';
import { forecastTable } from '../forecast/table.js';
import { loadScenario } from '../scenarioFile.js';
import { parleyVersion } from '../../node/version.js';

export const forecastCommand: Command = {
  name: 'forecast',
  usage: `Usage: parley forecast <file> [options]

Runs the models on a scenario and prints, first, the answer per issue (the validated predictor's
forecast, its 5–95 % interval from a seeded sweep, probabilities, a fragility flag, the models' spread
with their backtest MAEs; docs/answer.md), then each model's forecast and who moved.

Options:
  --model ID      a model id, or "all" (default): every registered model
  --preset NAME   a preset of the model (with "all": used by the models that define it)
  --rounds N      bargaining rounds for iterative models (EUM), an integer ≥ 1
  --dyads         keep every dyad's perception and offer per round (EUM; shows in --json)
  --json          print the Forecast as JSON (one model: a Forecast; "all": {parley, scenario, forecasts, skipped})
  --csv           print a tidy CSV: model,preset,issue,round,kind,actor,position
  --no-answer     leave out the answer and the moves summary (the raw forecasts only, as before)
  --out FILE      write the result to FILE (atomically) instead of stdout`,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(
      args,
      {
        model: { type: 'string' },
        preset: { type: 'string' },
        rounds: { type: 'string' },
        dyads: { type: 'boolean' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        out: { type: 'string' },
        'no-answer': { type: 'boolean' },
      },
      { min: 1, max: 1 },
    );
    exclusiveFlags(values, ['json', 'csv']);
    const request: ForecastRequest = { model: values.model ?? 'all' };
    if (values.preset !== undefined) request.preset = values.preset;
    if (values.rounds !== undefined) request.rounds = integerOption(values.rounds, '--rounds', { min: 1 });
    if (values.dyads) request.dyads = true;

    const plan = planRuns(request);
    await checkOutputIsNotInput(values.out, [positionals[0]!], io);
    const { file, scenario, notes } = await loadScenario(positionals[0]!, io);
    const all = request.model === 'all';
    if (request.dyads) checkDyadLimit(scenario, plan);
    const { forecasts, skipped } = runPlan(scenario, plan, all);
    for (const note of notes) io.stderr.write(`note: ${note}\n`);
    const names = actorNames(scenario.actors);
    const answer = values['no-answer'] ? undefined : computeAnswer({ scenario, forecasts, record: loadShippedRecord() }).answer;

    let output: string | Iterable<string>;
    if (values.json) {
      const set: ForecastSet = {
        parley: parleyVersion(),
        scenario: { file, title: scenario.title, ...(scenario.asOf !== undefined ? { asOf: scenario.asOf } : {}) },
        forecasts,
        skipped,
      };
      const moves = forecasts.flatMap((forecast) => forecastMoves(forecast, (id) => names[id] ?? id) ?? []);
      output = forecastJsonChunks(all ? set : forecasts[0]!, answer && { answer, moves });
    } else if (values.csv) {
      output = forecastCsv(forecasts, answer);
      for (const skip of skipped) io.stderr.write(`skipped ${skip.model}: ${skip.reasons.join('; ')}\n`);
    } else {
      output = forecastTable(scenario, forecasts, skipped, answer ? { answer, moves: true } : {});
    }
    await emitResult(output, values.out, io);
    return ExitCode.ok;
  },
};
