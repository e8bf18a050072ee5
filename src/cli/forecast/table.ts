/**
 * The human-readable forecast: per issue, its scale in its own words, every model's outcome, and for
 * iterative models (EUM) the median and mean round by round — with each actor's position when there
 * are few enough actors to fit a terminal.
 */
import { decimalsForScale, formatFixed, formatShort } from '../../analysis/formatNumber.js';
import type { Answer } from '../../analysis/answer/answer.js';
import { smpOutcomeText } from '../../analysis/answer/smpOutcome.js';
import { summarizeMoves } from '../../analysis/moves/moves.js';
import type { Forecast, IssueForecast } from '../../models/model.js';
import type { Issue, Scenario } from '../../scenario/schema.js';
import { actorNames } from '../../scenario/views.js';
import { answerLines, movesLines } from './answerTable.js';
import type { SkippedModel } from '../../analysis/forecastPlan.js';

/** What the table adds to the forecasts: the answer first, and who moves per iterative model. */
export interface TableExtras {
  answer?: Answer;
  moves?: boolean;
}

/** Above this many actors the round table shows only the median and the mean. */
const MAX_ACTOR_COLUMNS = 8;

export function forecastTable(scenario: Scenario, forecasts: readonly Forecast[], skipped: readonly SkippedModel[] = [], extras: TableExtras = {}): string {
  const lines: string[] = [`${scenario.title}${scenario.asOf ? ` (as of ${scenario.asOf})` : ''}`];
  if (extras.answer) lines.push('', ...answerLines(scenario, extras.answer));
  const names = extras.moves ? actorNames(scenario.actors) : undefined;
  for (const issue of scenario.issues) {
    lines.push('', ...issueSection(issue, forecasts, names));
  }
  const modelNotes = forecasts.flatMap((forecast) => forecast.notes.map((note) => `note (${forecast.model}): ${note}`));
  const skippedNotes = skipped.map((skip) => `skipped ${skip.model}: ${skip.reasons.join('; ')}`);
  if (modelNotes.length + skippedNotes.length > 0) lines.push('', ...modelNotes, ...skippedNotes);
  return `${lines.join('\n')}\n`;
}

function issueSection(issue: Issue, forecasts: readonly Forecast[], names: Record<string, string> | undefined): string[] {
  const decimals = decimalsForScale(issue.scale);
  const lines = [`${issue.id}${issue.name ? ` — ${issue.name}` : ''}`, ...scaleLines(issue, decimals).map((line) => `  ${line}`)];
  if (issue.statusQuo !== undefined) lines.push(`  status quo: ${formatFixed(issue.statusQuo, decimals)}`);
  const results = forecasts.flatMap((forecast) => {
    const result = forecast.issues.find((candidate) => candidate.issue === issue.id);
    return result ? [{ forecast, result }] : [];
  });
  lines.push('', ...indent(alignTable([['model', 'outcome'], ...results.map(({ forecast, result }) => [label(forecast), formatFixed(result.outcome, decimals)])])));
  for (const { forecast, result } of results) {
    if (result.leaves) lines.push(...leafBlocks(forecast, result, decimals));
    else if (result.rounds.length > 1) lines.push('', `  ${label(forecast)}, round by round:`, ...indent(roundTable(result, decimals)));
    if (result.stoppedEarly) lines.push(`  stopped early after round ${result.stoppedEarly.afterRound}: ${result.stoppedEarly.rule}`);
    if (names && result.mostProbable) lines.push(`  ${label(forecast)}: ${smpOutcomeText(result, decimals)}`);
    if (names && result.rounds.length > 1) lines.push(...movesLines(issue, label(forecast), summarizeMoves(result, (id) => names[id] ?? id), names));
    for (const note of result.notes) lines.push(`  note (${forecast.model}): ${note}`);
  }
  return lines;
}

/**
 * The scale in its own words, one end per line when the ends are labelled:
 *   scale: 0   = full territorial restoration
 *          100 = Russia's maximal terms
 */
export function scaleLines(issue: Issue, decimals: number): string[] {
  const low = formatShort(issue.scale.min, decimals);
  const high = formatShort(issue.scale.max, decimals);
  if (!issue.scale.minLabel && !issue.scale.maxLabel) return [`scale: ${low} to ${high}`];
  const width = Math.max(low.length, high.length);
  return [
    `scale: ${low.padEnd(width)} = ${issue.scale.minLabel ?? '(no label)'}`,
    `       ${high.padEnd(width)} = ${issue.scale.maxLabel ?? '(no label)'}`,
  ];
}

/** With branches (channels-spec §5.4): one block per leaf, then the mixture line. */
function leafBlocks(forecast: Forecast, result: IssueForecast, decimals: number): string[] {
  const lines: string[] = [];
  for (const leaf of result.leaves!) {
    const name = Object.entries(leaf.leaf).map(([branch, outcome]) => `${branch}=${outcome}`).join(', ');
    lines.push('', `  ${label(forecast)}, leaf ${name} (p = ${leaf.probability.toFixed(3)}): outcome ${formatFixed(leaf.outcome, decimals)}`);
    if (leaf.rounds.length > 1) lines.push(...indent(roundTable({ ...result, rounds: leaf.rounds }, decimals)));
  }
  const mixture = result.mixture!;
  lines.push('', `  ${label(forecast)}, mixture over ${result.leaves!.length} leaves: mean ${formatFixed(mixture.mean, decimals)}, median ${formatFixed(mixture.median, decimals)}`);
  return lines;
}

function roundTable(result: IssueForecast, decimals: number): string[] {
  // Actor ids as column heads: they are short by design and the scenario author chose them.
  const actors = Object.keys(result.rounds[0]?.positions ?? {});
  const showActors = actors.length <= MAX_ACTOR_COLUMNS;
  const header = ['round', 'median', 'mean', ...(showActors ? actors : [])];
  const rows = result.rounds.map((round) => [
    round.endDate === undefined ? String(round.round) : `${round.round} ${round.endDate}`,
    formatFixed(round.median, decimals),
    formatFixed(round.mean, decimals),
    ...(showActors ? actors.map((id) => formatPosition(round.positions[id], decimals)) : []),
  ]);
  const table = alignTable([header, ...rows]);
  if (!showActors) table.push(`(${actors.length} actors: use --json or --csv for every actor's position)`);
  return table;
}

function formatPosition(value: number | undefined, decimals: number): string {
  return value === undefined ? '' : formatFixed(value, decimals);
}

function label(forecast: Forecast): string {
  return forecast.preset !== undefined ? `${forecast.model} (${forecast.preset})` : forecast.model;
}

/** Left-aligns the first column and right-aligns the others (numbers), two spaces apart. */
export function alignTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}
