/**
 * The answer and the moves summary as text, for `parley forecast`'s table: the answer first (one
 * block per issue), and per issue, for each iterative model, who moved toward whom and why.
 */
import type { Answer, IssueAnswer } from '../../analysis/answer/answer.js';
import { modelLabel } from '../../analysis/answer/answer.js';
import { decimalsForScale, formatFixed } from '../../analysis/formatNumber.js';
import type { MoveReason, MovesSummary } from '../../analysis/moves/moves.js';
import type { Issue, Scenario } from '../../scenario/schema.js';

/** Above this many actors the moves table is compact: the top movers only, one line each. */
const MAX_MOVERS_IN_FULL = 8;

const percent = (probability: number): string => `${(probability * 100).toFixed(1)} %`;

export function answerLines(scenario: Scenario, answer: Answer): string[] {
  const { predictor } = answer;
  const record =
    predictor.mae !== null
      ? `; out-of-sample MAE ${predictor.mae.toFixed(1)}${predictor.interval ? ` [${predictor.interval[0].toFixed(1)}, ${predictor.interval[1].toFixed(1)}]` : ''} on ${predictor.dataset ?? 'the backtest'} (EU legislative bargaining, 0–100 scales)`
      : '';
  const lines = [
    `The answer — predictor: ${predictor.label}${record}`,
    `  uncertainty: ${answer.sweep.runs} seeded runs (seed ${answer.sweep.seed}); ${answer.sweep.spread}`,
  ];
  for (const issueAnswer of answer.issues) lines.push('', ...issueAnswerLines(scenario.issues.find((issue) => issue.id === issueAnswer.issue)!, issueAnswer));
  for (const note of answer.notes) lines.push(`  note: ${note}`);
  return lines;
}

function issueAnswerLines(issue: Issue, answer: IssueAnswer): string[] {
  const decimals = decimalsForScale(issue.scale);
  const show = (value: number): string => formatFixed(value, decimals);
  const { p5, p25, median, p75, p95 } = answer.interval;
  const outcomes = answer.models.map((model) => model.outcome);
  const models = answer.models.map((model) => `${modelLabel(model.model, model.preset)} ${show(model.outcome)}${model.backtestMae === null ? '' : ` (MAE ${model.backtestMae.toFixed(1)})`}`);
  return [
    `  ${issue.id}: forecast ${show(answer.forecast)}${answer.fragile.value ? '   FRAGILE' : ''}`,
    `    5–95 %: ${show(p5)}–${show(p95)}   25–75 %: ${show(p25)}–${show(p75)}   median ${show(median)}`,
    ...answer.probabilities.map((probability) => `    ${probability.question !== undefined ? `${probability.question}: ${probability.label}` : probability.label} = ${percent(probability.probability)}`),
    `    ${answer.fragile.value ? 'fragile' : 'not fragile'}: ${answer.fragile.reason}`,
    ...(outcomes.length > 0 ? [`    models range ${show(Math.min(...outcomes))}–${show(Math.max(...outcomes))}: ${models.join(' · ')}`] : []),
    ...answer.notes.map((note) => `    note: ${note}`),
  ];
}

const reasonWords: Record<MoveReason, string> = {
  'conflict-lost': 'conflict lost',
  compromise: 'compromise',
  capitulation: 'capitulation',
  'smp-bargain': 'SMP bargain',
  unexplained: 'unexplained',
};

/** One model's moves summary for one issue: full (≤ 8 actors) or compact (top movers, counts). */
export function movesLines(issue: Issue, label: string, summary: MovesSummary, names: Record<string, string>): string[] {
  const decimals = decimalsForScale(issue.scale);
  const show = (value: number): string => formatFixed(value, decimals);
  const name = (id: string | null): string => (id === null ? 'nobody recorded' : (names[id] ?? id));
  const actorCount = summary.movers.length + summary.heldFirm.length;
  const lines = [`  ${label}, who moves (largest concession first):`];
  const compact = actorCount > MAX_MOVERS_IN_FULL;
  const shown = compact ? summary.movers.slice(0, MAX_MOVERS_IN_FULL) : summary.movers;
  const width = Math.max(5, ...shown.map((mover) => mover.actor.length));
  for (const mover of shown) {
    const head = `    ${mover.actor.padEnd(width)}  ${show(mover.start)} → ${show(mover.end)}`;
    if (compact) {
      const toward = [...new Set(mover.moves.map((move) => name(move.toward)))].join(', ');
      lines.push(`${head}  (${mover.moves.length} move${mover.moves.length === 1 ? '' : 's'}, toward ${toward})`);
      continue;
    }
    lines.push(`${head}  ${mover.moves.map((move) => `r${move.round} → ${show(move.to)} toward ${name(move.toward)} (${reasonWords[move.why]})`).join('; ')}`);
  }
  if (compact && summary.movers.length > shown.length) lines.push(`    … ${summary.movers.length - shown.length} more actors moved (--json: every move)`);
  const firm = summary.heldFirm.length === 0 ? 'nobody' : compact && summary.heldFirm.length > MAX_MOVERS_IN_FULL ? `${summary.heldFirm.length} actors (${summary.heldFirm.slice(0, MAX_MOVERS_IN_FULL).join(', ')}, …)` : summary.heldFirm.join(', ');
  lines.push(`    held firm: ${firm}`);
  return lines;
}
