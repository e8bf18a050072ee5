/**
 * The three hand vectors of exchange-spec.md §8 (../shared/vectors/exchange/, Decide's deterministic
 * mode, 2 rounds): every outcome, preference and voting position, realised exchange (both sides'
 * positions, moves and utilities, the gain) and externality, at 1e-9 relative, read from Parley's long
 * CSV, from YAML and from the Decide-format file (and the default preset, which agrees on them).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import { parseScenario } from '../../scenario/parse.js';
import { readDecide } from '../../scenario/decide/index.js';
import { serializeScenario } from '../../scenario/write.js';
import type { Scenario } from '../../scenario/schema.js';
import type { Forecast } from '../model.js';
import { runModel } from '../registry.js';

const cases = ['h1_two_actors', 'h2_outcome_cap', 'h3_two_exchanges'] as const;

function table(name: string, file: string): Array<Record<string, string>> {
  const [header, ...rows] = readFileSync(fromShared('vectors', 'exchange', name, file), 'utf8').trim().split(/\r?\n/u);
  const columns = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((value, index) => [columns[index]!, value])));
}

/** The vector's input.csv in Parley's long CSV form (its `power` column is Parley's capability). */
function fromParleyCsv(name: string): Scenario {
  const text = readFileSync(fromShared('vectors', 'exchange', name, 'input.csv'), 'utf8').replace(/^actor,issue,power,/u, 'actor,issue,capability,');
  return parseScenario(text, { file: `${name}.csv` }).scenario;
}

function fromDecideFile(name: string): Scenario {
  return readDecide(readFileSync(fromShared('vectors', 'exchange', name, 'decide_input.csv'), 'utf8'), 'decide_input.csv').scenario;
}

function close(actual: number | undefined, expected: string, what: string): void {
  const want = Number(expected);
  assert.ok(actual !== undefined && Number.isFinite(actual), `${what}: missing (expected ${want})`);
  const scale = Math.max(Math.abs(want), 1e-300);
  assert.ok(Math.abs(actual - want) <= 1e-9 * scale || Math.abs(actual - want) <= 1e-12, `${what}: ${actual} vs Decide ${want}`);
}

function checkAgainstDecide(name: string, forecast: Forecast): void {
  const issueOf = (id: string) => forecast.issues.find((issue) => issue.issue === id)!;
  for (const row of table(name, 'eg_det/outcomes.csv')) {
    const round = issueOf(row.issue!).rounds[Number(row.round)]!;
    close(round.voting?.preferenceOutcome, row.preference_nbs!, `round ${row.round} ${row.issue} preference outcome`);
    close(round.voting?.outcome, row.voting_nbs!, `round ${row.round} ${row.issue} voting outcome`);
  }
  for (const row of table(name, 'eg_det/positions.csv')) {
    const rounds = issueOf(row.issue!).rounds;
    const r = Number(row.round);
    close(rounds[r - 1]!.positions[row.actor!], row.preference!, `round ${r} ${row.issue} ${row.actor} preference`);
    close(rounds[r]!.voting?.positions[row.actor!], row.voting!, `round ${r} ${row.issue} ${row.actor} voting`);
  }
  for (const row of table(name, 'eg_det/final_preferences.csv')) {
    const rounds = issueOf(row.issue!).rounds;
    close(rounds[rounds.length - 1]!.positions[row.actor!], row.preference!, `final ${row.issue} ${row.actor} preference`);
  }
  const exchangeRounds = forecast.exchange!.rounds;
  const expected = table(name, 'eg_det/exchanges.csv');
  for (const round of exchangeRounds) {
    assert.equal(round.exchanges.length, expected.filter((row) => Number(row.round) === round.round).length, `round ${round.round}: realised exchanges`);
  }
  for (const row of expected) {
    const exchange = exchangeRounds[Number(row.round) - 1]!.exchanges[Number(row.seq) - 1]!;
    const what = `round ${row.round} exchange ${row.seq}`;
    assert.ok(exchange, `${what}: not realised`);
    close(exchange.gain, row.gain!, `${what} gain`);
    for (const side of ['i', 'j'] as const) {
      const ours = exchange[side];
      assert.equal(ours.actor, row[`${side}_actor`], `${what} ${side} actor`);
      assert.equal(ours.supplies, row[`${side}_supply_issue`], `${what} ${side} supplies`);
      assert.equal(ours.demands, row[`${side}_demand_issue`], `${what} ${side} demands`);
      close(ours.roundStart, row[`${side}_x_round_start`]!, `${what} ${side} round start`);
      close(ours.from, row[`${side}_x_before`]!, `${what} ${side} from`);
      close(ours.move, row[`${side}_move`]!, `${what} ${side} move`);
      close(ours.to, row[`${side}_y`]!, `${what} ${side} to`);
      close(ours.utility, row[`${side}_eu`]!, `${what} ${side} utility`);
      assert.equal(ours.capped, row[`${side}_adjusted_by_nbs`] === 'True', `${what} ${side} capped`);
    }
  }
  const fields = ['innerPositive', 'innerNegative', 'outerPositive', 'outerNegative', 'own'] as const;
  const columns = ['inner_positive', 'inner_negative', 'outer_positive', 'outer_negative', 'own'] as const;
  for (const row of table(name, 'eg_det/externalities.csv')) {
    const account = exchangeRounds[Number(row.round) - 1]!.externalities[row.actor!]!;
    fields.forEach((field, index) => close(account[field], row[columns[index]!]!, `round ${row.round} ${row.actor} ${field}`));
  }
  for (const row of table(name, 'eg_det/externalities_by_exchange.csv')) {
    const account = exchangeRounds[Number(row.round) - 1]!.exchanges[Number(row.seq) - 1]!.externalities;
    fields.forEach((field, index) => close(account[field], row[columns[index]!]!, `round ${row.round} exchange ${row.seq} ${field}`));
  }
}

for (const name of cases) {
  test(`exchange (decide) reproduces ${name} from Parley's CSV`, () => {
    checkAgainstDecide(name, runModel('exchange', fromParleyCsv(name), { preset: 'decide', options: { rounds: 2 } }));
  });
  test(`exchange (decide) reproduces ${name} from Parley's YAML`, () => {
    const yaml = serializeScenario(fromParleyCsv(name), 'yaml');
    checkAgainstDecide(name, runModel('exchange', parseScenario(yaml, { file: `${name}.yaml` }).scenario, { preset: 'decide', options: { rounds: 2 } }));
  });
  test(`exchange (default) equals decide on ${name} (saliences on 0–1, no ties, no zeros)`, () => {
    checkAgainstDecide(name, runModel('exchange', fromParleyCsv(name), { options: { rounds: 2 } }));
  });
  test(`exchange (decide) reproduces ${name} from the Decide file`, () => {
    checkAgainstDecide(name, runModel('exchange', fromDecideFile(name), { preset: 'decide', options: { rounds: 2 } }));
  });
}
