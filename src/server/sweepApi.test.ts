import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseNoise, parseThreshold, runSweep } from '../analysis/sweep/index.js';
import type { Problem } from '../errors.js';
import type { Page, RunSummary, StoredRun, StoredScenario } from '../store/records.js';
import { startTestServer, type TestServer } from '../../tests/support/workbench.js';

let server: TestServer;
let worked: StoredScenario;
before(async () => {
  server = await startTestServer();
  worked = (await server.request('GET', '/api/scenarios/1')).body as StoredScenario;
});
after(() => server.stop());

const noise = ['position=normal:5%', 'salience=normal:10%', 'capability=normal:10%'];

test('a stored sweep is exactly the library sweep, with its baseline as the forecast', async () => {
  const body = { model: 'eum', runs: 64, seed: 7, noise, thresholds: ['settlement:50'] };
  const { status, body: run } = await server.request('POST', `/api/scenarios/${worked.id}/sweeps`, body);
  assert.equal(status, 201);
  const stored = run as StoredRun;
  assert.equal(stored.kind, 'sweep');
  const library = runSweep({ scenario: worked.scenario, model: 'eum', runs: 64, seed: 7, noise: noise.map((text) => parseNoise(text)), thresholds: [parseThreshold('settlement:50')] });
  // Compared as stored (JSON): the library's records keyed by actor ids have no prototype.
  assert.deepEqual(stored.sweepResult, JSON.parse(JSON.stringify(library)));
  assert.deepEqual(
    stored.forecast.issues.map((issue) => issue.outcome),
    library.issues.map((issue) => issue.baseline),
  );
  const fetched = (await server.request('GET', `/api/runs/${stored.id}`)).body as StoredRun;
  assert.deepEqual(fetched.sweepResult, JSON.parse(JSON.stringify(library)));
  const [summary] = ((await server.request('GET', `/api/scenarios/${worked.id}/runs`)).body as Page<RunSummary>).items;
  assert.equal(summary?.kind, 'sweep');
  assert.equal(summary?.sweep?.runs, 64);
  assert.equal(summary?.sweep?.issues[0]?.p50, library.issues[0]!.quantiles.p50);
});

test('a large sweep runs on worker threads and is still bit-identical', async () => {
  const body = { model: 'weighted-mean', runs: 2500, seed: 11, noise: ['position=uniform:10'], bins: 10 };
  const { status, body: run } = await server.request('POST', `/api/scenarios/${worked.id}/sweeps`, body);
  assert.equal(status, 201);
  const library = runSweep({ scenario: worked.scenario, model: 'weighted-mean', runs: 2500, seed: 11, noise: [parseNoise('position=uniform:10')], histogramBins: 10 });
  assert.deepEqual((run as StoredRun).sweepResult, JSON.parse(JSON.stringify(library)));
});

test('bad sweep requests are 400s naming the field; unknown scenarios 404', async () => {
  const fieldsOf = async (body: unknown) => {
    const { status, body: answer } = await server.request('POST', `/api/scenarios/${worked.id}/sweeps`, body);
    assert.equal(status, 400);
    return (answer as { problems: Problem[] }).problems.map((problem) => problem.field);
  };
  assert.deepEqual(await fieldsOf({ model: 'eum', runs: 0, seed: 1 }), ['runs']);
  assert.deepEqual(await fieldsOf({ model: 'eum', runs: 200_000, seed: 1 }), ['runs']);
  assert.deepEqual(await fieldsOf({ model: 'eum', runs: 10, seed: 1, noise: ['position=gamma:5'] }), ['noise[0]']);
  assert.ok((await fieldsOf({ model: 'eum', runs: 10, seed: 1, noise: ['nobody.position=normal:5'] })).length > 0);
  assert.deepEqual(await fieldsOf({ model: 'nope', runs: 10, seed: 1 }), ['model']);
  assert.equal((await server.request('POST', '/api/scenarios/999/sweeps', { model: 'eum', runs: 10, seed: 1 })).status, 404);
});
