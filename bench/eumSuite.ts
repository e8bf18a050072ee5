/**
 * EUM speed: milliseconds per round for n = 10, 100, 1000 random actors under each preset (dyads off),
 * and the default preset against the O(n³) reference (bench/eumReference.ts), checking they agree.
 */
import { performance } from 'node:perf_hooks';
import { eumModel } from '../src/models/eum/eum.js';
import { participants } from '../src/scenario/views.js';
import type { Scenario } from '../src/scenario/schema.js';
import { referenceDefaultRounds } from './eumReference.js';
import { randomScenario } from './randomScenario.js';
import type { BenchSuite, BenchTable } from './suite.js';

const SIZES = [10, 100, 1000];
const PRESETS = ['default', 'scholz2011-code', 'scholz2011-paper'];
const TARGET_MS = 100;

function run(scenario: Scenario, preset: string, rounds: number) {
  return eumModel.run(scenario, eumModel.optionsSchema.parse({ ...eumModel.presets[preset]!.options, rounds }));
}

/** Milliseconds per round: the best of a few repetitions of a `rounds`-round run. */
function msPerRound(scenario: Scenario, preset: string, rounds: number, repetitions: number): number {
  let best = Infinity;
  for (let k = 0; k < repetitions; k++) {
    const start = performance.now();
    run(scenario, preset, rounds);
    best = Math.min(best, (performance.now() - start) / rounds);
  }
  return best;
}

function referenceCheck(scenario: Scenario, rounds: number): { ms: number; maxDifference: number } {
  const people = participants(scenario, 'issue');
  const start = performance.now();
  const expected = referenceDefaultRounds(
    { positions: people.map((p) => p.position), capability: people.map((p) => p.capability), salience: people.map((p) => p.salience) },
    rounds,
  );
  const ms = (performance.now() - start) / rounds;
  const actual = run(scenario, 'default', rounds).issues[0]!.rounds[rounds]!.positions;
  const maxDifference = Math.max(...people.map((p, index) => Math.abs(actual[p.id]! - expected[index]!)));
  return { ms, maxDifference };
}

export const eumSuite: BenchSuite = {
  name: 'eum',
  run(): BenchTable {
    run(randomScenario(200, 1), 'default', 3); // warm up the JIT
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const n of SIZES) {
      const scenario = randomScenario(n, 20240101 + n);
      const rounds = n >= 1000 ? 3 : n >= 100 ? 10 : 50;
      const repetitions = n >= 1000 ? 2 : 5;
      const referenceRounds = n >= 1000 ? 1 : 3;
      const reference = referenceCheck(scenario, referenceRounds);
      for (const preset of PRESETS) {
        const ms = msPerRound(scenario, preset, rounds, repetitions);
        const isDefault = preset === 'default';
        rows.push([
          String(n),
          preset,
          ms.toFixed(3),
          isDefault ? reference.ms.toFixed(3) : '—',
          isDefault ? `${(reference.ms / ms).toFixed(1)}×` : '—',
          isDefault ? (reference.maxDifference <= 1e-9 * 100 ? `yes (max Δx ${reference.maxDifference.toExponential(1)})` : `NO (max Δx ${reference.maxDifference})`) : '—',
        ]);
        if (isDefault && n === 1000) notes.push(`default preset, n = 1000: ${ms.toFixed(1)} ms per round (target < ${TARGET_MS} ms): ${ms < TARGET_MS ? 'met' : 'NOT met'}`);
      }
    }
    notes.push('Random scenarios: positions uniform on 0–100 (all distinct), capability 1–100, salience 0.1–1; seed 20240101 + n; dyads off.');
    notes.push('ms per round: best of several runs of 50 / 10 / 3 rounds (n = 10 / 100 / 1000). The reference plays 3 rounds (1 at n = 1000); agreement compares positions after them.');
    return {
      title: 'EUM: time per round',
      columns: ['n', 'preset', 'ms / round', 'O(n³) reference ms / round', 'speed-up', 'reference agrees'],
      rows,
      notes,
    };
  },
};
