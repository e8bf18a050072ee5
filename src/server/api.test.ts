import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Problem } from '../errors.js';
import { runModel } from '../models/registry.js';
import type { Scenario } from '../scenario/schema.js';
import type { Page, RunSummary, ScenarioSummary, StoredDraft, StoredRun, StoredScenario } from '../store/records.js';
import { fromShared } from '../../tests/support/paths.js';
import { startTestServer, type TestServer } from '../../tests/support/workbench.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

const tiny: Scenario = {
  title: 'Tiny',
  salienceScale: 1,
  issues: [{ id: 'talks', scale: { min: 0, max: 10, minLabel: 'none', maxLabel: 'full' } }],
  actors: [
    { id: 'a', capability: 3, stances: { talks: { position: 2, salience: 0.5 } } },
    { id: 'b', capability: 1, stances: { talks: { position: 8, salience: 1 } } },
    { id: 'c', capability: 2, stances: { talks: { position: 5, salience: 0.8 } } },
  ],
};

/** Every error answer is JSON with a message, and never a stack trace. */
function assertCleanError(response: { text: string; body: unknown }): void {
  assert.equal(typeof (response.body as { error?: unknown }).error, 'string', response.text);
  assert.doesNotMatch(response.text, /\n\s+at |\.ts:\d+|\.js:\d+/u);
}

const problemsOf = (body: unknown): Problem[] => (body as { problems: Problem[] }).problems;

