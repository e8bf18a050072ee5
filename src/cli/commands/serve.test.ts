import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { crowdScenario } from '../../../tests/support/workbench.js';
import { memoryIo } from '../io.js';
import { runCli } from '../run.js';

/** Starts `parley serve` with `flags` on a fresh store, hands its URL to `use`, then interrupts it and checks that it stopped. */
async function withServe(flags: string[], use: (url: string) => Promise<void>): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-serve-'));
  try {
    const interrupt = new AbortController();
    const io = memoryIo({ cwd: directory, signal: interrupt.signal });
    let finished = false;
    const exit = runCli(['serve', '--port', '0', '--db', 'store.db', ...flags], io).finally(() => (finished = true));
    let url: string | undefined;
    while (!url) {
      assert.equal(finished, false, `parley serve ended early: ${io.err()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      url = /(http:\/\/127\.0\.0\.1:\d+\/)/u.exec(io.out())?.[1];
    }
    try {
      await use(url);
    } finally {
      interrupt.abort();
    }
    assert.equal(await exit, 0);
    assert.match(io.err(), /stopped/u);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

test('parley serve prints its URL, answers, and stops cleanly when interrupted', async () => {
  await withServe([], async (url) => {
    const health = (await (await fetch(new URL('api/health', url))).json()) as { ok: boolean };
    assert.equal(health.ok, true);
  });
});

test('parley serve --run-timeout sets the deadline of a forecast (504 past it)', async () => {
  await withServe(['--run-timeout', '1'], async (url) => {
    const stored = (await (await fetch(new URL('api/scenarios', url))).json()) as { items: { id: string }[] };
    const id = stored.items[0]!.id;
    // SMP on 250 actors computes for minutes: always past a 1 s deadline.
    const started = Date.now();
    const response = await fetch(new URL(`api/scenarios/${id}/runs`, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'smp', scenario: crowdScenario(250) }) });
    assert.equal(response.status, 504);
    assert.match(((await response.json()) as { error: string }).error, /longer than the workbench allows \(1 s\)/u);
    assert.ok(Date.now() - started < 30_000);
  });
});

test('parley serve rejects a bad port as a usage error', async () => {
  const io = memoryIo();
  assert.equal(await runCli(['serve', '--port', 'eighty'], io), 2);
  assert.match(io.err(), /--port must be an integer from 0 to 65535/u);
});

test('parley serve rejects a bad deadline as a usage error, naming the flag', async () => {
  for (const [flag, value] of [['--run-timeout', '0'], ['--sweep-timeout', 'soon'], ['--run-timeout', '100000']]) {
    const io = memoryIo();
    assert.equal(await runCli(['serve', flag!, value!], io), 2);
    assert.match(io.err(), new RegExp(`${flag} must be an integer from 1 to 86400, got "${value}"`, 'u'));
  }
});
