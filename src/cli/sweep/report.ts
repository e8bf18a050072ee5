/**
 * How `parley sweep` and `parley merge` print a SweepResult: a readable report (distribution and
 * sensitivity ranking per issue), the JSON itself, or a tidy CSV (issue,statistic,key,value).
 */
import { decimalsForScale, formatFixed, formatSignificant } from '../../analysis/formatNumber.js';
import type { IssueSummary, NoiseSpec, ShockSpec, SweepResult } from '../../analysis/sweep/index.js';
import type { Scenario } from '../../scenario/schema.js';
import { alignTable } from '../forecast/table.js';

/** How many estimates the readable report ranks per issue (the JSON and CSV have them all). */
const RANKED_IN_REPORT = 10;

export function sweepJson(result: SweepResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function sweepReport(result: SweepResult, scenario: Scenario): string {
  const lines = [
    `${result.scenario.title}${result.scenario.asOf ? ` (as of ${result.scenario.asOf})` : ''}`,
    `sweep: model ${result.model} (preset ${result.preset}), ${result.completedRuns} of ${result.runs} runs, seed ${result.seed}, inputs ${result.inputsHash}`,
    `noise: ${result.noise.length > 0 ? result.noise.map(describeNoise).join('; ') : 'none'}`,
  ];
  if (result.shocks.length > 0) lines.push(`shocks: ${result.shocks.map(describeShock).join('; ')}`);
  for (const summary of result.issues) {
    const issue = scenario.issues.find((candidate) => candidate.id === summary.issue)!;
    lines.push('', `${issue.id}${issue.name ? ` — ${issue.name}` : ''}`, `  scale: ${issue.scale.min}${issue.scale.minLabel ? ` = ${issue.scale.minLabel}` : ''} … ${issue.scale.max}${issue.scale.maxLabel ? ` = ${issue.scale.maxLabel}` : ''}`, ...issueReport(summary));
  }
  if (result.notes.length > 0) lines.push('', ...result.notes.map((note) => `note: ${note}`));
  return `${lines.join('\n')}\n`;
}

function issueReport(summary: IssueSummary): string[] {
  const decimals = decimalsForScale(summary.scale);
  const number = (value: number): string => formatFixed(value, decimals);
  const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
  const q = summary.quantiles;
  const lines = [
    `  baseline ${number(summary.baseline)}   mean ${number(summary.mean)} ± ${number(summary.standardDeviation)} (sd)   range ${number(summary.min)} … ${number(summary.max)}`,
    `  quantiles  5%: ${number(q.p5)}  25%: ${number(q.p25)}  50%: ${number(q.p50)}  75%: ${number(q.p75)}  95%: ${number(q.p95)}`,
    `  histogram  ${number(summary.histogram.min)} ${sparkline(summary.histogram.counts)} ${number(summary.histogram.max)}`,
  ];
  for (const threshold of summary.thresholds)
    lines.push(`  P(outcome > ${number(threshold.value)}) = ${percent(threshold.above)}   P(outcome < ${number(threshold.value)}) = ${percent(threshold.below)}`);
  lines.push(`  moved in: ${Object.entries(summary.moved).map(([actor, share]) => `${actor} ${percent(share)}`).join(', ')} of runs`);
  if (summary.sensitivity.length > 0) {
    lines.push('', `  what moves the forecast most (one at a time, each estimate from its 5th to its 95th percentile):`);
    const rows = summary.sensitivity.slice(0, RANKED_IN_REPORT).map((entry, rank) => [
      `${String(rank + 1).padStart(2)}. ${entry.input}`,
      `${formatSignificant(entry.low, 4)} → ${formatSignificant(entry.high, 4)}`,
      `${number(entry.outcomeLow)} → ${number(entry.outcomeHigh)}`,
      number(entry.swing),
      entry.firstOrder === null ? '–' : entry.firstOrder.toFixed(2),
    ]);
    lines.push(...alignTable([['estimate', 'from → to', 'outcome', 'swing', 'first-order'], ...rows]).map((line) => `    ${line}`));
    if (summary.sensitivity.length > RANKED_IN_REPORT) lines.push(`    … ${summary.sensitivity.length - RANKED_IN_REPORT} more in --json or --csv`);
  }
  return lines;
}

const blocks = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A one-line histogram; an empty bin prints as a space so gaps stay visible. */
export function sparkline(counts: readonly number[]): string {
  const most = Math.max(...counts);
  return counts.map((count) => (count === 0 || most === 0 ? ' ' : blocks[Math.min(7, Math.floor((count / most) * 7.999))])).join('');
}

function describeNoise(spec: NoiseSpec): string {
  const target = [spec.actor ?? (spec.issue !== undefined ? '*' : undefined), spec.issue, spec.field].filter((part) => part !== undefined).join('.');
  const size = spec.relative ? `${+(spec.size * 100).toPrecision(6)}%${spec.field === 'position' ? ' of the scale' : ''}` : String(spec.size);
  return `${target} ${spec.distribution} ${size}`;
}

function describeShock(shock: ShockSpec): string {
  if (shock.kind === 'drop') return `drop ${shock.actor}`;
  if (shock.kind === 'close') return `close ${shock.actors.join('–')}`;
  return `${[shock.actor, shock.issue, shock.field].filter((part) => part !== undefined).join('.')} = ${shock.value} from round ${shock.fromRound}`;
}

/** Tidy CSV: one row per number, `issue,statistic,key,value`. */
export function sweepCsv(result: SweepResult): string {
  const rows: Array<[string, string, string, number]> = [];
  for (const summary of result.issues) {
    const add = (statistic: string, key: string, value: number): void => void rows.push([summary.issue, statistic, key, value]);
    add('baseline', '', summary.baseline);
    add('mean', '', summary.mean);
    add('sd', '', summary.standardDeviation);
    add('min', '', summary.min);
    add('max', '', summary.max);
    for (const [key, value] of Object.entries(summary.quantiles)) add('quantile', key, value);
    const { min, max, counts } = summary.histogram;
    counts.forEach((count, bin) => add('histogram', `${min + (bin * (max - min)) / counts.length}`, count));
    for (const threshold of summary.thresholds) {
      add('above', String(threshold.value), threshold.above);
      add('below', String(threshold.value), threshold.below);
    }
    for (const [actor, share] of Object.entries(summary.moved)) add('moved', actor, share);
    for (const entry of summary.sensitivity) {
      add('swing', entry.input, entry.swing);
      if (entry.firstOrder !== null) add('first-order', entry.input, entry.firstOrder);
    }
  }
  return `issue,statistic,key,value\n${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}
