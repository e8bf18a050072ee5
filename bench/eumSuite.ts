/**
 * EUM speed: milliseconds per round for n = 10, 100, 1000 random actors under each preset (dyads off),
 * the default preset against the O(n³) reference (bench/eumReference.ts), checking they agree; and full
 * runs per second on the worked example (examples/backchannel-2024.yaml: 7 actors, 2 issues, 10 rounds),
 * one thread, through `runModel` as a library user calls it. Targets: default preset, one round at
 * n = 1000 under 100 ms; ≥ 5,000 worked-example runs/s on one thread (the sweep's 10,000/s on 2 cores).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { eumModel } from '../src/models/eum/eum.js';
import { runModel } from '../src/models/registry.js';
import { parseScenario } from '../src/scenario/parse.js';
import { participants } from '../src/scenario/views.js';
import type { Scenario } from '../src/scenario/schema.js';
import { fromRepo } from '../tests/support/paths.js';
import { referenceDefaultRounds } from './eumReference.js';
import { randomScenario } from './randomScenario.js';
import type { BenchSuite, BenchTable } from './suite.js';

const SIZES = [10, 100, 1000];
const PRESETS = ['default', 'scholz2011-code', 'scholz2011-paper'];
const TARGET_MS = 100;
const TARGET_RUNS_PER_S = 5_000;

function run(scenario: Scenario, preset: string, rounds: number) {
  return eumModel.run(scenario, eumModel.optionsSchema.parse({ ...eumModel.presets[preset]!.options, rounds }));
}

/** Milliseconds per round: the best of a few repetitions of a `rounds`-round run (other jobs only slow a run down). */
function msPerRound(scenario: Scenario, preset: string, rounds: number, repetitions: number): number {
  let best = Infinity;
  for (let k = 0; k < repetitions; k++) {
    const start = performance.now();
    run(scenario, preset, rounds);
    best = Math.min(best, (performance.now() - start) / rounds);
  }
  return best;
}

/** The reference's ms per round (best of `repetitions`) and its largest position difference from the engine. */
function referenceCheck(scenario: Scenario, rounds: number, repetitions: number): { ms: number; maxDifference: number } {
  const people = participants(scenario, 'issue');
  const actors = { positions: people.map((p) => p.position), capability: people.map((p) => p.capability), salience: people.map((p) => p.salience) };
  let ms = Infinity;
  let expected: number[] = [];
  for (let k = 0; k < repetitions; k++) {
    const start = performance.now();
    expected = referenceDefaultRounds(actors, rounds);
    ms = Math.min(ms, (performance.now() - start) / rounds);
  }
  const actual = run(scenario, 'default', rounds).issues[0]!.rounds[rounds]!.positions;
  const maxDifference = Math.max(...people.map((p, index) => Math.abs(actual[p.id]! - expected[index]!)));
  return { ms, maxDifference };
}

/**
 * Full `runModel('eum', example, { preset })` calls per second: 1 s of warm-up (JIT), then the best of
 * 5 blocks of ~0.4 s.
 */
function runsPerSecond(example: Scenario, preset: string): number {
  const once = () => runModel('eum', example, { preset });
  for (const start = performance.now(); performance.now() - start < 1000; ) for (let k = 0; k < 50; k++) once();
  let best = 0;
  for (let block = 0; block < 5; block++) {
    const start = performance.now();
    let runs = 0;
    while (performance.now() - start < 400) {
      for (let k = 0; k < 50; k++) once();
      runs += 50;
    }
    best = Math.max(best, runs / ((performance.now() - start) / 1000));
  }
  return best;
}

function agreement(maxDifference: number): string {
  return maxDifference <= 1e-9 * 100 ? `yes (max Δx ${maxDifference.toExponential(1)})` : `NO (max Δx ${maxDifference})`;
}

export const eumSuite: BenchSuite = {
  name: 'eum',
  run(): BenchTable {
    const loadBefore = loadavg()[0]!;
    // Warm up the JIT on every preset and on the reference, small and large, before anything is timed.
    for (const preset of PRESETS) {
      for (let k = 0; k < 200; k++) run(randomScenario(10, k), preset, 5);
      run(randomScenario(200, 1), preset, 3);
    }
    for (let k = 0; k < 20; k++) referenceCheck(randomScenario(30, k), 2, 1);
    const rows: string[][] = [];
    const notes: string[] = [];

    const example = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' }).scenario;
    const issueRounds = 10 * example.issues.length;
    for (const preset of PRESETS) {
      const perSecond = runsPerSecond(example, preset);
      rows.push(['7 (worked example, 2 issues)', preset, (1000 / perSecond / issueRounds).toFixed(4), Math.round(perSecond).toString(), '—', '—', '—']);
      if (preset === 'default')
        notes.push(
          `worked example, default preset: ${Math.round(perSecond)} full runs/s on one thread (${Math.round(1e6 / perSecond)} µs per run of 10 rounds × 2 issues; target ≥ ${TARGET_RUNS_PER_S}): ${perSecond >= TARGET_RUNS_PER_S ? 'met' : 'NOT met'}`,
        );
    }

    for (const n of SIZES) {
      const scenario = randomScenario(n, 20240101 + n);
      const rounds = n >= 1000 ? 3 : n >= 100 ? 10 : 50;
      const repetitions = n >= 1000 ? 3 : n >= 100 ? 10 : 100;
      const referenceRounds = n >= 1000 ? 1 : 3;
      const reference = referenceCheck(scenario, referenceRounds, n >= 1000 ? 1 : n >= 100 ? 3 : 100);
      for (const preset of PRESETS) {
        const ms = msPerRound(scenario, preset, rounds, repetitions);
        const isDefault = preset === 'default';
        rows.push([
          String(n),
          preset,
          ms.toFixed(n >= 1000 ? 1 : 4),
          '—',
          isDefault ? reference.ms.toFixed(n >= 1000 ? 1 : 4) : '—',
          isDefault ? `${(reference.ms / ms).toFixed(1)}×` : '—',
          isDefault ? agreement(reference.maxDifference) : '—',
        ]);
        if (isDefault && n === 1000) notes.push(`default preset, n = 1000: ${ms.toFixed(1)} ms per round (target < ${TARGET_MS} ms): ${ms < TARGET_MS ? 'met' : 'NOT met'}`);
      }
    }
    notes.push(`Load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0]!.toFixed(2)} (2 cores; other jobs slow every number here).`);
    notes.push('Random scenarios: positions uniform on 0–100 (all distinct), capability 1–100, salience 0.1–1; seed 20240101 + n; dyads off.');
    notes.push(
      'ms / round: best of 100 / 10 / 3 runs of 50 / 10 / 3 rounds (n = 10 / 100 / 1000); for the worked example, a full run divided by 10 rounds × 2 issues. runs / s: full runModel calls (options resolved by zod each time), best of 5 blocks.',
    );
    notes.push('The reference (warmed up like the engine) plays 3 rounds, best of 100 / 3 runs (1 round, once, at n = 1000); agreement compares positions after them.');
    return {
      title: 'EUM: time per round, and full runs per second on the worked example',
      columns: ['n', 'preset', 'ms / round', 'runs / s (one thread)', 'O(n³) reference ms / round', 'speed-up', 'reference agrees'],
      rows,
      notes,
    };
  },
};
