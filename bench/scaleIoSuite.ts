/**
 * Scale, the rest of issue 16's benchmark, as two suites (`smp-memory`, `start-up`) (items 4 and 6; items 1–3 are the `scale` suite, item 5 the
 * `sweep-process` suite): the SMP at 200 / 400 / 800 actors, time per turn and peak RSS after 5 and 50
 * turns, each run in a child process of its own (bench/scaleIoChild.ts); and the CLI's start-up, side by
 * side in one run: `node dist/src/cli/main.js`, the bin by its shebang and `npx parley` on the same
 * command, the YAML forecast with the KTAB XML reader pre-loaded as it was before readers loaded lazily,
 * and which packages the YAML forecast loads. Each target is a row with "met" or "not met".
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { loadedModules, packagesOf } from '../tests/support/loadedModules.js';
import { fromRepo, repoRoot } from '../tests/support/paths.js';
import type { BenchSuite, BenchTable } from './suite.js';

const verdict = (met: boolean) => (met ? 'met' : 'not met');

/**
 * SMP sizes and the run lengths whose peak RSS is compared (issue 16 item 4: flat in the number of turns).
 * A turn costs about n³ (0.3 s at 200 actors, ~3 s at 400, ~25 s at 800 on this machine unloaded), so by
 * default 50 turns are run at 200 actors only, 20 at 400 and 2 at 800 (time per turn and RSS only);
 * PARLEY_BENCH_SMP_FULL=1 runs 5 and 50 turns at every size (about an hour).
 */
const SMP_FULL = process.env['PARLEY_BENCH_SMP_FULL'] === '1';
const SMP_RUNS: Array<{ n: number; turns: number[] }> = SMP_FULL
  ? [200, 400, 800].map((n) => ({ n, turns: [5, 50] }))
  : [
      { n: 200, turns: [5, 50] },
      { n: 400, turns: [5, 20] },
      { n: 800, turns: [2] },
    ];
/**
 * "Flat": the longer run's peak RSS within this factor of the shorter's. Each turn's record (O(n): its
 * bargains, choices, positions and probabilities) stays in the forecast, so the forecast itself grows
 * with the turns; the n × n work of a turn must not (src/models/smp/workspace.ts).
 */
const FLAT = 1.5;

