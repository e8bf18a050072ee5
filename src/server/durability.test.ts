/**
 * Durability: the server is SIGKILLed in the middle of a burst of saves. After a restart the file must
 * pass `PRAGMA integrity_check`, and every save that was answered 2xx must be there.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { Scenario } from '../scenario/schema.js';
import type { Page, ScenarioSummary } from '../store/records.js';
import { killHard, spawnServer, stopGently } from '../../tests/support/serverProcess.js';

const scenario = (index: number): Scenario => ({
  title: `burst ${index}`,
  salienceScale: 100,
  issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
  actors: [
    { id: 'a', capability: 1 + index, stances: { x: { position: index % 100, salience: 50 } } },
    { id: 'b', capability: 2, stances: { x: { position: 100 - (index % 100), salience: 70 } } },
  ],
});

test('every acknowledged save survives a SIGKILL mid-burst, and the file stays sound', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'parley-durability-'));
  const dbFile = join(directory, 'parley.db');
  try {
    const first = await spawnServer(dbFile);
    const acknowledged: { title: string; id: number }[] = [];
    let failed = 0;
    const total = 400;
    const killAfter = 60;
    let next = 0;
    let killing: Promise<void> | undefined;
    // Eight clients save as fast as they can; after `killAfter` acknowledgements the server is killed.
    const client = async (): Promise<void> => {
      while (next < total) {
        const index = next++;
        try {
          const response = await fetch(new URL('/api/scenarios', first.url), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ scenario: scenario(index) }),
          });
          if (response.status === 201) {
            const body = (await response.json()) as { id: number };
            acknowledged.push({ title: `burst ${index}`, id: body.id });
          } else failed++;
        } catch {
          failed++;
        }
        if (acknowledged.length >= killAfter && !killing) killing = killHard(first);
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    await killing;
    assert.equal(first.child.signalCode, 'SIGKILL');
    assert.ok(acknowledged.length >= killAfter, `only ${acknowledged.length} saves were answered`);
    assert.ok(failed > 0, 'the kill happened before the burst ended');

    const second = await spawnServer(dbFile);
    try {
      // Up to 400 saves and the worked example: one page of the most the API gives.
      const listed = ((await (await fetch(new URL('/api/scenarios?limit=500', second.url))).json()) as Page<ScenarioSummary>).items;
      const byId = new Map(listed.map((entry) => [entry.id, entry.title]));
      for (const save of acknowledged) assert.equal(byId.get(save.id), save.title, `save ${save.title} (id ${save.id}) is missing`);
      const raw = new Database(dbFile, { readonly: true });
      try {
        assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
      } finally {
        raw.close();
      }
    } finally {
      assert.equal(await stopGently(second), 0);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
