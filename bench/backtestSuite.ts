/**
 * Backtest speed: the full DEU III backtest (351 issues × every registered model and preset, EUM at
 * its default 10 rounds, 1000 bootstrap replicates, 10-fold CV) against the 10 s target, plus the
 * time each model run takes over the 351 issues, so a slow model is visible.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { allModelRuns, modelForecasts, runBacktest } from '../src/analysis/backtest/backtest.js';
import { buildCases } from '../src/analysis/backtest/cases.js';
import { parseCapabilityRule } from '../src/analysis/backtest/capability.js';
import { deuFileNames, parseDeuDataset } from '../src/analysis/backtest/deu3.js';
import { fromRepo } from '../tests/support/paths.js';
import type { BenchSuite, BenchTable } from './suite.js';

const TARGET_S = 10;

export const backtestSuite: BenchSuite = {
  name: 'backtest',
  run(): BenchTable {
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const rule of ['equal', 'council-ssi']) {
      const start = performance.now();
      const read = (key: keyof typeof deuFileNames) => ({ name: deuFileNames[key], text: readFileSync(fromRepo('data', 'deu3', deuFileNames[key]), 'utf8') });
      const dataset = parseDeuDataset({ issues: read('issues'), positions: read('positions'), councilWeights: read('councilWeights'), populations: read('populations') });
      const cases = buildCases(dataset, parseCapabilityRule(rule));
      const result = runBacktest(cases, { replicates: 1000, seed: 1, folds: 10 });
      const seconds = (performance.now() - start) / 1000;
      rows.push([
        `full backtest, capability ${rule}`,
        String(cases.length),
        String(result.rows.length),
        seconds.toFixed(2),
        seconds < TARGET_S ? `yes (< ${TARGET_S} s)` : `NO (target ${TARGET_S} s)`,
      ]);
      for (const skip of result.skipped) notes.push(`${rule}: skipped ${skip.id}: ${skip.reason}`);
      if (rule === 'equal') {
        for (const run of allModelRuns()) {
          const runStart = performance.now();
          const forecasts = modelForecasts(cases, run);
          const runSeconds = (performance.now() - runStart) / 1000;
          rows.push([`  ${run.model}:${run.preset} alone`, String(cases.length), '1', runSeconds.toFixed(2), Array.isArray(forecasts) ? '' : 'failed']);
        }
      }
    }
    notes.push('Each full run reads and parses the data, builds the 351 scenarios, runs every model and preset, 1000 cluster-bootstrap replicates and 10-fold CV.');
    return { title: 'Backtest on DEU III (351 issues)', columns: ['run', 'issues', 'predictors', 'seconds', 'under target'], rows, notes };
  },
};
