import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LedgerScore } from '../analysis/ledger/entries.js';
import { scoreLedger } from '../analysis/ledger/entries.js';
import type { Problem } from '../errors.js';
import { entriesToSeal } from '../node/ledgerSeal.js';
import type { Scenario } from '../scenario/schema.js';
import type { LedgerEntry } from '../store/ledger.js';
import { startTestServer, type TestServer } from '../../tests/support/workbench.js';
import type { Page } from './ledgerApi.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

const tiny: Scenario = {
  title: 'Tiny ledger',
  salienceScale: 1,
  issues: [
    { id: 'talks', scale: { min: 0, max: 10 } },
    { id: 'aid', scale: { min: 0, max: 100 }, statusQuo: 30 },
  ],
  actors: [
    { id: 'a', capability: 3, stances: { talks: { position: 2, salience: 0.5 }, aid: { position: 20, salience: 0.4 } } },
    { id: 'b', capability: 1, stances: { talks: { position: 8, salience: 1 }, aid: { position: 80, salience: 0.9 } } },
    { id: 'c', capability: 2, stances: { talks: { position: 5, salience: 0.8 }, aid: { position: 50, salience: 0.6 } } },
  ],
  questions: [{ id: 'deal', text: 'Will aid reach at least 45?', issue: 'aid', threshold: 45, direction: 'at-least' }],
};

const problemsOf = (body: unknown): Problem[] => (body as { problems: Problem[] }).problems;
const messageOf = (body: unknown): string => (body as { error: string }).error;

