/**
 * One request never freezes the server (issue 14 item 8): models run on worker threads, so
 * `/api/health` answers during a long run; a run past its deadline answers 504 and the next one
 * works; a scenario too large to run is refused before any work.
 *
 * The bound on /api/health is a test of responsiveness, not a speed target: generous for a loaded
 * 2-core machine, and still far below the seconds the run takes (it failed when runs held the loop).
 * That test runs `parley serve` in a child process: a server in the test's own process would hold
 * the test's clock too while it is blocked.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Problem } from '../errors.js';
import { runModel } from '../models/registry.js';
import type { StoredRun, StoredScenario } from '../store/records.js';
import { killHard, spawnServer, type ServerProcess } from '../../tests/support/serverProcess.js';
import { crowdScenario, jsonRequest, startTestServer, type TestServer } from '../../tests/support/workbench.js';
import { maxWorkbenchActors, maxWorkbenchStances } from './runLimits.js';

const healthBoundMs = 1000;

let server: TestServer;
let scenarioId: number;
before(async () => {
  server = await startTestServer();
  scenarioId = await createScenario(server);
});
after(() => server.stop());

async function createScenario(target: { request: TestServer['request'] }): Promise<number> {
  const created = await target.request('POST', '/api/scenarios', { scenario: crowdScenario(5) });
  assert.equal(created.status, 201);
  return (created.body as StoredScenario).id;
}

/** Milliseconds one /api/health request takes. */
async function healthLatency(baseUrl: string): Promise<number> {
  const began = performance.now();
  const { status } = await jsonRequest(baseUrl, 'GET', '/api/health');
  assert.equal(status, 200);
  return performance.now() - began;
}

describe('a long run', () => {
  let directory: string;
  let child: ServerProcess;
  const request: TestServer['request'] = (method, path, body) => jsonRequest(child.url, method, path, body);
  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-responsive-'));
    child = await spawnServer(join(directory, 'parley.db'));
  });
  after(async () => {
    await killHard(child);
    rmSync(directory, { recursive: true, force: true });
  });

  test('/api/health keeps answering while an SMP run on 80 actors computes, and the run is the in-process one', async () => {
    const id = await createScenario({ request });
    // Start the model thread first, so that the probes below fall in the run itself.
    assert.equal((await request('POST', `/api/scenarios/${id}/runs`, { model: 'mean' })).status, 201);
    // About 4 s of computing on an idle core.
    const scenario = crowdScenario(80);
    const body = { model: 'smp', scenario };
    let settled = false;
    const run = request('POST', `/api/scenarios/${id}/runs`, body).finally(() => (settled = true));
    const latencies: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 100));
    while (!settled || latencies.length < 5) {
      latencies.push(await healthLatency(child.url));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const saved = await run;
    assert.equal(saved.status, 201, saved.text.slice(0, 300));
    assert.ok(latencies.length >= 5, `only ${latencies.length} probes during the run`);
    assert.ok(Math.max(...latencies) < healthBoundMs, `/api/health took ${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms during the run`);
    const expected = runModel('smp', scenario, {});
    assert.equal(JSON.stringify((saved.body as StoredRun).forecast), JSON.stringify(expected));
  });
});

describe('a run past its deadline', () => {
  let short: TestServer;
  before(async () => {
    short = await startTestServer({ runTimeoutMs: 2000 });
  });
  after(() => short.stop());

  test('answers 504 with one clear message; the server keeps answering and the next run works', async () => {
    const runs = `/api/scenarios/${await createScenario(short)}/runs`;
    let settled = false;
    // SMP on 250 actors computes for minutes: always past the 2 s deadline, however fast the EUM gets.
    const slow = short.request('POST', runs, { model: 'smp', scenario: crowdScenario(250) }).finally(() => (settled = true));
    while (!settled) {
      assert.equal((await short.request('GET', '/api/health')).status, 200);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const stopped = await slow;
    assert.equal(stopped.status, 504, stopped.text.slice(0, 300));
    assert.deepEqual(stopped.body, { error: 'the run took longer than the workbench allows (2 s) and was stopped: use the parley CLI for a run this large, or fewer actors or rounds' });
    const next = await short.request('POST', runs, { model: 'eum', options: { rounds: 3 } });
    assert.equal(next.status, 201, next.text.slice(0, 300));
  });
});

describe('scenario size', () => {
  const problemsOf = (body: unknown): Problem[] => (body as { problems: Problem[] }).problems;

  test(`more than ${maxWorkbenchActors} actors, or ${maxWorkbenchStances} actors × issues, is a 400 naming the field, for runs and sweeps`, async () => {
    const cases: [ReturnType<typeof crowdScenario>, string, RegExp][] = [
      [crowdScenario(maxWorkbenchActors + 1), 'scenario.actors', /at most 500 actors, this one has 501/u],
      [crowdScenario(100, 51), 'scenario.issues', /at most 5000 actors × issues, this one has 100 actors × 51 issues = 5100/u],
    ];
    for (const [scenario, field, message] of cases) {
      for (const [path, extra] of [['runs', {}], ['sweeps', { runs: 10, seed: 1 }]] as const) {
        const began = performance.now();
        const response = await server.request('POST', `/api/scenarios/${scenarioId}/${path}`, { model: 'smp', scenario, ...extra });
        assert.equal(response.status, 400, `${path}: ${response.text.slice(0, 300)}`);
        const [problem] = problemsOf(response.body);
        assert.equal(problem?.field, field, path);
        assert.match(problem?.message ?? '', message);
        // Refused before any work: an SMP run of this size would take minutes.
        assert.ok(performance.now() - began < 5000);
      }
    }
    const fits = await server.request('POST', `/api/scenarios/${scenarioId}/runs`, { model: 'weighted-median', scenario: crowdScenario(100, 50) });
    assert.equal(fits.status, 201, fits.text.slice(0, 300));
  });
});
