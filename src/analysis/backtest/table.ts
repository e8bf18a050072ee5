/** The backtest as plain-text tables for the terminal: one row per predictor, intervals in brackets. */
import type { Interval } from './bootstrap.js';
import type { BacktestResult } from './backtest.js';

const fixed = (value: number, decimals: number): string => {
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/u.test(text) ? text.slice(1) : text;
};
const signed = (value: number): string => (value > 0 ? `+${fixed(value, 2)}` : fixed(value, 2));
const interval = (value: Interval, format: (value: number) => string = (number) => fixed(number, 2)): string =>
  `${format(value.value)} [${format(value.low)}, ${format(value.high)}]`;
const percent = (value: number): string => `${fixed(100 * value, 0)}%`;

function render(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

export function backtestTable(result: BacktestResult, context: { dataset: string; capability: string; subset: string }): string {
  const lines: string[] = [
    `${context.dataset}: ${result.issues} scoreable issues in ${result.proposals} proposals · capability ${context.capability} · subset ${context.subset}`,
    `95% percentile intervals from ${result.bootstrap.replicates} bootstrap replicates resampling proposals (seed ${result.bootstrap.seed}); errors on the 0–100 scale.`,
    `ΔMAE: mean over issues of |error| − |error of ${result.compromise}| (negative = better than the compromise model).`,
    '',
    ...render(
      ['predictor', 'kind', 'MAE [95% CI]', 'RMSE [95% CI]', 'MedAE [95% CI]', '≤10 pts [95% CI]', `ΔMAE [95% CI]`, 'fallbacks'],
      result.rows.map((row) => [
        row.id,
        row.kind,
        interval(row.metrics.mae),
        interval(row.metrics.rmse),
        interval(row.metrics.medianAbsoluteError),
        interval(row.metrics.within10, percent),
        interval(row.maeDifference, signed),
        row.fallbacks > 0 ? String(row.fallbacks) : '',
      ]),
    ),
    '',
    'MAE by group [95% CI]:',
    ...render(
      ['predictor', ...result.breakdowns.map((group) => `${group.group} (n=${group.issues})`)],
      result.rows.map((row, index) => [row.id, ...result.breakdowns.map((group) => interval(group.rows[index]!.mae, (value) => fixed(value, 1)))]),
    ),
  ];
  const cv = result.crossValidation;
  lines.push(
    '',
    `Fitted method (${cv.method} of ${cv.components.join(', ')}), ${cv.folds}-fold cross-validation by proposal, seed ${cv.seed}:`,
    `  out-of-sample MAE ${interval(cv.mae)} vs ${result.compromise} ${interval(cv.compromiseMae)}; ΔMAE ${interval(cv.maeDifference, signed)}.`,
    `  ${cv.significantlyLower ? 'It beats the compromise model out of sample (the whole interval is below 0).' : cv.lowerThanCompromise ? 'Its error is lower than the compromise model’s, but the interval includes 0: not a demonstrated improvement.' : 'It does not beat the compromise model out of sample.'}`,
    `  weights fitted on all issues (descriptive only): ${cv.fullSampleWeights.map((weight) => fixed(weight, 1)).join(', ')}`,
  );
  for (const skip of result.skipped) lines.push(`skipped ${skip.id}: ${skip.reason}`);
  for (const { note, issues } of result.notes) lines.push(`note (${issues} issue${issues === 1 ? '' : 's'}): ${note}`);
  return `${lines.join('\n')}\n`;
}
