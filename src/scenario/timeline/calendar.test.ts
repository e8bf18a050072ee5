import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundary, dateProblem, decisionPointOf, formatDate, parseDate, parseStep, roundOf, roundsToEnd, type Timeline, yearsPerRound } from './calendar.js';

const monthly = (start: string, end?: string): Timeline => ({ start: parseDate(start), n: 1, unit: 'm', ...(end ? { end: parseDate(end) } : {}) });

describe('calendar (channels-spec §4)', () => {
  it('V-T1: start 2024-01-28, monthly: rounds of dates, 12 rounds to 2025-01-28', () => {
    const timeline = monthly('2024-01-28', '2025-01-28');
    const cases: [string, number][] = [['2024-01-28', 1], ['2024-02-27', 1], ['2024-02-28', 2], ['2024-04-20', 3], ['2024-11-01', 10], ['2025-01-27', 12]];
    for (const [date, round] of cases) assert.equal(roundOf(timeline, parseDate(date)), round, date);
    assert.equal(roundsToEnd(timeline), 12);
  });
  it('V-T2: start 2024-01-31, monthly: month ends clamp, counted from the start', () => {
    const timeline = monthly('2024-01-31');
    assert.deepEqual([1, 2, 3, 4].map((t) => formatDate(boundary(timeline, t))), ['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    assert.equal(roundOf(timeline, parseDate('2024-02-28')), 1);
    assert.equal(roundOf(timeline, parseDate('2024-02-29')), 2);
    assert.equal(roundOf(timeline, parseDate('2024-03-31')), 3);
  });
  it('V-T3: 14-day rounds', () => {
    const step = parseStep('14d')!;
    const timeline: Timeline = { start: parseDate('2024-01-28'), ...step, end: parseDate('2024-03-01') };
    assert.equal(roundOf(timeline, parseDate('2024-02-10')), 1);
    assert.equal(roundOf(timeline, parseDate('2024-02-11')), 2);
    assert.equal(roundsToEnd(timeline), 3);
    assert.ok(Math.abs(yearsPerRound(timeline) - 0.03833) < 1e-6);
  });
  it('V-T4: decision points', () => {
    const timeline = monthly('2024-01-28');
    const cases: [string, number][] = [['2024-01-28', 0], ['2024-02-01', 1], ['2024-02-28', 1], ['2024-02-29', 2]];
    for (const [date, point] of cases) assert.equal(decisionPointOf(timeline, parseDate(date)), point, date);
  });
  it('dates: calendar and format checks, round trip of day numbers', () => {
    assert.equal(dateProblem('2025-02-30'), "'2025-02-30' is not a date of the calendar");
    assert.match(dateProblem('2024-1-3')!, /expected a calendar date/u);
    assert.equal(dateProblem('2024-02-29'), undefined);
    for (const text of ['1600-02-29', '1969-12-31', '2000-03-01', '2100-02-28']) assert.equal(formatDate(parseDate(text)), text);
    assert.equal(parseDate('1970-01-01'), 0);
    assert.equal(parseStep('1y'), undefined);
    assert.equal(parseStep('10000d'), undefined);
  });
});
