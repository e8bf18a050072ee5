/**
 * Sweep speed: EUM (default preset, 10 rounds, default noise) runs per second on the worked example
 * and on a 50-actor random scenario, with 1 worker (this thread) and 2 worker threads, in the same
 * run. Targets: ≥ 10,000 runs/s on the worked example with both cores; ≥ 1.8× from 1 to 2 workers at
 * 50 actors. Also checks that 1 and 2 workers give bit-identical data.
 */
import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { prepareSweep, runBlock, type PreparedSweep, type SweepData } from '../src/analysis/sweep/index.js';
import { SweepWorkers } from '../src/node/sweep/pool.js';
import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/schema.js';
import { fromRepo } from '../tests/support/paths.js';
import { randomScenario } from './randomScenario.js';
import type { BenchSuite, BenchTable } from './suite.js';

const SECONDS_PER_MEASUREMENT = 2;
/** Interleaved repetitions of each measurement; the best counts (other processes only ever slow a run down). */
const REPETITIONS = 5;
const TARGET_EXAMPLE_RUNS_PER_S = 10_000;
const TARGET_SPEEDUP = 1.8;

/** Runs for about SECONDS_PER_MEASUREMENT seconds on one thread, from a short calibration after a 1 s warm-up (JIT). */
function calibratedRuns(prepared: PreparedSweep): number {
  const warmUp = performance.now();
  for (let runs = 0; performance.now() - warmUp < 1000; runs += 10) runBlock(prepared, runs, runs + 10);
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < 300) {
    runBlock(prepared, runs, runs + 10);
    runs += 10;
  }
  const perSecond = runs / ((performance.now() - start) / 1000);
  return Math.max(100, Math.round((perSecond * SECONDS_PER_MEASUREMENT) / 100) * 100);
}

async function measure(run: () => Promise<SweepData> | SweepData, runs: number) {
  const start = performance.now();
  const data = await run();
  const seconds = (performance.now() - start) / 1000;
  return { data, seconds, perSecond: runs / seconds };
}

export const sweepSuite: BenchSuite = {
  name: 'sweep',
  async run(): Promise<BenchTable> {
    const example = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' }).scenario;
    const cases: Array<[string, Scenario]> = [
      ['worked example (7 actors, 2 issues)', example],
      ['random, 50 actors, 1 issue', randomScenario(50, 2024)],
    ];
    const rows: string[][] = [];
    const notes = [
      `EUM default preset, 10 rounds, default noise (position 5% of scale, salience and capability 10%), ${cpus().length} cores, load average before: ${loadavg()[0]!.toFixed(2)}.`,
      `1 worker = the sweep in the main thread; 2 workers = a tinypool of 2 worker threads (blocks of ≤ 2,000 runs, ~8 per worker), warmed by one sweep of the same size first; best of ${REPETITIONS} interleaved repetitions.`,
    ];
    for (const [name, scenario] of cases) {
      const prepared = prepareSweep({ scenario, model: 'eum', runs: 1, seed: 1 });
      // Both sides warm: the main thread by the calibration, the two workers by a first sweep of the same size.
      const runs = calibratedRuns(prepared);
      const pool = new SweepWorkers(2);
      let one;
      let two;
      try {
        await pool.run(prepared, 0, runs);
        one = await measure(() => runBlock(prepared, 0, runs), runs);
        two = await measure(async () => (await pool.run(prepared, 0, runs)).data, runs);
        for (let repetition = 1; repetition < REPETITIONS; repetition++) {
          const oneNow = await measure(() => runBlock(prepared, 0, runs), runs);
          const twoNow = await measure(async () => (await pool.run(prepared, 0, runs)).data, runs);
          if (oneNow.seconds < one.seconds) one = oneNow;
          if (twoNow.seconds < two.seconds) two = twoNow;
        }
      } finally {
        await pool.destroy();
      }
      const speedup = two.perSecond / one.perSecond;
      const target = name.startsWith('worked')
        ? `${Math.round(two.perSecond) >= TARGET_EXAMPLE_RUNS_PER_S ? 'yes' : 'NO'} (≥ ${TARGET_EXAMPLE_RUNS_PER_S} runs/s, 2 workers)`
        : `${speedup >= TARGET_SPEEDUP ? 'yes' : 'NO'} (≥ ${TARGET_SPEEDUP}× speed-up)`;
      rows.push([name, String(runs), one.seconds.toFixed(2), Math.round(one.perSecond).toString(), two.seconds.toFixed(2), Math.round(two.perSecond).toString(), `${speedup.toFixed(2)}×`, target]);
      notes.push(`${name}: 1 and 2 workers ${isDeepStrictEqual(one.data, two.data) ? 'gave bit-identical data' : 'DIFFER (determinism broken)'}.`);
    }
    return {
      title: 'Sweep: EUM runs per second, 1 vs 2 workers',
      columns: ['scenario', 'runs', '1 worker s', '1 worker runs/s', '2 workers s', '2 workers runs/s', 'speed-up', 'target met'],
      rows,
      notes,
    };
  },
};