describe('the ledger API', () => {
  let sealed: LedgerEntry[] = [];

  test('an empty ledger lists a page with nothing on it', async () => {
    const { status, body } = await server.request('GET', '/api/ledger');
    assert.equal(status, 200);
    assert.deepEqual(body, { items: [], total: 0, limit: 200, offset: 0 });
  });

  test('POST seals the answer the server computes, as parley ledger add does, one entry per issue', async () => {
    const { status, body } = await server.request('POST', '/api/ledger', { scenario: tiny });
    assert.equal(status, 201);
    sealed = (body as { items: LedgerEntry[] }).items;
    const expected = entriesToSeal(tiny);
    assert.deepEqual(sealed.map((entry) => entry.issue), ['talks', 'aid']);
    for (const [index, entry] of sealed.entries()) {
      assert.equal(entry.forecast, expected[index]!.forecast);
      assert.deepEqual(entry.quantiles, expected[index]!.quantiles);
      assert.deepEqual(entry.probabilities, expected[index]!.probabilities);
      assert.equal(entry.scenarioHash, expected[index]!.scenarioHash);
      assert.equal(entry.resolution, undefined);
    }
    assert.deepEqual(sealed[1]!.probabilities.map((p) => p.question ?? null), [null, 'deal']);
  });

  test('the list is paged: limit and offset, newest first, with the total', async () => {
    await server.request('POST', '/api/ledger', { scenario: { ...tiny, title: 'Tiny again' } });
    const all = (await server.request('GET', '/api/ledger')).body as Page<LedgerEntry>;
    assert.equal(all.total, 4);
    assert.deepEqual(all.items.map((entry) => entry.id), [4, 3, 2, 1]);
    const page = (await server.request('GET', '/api/ledger?limit=2&offset=1')).body as Page<LedgerEntry>;
    assert.deepEqual({ ids: page.items.map((entry) => entry.id), total: page.total, limit: page.limit, offset: page.offset }, { ids: [3, 2], total: 4, limit: 2, offset: 1 });
    const beyond = (await server.request('GET', '/api/ledger?offset=10')).body as Page<LedgerEntry>;
    assert.deepEqual(beyond.items, []);
  });

  test('bad paging is a 400 naming the field', async () => {
    for (const [query, field] of [['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=ten', 'limit'], ['offset=-1', 'offset'], ['offset=1.5', 'offset']] as const) {
      const response = await server.request('GET', `/api/ledger?${query}`);
      assert.equal(response.status, 400, query);
      assert.deepEqual(problemsOf(response.body).map((problem) => problem.field), [field], query);
    }
  });

  test('bad input to seal or resolve: 400 with field-level problems; unknown ids 404', async () => {
    const invalid = await server.request('POST', '/api/ledger', { scenario: { ...tiny, actors: [{ ...tiny.actors[0]!, capability: -1 }, ...tiny.actors.slice(1)] } });
    assert.equal(invalid.status, 400);
    assert.ok(problemsOf(invalid.body).some((problem) => problem.field === 'actors[0].capability'), invalid.text);
    const missing = await server.request('POST', '/api/ledger', {});
    assert.equal(missing.status, 400);
    assert.deepEqual(problemsOf(missing.body).map((problem) => problem.field), ['scenario']);
    const extra = await server.request('POST', '/api/ledger', { scenario: tiny, forecast: 99 });
    assert.equal(extra.status, 400);
    assert.deepEqual(problemsOf(extra.body).map((problem) => problem.field), ['forecast']);
    const noOutcome = await server.request('POST', `/api/ledger/${sealed[0]!.id}/resolution`, { outcome: 'high' });
    assert.equal(noOutcome.status, 400);
    assert.deepEqual(problemsOf(noOutcome.body).map((problem) => problem.field), ['outcome']);
    const offScale = await server.request('POST', `/api/ledger/${sealed[0]!.id}/resolution`, { outcome: 11 });
    assert.equal(offScale.status, 400);
    assert.match(problemsOf(offScale.body)[0]!.message, /outside issue "talks"'s scale \[0, 10\]/u);
    assert.equal((await server.request('POST', '/api/ledger/999/resolution', { outcome: 1 })).status, 404);
    assert.equal((await server.request('GET', '/api/ledger/999')).status, 404);
    assert.equal((await server.request('GET', '/api/ledger/abc')).status, 404);
  });

  test('resolve once; a second resolution and any edit or delete of a sealed entry are 409', async () => {
    const first = await server.request('POST', `/api/ledger/${sealed[1]!.id}/resolution`, { outcome: 52 });
    assert.equal(first.status, 200);
    assert.equal((first.body as LedgerEntry).resolution?.outcome, 52);
    const again = await server.request('POST', `/api/ledger/${sealed[1]!.id}/resolution`, { outcome: 40 });
    assert.equal(again.status, 409);
    assert.match(messageOf(again.body), /already resolved \(outcome 52.*a resolution is final/u);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const response = await server.request(method, `/api/ledger/${sealed[0]!.id}`, method === 'DELETE' ? undefined : { forecast: 1 });
      assert.equal(response.status, 409, method);
      assert.match(messageOf(response.body), /is sealed: it can never be edited or deleted/u);
    }
    const stored = (await server.request('GET', `/api/ledger/${sealed[0]!.id}`)).body as LedgerEntry;
    assert.equal(stored.forecast, sealed[0]!.forecast);
  });

  test('the scores are parley ledger score --json: Brier, CRPS and calibration bins', async () => {
    const { status, body } = await server.request('GET', '/api/ledger/score');
    assert.equal(status, 200);
    const score = body as LedgerScore;
    const all = (await server.request('GET', '/api/ledger')).body as Page<LedgerEntry>;
    assert.deepEqual(score, scoreLedger([...all.items].reverse()));
    assert.equal(score.overall.resolved, 1);
    assert.equal(score.overall.open, 3);
    const entry = score.entries[0]!;
    // The question "aid ≥ 45" happened (52): its Brier score is (p − 1)².
    const question = sealed[1]!.probabilities.find((p) => p.question === 'deal')!;
    assert.equal(entry.probabilities[1]!.happened, true);
    assert.ok(Math.abs(entry.probabilities[1]!.brier - (question.probability - 1) ** 2) < 1e-15);
    assert.equal(score.calibration.length, 10);
    assert.equal(score.calibration.reduce((sum, bin) => sum + bin.count, 0), 2);
  });
});
