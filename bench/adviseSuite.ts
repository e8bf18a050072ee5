/**
 * Advice speed: candidates scored per second (each candidate is one model run on a changed scenario)
 * for EUM (default) and SMP at 7 actors (the worked example, talks) and 50 (a random one-issue
 * scenario), and the full `advise` over every lever with `--robust 200` on the worked example
 * (target, issue 12: < 5 s on this machine). One thread: the search runs in process.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { advise, type AdviseRequest } from '../src/analysis/advise/index.js';
import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/schema.js';
import { fromRepo } from '../tests/support/paths.js';
import { randomScenario } from './randomScenario.js';
import type { BenchSuite, BenchTable } from './suite.js';

function timed(scenario: Scenario, request: AdviseRequest): { seconds: number; runs: number } {
  const start = performance.now();
  const advice = advise(scenario, request);
  return { seconds: (performance.now() - start) / 1000, runs: advice.evaluations };
}

export const adviseSuite: BenchSuite = {
  name: 'advise',
  run(): BenchTable {
    const worked = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' }).scenario;
    const large = randomScenario(50, 12);
    const rows: string[][] = [];
    for (const model of ['eum', 'smp']) {
      for (const [label, scenario, actor, issue] of [
        ['7 actors (worked example, talks)', worked, 'us', 'talks'],
        ['50 actors (random)', large, 'a0', 'issue'],
      ] as const) {
        const levers = scenario === large ? (['position', 'salience', 'capability'] as const) : undefined;
        const { seconds, runs } = timed(scenario, { actor, issue, goal: { kind: 'toward', value: 50 }, model, steps: 10, ...(levers ? { levers } : {}) });
        rows.push([`${model}, ${label}`, `${Math.round(runs / seconds).toLocaleString('en')} candidates/s (${runs} in ${seconds.toFixed(2)} s)`, '—']);
      }
    }
    const full = timed(worked, { actor: 'us', issue: 'talks', goal: { kind: 'toward', value: 50 }, robust: 200, seed: 1 });
    rows.push(['full advise, every lever, --robust 200 (worked example, EUM)', `${full.seconds.toFixed(2)} s (${full.runs} model runs)`, full.seconds < 5 ? '< 5 s ✓' : '< 5 s ✗']);
    return { title: 'Advice (lever search)', columns: ['what', 'measured', 'target'], rows };
  },
};
