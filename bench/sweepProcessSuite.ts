/**
 * Sweeps end to end, as a user meets them: the wall time of a whole `parley sweep` process (start-up,
 * reading the file, the runs, the report) with 1 worker, 2 workers and the automatic choice (a timed
 * pilot, src/cli/sweep/execute.ts), side by side in one run; and the break-even the automatic choice
 * uses: the wall time of starting a pool of 2 worker threads for a 2-run sweep.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareSweep } from '../src/analysis/sweep/index.js';
import { runOnWorkers } from '../src/node/sweep/pool.js';
import { workerStartSeconds } from '../src/node/sweep/execute.js';
import { parseScenario } from '../src/scenario/parse.js';
import { serializeScenario } from '../src/scenario/write.js';
import { fromRepo } from '../tests/support/paths.js';
import { randomScenario } from './randomScenario.js';
import type { BenchSuite, BenchTable } from './suite.js';

function wallSeconds(file: string, runs: number, workers: string | undefined): number {
  const args = [fromRepo('dist', 'src', 'cli', 'main.js'), 'sweep', file, '--runs', String(runs), '--json', ...(workers ? ['--workers', workers] : [])];
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`parley sweep failed: ${result.stderr.toString()}`);
  return (performance.now() - start) / 1000;
}

export const sweepProcessSuite: BenchSuite = {
  name: 'sweep-process',
  async run(): Promise<BenchTable> {
    const example = fromRepo('examples', 'backchannel-2024.yaml');
    const folder = mkdtempSync(join(tmpdir(), 'parley-bench-'));
    const large = join(folder, 'random-50.yaml');
    writeFileSync(large, serializeScenario(randomScenario(50, 2024), 'yaml'));
    const rows: string[][] = [];
    try {
      const cases: Array<[string, string, number]> = [
        ['worked example', example, 2_000],
        ['worked example', example, 20_000],
        ['worked example', example, 100_000],
        ['random, 50 actors', large, 4_000],
      ];
      for (const [name, file, runs] of cases) {
        const one = wallSeconds(file, runs, '1');
        const two = wallSeconds(file, runs, '2');
        const auto = wallSeconds(file, runs, undefined);
        const best = Math.min(one, two);
        rows.push([name, runs.toLocaleString('en'), one.toFixed(2), two.toFixed(2), `${(one / two).toFixed(2)}×`, auto.toFixed(2), auto <= best * 1.1 + 0.05 ? 'met' : 'not met']);
      }
      const scenario = parseScenario(readFileSync(example, 'utf8'), { file: 'backchannel-2024.yaml' }).scenario;
      const prepared = prepareSweep({ scenario, model: 'eum', runs: 2, seed: 1 });
      let startUp = Infinity;
      for (let k = 0; k < 3; k++) {
        const start = performance.now();
        await runOnWorkers(prepared, 0, 2, { workers: 2 });
        startUp = Math.min(startUp, (performance.now() - start) / 1000);
      }
      rows.push(['pool start-up (2 threads, 2 runs)', '2', '', startUp.toFixed(2), '', `constant used: ${workerStartSeconds}`, '']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    return {
      title: 'Sweep end to end: whole-process wall time, 1 vs 2 workers vs automatic',
      columns: ['scenario', 'runs', '1 worker s', '2 workers s', 'speed-up', 'automatic s', 'target: automatic within 10 % of the better (issue 16 item 5)'],
      rows,
      notes: ['Each cell is one `parley sweep … --json` process, stdout discarded; EUM default, default noise.'],
    };
  },
};
