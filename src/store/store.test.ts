import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { runSweep } from '../analysis/sweep/index.js';
import { runModel } from '../models/registry.js';
import type { Scenario } from '../scenario/schema.js';
import { schemaVersion } from './database.js';
import { latestVersion } from './migrations.js';
import type { StoredRun } from './records.js';
import { runDigest } from './runs.js';
import { openStore } from './store.js';
import { reviveDyads } from '../models/dyadTable.js';

const directory = mkdtempSync(join(tmpdir(), 'parley-store-'));
after(() => rmSync(directory, { recursive: true, force: true }));
let fileCounter = 0;
const freshFile = () => join(directory, `store-${++fileCounter}.db`);

const scenario: Scenario = {
  title: 'Two actors',
  salienceScale: 1,
  issues: [{ id: 'talks', scale: { min: 0, max: 100, minLabel: 'none', maxLabel: 'full' } }],
  actors: [
    { id: 'a', capability: 3, stances: { talks: { position: 20, salience: 0.5 } } },
    { id: 'b', capability: 1, stances: { talks: { position: 80, salience: 1 } } },
  ],
};

test('a fresh store is in WAL mode at the latest schema version, seeded once', () => {
  const file = freshFile();
  const store = openStore(file, { seed: () => [scenario] });
  assert.equal(store.scenarios.count(), 1);
  const [only] = store.scenarios.list();
  assert.ok(only);
  store.scenarios.delete(only.id);
  store.close();

  const reopened = openStore(file, { seed: () => [scenario] });
  assert.equal(reopened.scenarios.count(), 0, 'deleting the seed does not bring it back');
  reopened.close();

  const raw = new Database(file, { readonly: true });
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(schemaVersion(raw), latestVersion);
  raw.close();
});

test('scenarios: create, get, update, rename, duplicate, delete', () => {
  const store = openStore(freshFile(), { now: () => '2024-01-15T00:00:00.000Z' });
  const created = store.scenarios.create(scenario);
  assert.deepEqual(store.scenarios.get(created.id)?.scenario, scenario);
  assert.equal(created.createdAt, '2024-01-15T00:00:00.000Z');

  const renamed = store.scenarios.rename(created.id, 'Renamed');
  assert.equal(renamed?.title, 'Renamed');
  assert.equal(store.scenarios.get(created.id)?.scenario.title, 'Renamed');

  const copy = store.scenarios.duplicate(created.id);
  assert.ok(copy && copy.id !== created.id);
  assert.equal(copy.title, 'Renamed (copy)');
  assert.deepEqual(store.scenarios.list().map((entry) => entry.title), ['Renamed', 'Renamed (copy)']);

  assert.equal(store.scenarios.update(9999, scenario), undefined);
  assert.equal(store.scenarios.rename(9999, 'x'), undefined);
  assert.equal(store.scenarios.delete(created.id), true);
  assert.equal(store.scenarios.delete(created.id), false);
  assert.equal(store.scenarios.get(created.id), undefined);
  store.close();
});

test('runs keep the snapshot, options, version and forecast, and go with their scenario', () => {
  const store = openStore(freshFile());
  const stored = store.scenarios.create(scenario);
  const forecast = runModel('weighted-mean', scenario);
  const run = store.runs.create({
    scenarioId: stored.id,
    scenario,
    model: 'weighted-mean',
    options: {},
    parleyVersion: '0.1.0',
    forecast,
  });
  // Compared as stored (JSON): the library's records keyed by actor ids have no prototype.
  assert.deepEqual(store.runs.get(run.id)?.forecast, JSON.parse(JSON.stringify(forecast)));
  assert.deepEqual(run.outcomes, [{ issue: 'talks', outcome: (3 * 0.5 * 20 + 80) / 2.5 }]);
  assert.equal(store.scenarios.get(stored.id)?.runCount, 1);
  assert.deepEqual(store.runs.listForScenario(stored.id).map((entry) => entry.id), [run.id]);

  store.scenarios.delete(stored.id);
  assert.equal(store.runs.get(run.id), undefined, 'deleting a scenario deletes its history');
  assert.equal(store.integrityCheck(), 'ok');
  store.close();
});