function smpChild(n: number, turns: number): { seconds: number; cpuSeconds: number; turns: number; peakRssMb: number } {
  const result = spawnSync(process.execPath, [fromRepo('dist', 'bench', 'scaleIoChild.js'), JSON.stringify({ n, turns })], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bench/scaleIoChild failed (n = ${n}, ${turns} turns): ${result.stderr}`);
  return JSON.parse(result.stdout) as { seconds: number; cpuSeconds: number; turns: number; peakRssMb: number };
}

function smpRows(): string[][] {
  return SMP_RUNS.map(({ n, turns }) => {
    const runs = turns.map((count) => smpChild(n, count));
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    const compared = runs.length > 1;
    const ratio = last.peakRssMb / first.peakRssMb;
    return [
      `SMP, ${n} actors (2 dimensions)`,
      `${(last.seconds / last.turns).toFixed(2)} (${last.turns} turns; CPU ${(last.cpuSeconds / last.turns).toFixed(2)})`,
      runs.map((run) => `${run.peakRssMb.toFixed(0)} (${run.turns} turns)`).join(', ') + (compared ? `; ratio ${ratio.toFixed(2)}×` : ''),
      compared ? `peak RSS flat in turns (${last.turns} turns ≤ ${FLAT}× ${first.turns} turns)` : '',
      compared ? `${verdict(ratio <= FLAT)} (${ratio.toFixed(2)}×)` : '',
    ];
  });
}

const main = fromRepo('dist', 'src', 'cli', 'main.js');
const example = 'examples/backchannel-2024.yaml';
/** A YAML forecast that is mostly start-up: the mean model, no answer. */
const quickForecast = ['forecast', example, '--model', 'mean', '--no-answer'];

/** Ways to start the same command, timed in turns (one call of each per round) so that load changes hit all alike. */
const starts: Array<{ name: string; argv: (args: string[]) => [string, string[]] }> = [
  { name: 'node dist/src/cli/main.js', argv: (args) => [process.execPath, [main, ...args]] },
  {
    name: 'node dist/src/cli/main.js, with the KTAB XML reader loaded first (as before: readers loaded eagerly)',
    argv: (args) => [process.execPath, ['--import', pathToFileURL(fromRepo('dist', 'src', 'scenario', 'ktab', 'index.js')).href, main, ...args]],
  },
  // The package's bin (its shebang runs node), as ./node_modules/.bin/parley runs it where Parley is a dependency.
  { name: './dist/src/cli/main.js (the bin, by its shebang)', argv: (args) => [main, args] },
  { name: 'npx parley', argv: (args) => ['npx', ['--no-install', 'parley', ...args]] },
];

function wallSeconds(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.toString()}`);
  return (performance.now() - start) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function startUpRows(): string[][] {
  const rounds = 9;
  const times = starts.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) starts.forEach((start, index) => times[index]!.push(wallSeconds(...start.argv(quickForecast))));
  const medians = times.map(median);
  const fastest = times.map((values) => Math.min(...values));
  const direct = medians[0]!;
  const ratio = (index: number) => `${(medians[index]! / direct).toFixed(2)}× (${medians[index]! >= direct ? '+' : '−'}${Math.abs(medians[index]! - direct).toFixed(3)} s); fastest ${(fastest[index]! / fastest[0]!).toFixed(2)}×`;
  const rows = starts.map((start, index) => [`${start.name} ${quickForecast.join(' ')}`, `${medians[index]!.toFixed(3)} (fastest ${fastest[index]!.toFixed(3)})`, index === 0 ? '1.00×' : ratio(index), '', '']);
  const full = median([0, 1, 2].map(() => wallSeconds(process.execPath, [main, 'forecast', example])));
  rows.push([`node dist/src/cli/main.js forecast ${example} (with the answer's 1,000-run sweep)`, full.toFixed(3), '', '', '']);
  const { modules } = loadedModules([main, ...quickForecast], repoRoot);
  const packages = packagesOf(modules);
  const unwanted = packages.filter((name) => ['fast-xml-parser', 'compromise', 'chrono-node', 'sentence-splitter', 'world-countries', 'better-sqlite3'].includes(name));
  rows.push([
    `modules loaded by ${quickForecast.join(' ')}`,
    '',
    `${modules.length} modules; packages: ${packages.join(', ')}`,
    'no XML parser, NLP library or SQLite for a YAML forecast',
    verdict(unwanted.length === 0),
  ]);
  return rows;
}

export const smpMemorySuite: BenchSuite = {
  name: 'smp-memory',
  run: (): BenchTable => ({
    title: 'Scale: the SMP forgets past matrices (time per turn, peak RSS after 5 and 50 turns, each run in its own process)',
    columns: ['what', 's per turn', 'peak RSS MB', 'target', 'verdict'],
    rows: smpRows(),
    notes: ['Random 2-dimension scenarios of bench/smp.ts (seed 20170530), default options, stopping rule off. Each turn keeps its record (bargains, choices, probabilities) in the forecast.', SMP_FULL ? 'PARLEY_BENCH_SMP_FULL=1: 5 and 50 turns at every size.' : 'Default lengths (5/50 turns at 200, 5/20 at 400, 2 at 800) keep the suite to minutes; PARLEY_BENCH_SMP_FULL=1 runs 5 and 50 turns at every size.'],
  }),
};

export const startUpSuite: BenchSuite = {
  name: 'start-up',
  run: (): BenchTable => ({
    title: 'CLI start-up: the same command started directly, through the bin link and through npx (medians of 9, interleaved)',
    columns: ['command', 'median s', 'vs direct (medians; fastest runs)', 'target', 'verdict'],
    rows: startUpRows(),
    notes: ['Wall time of the whole process (Node start-up, module loading, reading the YAML, the mean model, the table). The XML-reader row adds, with --import, what every call used to load.'],
  }),
};
