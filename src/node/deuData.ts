/** The DEU III data set's files: where the package ships them, and reading them (CLI and server). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deuFileNames, type DeuFiles } from '../analysis/backtest/deu3.js';
import { InputError } from '../errors.js';
import { readTextFile } from './textFile.js';

/** Reads the data set's files from `directory` (also used by the workbench server's backtest endpoint). */
export async function readDeuFiles(directory: string, io: { cwd: string }): Promise<DeuFiles> {
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