describe('the scenario library', () => {
  test('a fresh database holds the worked example', async () => {
    const { status, body } = await server.request('GET', '/api/scenarios');
    assert.equal(status, 200);
    const { items: list, total } = body as Page<ScenarioSummary>;
    assert.equal(total, 1);
    assert.equal(list.length, 1);
    assert.match(list[0]!.title, /back-channel/u);
    const one = await server.request('GET', `/api/scenarios/${list[0]!.id}`);
    assert.deepEqual(
      (one.body as StoredScenario).scenario.issues.map((issue) => issue.id),
      ['settlement', 'talks'],
    );
  });

  test('create, rename, duplicate, update and delete', async () => {
    const created = await server.request('POST', '/api/scenarios', { scenario: tiny });
    assert.equal(created.status, 201);
    const id = (created.body as StoredScenario).id;
    assert.deepEqual((created.body as StoredScenario).scenario, tiny);

    const renamed = await server.request('PATCH', `/api/scenarios/${id}`, { title: 'Tiny, renamed' });
    assert.equal(renamed.status, 200);
    assert.equal((renamed.body as StoredScenario).scenario.title, 'Tiny, renamed');

    const copy = await server.request('POST', `/api/scenarios/${id}/duplicate`);
    assert.equal(copy.status, 201);
    assert.equal((copy.body as StoredScenario).title, 'Tiny, renamed (copy)');

    const changed = { ...tiny, title: 'Tiny v2' };
    const updated = await server.request('PUT', `/api/scenarios/${id}`, { scenario: changed });
    assert.equal(updated.status, 200);
    assert.deepEqual((updated.body as StoredScenario).scenario, changed);
    assert.deepEqual(((await server.request('GET', `/api/scenarios/${id}`)).body as StoredScenario).scenario, changed);

    assert.equal((await server.request('DELETE', `/api/scenarios/${id}`)).status, 204);
    assert.equal((await server.request('GET', `/api/scenarios/${id}`)).status, 404);
    assert.equal((await server.request('DELETE', `/api/scenarios/${(copy.body as StoredScenario).id}`)).status, 204);
  });

  test('an invalid scenario is a 400 naming every bad field', async () => {
    const bad = {
      ...tiny,
      actors: [
        { id: 'a', capability: -1, stances: { talks: { position: 2, salience: 0.5 } } },
        { id: 'b', capability: 1, stances: { talks: { position: 'far', salience: 0.5 } } },
      ],
    };
    const response = await server.request('POST', '/api/scenarios', { scenario: bad });
    assert.equal(response.status, 400);
    assertCleanError(response);
    const fields = problemsOf(response.body).map((problem) => problem.field);
    assert.ok(fields.includes('actors[0].capability'), JSON.stringify(fields));
    assert.ok(fields.includes('actors[1].stances.talks.position'), JSON.stringify(fields));
  });

  test('the request envelope is checked too', async () => {
    const missing = await server.request('POST', '/api/scenarios', { scenery: tiny });
    assert.equal(missing.status, 400);
    assertCleanError(missing);
    const rename = await server.request('PATCH', '/api/scenarios/1', { title: '  ' });
    assert.equal(rename.status, 400);
    assert.deepEqual(problemsOf(rename.body).map((problem) => problem.field), ['title']);
    const notJson = await server.request('POST', '/api/scenarios', '{"scenario": ');
    assert.equal(notJson.status, 400);
    assertCleanError(notJson);
  });

  test('unknown ids and endpoints are 404, wrong methods 405', async () => {
    for (const path of ['/api/scenarios/9999', '/api/scenarios/abc', '/api/runs/9999', '/api/nothing']) {
      const response = await server.request('GET', path);
      assert.equal(response.status, 404, path);
      assertCleanError(response);
    }
    assert.equal((await server.request('PUT', '/api/scenarios/9999', { scenario: tiny })).status, 404);
    assert.equal((await server.request('DELETE', '/api/scenarios')).status, 405);
  });

  test('a body over 1 MB is refused with 413', async () => {
    const huge = { scenario: { ...tiny, description: 'x'.repeat(1024 * 1024 + 10) } };
    const response = await server.request('POST', '/api/scenarios', huge);
    assert.equal(response.status, 413);
    assertCleanError(response);
    // The server is still fine afterwards.
    assert.equal((await server.request('GET', '/api/health')).status, 200);
  });

  test('import YAML, JSON and CSV; a bad file is a 400 with its line', async () => {
    const yaml = `title: Imported\nsalienceScale: 1\nissues:\n  - id: x\nactors:\n  - id: p\n    capability: 1\n    stances: { x: { position: 10, salience: 0.5 } }\n  - id: q\n    capability: 2\n    stances: { x: { position: 90, salience: 0.5 } }\n`;
    const fromYaml = await server.request('POST', '/api/scenarios/import', { text: yaml, file: 'imported.yaml' });
    assert.equal(fromYaml.status, 201, fromYaml.text);
    const fromJson = await server.request('POST', '/api/scenarios/import', { text: JSON.stringify(tiny), file: 'tiny.json' });
    assert.equal(fromJson.status, 201, fromJson.text);
    assert.deepEqual((fromJson.body as StoredScenario).scenario, tiny);

    const csv = 'actor,issue,capability,position,salience\np,x,1,10,0.5\nq,x,2,oops,0.5\n';
    const badCsv = await server.request('POST', '/api/scenarios/import', { text: csv, file: 'bad.csv' });
    assert.equal(badCsv.status, 400);
    assertCleanError(badCsv);
    assert.ok(problemsOf(badCsv.body).some((problem) => problem.line === 3), badCsv.text);
  });

  test('import a KTAB SMP file (CSV or XML) through the same entry point as the CLI', async () => {
    for (const file of ['dummyData_3Dim.csv', 'dummyData_3Dim-fixed.xml']) {
      const text = readFileSync(fromShared('vectors', 'ktab', 'inputs', file), 'utf8');
      const imported = await server.request('POST', '/api/scenarios/import', { text, file });
      assert.equal(imported.status, 201, imported.text);
      const scenario = (imported.body as StoredScenario).scenario;
      assert.equal(scenario.actors.length, 7, file);
      assert.equal(scenario.issues.length, 3, file);
    }
  });

  test('export as YAML, JSON and CSV reads back as the same scenario', async () => {
    const created = (await server.request('POST', '/api/scenarios', { scenario: tiny })).body as StoredScenario;
    for (const format of ['yaml', 'json', 'csv']) {
      const exported = await server.request('GET', `/api/scenarios/${created.id}/export?format=${format}`);
      assert.equal(exported.status, 200);
      assert.match(exported.headers.get('content-disposition') ?? '', new RegExp(`tiny\\.${format}`, 'u'));
      const back = await server.request('POST', '/api/scenarios/import', { text: exported.text, file: `again.${format}` });
      assert.equal(back.status, 201, `${format}: ${back.text}`);
      const scenario = (back.body as StoredScenario).scenario;
      assert.deepEqual(scenario.actors.map((actor) => actor.stances), tiny.actors.map((actor) => actor.stances), format);
    }
    const unknown = await server.request('GET', `/api/scenarios/${created.id}/export?format=xlsx`);
    assert.equal(unknown.status, 400);
    assert.equal(problemsOf(unknown.body)[0]?.field, 'format');
  });
});

