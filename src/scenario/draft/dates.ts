/**
 * Dated events, found by `chrono-node`. Relative dates are resolved against a reference date given
 * by the caller (the scenario's `asOf`, else the text's first full date) — never the clock; without
 * one, only dates whose year the text states are kept.
 */
import * as chrono from 'chrono-node';
import type { Sentence } from './sentences.js';

export interface DraftDate {
  sentence: Sentence;
  /** YYYY-MM-DD when the day is stated (or follows from the reference date), else YYYY. */
  date: string;
  /** The words that give the date, as written. */
  text: string;
  event: string;
}

export function findDates(sentences: readonly Sentence[], reference?: string): DraftDate[] {
  const out: DraftDate[] = [];
  const referenceDate = reference === undefined ? undefined : new Date(`${reference.slice(0, 10)}T12:00:00Z`);
  for (const sentence of sentences) {
    const results = chrono.parse(sentence.text, referenceDate ?? new Date(Date.UTC(2000, 0, 1, 12)));
    for (const result of results) {
      const start = result.start;
      if (referenceDate === undefined && !start.isCertain('year')) continue;
      const year = String(start.get('year')).padStart(4, '0');
      const date = start.isCertain('day') ? `${year}-${pad(start.get('month'))}-${pad(start.get('day'))}` : year;
      const event = (sentence.text.slice(0, result.index) + sentence.text.slice(result.index + result.text.length)).replace(/\s+/gu, ' ').trim();
      out.push({ sentence, date, text: result.text, event: event.length > 100 ? `${event.slice(0, 97)}…` : event });
    }
  }
  return out;
}

/** The first date in the text with a stated day, month and year (a dateline), as YYYY-MM-DD. */
export function firstFullDate(sentences: readonly Sentence[]): string | undefined {
  for (const sentence of sentences)
    for (const result of chrono.parse(sentence.text, new Date(Date.UTC(2000, 0, 1, 12))))
      if (result.start.isCertain('year') && result.start.isCertain('day')) return `${result.start.get('year')}-${pad(result.start.get('month'))}-${pad(result.start.get('day'))}`;
  return undefined;
}

function pad(n: number | null): string {
  return String(n ?? 1).padStart(2, '0');
}
