/**
 * The tidy CSV of `parley forecast --csv`: one value per row, columns
 * `model,preset,issue,round,kind,actor,position`, where `kind` is
 *   - `actor`   — that actor's position at the end of the round (round 0 = the input);
 *   - `median`  — the round's weighted median (actor empty);
 *   - `mean`    — the round's capability × salience weighted mean (actor empty);
 *   - `outcome` — the model's forecast for the issue (round = the last round, actor empty).
 * Numbers are written in full precision (JavaScript's shortest round-trip form).
 */
import type { Answer } from '../../analysis/answer/answer.js';
import type { Forecast } from '../../models/model.js';

export const FORECAST_CSV_HEADER = ['model', 'preset', 'issue', 'round', 'kind', 'actor', 'position'] as const;

export function forecastCsv(forecasts: readonly Forecast[], answer?: Answer): string {
  // With branches (channels-spec §5.4) a last column `leaf` names the leaf (`aid=passes;channel=cut`); the mixture's rows leave it empty.
  const branched = forecasts.some((forecast) => forecast.issues.some((result) => result.leaves !== undefined));
  const rows: string[][] = [[...FORECAST_CSV_HEADER, ...(branched ? ['leaf'] : [])], ...(answer ? answerRows(answer, branched) : [])];
  for (const forecast of forecasts) {
    const preset = forecast.preset ?? '';
    for (const result of forecast.issues) {
      const runs = result.leaves ? result.leaves.map((leaf) => ({ rounds: leaf.rounds, outcome: leaf.outcome, name: leafName(leaf.leaf) })) : [{ rounds: result.rounds, outcome: result.outcome, name: '' }];
      for (const run of runs) {
        const row = (round: number, kind: string, actor: string, position: number) =>
          rows.push([forecast.model, preset, result.issue, String(round), kind, actor, String(position), ...(branched ? [run.name] : [])]);
        for (const round of run.rounds) {
          for (const [actor, position] of Object.entries(round.positions)) row(round.round, 'actor', actor, position);
          row(round.round, 'median', '', round.median);
          row(round.round, 'mean', '', round.mean);
        }
        row(run.rounds.at(-1)?.round ?? 0, 'outcome', '', run.outcome);
      }
      if (result.leaves) rows.push([forecast.model, preset, result.issue, String(result.rounds.at(-1)?.round ?? 0), 'outcome', '', String(result.outcome), '']);
    }
  }
  return rows.map((cells) => cells.map(csvField).join(',')).join('\n') + '\n';
}

/** `aid=passes;channel=cut`: a leaf's outcomes, branches sorted by id. */
function leafName(choice: Readonly<Record<string, string>>): string {
  return Object.keys(choice)
    .sort()
    .map((branch) => `${branch}=${choice[branch]}`)
    .join(';');
}

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The answer's rows, first: model and preset are the predictor's, round is empty, kind is
 * `answer-forecast`, `answer-p5` … `answer-p95`, or `answer-probability` (actor: the question id, empty
 * for P(outcome > status quo or midpoint); position: the probability).
 */
function answerRows(answer: Answer, branched: boolean): string[][] {
  const { model, preset } = answer.predictor;
  const row = (issue: string, kind: string, actor: string, value: number): string[] => [model, preset ?? '', issue, '', kind, actor, String(value), ...(branched ? [''] : [])];
  return answer.issues.flatMap((issue) => [
    row(issue.issue, 'answer-forecast', '', issue.forecast),
    ...(['p5', 'p25', 'median', 'p75', 'p95'] as const).map((key) => row(issue.issue, `answer-${key}`, '', issue.interval[key])),
    ...issue.probabilities.map((probability) => row(issue.issue, 'answer-probability', probability.question ?? '', probability.probability)),
  ]);
}
