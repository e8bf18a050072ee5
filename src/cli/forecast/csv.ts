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
  const rows: string[][] = [[...FORECAST_CSV_HEADER]];
  for (const forecast of forecasts) {
    const preset = forecast.preset ?? '';
    for (const result of forecast.issues) {
      const row = (round: number, kind: string, actor: string, position: number) =>
        rows.push([forecast.model, preset, result.issue, String(round), kind, actor, String(position)]);
      for (const round of result.rounds) {
        for (const [actor, position] of Object.entries(round.positions)) row(round.round, 'actor', actor, position);
        row(round.round, 'median', '', round.median);
        row(round.round, 'mean', '', round.mean);
      }
      row(result.rounds.at(-1)?.round ?? 0, 'outcome', '', result.outcome);
    }
  }
  return rows.map((cells) => cells.map(csvField).join(',')).join('\n') + '\n';
}

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
