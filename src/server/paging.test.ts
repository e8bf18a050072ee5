import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Problem } from '../errors.js';
import type { Page, RunSummary, ScenarioSummary, StoredRun, StoredScenario } from '../store/records.js';
import { crowdScenario, startTestServer, type TestServer } from '../../tests/support/workbench.js';
import { defaultPageLimit, maxPageLimit, parsePage } from './paging.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

const fieldsOf = (body: unknown): (string | undefined)[] => (body as { problems: Problem[] }).problems.map((problem) => problem.field);

test('the library is paged: limit and offset in the query, { items, total, limit, offset } back, in title order', async () => {
  for (const letter of ['e', 'b', 'g', 'a', 'f', 'c', 'd']) {
    assert.equal((await server.request('POST', '/api/scenarios', { scenario: { ...crowdScenario(3), title: `${letter} page test` } })).status, 201);
  }
  const all = (await server.request('GET', '/api/scenarios')).body as Page<ScenarioSummary>;
  assert.equal(all.total, 8);
  assert.equal(all.limit, defaultPageLimit);
  assert.equal(all.offset, 0);
  assert.equal(all.items.length, 8);
  const titles: string[] = [];
  for (let offset = 0; offset < all.total; offset += 3) {
    const page = (await server.request('GET', `/api/scenarios?limit=3&offset=${offset}`)).body as Page<ScenarioSummary>;
    assert.deepEqual({ total: page.total, limit: page.limit, offset: page.offset }, { total: 8, limit: 3, offset });
    assert.equal(page.items.length, Math.min(3, 8 - offset));
    titles.push(...page.items.map((entry) => entry.title));
  }
  assert.deepEqual(titles, all.items.map((entry) => entry.title));
  assert.deepEqual(titles.slice(0, 7), ['a page test', 'b page test', 'c page test', 'd page test', 'e page test', 'f page test', 'g page test']);
  const beyond = (await server.request('GET', '/api/scenarios?offset=100')).body as Page<ScenarioSummary>;
  assert.deepEqual(beyond, { items: [], total: 8, limit: defaultPageLimit, offset: 100 });
});

test("a scenario's runs are paged, newest first", async () => {
  const created = (await server.request('POST', '/api/scenarios', { scenario: crowdScenario(4) })).body as StoredScenario;
  const ids: number[] = [];
  for (let index = 0; index < 5; index++) ids.push(((await server.request('POST', `/api/scenarios/${created.id}/runs`, { model: 'mean' })).body as StoredRun).id);
  const first = (await server.request('GET', `/api/scenarios/${created.id}/runs?limit=2`)).body as Page<RunSummary>;
  assert.deepEqual({ total: first.total, limit: first.limit, offset: first.offset }, { total: 5, limit: 2, offset: 0 });
  assert.deepEqual(first.items.map((run) => run.id), [ids[4], ids[3]]);
  const last = (await server.request('GET', `/api/scenarios/${created.id}/runs?limit=2&offset=4`)).body as Page<RunSummary>;
  assert.deepEqual(last.items.map((run) => run.id), [ids[0]]);
});

test('bad limit or offset is a 400 naming the field', async () => {
  const created = (await server.request('POST', '/api/scenarios', { scenario: crowdScenario(2) })).body as StoredScenario;
  const cases: [string, string[]][] = [
    ['limit=0', ['limit']],
    [`limit=${maxPageLimit + 1}`, ['limit']],
    ['limit=ten', ['limit']],
    ['limit=2.5', ['limit']],
    ['limit=', ['limit']],
    ['offset=-1', ['offset']],
    ['offset=1e3', ['offset']],
    ['limit=-4&offset=x', ['limit', 'offset']],
    ['limit=5&limit=6', ['limit']],
  ];
  for (const path of ['/api/scenarios', `/api/scenarios/${created.id}/runs`]) {
    for (const [query, fields] of cases) {
      const response = await server.request('GET', `${path}?${query}`);
      assert.equal(response.status, 400, `${path}?${query}: ${response.text}`);
      assert.deepEqual(fieldsOf(response.body), fields, query);
    }
  }
  const [problem] = (((await server.request('GET', '/api/scenarios?limit=9999')).body) as { problems: Problem[] }).problems;
  assert.equal(problem?.message, `expected a whole number from 1 to ${maxPageLimit}, got "9999"`);
});

test('parsePage: the defaults, and the bounds', () => {
  assert.deepEqual(parsePage(new URLSearchParams('')), { limit: defaultPageLimit, offset: 0 });
  assert.deepEqual(parsePage(new URLSearchParams(`limit=1&offset=0`)), { limit: 1, offset: 0 });
  assert.deepEqual(parsePage(new URLSearchParams(`limit=${maxPageLimit}&offset=12345`)), { limit: maxPageLimit, offset: 12345 });
});
