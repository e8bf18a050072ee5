/**
 * The tidy CSV of `parley forecast --csv`: one value per row, columns
 * `model,preset,issue,round,kind,actor,position`, where `kind` is
 *   - `actor`   — that actor's position at the end of the round (round 0 = the input);
 *   - `median`  — the round's weighted median (actor empty);
 *   - `mean`    — the round's capability × salience weighted mean (actor empty);
 *   - `outcome` — the model's forecast for the issue (round = the last round, actor empty).
 * Numbers are written in full precision (JavaScript's shortest round-trip form).
 */
import type { Forecast } from '../../models/model.js';

export const FORECAST_CSV_HEADER = ['model', 'preset', 'issue', 'round', 'kind', 'actor', 'position'] as const;

export function forecastCsv(forecasts: readonly Forecast[]): string {
  // With branches (channels-spec §5.4) a last column `leaf` names the leaf (`aid=passes;channel=cut`); the mixture's rows leave it empty.
  const branched = forecasts.some((forecast) => forecast.issues.some((result) => result.leaves !== undefined));
  const rows: string[][] = [[...FORECAST_CSV_HEADER, ...(branched ? ['leaf'] : [])]];
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
