/**
 * `parley backtest`: scores every model and preset (and the baselines and a cross-validated blend)
 * against the outcomes of real EU decisions in DEU III (docs/backtest.md). The files are read here;
 * everything else is the pure core in src/analysis/backtest/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allModelRuns, parseModelRuns, runBacktest, type BacktestSettings } from '../../analysis/backtest/backtest.js';
import { buildCases, selectSubset, subsets } from '../../analysis/backtest/cases.js';
import { capabilityRuleIds, institutionRuleIds, parseCapabilityRule } from '../../analysis/backtest/capability.js';
import { deuFileNames, parseDeuDataset, type DeuFiles } from '../../analysis/backtest/deu3.js';
import { backtestTable } from '../../analysis/backtest/table.js';
import { InputError } from '../../errors.js';
import { integerOption, parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import { checkOutputIsNotInput, emitResult, readTextFile } from '../files.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usageError.js';
import { parleyVersion } from '../version.js';

const datasets = ['deu3'] as const;

export const backtestCommand: Command = {
  name: 'backtest',
  usage: `Usage: parley backtest [options]

Forecasts every scoreable DEU III issue (351 EU legislative issues) with every model and preset, the
baselines and a cross-validated blend, and prints MAE, RMSE, median absolute error and the share
within 10 points, each with a 95% bootstrap interval, the paired difference to the compromise model
(weighted mean), and the same by procedure, voting rule and era.

Options:
  --dataset NAME        the data set: deu3 (default)
  --data DIR            read the data set's files from DIR instead of the copy shipped with Parley
  --models LIST         comma-separated model ids, each optionally id:preset (default: every model and preset)
  --capability RULE     ${capabilityRuleIds.join(' | ')} (default equal)
  --institutions RULE   with council-ssi, the Commission's and Parliament's capability: ${institutionRuleIds.join(' | ')} (default largest-state)
  --subset NAME         ${Object.keys(subsets).join(' | ')} (default all)
  --replicates N        bootstrap replicates, an integer from 100 to 100000 (default 1000)
  --seed N              seed of the bootstrap and the cross-validation folds (default 1)
  --folds N             cross-validation folds, an integer from 2 to 50 (default 10)
  --workers K           worker threads for the model runs (default 1: in the main thread); the result
                        is the same for any K; each worker first loads the models (~0.5 s), so it pays
                        only with idle cores
  --json                print the result as JSON
  --fit discrete-choice fit the discrete-choice compromise on all issues (Council Shapley–Shubik
                        capabilities) and print its calibration, out-of-sample record included, as JSON
                        (what data/calibration/discrete-choice.json ships; npm run calibrate writes it)
  --record              print the predictor record the answer reads (data/calibration/record.json)
  --out FILE            write the result to FILE (atomically) instead of stdout`,
  async run(args, io) {
    const { values } = parseCommandLine(
      args,
      {
        dataset: { type: 'string' },
        data: { type: 'string' },
        models: { type: 'string' },
        capability: { type: 'string' },
        institutions: { type: 'string' },
        subset: { type: 'string' },
        replicates: { type: 'string' },
        seed: { type: 'string' },
        folds: { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean' },
        fit: { type: 'string' },
        record: { type: 'boolean' },
        out: { type: 'string' },
      },
      { min: 0, max: 0 },
    );
    if (values.fit !== undefined || values.record) return calibrationCommand(values.fit, values.record === true, values.out, io);
    const dataset = values.dataset ?? 'deu3';
    if (!(datasets as readonly string[]).includes(dataset)) {
      throw new InputError({ field: 'dataset', message: `unknown data set "${dataset}"; expected one of ${datasets.join(', ')}` });
    }
    if (values.institutions !== undefined && values.capability !== 'council-ssi')
      throw new UsageError('--institutions sets the Commission\'s and Parliament\'s capability under --capability council-ssi; give --capability council-ssi too');
    const capability = parseCapabilityRule(values.capability ?? 'equal', values.institutions ?? 'largest-state');
    const subset = values.subset ?? 'all';
    const runs = values.models === undefined ? allModelRuns() : parseModelRuns(values.models);
    const settings: BacktestSettings = {
      replicates: values.replicates === undefined ? 1000 : integerOption(values.replicates, '--replicates', { min: 100, max: 100_000 }),
      seed: values.seed === undefined ? 1 : integerOption(values.seed, '--seed', { min: 0, max: 2 ** 31 - 1 }),
      folds: values.folds === undefined ? 10 : integerOption(values.folds, '--folds', { min: 2, max: 50 }),
      runs,
    };
    const workers = values.workers === undefined ? 1 : integerOption(values.workers, '--workers', { min: 1, max: 256 });
    const directory = values.data ?? shippedDataDirectory(dataset);
    await checkOutputIsNotInput(values.out, Object.values(deuFileNames).map((name) => join(directory, name)), io);
    const cases = selectSubset(buildCases(parseDeuDataset(await readDeuFiles(directory, io)), capability), subset);
    if (workers > 1 && cases.length > 0) {
      const { forecastOnWorkers } = await import('../backtest/workers.js');
      settings.forecastsOf = await forecastOnWorkers(cases, settings, workers);
    }
    const result = runBacktest(cases, settings);
    const context = {
      dataset: 'DEU III (Arregui & Perarnaud 2021, doi:10.34810/data53; CC BY 4.0)',
      capability: capability.id === 'council-ssi' ? `council-ssi (institutions: ${capability.institutions})` : capability.id,
      subset,
    };
    const output = values.json
      ? `${JSON.stringify({ parley: parleyVersion(), dataset, capability, subset, ...result }, null, 2)}\n`
      : backtestTable(result, context);
    await emitResult(output, values.out, io);
    return ExitCode.ok;
  },
};

/** `--fit discrete-choice` and `--record`: the shipped calibration outputs, computed from the shipped data. */
async function calibrationCommand(fit: string | undefined, record: boolean, out: string | undefined, io: CliIo): Promise<number> {
  if (fit !== undefined && fit !== 'discrete-choice') throw new InputError({ field: 'fit', message: `unknown fitted model "${fit}"; expected discrete-choice` });
  if (fit !== undefined && record) throw new UsageError('--fit and --record cannot be used together');
  const { calibrationOutputs } = await import('../backtest/calibration.js');
  const outputs = await calibrationOutputs(io);
  await emitResult(`${JSON.stringify(record ? outputs.record : outputs.calibration, null, 2)}\n`, out, io);
  return ExitCode.ok;
}

/** Reads the data set's files from `directory` (also used by the workbench server's backtest endpoint). */
export async function readDeuFiles(directory: string, io: Pick<CliIo, 'cwd'>): Promise<DeuFiles> {
  const read = async (key: keyof typeof deuFileNames) => {
    const name = join(directory, deuFileNames[key]);
    return { name, text: await readTextFile(name, io) };
  };
  return { issues: await read('issues'), positions: await read('positions'), councilWeights: await read('councilWeights'), populations: await read('populations') };
}

/** data/<dataset>/ in the installed package: found by walking up from this module (src/ or dist/src/). */
export function shippedDataDirectory(dataset: string): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, 'data', dataset);
    if (existsSync(join(directory, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new InputError({ field: 'dataset', message: `the ${dataset} data folder is not installed (expected data/${dataset}/ beside package.json)` });
    directory = parent;
  }
}
