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
import { latestVersion, migrations } from './migrations.js';
import { openStore } from './store.js';

const directory = mkdtempSync(join(tmpdir(), 'parley-migrations-'));
after(() => rmSync(directory, { recursive: true, force: true }));

const scenario: Scenario = {
  title: 'Three actors',
  salienceScale: 100,
  issues: [{ id: 'talks', scale: { min: 0, max: 100 } }],
  actors: [
    { id: 'a', capability: 3, stances: { talks: { position: 20, salience: 50 } } },
    { id: 'b', capability: 1, stances: { talks: { position: 80, salience: 100 } } },
    { id: 'c', capability: 2, stances: { talks: { position: 50, salience: 70 } } },
  ],
};

/** A database as Parley wrote it at schema version 1: one scenario and one forecast run. */
function versionOneDatabase(file: string): number {
  const raw = new Database(file);
  raw.exec(migrations.find((migration) => migration.version === 1)!.sql);
  raw.pragma('user_version = 1');
  const time = '2024-01-15T00:00:00.000Z';
  const scenarioId = Number(
    raw.prepare('INSERT INTO scenarios (title, body, created_at, updated_at) VALUES (?, ?, ?, ?)').run(scenario.title, JSON.stringify(scenario), time, time).lastInsertRowid,
  );
  const forecast = runModel('weighted-mean', scenario);
  raw
    .prepare('INSERT INTO runs (scenario_id, scenario_snapshot, model, preset, options, parley_version, forecast, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(scenarioId, JSON.stringify(scenario), 'weighted-mean', null, '{}', '0.1.0', JSON.stringify(forecast), time);
  raw.close();
  return scenarioId;
}

test('migrations are numbered 1, 2, … in order, and the latest is 2 or more', () => {
  assert.deepEqual(migrations.map((migration) => migration.version), migrations.map((_, index) => index + 1));
  assert.ok(latestVersion >= 2);
});

test('a version-1 database upgrades: its runs become forecasts, and sweeps can be stored', () => {
  const file = join(directory, 'old.db');
  const scenarioId = versionOneDatabase(file);
  const store = openStore(file);
  const [old] = store.runs.listForScenario(scenarioId);
  assert.ok(old);
  assert.equal(old.kind, 'forecast');
  assert.equal(old.sweep, undefined);
  assert.equal(store.runs.get(old.id)?.sweepResult, undefined);

  const sweep = runSweep({ scenario, model: 'weighted-mean', runs: 16, seed: 3 });
  const stored = store.runs.create({
    kind: 'sweep',
    scenarioId,
    scenario,
    model: 'weighted-mean',
    options: { runs: 16, seed: 3 },
    parleyVersion: '0.1.0',
    forecast: runModel('weighted-mean', scenario),
    sweep,
  });
  assert.equal(stored.kind, 'sweep');
  // Compared as stored (JSON): the library's records keyed by actor ids have no prototype.
  assert.deepEqual(stored.sweepResult, JSON.parse(JSON.stringify(sweep)));
  assert.deepEqual(stored.sweep, {
    runs: 16,
    completedRuns: 16,
    seed: 3,
    issues: [{ issue: 'talks', p5: sweep.issues[0]!.quantiles.p5, p50: sweep.issues[0]!.quantiles.p50, p95: sweep.issues[0]!.quantiles.p95 }],
  });
  assert.deepEqual(store.runs.listForScenario(scenarioId).map((run) => run.kind), ['sweep', 'forecast']);
  // The version-1 run has no digest (migration 4): it is digested from its forecast, as before.
  assert.deepEqual(store.runs.listForScenario(scenarioId)[1]!.outcomes, runModel('weighted-mean', scenario).issues.map((issue) => ({ issue: issue.issue, outcome: issue.outcome })));
  assert.equal(store.runs.getText(old.id), JSON.stringify(store.runs.get(old.id)));
  assert.equal(store.integrityCheck(), 'ok');
  store.close();

  const raw = new Database(file);
  assert.equal(schemaVersion(raw), latestVersion);
  const insert = (kind: string) =>
    raw
      .prepare("INSERT INTO runs (scenario_id, scenario_snapshot, model, options, parley_version, forecast, created_at, kind) VALUES (?, '{}', 'm', '{}', 'v', '{}', 't', ?)")
      .run(scenarioId, kind);
  assert.throws(() => insert('other'), /CHECK constraint/u, 'a run is a forecast or a sweep');
  raw.close();
});

test('migration 5 keeps every stored scenario (none becomes a draft) and then stores drafts', () => {
  const file = join(directory, 'before-drafts.db');
  const raw = new Database(file);
  for (const migration of migrations.filter((candidate) => candidate.version <= 4)) raw.exec(migration.sql);
  raw.pragma('user_version = 4');
  const time = '2024-01-15T00:00:00.000Z';
  raw.prepare('INSERT INTO scenarios (title, body, created_at, updated_at) VALUES (?, ?, ?, ?)').run(scenario.title, JSON.stringify(scenario), time, time);
  raw.close();

  const store = openStore(file);
  const [kept] = store.scenarios.list();
  assert.ok(kept);
  assert.equal(kept.draft, undefined);
  assert.deepEqual(store.scenarios.get(kept.id)?.scenario, scenario);
  const draft = store.scenarios.createDraft({ title: 'x' }, [{ field: 'issues', message: 'required' }]);
  assert.deepEqual(store.scenarios.entry(draft.id), draft);
  store.close();

  const check = new Database(file);
  assert.throws(() => check.prepare("UPDATE scenarios SET problems = 'not json' WHERE id = ?").run(kept.id), /CHECK constraint/u);
  check.close();
});
