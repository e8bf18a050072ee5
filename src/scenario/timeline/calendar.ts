/**
 * Calendar dates as whole days since 1970-01-01 (proleptic Gregorian, no time zone), and the round
 * arithmetic of channels-spec.md §4: boundaries (T1), the round of a date (T2), the default number of
 * rounds (T3), decision points (T4) and years per round.
 */

/** A day number: days since 1970-01-01. */
export type Day = number;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/u;
const STEP_PATTERN = /^([1-9]\d{0,3})([dwm])$/u;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const monthLength = (year: number, month: number): number => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;

/** Days from 1970-01-01 to year-month-day (Howard Hinnant's days_from_civil). */
export function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number. */
export function civilOf(days: Day): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Why a text is not a date, or undefined when it is one ("YYYY-MM-DD" that exists in the calendar). */
export function dateProblem(text: string): string | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return `expected a calendar date "YYYY-MM-DD", got ${JSON.stringify(text)}`;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > monthLength(Number(match[1]), month)) return `'${text}' is not a date of the calendar`;
  return undefined;
}

/** The day number of a valid date text (see `dateProblem`); throws RangeError on a bad one. */
export function parseDate(text: string): Day {
  const problem = dateProblem(text);
  if (problem !== undefined) throw new RangeError(problem);
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return dayOf(year, month, day);
}

/** "YYYY-MM-DD" of a day number. */
export function formatDate(days: Day): string {
  const { year, month, day } = civilOf(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type StepUnit = 'd' | 'w' | 'm';

/** The round length "<n>d", "<n>w" or "<n>m", 1 ≤ n ≤ 9999; undefined when the text is none of these. */
export function parseStep(text: string): { n: number; unit: StepUnit } | undefined {
  const match = STEP_PATTERN.exec(text);
  return match ? { n: Number(match[1]), unit: match[2] as StepUnit } : undefined;
}

/** A compiled timeline: round 0 at `start`, rounds of n units, optionally an end. */
export interface Timeline {
  start: Day;
  n: number;
  unit: StepUnit;
  end?: Day;
}

/** addMonths keeps the day of the month, clamped to the month's last day (T1). */
function addMonths(days: Day, months: number): Day {
  const { year, month, day } = civilOf(days);
  const total = month - 1 + months;
  const y = year + Math.floor(total / 12);
  const m = (total % 12 + 12) % 12 + 1;
  return dayOf(y, m, Math.min(day, monthLength(y, m)));
}

/** (T1) b(t): start + t·n days, + 7·t·n days, or addMonths(start, n·t), always counted from the start. */
export function boundary(timeline: Timeline, t: number): Day {
  if (timeline.unit === 'm') return addMonths(timeline.start, timeline.n * t);
  return timeline.start + timeline.n * t * (timeline.unit === 'w' ? 7 : 1);
}

/** (T2) The round t ≥ 1 with b(t−1) ≤ date < b(t); undefined before the start. */
export function roundOf(timeline: Timeline, date: Day): number | undefined {
  if (date < timeline.start) return undefined;
  if (timeline.unit !== 'm') return Math.floor((date - timeline.start) / (timeline.n * (timeline.unit === 'w' ? 7 : 1))) + 1;
  const from = civilOf(timeline.start);
  const to = civilOf(date);
  let t = Math.max(1, Math.floor(((to.year - from.year) * 12 + to.month - from.month) / timeline.n));
  while (t > 1 && boundary(timeline, t - 1) > date) t--;
  while (boundary(timeline, t) <= date) t++;
  return t;
}

/** (T3) With an end: T = min{t : b(t) ≥ end}; undefined without one. */
export function roundsToEnd(timeline: Timeline): number | undefined {
  if (timeline.end === undefined) return undefined;
  let t = 0;
  while (boundary(timeline, t) < timeline.end) t++;
  return t;
}

/** (T4) The decision point of a date: min{t ≥ 0 : b(t) ≥ date}. */
export function decisionPointOf(timeline: Timeline, date: Day): number {
  if (date <= timeline.start) return 0;
  const round = roundOf(timeline, date)!;
  return boundary(timeline, round - 1) >= date ? round - 1 : round;
}

/** Δ, years per round: n/12 (months), 7n/365.25 (weeks), n/365.25 (days) (§4). */
export function yearsPerRound(timeline: Timeline): number {
  if (timeline.unit === 'm') return timeline.n / 12;
  return (timeline.n * (timeline.unit === 'w' ? 7 : 1)) / 365.25;
}
