/**
 * The models' notes (what the CLI prints as `note (model): …`: a forecast that is the status quo, SMP's
 * salience rescaling, EUM's unsettled or 2-cycle positions, Nash's disagreement point, an early stop…)
 * placed beside the number each qualifies: a note of one issue's forecast goes with that model's
 * number on that issue, a note of the whole run (`Forecast.notes`) with the model's name. Each
 * distinct text is numbered once, in reading order (row by row), and listed under the table.
 */
import type { Forecast } from '../../../src/models/model.js';
import { forecastLabel } from '../charts/modelLabels.js';

export interface NumberedNote {
  number: number;
  text: string;
  /** Where it applies, in words: "EUM", "EUM on Talks". */
  places: string[];
}

export interface OutcomeNotes {
  /** The note numbers of a model's row (whole-run notes), by forecast index. */
  rows: number[][];
  /** The note numbers of each cell, by forecast index then issue index. */
  cells: number[][][];
  notes: NumberedNote[];
}

/** The notes of `forecasts` on `issues`, numbered and placed. */
export function outcomeNotes(forecasts: readonly Forecast[], issues: readonly { id: string; name?: string | undefined }[]): OutcomeNotes {
  const byText = new Map<string, NumberedNote>();
  const number = (text: string, place: string): number => {
    let note = byText.get(text);
    if (!note) {
      note = { number: byText.size + 1, text, places: [] };
      byText.set(text, note);
    }
    if (!note.places.includes(place)) note.places.push(place);
    return note.number;
  };
  const rows: number[][] = [];
  const cells: number[][][] = [];
  for (const forecast of forecasts) {
    const model = forecastLabel(forecast);
    rows.push(unique(forecast.notes.map((text) => number(text, model))));
    cells.push(
      issues.map((issue) => {
        const result = forecast.issues.find((candidate) => candidate.issue === issue.id);
        if (!result) return [];
        const place = `${model} on ${issue.name ?? issue.id}`;
        const stopped = result.stoppedEarly ? [`stopped early after round ${result.stoppedEarly.afterRound}: ${result.stoppedEarly.rule}`] : [];
        return unique([...stopped, ...result.notes].map((text) => number(text, place)));
      }),
    );
  }
  return { rows, cells, notes: [...byText.values()] };
}

function unique(numbers: number[]): number[] {
  return [...new Set(numbers)];
}