describe('drafts (scenarios saved with problems)', () => {
  const bad = { ...tiny, title: 'Half done', actors: tiny.actors.map((actor, index) => (index === 0 ? { ...actor, capability: -1 } : actor)) };

  test('POST and PUT with draft: true keep a scenario with problems; without it, it is the 400 it was', async () => {
    const refused = await server.request('POST', '/api/scenarios', { scenario: bad });
    assert.equal(refused.status, 400);
    const created = await server.request('POST', '/api/scenarios', { scenario: bad, draft: true });
    assert.equal(created.status, 201, created.text);
    const draft = created.body as StoredDraft;
    assert.equal(draft.draft, true);
    assert.deepEqual(draft.scenario, bad);
    assert.deepEqual(draft.problems.map((problem) => problem.field), ['actors[0].capability']);
    const listed = (await server.request('GET', '/api/scenarios')).body as ScenarioSummary[] | { items: ScenarioSummary[] };
    const items = Array.isArray(listed) ? listed : listed.items;
    assert.equal(items.find((entry) => entry.id === draft.id)?.draft, true);
    assert.deepEqual(((await server.request('GET', `/api/scenarios/${draft.id}`)).body as StoredDraft).problems, draft.problems);

    // A draft cannot run, be swept or exported: 409 with its problems.
    for (const [method, path, body] of [
      ['POST', `/api/scenarios/${draft.id}/runs`, { model: 'weighted-mean' }],
      ['POST', `/api/scenarios/${draft.id}/sweeps`, { model: 'weighted-mean', runs: 4, seed: 1 }],
      ['GET', `/api/scenarios/${draft.id}/export?format=yaml`, undefined],
    ] as const) {
      const answer = await server.request(method, path, body);
      assert.equal(answer.status, 409, `${path}: ${answer.text}`);
      assertCleanError(answer);
      assert.match((answer.body as { error: string }).error, /draft with 1 problem/u);
      assert.equal(problemsOf(answer.body)[0]?.field, 'actors[0].capability');
    }
    assert.equal((await server.request('GET', `/api/scenarios/${draft.id}/runs`)).status, 200);
    assert.equal(((await server.request('PATCH', `/api/scenarios/${draft.id}`, { title: 'Renamed draft' })).body as StoredDraft).draft, true);
    assert.equal(((await server.request('POST', `/api/scenarios/${draft.id}/duplicate`)).body as StoredDraft).draft, true);

    const fixed = await server.request('PUT', `/api/scenarios/${draft.id}`, { scenario: tiny, draft: true });
    assert.equal(fixed.status, 200);
    assert.equal((fixed.body as StoredScenario).draft, undefined, 'a valid save completes the draft');
    assert.equal((await server.request('POST', `/api/scenarios/${draft.id}/runs`, { model: 'weighted-mean' })).status, 201);
    const again = await server.request('PUT', `/api/scenarios/${draft.id}`, { scenario: bad, draft: true });
    assert.equal((again.body as StoredDraft).draft, true);
    assert.equal((await server.request('PUT', `/api/scenarios/${draft.id}`, { scenario: 'text', draft: true })).status, 400, 'a draft is an object');
    assert.equal((await server.request('DELETE', `/api/scenarios/${draft.id}`)).status, 204);
  });

  test('import with draft: true keeps a file that reads but does not validate; a file that does not read is a 400 with its line', async () => {
    const csv = 'actor,issue,capability,position,salience\np,x,1,10,0.5\nq,x,2,oops,0.5\n';
    const imported = await server.request('POST', '/api/scenarios/import', { text: csv, file: 'bad.csv', draft: true });
    assert.equal(imported.status, 201, imported.text);
    const draft = imported.body as StoredDraft;
    assert.equal(draft.draft, true);
    assert.equal(draft.title, 'bad');
    assert.ok(draft.problems.some((problem) => problem.line === 3 && problem.field === 'actors[1].stances.x.position'), imported.text);
    assert.equal((draft.scenario as { actors: unknown[] }).actors.length, 2);

    const good = await server.request('POST', '/api/scenarios/import', { text: JSON.stringify(tiny), file: 'tiny.json', draft: true });
    assert.equal((good.body as StoredScenario).draft, undefined);

    const broken = await server.request('POST', '/api/scenarios/import', { text: 'title: [unclosed\nissues: x\n', file: 'broken.yaml', draft: true });
    assert.equal(broken.status, 400);
    assert.ok(problemsOf(broken.body)[0]?.line !== undefined, broken.text);
  });
});

