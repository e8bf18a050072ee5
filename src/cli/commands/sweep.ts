/**
 * `parley sweep <file>`: a Monte Carlo sweep of a model over noisy estimates, with shocks; prints each
 * issue's distribution and the estimates that move it most, or, with `--shard i/n`, writes a part for
 * `parley merge`. See docs/sweeps.md.
 */
import { availableParallelism } from 'node:os';
import {
  parseNoise,
  parseShard,
  parseShock,
  parseThreshold,
  prepareSweep,
  type Shard,
  type SweepSpec,
} from '../../analysis/sweep/index.js';
import { InputError } from '../../errors.js';
import { getModel, resolveOptions } from '../../models/registry.js';
import { exclusiveFlags, integerOption, parseCommandLine } from '../args.js';
import type { Command } from '../command.js';
import { checkOutputIsNotInput } from '../files.js';
import { loadScenario } from '../scenarioFile.js';
import { UsageError } from '../usageError.js';

export const sweepCommand: Command = {
  name: 'sweep',
  usage: `Usage: parley sweep <file> [options]

Runs a model many times on noisy copies of the scenario (run k draws from a seed derived from
--seed and k, so results are identical for any --workers and across --shard parts), then prints
per issue: quantiles, mean, histogram, threshold probabilities, the share of runs each actor moved,
and the estimates ranked by how much they move the forecast (tornado swings, first-order indices).

Options:
  --model ID          the model (default eum)
  --preset NAME       a preset of the model
  --rounds N          bargaining rounds (iterative models)
  --runs N            number of runs, an integer ≥ 1 (default 1000)
  --seed S            master seed, an integer in [0, 4294967295] (default 1)
  --noise SPEC        [ACTOR.[ISSUE.]]FIELD=normal|uniform:SIZE[%], repeatable; FIELD is position,
                      salience or capability; ACTOR may be *; % = relative (of the value; of the
                      scale's width for positions); the most specific spec wins. Default:
                      position=normal:5% salience=normal:10% capability=normal:10%
  --no-noise          no noise (with shocks only: every run is the same)
  --shock SPEC        drop:ACTOR | close:ACTOR,ACTOR | ACTOR.[ISSUE.]capability|salience=VALUE@ROUND
                      (salience on the scenario's scale; changes and closed dyads need EUM), repeatable
  --threshold T       [ISSUE:]VALUE: report P(outcome > VALUE) and P(outcome < VALUE), repeatable
  --bins K            histogram bins over each issue's scale (default 20)
  --workers K         threads, the main one included (default: up to the number of cores, chosen
                      from a timed pilot of the first runs and the cores not busy: threads only
                      where they pay for their start-up; 1 runs in the main thread alone); the
                      result is the same for any K
  --show-workers      say on stderr how many threads ran the sweep and, when chosen, why
  --shard i/n         run only part i of n (0-based) and write it as a part for \`parley merge\`
  --json              print the result as JSON (see docs/sweeps.md)
  --csv               print a tidy CSV: issue,statistic,key,value
  --out FILE          write the result (or the part) to FILE, atomically

Ctrl-C stops after the running blocks and reports the runs done (exit 130).`,
  async run(args, io) {
    const { values, positionals } = parseCommandLine(
      args,
      {
        model: { type: 'string' },
        preset: { type: 'string' },
        rounds: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        noise: { type: 'string', multiple: true },
        'no-noise': { type: 'boolean' },
        shock: { type: 'string', multiple: true },
        threshold: { type: 'string', multiple: true },
        bins: { type: 'string' },
        workers: { type: 'string' },
        'show-workers': { type: 'boolean' },
        shard: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        out: { type: 'string' },
      },
      { min: 1, max: 1 },
    );
    exclusiveFlags(values, ['json', 'csv']);
    if (values.shard !== undefined && (values.json || values.csv)) throw new UsageError('--shard writes a part (JSON) for `parley merge`; --json and --csv apply to the merged result');
    if (values['no-noise'] && values.noise !== undefined) throw new UsageError('--noise and --no-noise cannot be used together');
    const runs = integerOption(values.runs ?? '1000', '--runs', { min: 1 });
    const seed = integerOption(values.seed ?? '1', '--seed', { min: 0, max: 0xffffffff });
    // Without --workers the pilot decides whether threads pay for their start-up (the result is the same either way).
    const auto = values.workers === undefined;
    const workers = auto ? availableParallelism() : integerOption(values.workers!, '--workers', { min: 1, max: 256 });
    const shard: Shard | undefined = values.shard === undefined ? undefined : parseShard(values.shard, '--shard');

    await checkOutputIsNotInput(values.out, [positionals[0]!], io);
    const { scenario, notes } = await loadScenario(positionals[0]!, io);
    const spec: SweepSpec = { scenario, model: values.model ?? 'eum', runs, seed };
    if (values.preset !== undefined) spec.preset = values.preset;
    if (values.rounds !== undefined) {
      const rounds = integerOption(values.rounds, '--rounds', { min: 1 });
      if (!('rounds' in resolveOptions(getModel(spec.model), spec.preset === undefined ? {} : { preset: spec.preset })))
        throw new InputError({ field: 'rounds', message: `model "${spec.model}" has no option "rounds" (it is not an iterative model)` });
      spec.options = { rounds };
    }
    if (values['no-noise']) spec.noise = [];
    else if (values.noise !== undefined) spec.noise = values.noise.map((text) => parseNoise(text, '--noise'));
    if (values.shock !== undefined) spec.shocks = values.shock.map((text) => parseShock(text, '--shock'));
    if (values.threshold !== undefined) spec.thresholds = values.threshold.map((text) => parseThreshold(text, '--threshold'));
    if (values.bins !== undefined) spec.histogramBins = integerOption(values.bins, '--bins', { min: 1, max: 1000 });
    const prepared = prepareSweep(spec);
    for (const note of notes) io.stderr.write(`note: ${note}\n`);

    const { runSweepCommand } = await import('../sweep/command.js');
    return runSweepCommand(prepared, { workers, auto, showWorkers: values['show-workers'] === true, shard, format: values.json ? 'json' : values.csv ? 'csv' : 'report', out: values.out }, io);
  },
};
