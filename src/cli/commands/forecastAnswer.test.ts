import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer } from '../../analysis/answer/answer.js';
import type { ForecastMoves } from '../../analysis/moves/moves.js';
import { runParley } from '../../../tests/support/runParley.js';
import { forecastJson } from '../forecast/json.js';

const example = 'examples/backchannel-2024.yaml';

describe('parley forecast: the answer first', () => {
  it('the table starts with one answer per issue, and the talks issue is flagged fragile', async () => {
    const { code, out, err } = await runParley(['forecast', example]);
    assert.equal(code, 0, err);
    const lines = out.split('\n');
    assert.match(lines[2]!, /^The answer — predictor: /u);
    assert.match(out, /^ {2}talks: forecast \d+\.\d {3}FRAGILE$/mu);
    // The predictor's point forecast on settlement sits outside the central 90 % of its own runs.
    assert.match(out, /fragile: discrete-choice's point forecast [\d.]+ lies outside the central 90 % of its own runs/u);
    assert.match(out, /^ {4}5–95 %: [\d.]+–[\d.]+ {3}25–75 %/mu);
    assert.match(out, /^ {4}models range 40\.0–70\.0: /mu);
    assert.match(out, /default spread: positions ±5 % of the scale/u);
    // Who moves: Russia gave in to the EU on talks in round 1.
    assert.match(out, /^ {4}russia +15\.0 → 40\.0 {2}r1 → 40\.0 toward European Union \(conflict lost\)$/mu);
    assert.match(out, /smp: outcome 67\.0 \(probability-weighted mean\); most probable 69\.3 \(P 0\.47/u);
  });

  it('--json has the documented answer per issue and the moves; --no-answer gives the raw forecasts', async () => {
    const json = JSON.parse((await runParley(['forecast', example, '--json'])).out) as { answer: Answer; moves: ForecastMoves[]; forecasts: unknown[] };
    assert.deepEqual(Object.keys(json.answer.issues[0]!), ['issue', 'forecast', 'predictor', 'interval', 'probabilities', 'fragile', 'models', 'notes']);
    assert.deepEqual(Object.keys(json.answer.issues[0]!.interval), ['p5', 'p25', 'median', 'p75', 'p95']);
    assert.equal(json.answer.issues[1]!.fragile.value, true);
    assert.deepEqual(Object.keys(json.answer.issues[1]!.models[0]!), ['model', 'preset', 'outcome', 'backtestMae']);
    assert.deepEqual(json.moves.map((entry) => entry.model), ['eum', 'smp', 'exchange']);
    const russia = json.moves[0]!.issues[1]!.movers.find((mover) => mover.actor === 'russia')!;
    assert.equal(russia.moves[0]!.toward, 'eu');
    const raw = await runParley(['forecast', example, '--json', '--no-answer']);
    const parsed = JSON.parse(raw.out) as Record<string, unknown>;
    assert.equal('answer' in parsed, false);
    assert.equal('moves' in parsed, false);
    assert.equal(raw.out, forecastJson(parsed as never));
  });

  it('--csv starts with the answer rows', async () => {
    const { out } = await runParley(['forecast', example, '--csv']);
    const rows = out.split('\n').slice(1, 8).map((line) => line.split(','));
    assert.deepEqual(rows.map((row) => row[4]), ['answer-forecast', 'answer-p5', 'answer-p25', 'answer-median', 'answer-p75', 'answer-p95', 'answer-probability']);
    assert.equal(rows[0]![2], 'settlement');
  });
});
