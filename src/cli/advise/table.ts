/** The advice as a plain-text report: flip points per lever, the best combination, the Pareto front, why. */
import { channelChange, channelState, type Advice, type CandidateReport, type MoveReport } from '../../analysis/advise/index.js';
import { decimalsForScale, formatShort } from '../../analysis/formatNumber.js';
import type { Scenario } from '../../scenario/schema.js';
import { actorNames, findIssue } from '../../scenario/views.js';

export function adviceTable(scenario: Scenario, advice: Advice): string {
  const issue = findIssue(scenario, advice.issue);
  const names = actorNames(scenario.actors);
  const decimals = decimalsForScale(issue.scale);
  const number = (x: number): string => formatShort(x, decimals);
  const name = (id: string): string => names[id] ?? id;
  const goal =
    advice.goal.kind === 'flip'
      ? `make ${name(advice.goal.other)} move toward ${name(advice.actor)} (today it concedes ${number(advice.baseline.concession ?? 0)})`
      : `move the forecast ${advice.goal.kind} ${number(advice.goal.value)} (today ${number(advice.baseline.outcome)})`;
  const lines = [
    `Advice for ${name(advice.actor)} on ${issue.name ?? issue.id} (model ${advice.model}, preset ${advice.preset})`,
    `Goal: ${goal}${advice.budget === null ? '' : `; budget ${number(advice.budget)}`}`,
    '',
    'Flip points: the smallest change per lever that reaches the goal',
  ];
  const robust = advice.levers.some((lever) => lever.flipPoint?.robustness) || advice.best?.robustness !== undefined;
  const rows = advice.levers.map((lever) => {
    const flip = lever.flipPoint;
    const label = leverLabel(lever, name);
    const today = lever.kind === 'channel' ? channelState(lever, lever.current) : number(lever.current);
    if (!flip) return [label, today, 'not within range', '', '', ''];
    const move = flip.moves[0]!;
    return [label, today, moveValue(move, number), number(flip.cost), number(flip.outcome), robust ? robustText(flip) : ''];
  });
  lines.push(...grid([['lever', 'today', 'flip at', 'cost', 'forecast', robust ? 'works in' : ''], ...rows]));
  const units = [...new Set(advice.levers.map((lever) => `${lever.kind === 'channel' ? 'channel' : lever.field}: ${lever.unit}`))];
  lines.push(`Costs: ${units.join('; ')}.`);
  if (advice.best) {
    lines.push('', `Best within the budget (gain ${number(advice.best.gain)}, cost ${number(advice.best.cost)}${advice.best.robustness ? `, ${robustText(advice.best)}` : ''}):`);
    lines.push(...(advice.best.explanation ?? []).map((sentence) => `  ${sentence}`));
  } else lines.push('', 'No change within the budget improves on today.');
  if (advice.pareto.length > 0) {
    lines.push('', 'Pareto front (cost → gain): ' + advice.pareto.map((point) => `${number(point.cost)} → ${number(point.gain)}`).join(', '));
  }
  const explained = advice.levers.filter((lever) => lever.flipPoint?.explanation);
  if (explained.length > 0) {
    lines.push('', 'Why, per flip point:');
    for (const lever of explained) lines.push(...lever.flipPoint!.explanation!.map((sentence, index) => `${index === 0 ? '- ' : '  '}${sentence}`));
  }
  for (const note of advice.notes) lines.push(`note: ${note}`);
  lines.push(`(${advice.evaluations} model runs)`);
  return lines.join('\n') + '\n';
}

function leverLabel(lever: { kind: string; field: string; target: string; other?: string }, name: (id: string) => string): string {
  if (lever.kind === 'channel') return `channel with ${name(lever.other!)}`;
  if (lever.kind === 'persuade') return `persuade ${name(lever.target)}: ${lever.field}`;
  return `own ${lever.field}`;
}

function moveValue(move: MoveReport, number: (x: number) => string): string {
  return move.field === 'channel' ? channelChange(move, move.to) : number(move.to);
}

function robustText(candidate: CandidateReport): string {
  const robustness = candidate.robustness;
  if (!robustness) return '';
  return `${Math.round(robustness.share * 100)} %${robustness.fragile ? ' (fragile)' : ''}`;
}

function grid(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => '  ' + row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd());
}
