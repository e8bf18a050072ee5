/**
 * Sweeps end to end, as a user meets them: the wall time of a whole `parley sweep` process (start-up,
 * reading the file, the runs, the report) with 1 worker, 2 workers and the automatic choice (a timed
 * pilot and a model of the wall time, src/node/sweep/execute.ts and workerChoice.ts), side by side,
 * each case repeated (`PARLEY_BENCH_SWEEP_REPEATS`, default 3) in interleaved order, the fastest of
 * each kept (other processes only ever slow a run down); and the start-up of one worker thread, which
 * the automatic choice takes as the constant `threadStartSeconds`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { prepareSweep } from '../src/analysis/sweep/index.js';
import { runOnWorkers } from '../src/node/sweep/pool.js';
import { threadStartSeconds } from '../src/node/sweep/execute.js';
import { parseScenario } from '../src/scenario/parse.js';
import { serializeScenario } from '../src/scenario/write.js';
import { fromRepo } from '../tests/support/paths.js';
import { randomScenario } from './randomScenario.js';
import type { BenchSuite, BenchTable } from './suite.js';

interface Timing {
  seconds: number;
  /** The process's CPU time, all threads (bench/cpuAtExit.ts). */
  cpuSeconds: number;
  /** The threads the sweep ran on, from its `--show-workers` line on stderr. */
  threads: number;
}

function timeSweep(file: string, runs: number, workers: string | undefined, cpuFile: string): Timing {
  const preload = pathToFileURL(fromRepo('dist', 'bench', 'cpuAtExit.js')).href;
  const args = ['--import', preload, fromRepo('dist', 'src', 'cli', 'main.js'), 'sweep', file, '--runs', String(runs), '--json', '--show-workers', ...(workers ? ['--workers', workers] : [])];
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PARLEY_BENCH_CPU_FILE: cpuFile } });
  const seconds = (performance.now() - start) / 1000;
  const stderr = result.stderr.toString();
  if (result.status !== 0) throw new Error(`parley sweep failed: ${stderr}`);
  const threads = /^workers: (\d+) /mu.exec(stderr)?.[1];
  if (threads === undefined) throw new Error(`parley sweep --show-workers said no worker count: ${stderr}`);
  return { seconds, cpuSeconds: Number(readFileSync(cpuFile, 'utf8')), threads: Number(threads) };
}

function fastest(timings: Timing[]): Timing {
  return timings.reduce((best, timing) => (timing.seconds < best.seconds ? timing : best));
}

/** How many times auto chose each thread count, e.g. "1 ×3" or "1 ×2, 2 ×1". */
function choices(timings: Timing[]): string {
  const counts = new Map<number, number>();
  for (const { threads } of timings) counts.set(threads, (counts.get(threads) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([threads, count]) => `${threads} ×${count}`).join(', ');
}

export const sweepProcessSuite: BenchSuite = {
  name: 'sweep-process',
  async run(): Promise<BenchTable> {
    const example = fromRepo('examples', 'backchannel-2024.yaml');
    const folder = mkdtempSync(join(tmpdir(), 'parley-bench-'));
    const large = join(folder, 'random-50.yaml');
    writeFileSync(large, serializeScenario(randomScenario(50, 2024), 'yaml'));
    const repeats = Math.max(1, Number(process.env['PARLEY_BENCH_SWEEP_REPEATS'] ?? 3));
    const rows: string[][] = [];
    try {
      const cases: Array<[string, string, number]> = [
        ['worked example', example, 2_000],
        ['worked example', example, 20_000],
        ['worked example', example, 100_000],
        ['random, 50 actors', large, 4_000],
      ];
      for (const [name, file, runs] of cases) {
        const timings: Record<'one' | 'two' | 'auto', Timing[]> = { one: [], two: [], auto: [] };
        const loads: number[] = [];
        for (let repeat = 0; repeat < repeats; repeat++) {
          loads.push(loadavg()[0] ?? 0);
          // Interleaved, the order turned each time, so that a change of load falls on every column.
          const order = (['one', 'two', 'auto'] as const).map((_, index, all) => all[(index + repeat) % all.length]!);
          for (const kind of order) timings[kind].push(timeSweep(file, runs, kind === 'one' ? '1' : kind === 'two' ? '2' : undefined, join(folder, 'cpu.txt')));
        }
        const one = fastest(timings.one).seconds;
        const two = fastest(timings.two).seconds;
        const auto = fastest(timings.auto).seconds;
        const best = Math.min(one, two);
        const cpu = (kind: 'one' | 'two' | 'auto'): string => Math.min(...timings[kind].map((timing) => timing.cpuSeconds)).toFixed(2);
        rows.push([
          name,
          runs.toLocaleString('en'),
          one.toFixed(2),
          two.toFixed(2),
          `${(one / two).toFixed(2)}×`,
          auto.toFixed(2),
          choices(timings.auto),
          `${cpu('one')} / ${cpu('two')} / ${cpu('auto')}`,
          `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
          auto <= best * 1.1 + 0.05 ? 'met' : 'not met',
        ]);
      }
      const scenario = parseScenario(readFileSync(example, 'utf8'), { file: 'backchannel-2024.yaml' }).scenario;
      const prepared = prepareSweep({ scenario, model: 'eum', runs: 1, seed: 1 });
      let startUp = Infinity;
      for (let k = 0; k < 3; k++) {
        const start = performance.now();
        await runOnWorkers(prepared, 0, 1, { workers: 1 });
        startUp = Math.min(startUp, (performance.now() - start) / 1000);
      }
      rows.push(['start-up of one worker thread (1 run)', '1', '', startUp.toFixed(2), '', `constant used: ${threadStartSeconds}`, '', '', loadavg()[0]!.toFixed(1), '']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    return {
      title: 'Sweep end to end: whole-process wall time, 1 vs 2 workers vs automatic',
      columns: ['scenario', 'runs', '1 worker s', '2 workers s', 'speed-up', 'automatic s', 'automatic chose (threads × times)', 'CPU s, 1 / 2 / automatic', '1-minute load', 'target: automatic ≤ 1.1 × the better + 0.05 s (issue 16 item 5)'],
      rows,
      notes: [
        `Each cell is the fastest of ${repeats} \`parley sweep … --json --show-workers\` processes, stdout discarded, the three columns interleaved; EUM default, default noise. CPU: the least of the repeats, all threads.`,
        '2 workers: the main thread and one worker thread taking blocks from one queue.',
      ],
    };
  },
};
