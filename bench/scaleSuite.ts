/**
 * Scale (issue 16): each measurement in a child process of its own (bench/scaleChild.ts), so that its
 * peak RSS is its own. One EUM round per preset at n = 1,000 / 3,000 / 10,000 (random actors,
 * bench/randomScenario.ts); `parley forecast --dyads --json` at n = 1,000 × 10 rounds (time, peak RSS,
 * bytes written, or the refusal); `parley explain` at n = 1,000 (10 rounds, --round 10). Each target is
 * a row with "met" or "not met". The machine is shared: seconds are wall time under whatever load it has.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRepo } from '../tests/support/paths.js';
import type { BenchSuite, BenchTable } from './suite.js';

interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  bytes?: number;
  exitCode?: number;
}

function child(job: object): Measured {
  const result = spawnSync(process.execPath, [fromRepo('dist', 'bench', 'scaleChild.js'), JSON.stringify(job)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`bench/scaleChild failed (${JSON.stringify(job)}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Measured;
}

/** Targets (issue 16): preset and n → seconds and MB. */
const roundTargets: Record<string, { seconds: number; mb: number }> = { default: { seconds: 2, mb: 200 }, 'scholz2011-code': { seconds: 4, mb: 600 } };

const verdict = (met: boolean) => (met ? 'met' : 'not met');

export const scaleSuite: BenchSuite = {
  name: 'scale',
  run(): BenchTable {
    const rows: string[][] = [];
    for (const preset of ['default', 'scholz2011-code', 'scholz2011-paper'])
      for (const n of [1_000, 3_000, 10_000]) {
        const measured = child({ kind: 'round', preset, n });
        const target = n === 10_000 ? roundTargets[preset] : undefined;
        rows.push([
          `EUM ${preset}, one round`,
          n.toLocaleString('en'),
          measured.seconds.toFixed(2),
          measured.cpuSeconds.toFixed(2),
          measured.peakRssMb.toFixed(0),
          '',
          target ? `< ${target.seconds} s, < ${target.mb} MB` : '',
          target ? `${verdict(measured.seconds < target.seconds)} (time), ${verdict(measured.peakRssMb < target.mb)} (memory)` : '',
        ]);
      }
    const folder = mkdtempSync(join(tmpdir(), 'parley-bench-scale-'));
    try {
      const file = join(folder, 'random-1000.yaml');
      // --no-answer: the dyads' cost alone (the answer's 1,000-run sweep at n = 1,000 is not about dyads).
      const dyads = child({ kind: 'cli', n: 1_000, file, args: ['forecast', file, '--model', 'eum', '--dyads', '--rounds', '10', '--json', '--no-answer'] });
      const refused = dyads.exitCode === 2;
      rows.push(['forecast --dyads --json --no-answer, 10 rounds', '1,000', dyads.seconds.toFixed(2), dyads.cpuSeconds.toFixed(2), dyads.peakRssMb.toFixed(0), refused ? 'refused (exit 2)' : `${((dyads.bytes ?? 0) / 1e6).toFixed(0)} MB`, 'written (columnar dyads, streamed JSON), never an internal error', verdict(dyads.exitCode === 0)]);
      const one = child({ kind: 'cli', n: 1_000, file, args: ['forecast', file, '--model', 'eum', '--dyads', '--rounds', '1', '--json', '--no-answer'] });
      rows.push(['forecast --dyads --json --no-answer, 1 round', '1,000', one.seconds.toFixed(2), one.cpuSeconds.toFixed(2), one.peakRssMb.toFixed(0), `${((one.bytes ?? 0) / 1e6).toFixed(0)} MB`, '', one.exitCode === 0 ? '' : `exit ${one.exitCode}`]);
      const explain = child({ kind: 'cli', n: 1_000, file, args: ['explain', file, '--actor', 'a0', '--round', '10', '--rounds', '10'] });
      rows.push(['explain --actor a0 --round 10', '1,000', explain.seconds.toFixed(2), explain.cpuSeconds.toFixed(2), explain.peakRssMb.toFixed(0), `${((explain.bytes ?? 0) / 1e3).toFixed(0)} kB`, '< 2 s, < 300 MB', `${verdict(explain.exitCode === 0 && explain.seconds < 2)} (time), ${verdict(explain.peakRssMb < 300)} (memory)`]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    return {
      title: 'Scale: EUM rounds, --dyads and explain, each in its own process (time and peak RSS)',
      columns: ['what', 'n', 's', 'CPU s', 'peak RSS MB', 'written', 'target', 'verdict'],
      rows,
      notes: [
        'Seconds: the run (or the CLI call, in-process) only, not the process start or writing the random scenario; CPU s: the user + system time of the child during it (on the shared machine, the wall time also counts the other jobs); peak RSS: the whole child process (process.resourceUsage().maxRSS). The time targets are judged on the wall time.',
        'The machine is shared by several jobs: compare rows of one run, not runs of different days.',
      ],
    };
  },
};