test('drafts: saved with their problems, listed as drafts, never returned as runnable scenarios, completed by a valid save', () => {
  const store = openStore(freshFile(), { now: () => '2024-01-15T00:00:00.000Z' });
  const body = { ...scenario, title: 'Half done', actors: [{ id: 'a', capability: 'lots', stances: {} }] };
  const problems = [{ field: 'actors[0].capability', message: 'expected a number' }];
  const draft = store.scenarios.createDraft(body, problems);
  assert.equal(draft.draft, true);
  assert.equal(draft.title, 'Half done');
  assert.deepEqual(draft.scenario, body, 'the draft is kept exactly as written');
  assert.deepEqual(draft.problems, problems);
  assert.equal(store.scenarios.get(draft.id), undefined, 'get() returns only scenarios that can run');
  assert.deepEqual(store.scenarios.list().map((entry) => [entry.title, entry.draft]), [['Half done', true]]);

  const untitled = store.scenarios.createDraft(['not', 'an', 'object'], []);
  assert.equal(untitled.title, 'Untitled draft');
  assert.deepEqual(untitled.scenario, ['not', 'an', 'object']);
  assert.equal(untitled.problems.length, 1, 'a draft always says why it is one');
  assert.deepEqual(store.scenarios.rename(untitled.id, 'A list')?.scenario, ['not', 'an', 'object'], 'renaming never loses the body');
  assert.equal(store.scenarios.entry(untitled.id)?.title, 'A list');

  const copy = store.scenarios.duplicate(draft.id);
  assert.equal(copy?.draft, true);
  assert.equal(copy?.title, 'Half done (copy)');
  assert.equal(store.scenarios.rename(draft.id, 'Renamed draft')?.draft, true);
  assert.equal((store.scenarios.entry(draft.id)?.scenario as { title: string }).title, 'Renamed draft');

  const completed = store.scenarios.update(draft.id, scenario);
  assert.equal(completed?.draft, undefined);
  assert.deepEqual(store.scenarios.get(draft.id)?.scenario, scenario);
  const again = store.scenarios.updateDraft(draft.id, body, problems);
  assert.equal(again?.draft, true);
  assert.equal(store.scenarios.updateDraft(9999, body, problems), undefined);
  store.close();
});

test('a database from a newer Parley is refused, not downgraded', () => {
  const file = freshFile();
  const raw = new Database(file);
  raw.pragma(`user_version = ${latestVersion + 1}`);
  raw.close();
  assert.throws(() => openStore(file), /newer than this Parley/u);
});

test('lists are read a page at a time by LIMIT/OFFSET, the library from its title index', () => {
  const store = openStore(freshFile());
  for (const title of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo']) store.scenarios.create({ ...scenario, title });
  assert.deepEqual(store.scenarios.list({ limit: 2, offset: 1 }).map((entry) => entry.title), ['Bravo', 'charlie']);
  assert.deepEqual(store.scenarios.list().map((entry) => entry.title), ['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
  const [first] = store.scenarios.list({ limit: 1, offset: 0 });
  const ids = [1, 2, 3].map(() => store.runs.create({ scenarioId: first!.id, scenario, model: 'mean', options: {}, parleyVersion: 'test', forecast: runModel('mean', scenario) }).id);
  assert.deepEqual(store.runs.listForScenario(first!.id, { limit: 2, offset: 1 }).map((run) => run.id), [ids[1], ids[0]]);
  assert.equal(store.runs.countForScenario(first!.id), 3);
  store.close();
});

test('the library page query walks the title index instead of sorting the table', () => {
  const file = freshFile();
  openStore(file).close();
  const raw = new Database(file, { readonly: true });
  try {
    const plan = raw.prepare('EXPLAIN QUERY PLAN SELECT s.*, (SELECT COUNT(*) FROM runs r WHERE r.scenario_id = s.id) AS run_count FROM scenarios s ORDER BY s.title COLLATE NOCASE, s.id LIMIT 10 OFFSET 20').all() as { detail: string }[];
    const details = plan.map((step) => step.detail).join('\n');
    assert.match(details, /scenarios_by_title/u);
    assert.doesNotMatch(details, /TEMP B-TREE/u);
  } finally {
    raw.close();
  }
});

test('a run stored as JSON text reads back as the same run; its text is JSON.stringify of it; a list reads only digests', () => {
  const file = freshFile();
  const store = openStore(file);
  const stored = store.scenarios.create(scenario);
  const forecast = runModel('eum', scenario, { options: { rounds: 3, dyads: true } });
  const sweep = runSweep({ scenario, model: 'weighted-mean', runs: 12, seed: 5 });
  const base = { scenarioId: stored.id, scenario, model: 'eum', options: forecast.options, parleyVersion: 'test' };
  const asObject = store.runs.create({ ...base, forecast });
  const text = store.runs.createText({ ...base, forecastJson: JSON.stringify(forecast), digest: runDigest(forecast, undefined) });
  // Read back, the JSON's dyads are columns again (reviveDyads), as `get` returns them.
  const asText = JSON.parse(text) as StoredRun;
  reviveDyads(asText.forecast);
  assert.deepEqual({ ...asText, id: asObject.id, createdAt: asObject.createdAt }, asObject);
  assert.equal(text, JSON.stringify(store.runs.get(asText.id)));
  const sweepRun = store.runs.create({ ...base, kind: 'sweep', forecast, sweep });
  assert.equal(store.runs.getText(sweepRun.id), JSON.stringify(sweepRun));
  store.close();

  // Lists never parse a forecast or a sweep that has its digest: spoil them and list again.
  const raw = new Database(file);
  raw.prepare("UPDATE runs SET forecast = 'not json', sweep = CASE WHEN sweep IS NULL THEN NULL ELSE 'not json' END").run();
  raw.close();
  const reopened = openStore(file);
  const listed = reopened.runs.listForScenario(stored.id);
  assert.deepEqual(listed.map((run) => run.id), [sweepRun.id, asText.id, asObject.id]);
  assert.deepEqual(listed[0]!.sweep, sweepRun.sweep);
  assert.deepEqual(listed[2]!.outcomes, asObject.outcomes);
  reopened.close();
});
