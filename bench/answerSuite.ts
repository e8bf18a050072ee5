/**
 * The answer's cost (issue 9): the seeded sweeps behind `parley forecast`'s answer (the predictor's
 * 1,000 runs and 400 runs of each other swept model) on the worked example and on a random 50-actor
 * scenario, alone and with the forecasts it summarises (every registered model). One thread; the
 * best of three runs after one warm-up. Target: the worked example's full answer < 0.5 s.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { answerRuns, computeAnswer } from '../src/analysis/answer/answer.js';
import { models, runModel } from '../src/models/registry.js';
import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/schema.js';
import { fromRepo } from '../tests/support/paths.js';
import { randomScenario } from './randomScenario.js';
import type { BenchSuite, BenchTable } from './suite.js';

function bestOf<T>(count: number, work: () => T): number {
  work();
  let best = Infinity;
  for (let k = 0; k < count; k++) {
    const start = performance.now();
    work();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

function answerTimes(scenario: Scenario): { answer: number; full: number; sweptRuns: number } {
  const forecasts = () => models.map((model) => runModel(model.id, scenario));
  const made = forecasts();
  const swept = made.filter((forecast) => forecast.model !== 'smp').length - 1;
  return {
    answer: bestOf(3, () => computeAnswer({ scenario, forecasts: made })),
    full: bestOf(3, () => computeAnswer({ scenario, forecasts: forecasts() })),
    sweptRuns: answerRuns.predictor + swept * answerRuns.model,
  };
}

export const answerSuite: BenchSuite = {
  name: 'answer',
  run(): BenchTable {
    const worked = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' }).scenario;
    const rows: string[][] = [];
    for (const [label, scenario, target] of [
      ['worked example (7 actors, 2 issues)', worked, 0.5],
      ['random 50 actors, 1 issue', randomScenario(50, 12), undefined],
    ] as const) {
      const { answer, full, sweptRuns } = answerTimes(scenario);
      rows.push([label, `${sweptRuns} runs`, `${answer.toFixed(3)} s`, `${full.toFixed(3)} s`, target === undefined ? '—' : `< ${target} s ${full < target ? '✓' : '✗'}`]);
    }
    return {
      title: 'The answer (seeded sweeps of the predictor and the models)',
      columns: ['scenario', 'sweep size', 'answer alone', 'forecasts + answer', 'target'],
      rows,
      notes: ['SMP is not swept by the answer (about 4 ms a run on the worked example); its forecast is in "forecasts + answer".'],
    };
  },
};
