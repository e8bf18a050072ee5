import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Forecast } from '../../models/model.js';
import { models } from '../../models/registry.js';
import { runParley } from '../../../tests/support/runParley.js';
import { FORECAST_CSV_HEADER } from '../forecast/csv.js';
import type { ForecastSet } from '../forecast/json.js';

const example = 'examples/backchannel-2024.yaml';
const actorIds = ['russia', 'ukraine', 'us', 'us-republicans', 'germany', 'eu', 'china'];
const scratch = mkdtempSync(join(tmpdir(), 'parley-forecast-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('parley forecast', () => {
  it('prints a table with every model, the scale in words and the EUM rounds by default', async () => {
    const { code, out, err } = await runParley(['forecast', example]);
    assert.equal(code, 0, err);
    assert.match(out, /^settlement — Terms of a Russia–Ukraine settlement$/mu);
    assert.match(out, /scale: 0 {3}= full Ukrainian territorial restoration and a free path to NATO\n {9}100 = Russia's maximal terms/u);
    for (const model of ['mean', 'weighted-mean', 'weighted-median', 'eum (default)']) assert.match(out, new RegExp(`^  ${model.replace(/[()]/gu, '\\$&')} +\\d+\\.\\d$`, 'mu'));
    assert.match(out, /eum \(default\), round by round:\n +round +median +mean +russia +ukraine/u);
  });

  it('--model eum --json prints exactly one Forecast with the documented shape', async () => {
    const { code, out } = await runParley(['forecast', example, '--model', 'eum', '--json']);
    assert.equal(code, 0);
    const forecast = JSON.parse(out) as Forecast;
    assert.equal(forecast.model, 'eum');
    assert.equal(forecast.preset, 'default');
    assert.equal(forecast.options['rounds'], 10);
    assert.deepEqual(forecast.issues.map((issue) => issue.issue), ['settlement', 'talks']);
    for (const issue of forecast.issues) {
      assert.deepEqual(issue.rounds.map((round) => round.round), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const round of issue.rounds) {
        assert.deepEqual(Object.keys(round.positions), actorIds);
        assert.equal(typeof round.median, 'number');
        assert.equal(typeof round.mean, 'number');
      }
      assert.equal(issue.outcome, issue.rounds.at(-1)!.median, 'the EUM forecast is the last median');
    }
    assert.deepEqual(forecast.issues[0]!.rounds[0]!.positions, { russia: 95, ukraine: 5, us: 40, 'us-republicans': 60, germany: 40, eu: 20, china: 70 });
  });

  it('--json with every model wraps the forecasts with the scenario and the skipped models', async () => {
    const { code, out } = await runParley(['forecast', example, '--json']);
    assert.equal(code, 0);
    const set = JSON.parse(out) as ForecastSet;
    assert.match(set.parley, /^\d+\.\d+\.\d+/u);
    assert.deepEqual(set.scenario, { file: example, title: 'US–Russia back-channel over Ukraine (January 2024)', asOf: '2024-01-28' });
    const ran = set.forecasts.map((forecast) => forecast.model);
    assert.deepEqual([...ran, ...set.skipped.map((skip) => skip.model)].sort(), models.map((model) => model.id).sort());
    assert.ok(ran.includes('eum') && ran.includes('weighted-median'));
    const weightedMean = set.forecasts.find((forecast) => forecast.model === 'weighted-mean')!;
    // Σ c·s·x / Σ c·s on settlement, by hand from the example's table.
    const weights = [80 * 95, 40 * 100, 100 * 60, 40 * 50, 45 * 60, 50 * 60, 60 * 30];
    const positions = [95, 5, 40, 60, 40, 20, 70];
    const expected = weights.reduce((sum, w, k) => sum + w * positions[k]!, 0) / weights.reduce((sum, w) => sum + w, 0);
    assert.ok(Math.abs(weightedMean.issues[0]!.outcome - expected) < 1e-12);
  });

  it('--rounds and --dyads reach the model', async () => {
    const { out } = await runParley(['forecast', example, '--model', 'eum', '--rounds', '3', '--dyads', '--json']);
    const forecast = JSON.parse(out) as Forecast;
    assert.equal(forecast.issues[0]!.rounds.length, 4);
    assert.equal(forecast.issues[0]!.rounds[1]!.dyads!.length, actorIds.length * (actorIds.length - 1));
  });

  it('--csv prints a tidy table whose outcome rows match the JSON', async () => {
    const { code, out } = await runParley(['forecast', example, '--model', 'eum', '--preset', 'scholz2011-code', '--csv', '--no-answer']);
    assert.equal(code, 0);
    const [header, ...rows] = out.trimEnd().split('\n').map((line) => line.split(','));
    assert.deepEqual(header, [...FORECAST_CSV_HEADER]);
    // Per issue: 11 rounds × (7 actors + median + mean) + 1 outcome.
    assert.equal(rows.length, 2 * (11 * 9 + 1));
    const json = JSON.parse((await runParley(['forecast', example, '--model', 'eum', '--preset', 'scholz2011-code', '--json'])).out) as Forecast;
    const outcome = rows.find((row) => row[2] === 'talks' && row[4] === 'outcome')!;
    assert.deepEqual(outcome, ['eum', 'scholz2011-code', 'talks', '10', 'outcome', '', String(json.issues[1]!.outcome)]);
    const median = rows.find((row) => row[2] === 'settlement' && row[3] === '0' && row[4] === 'median')!;
    assert.equal(Number(median[6]), json.issues[0]!.rounds[0]!.median);
  });

  it('--out writes the file and nothing to stdout', async () => {
    const target = join(scratch, 'forecast.json');
    const { code, out } = await runParley(['forecast', example, '--model', 'mean', '--json', '--out', target]);
    assert.equal(code, 0);
    assert.equal(out, '');
    assert.equal((JSON.parse(readFileSync(target, 'utf8')) as Forecast).model, 'mean');
  });

  it('--out leaves an existing file untouched when the command fails', async () => {
    const target = join(scratch, 'kept.txt');
    writeFileSync(target, 'previous result');
    const broken = join(scratch, 'broken.yaml');
    writeFileSync(broken, 'title: x\nissues: [{id: a}]\nactors:\n  - id: b\n    capability: lots\n    stances: {}\n');
    for (const argv of [
      ['forecast', broken, '--out', target],
      ['forecast', example, '--preset', 'nonsense', '--out', target],
      ['forecast', join(scratch, 'missing.yaml'), '--out', target],
    ]) {
      const { code } = await runParley(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(readFileSync(target, 'utf8'), 'previous result');
    }
    assert.deepEqual(readdirSync(scratch).filter((name) => name.endsWith('.tmp')), []);
  });

  describe('bad input exits 2 with a clear message and no stack trace', () => {
    const cases: [string, string[], RegExp][] = [
      ['unknown model', ['--model', 'oracle'], /^model: unknown model "oracle"; expected one of .*eum/u],
      ['unknown preset', ['--model', 'eum', '--preset', 'bdm2099'], /^preset: model "eum" has no preset "bdm2099"; expected one of default, scholz2011-code, scholz2011-paper/u],
      ['preset no model has', ['--preset', 'bdm2099'], /^preset: no model has a preset "bdm2099"/u],
      ['rounds not a number', ['--rounds', 'ten'], /^parley forecast: --rounds must be an integer ≥ 1, got "ten"\n\nUsage: parley forecast/u],
      ['rounds zero', ['--rounds', '0'], /--rounds must be an integer ≥ 1, got "0"/u],
      ['rounds negative', ['--rounds', '-1'], /^parley forecast: --rounds must be an integer ≥ 1, got "-1"\n\nUsage: parley forecast/u],
      ['a single-valued flag twice', ['--model', 'eum', '--model', 'mean'], /^parley forecast: --model is given more than once; give it once\n/u],
      ['an empty --out', ['--out', ''], /^parley forecast: --out needs a file name, got ""\n/u],
      ['rounds for a static model', ['--model', 'mean', '--rounds', '5'], /^rounds: model "mean" has no option "rounds"/u],
      ['two output formats', ['--json', '--csv'], /--json and --csv cannot be used together/u],
      ['unknown flag', ['--colour'], /^parley forecast: unknown option --colour\n\nUsage: parley forecast <file>/u],
    ];
    for (const [name, flags, message] of cases) {
      it(name, async () => {
        const { code, out, err } = await runParley(['forecast', example, ...flags]);
        assert.equal(code, 2);
        assert.equal(out, '');
        assert.match(err, message);
        assert.doesNotMatch(err, /\n\s+at /u);
      });
    }
  });
});
