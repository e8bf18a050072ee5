/**
 * `parley merge <parts...>`: joins the parts written by `parley sweep --shard i/n` into exactly the
 * result the whole sweep gives on one machine. Parts of different sweeps are refused, with the reason.
 */
import { InputError } from '../../errors.js';
import { exclusiveFlags, parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import { checkOutputIsNotInput, emitResult, readTextFile } from '../files.js';

export const mergeCommand: Command = {
  name: 'merge',
  usage: `Usage: parley merge <part> [<part>...] [options]

Checks that the parts come from the same sweep (same scenario, model, options, runs, seed, noise,
shocks, thresholds, bins), that every shard 0/n … (n−1)/n is there exactly once, and prints the
result, identical to running the whole sweep on one machine.

Options:
  --json          print the result as JSON (see docs/sweeps.md)
  --csv           print a tidy CSV: issue,statistic,key,value
  --out FILE      write the result to FILE, atomically`,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(
      args,
      { json: { type: 'boolean' }, csv: { type: 'boolean' }, out: { type: 'string' } },
      { min: 1, max: Number.MAX_SAFE_INTEGER },
    );
    exclusiveFlags(values, ['json', 'csv']);
    await checkOutputIsNotInput(values.out, positionals, io);
    const sources = await Promise.all(
      positionals.map(async (file) => {
        const text = await readTextFile(file, io);
        try {
          return { file, part: JSON.parse(text) as unknown };
        } catch (error) {
          throw new InputError({ file, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` });
        }
      }),
    );
    const { mergeParts, summarizeSweep } = await import('../../analysis/sweep/index.js');
    const { sweepCsv, sweepJson, sweepReport } = await import('../sweep/report.js');
    const { prepared, data } = mergeParts(sources);
    const result = summarizeSweep(prepared, data);
    const text = values.json ? sweepJson(result) : values.csv ? sweepCsv(result) : sweepReport(result, prepared.scenario);
    await emitResult(text, values.out, io);
    return ExitCode.ok;
  },
};