describe('the run history', () => {
  test('a run stores the snapshot, resolved options, version and the forecast Parley computes', async () => {
    const created = (await server.request('POST', '/api/scenarios', { scenario: tiny })).body as StoredScenario;
    const draft = { ...tiny, actors: tiny.actors.map((actor) => (actor.id === 'b' ? { ...actor, capability: 5 } : actor)) };
    const saved = await server.request('POST', `/api/scenarios/${created.id}/runs`, {
      scenario: draft,
      model: 'eum',
      preset: 'scholz2011-code',
      options: { rounds: 4 },
    });
    assert.equal(saved.status, 201, saved.text);
    const run = saved.body as StoredRun;
    const expected = runModel('eum', draft, { preset: 'scholz2011-code', options: { rounds: 4 } });
    // Compared as stored (JSON): the library's records keyed by actor ids have no prototype.
    assert.deepEqual(run.forecast, JSON.parse(JSON.stringify(expected)));
    assert.deepEqual(run.scenario, draft);
    assert.equal(run.options.rounds, 4);
    assert.equal(run.preset, 'scholz2011-code');
    assert.match(run.parleyVersion, /^\d+\.\d+\.\d+/u);

    const list = ((await server.request('GET', `/api/scenarios/${created.id}/runs`)).body as Page<RunSummary>).items;
    assert.deepEqual(list.map((entry) => entry.id), [run.id]);
    assert.deepEqual((await server.request('GET', `/api/runs/${run.id}`)).body, run);

    assert.equal((await server.request('DELETE', `/api/runs/${run.id}`)).status, 204);
    assert.equal((await server.request('GET', `/api/runs/${run.id}`)).status, 404);
  });

  test('unknown models, presets and bad options are 400s naming the field', async () => {
    const created = (await server.request('POST', '/api/scenarios', { scenario: tiny })).body as StoredScenario;
    const cases: [Record<string, unknown>, string][] = [
      [{ model: 'oracle' }, 'model'],
      [{ model: 'eum', preset: 'nope' }, 'preset'],
      [{ model: 'eum', options: { rounds: -3 } }, 'options.rounds'],
    ];
    for (const [body, field] of cases) {
      const response = await server.request('POST', `/api/scenarios/${created.id}/runs`, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assertCleanError(response);
      assert.equal(problemsOf(response.body)[0]?.field, field);
    }
    assert.equal((await server.request('POST', '/api/scenarios/9999/runs', { model: 'eum' })).status, 404);
  });

  test('models are listed with their presets', async () => {
    const { body } = await server.request('GET', '/api/models');
    const eum = (body as { id: string; presets: { name: string }[] }[]).find((model) => model.id === 'eum');
    assert.deepEqual(eum?.presets.map((preset) => preset.name).sort(), ['default', 'scholz2011-code', 'scholz2011-paper']);
  });
});

describe('methods and paths', () => {
  test('HEAD answers a GET route with the same headers and no body', async () => {
    for (const path of ['/api/health', '/api/scenarios/1', '/api/scenarios/1/export?format=csv']) {
      const get = await server.request('GET', path);
      const head = await server.request('HEAD', path);
      assert.equal(head.status, 200, path);
      assert.equal(head.text, '');
      for (const name of ['content-type', 'content-length', 'content-disposition']) assert.equal(head.headers.get(name), get.headers.get(name), `${path} ${name}`);
    }
    assert.equal((await server.request('HEAD', '/api/scenarios/9999')).status, 404);
  });

  test('405 says which methods are allowed; OPTIONS answers 204 with them', async () => {
    const methodsOf = (allow: string | null) => new Set((allow ?? '').split(',').map((method) => method.trim()));
    const wrong = await server.request('DELETE', '/api/scenarios');
    assert.equal(wrong.status, 405);
    assert.deepEqual(methodsOf(wrong.headers.get('allow')), new Set(['GET', 'HEAD', 'POST', 'OPTIONS']));
    const options = await server.request('OPTIONS', '/api/runs/3');
    assert.equal(options.status, 204);
    assert.deepEqual(methodsOf(options.headers.get('allow')), new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']));
    assert.equal(options.headers.get('access-control-allow-origin'), null);
    assert.equal((await server.request('OPTIONS', '/api/nothing')).status, 404);
    const app = await server.request('POST', '/');
    assert.equal(app.status, 405);
    assert.deepEqual(methodsOf(app.headers.get('allow')), new Set(['GET', 'HEAD', 'OPTIONS']));
    assert.equal((await server.request('OPTIONS', '/')).status, 204);
  });

  test('malformed percent-encoding in a path is a 400, not an internal error', async () => {
    for (const [method, path] of [['GET', '/api/scenarios/%E0%A4%A'], ['GET', '/api/runs/%'], ['DELETE', '/api/runs/%ZZ'], ['GET', '/api/scenarios/%C0%AF/runs']]) {
      const response = await server.request(method!, path!);
      assert.equal(response.status, 400, `${method} ${path}: ${response.text}`);
      assertCleanError(response);
    }
  });
});

describe('plain error messages', () => {
  test('envelope problems say "required" and "unknown field", never zod\'s wording', async () => {
    const created = (await server.request('POST', '/api/scenarios', { scenario: tiny })).body as StoredScenario;
    const cases: [string, string, unknown, Problem[] | RegExp][] = [
      ['POST', '/api/scenarios', {}, [{ field: 'scenario', message: 'required' }]],
      ['POST', '/api/scenarios', { scenario: tiny, x: 1 }, /^x: unknown field "x"; expected one of scenario, draft$/u],
      ['POST', `/api/scenarios/${created.id}/runs`, { model: 'eum', options: { rounds: 'many', bogus: true } }, /options\.rounds: expected a number, got "many"\n.*options\.bogus: unknown field "bogus"/su],
      ['POST', `/api/scenarios/${created.id}/runs`, { model: 'eum', options: { T: 'sometimes' } }, /^options\.T: expected one of "geometric", "always", "never", got "sometimes"$/u],
      ['POST', `/api/scenarios/${created.id}/sweeps`, { model: 'eum', runs: 10 }, /^seed: missing; expected a number$/u],
    ];
    for (const [method, path, body, expected] of cases) {
      const response = await server.request(method, path, body);
      assert.equal(response.status, 400, response.text);
      assert.doesNotMatch(response.text, /nonoptional|Unrecognized key|Invalid input|Too (small|big)|received/u);
      const problems = problemsOf(response.body);
      if (expected instanceof RegExp) assert.match(problems.map((problem) => `${problem.field}: ${problem.message}`).join('\n'), expected);
      else assert.deepEqual(problems, expected);
    }
  });
});

describe('run size limits', () => {
  /** One issue, `count` actors spread over the scale. */
  const crowd = (count: number): Scenario => ({
    title: 'Crowd',
    salienceScale: 1,
    issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
    actors: Array.from({ length: count }, (_unused, index) => ({
      id: `a${index}`,
      capability: 1 + (index % 5),
      stances: { x: { position: (index * 37) % 101, salience: 0.3 + (index % 7) / 10 } },
    })),
  });

  test('rounds must be 1 to 1000, as the CLI; dyads are kept only up to the budget', async () => {
    const created = (await server.request('POST', '/api/scenarios', { scenario: tiny })).body as StoredScenario;
    const runs = `/api/scenarios/${created.id}/runs`;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ model: 'eum', options: { rounds: 10_000, dyads: true } }, 'options.rounds', /at most 1000 rounds, got 10000/u],
      [{ model: 'eum', options: { rounds: 1001 } }, 'options.rounds', /at most 1000 rounds/u],
      [{ model: 'eum', options: { rounds: 0 } }, 'options.rounds', /at least 1 round .*got 0/u],
      [{ model: 'eum', options: { rounds: -3 } }, 'options.rounds', /at least 1 round .*got -3/u],
      [{ model: 'eum', scenario: crowd(20), options: { rounds: 700, dyads: true } }, 'options.dyads', /280000 records.*at most 250000/u],
      [{ model: 'smp', options: { maxTurns: 5000 } }, 'options.maxTurns', /at most 1000 turns/u],
    ];
    for (const [body, field, message] of cases) {
      const response = await server.request('POST', runs, body);
      assert.equal(response.status, 400, `${JSON.stringify(body).slice(0, 80)}: ${response.text.slice(0, 300)}`);
      assertCleanError(response);
      const [problem] = problemsOf(response.body);
      assert.equal(problem?.field, field);
      assert.match(problem?.message ?? '', message);
    }
    assert.deepEqual((await server.request('GET', `/api/scenarios/${created.id}/runs`)).body, { items: [], total: 0, limit: 200, offset: 0 });

    const kept = await server.request('POST', runs, { model: 'eum', options: { rounds: 20, dyads: true } });
    assert.equal(kept.status, 201, kept.text);
    assert.ok((kept.body as StoredRun).forecast.issues[0]!.rounds.some((round) => round.dyads !== undefined));
    // The dyads come back from the worker thread as columns and are written as the Dyad[] JSON (src/models/dyadTable.ts).
    assert.equal(((kept.body as { forecast: { issues: { rounds: { dyads?: Array<{ perception?: unknown }> }[] }[] } }).forecast.issues[0]!.rounds[1]!.dyads ?? [])[0]?.perception !== undefined, true);
    const sweep = await server.request('POST', `/api/scenarios/${created.id}/sweeps`, { model: 'eum', runs: 10, seed: 1, options: { rounds: 5000 } });
    assert.equal(sweep.status, 400);
    assert.equal(problemsOf(sweep.body)[0]?.field, 'options.rounds');
  });
});
