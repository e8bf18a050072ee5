import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { memoryIo } from '../io.js';
import { runCli } from '../run.js';

test('parley serve prints its URL, answers, and stops cleanly when interrupted', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'parley-serve-'));
  try {
    const interrupt = new AbortController();
    const io = memoryIo({ cwd: directory, signal: interrupt.signal });
    let finished = false;
    const exit = runCli(['serve', '--port', '0', '--db', 'store.db'], io).finally(() => (finished = true));
    let url: string | undefined;
    while (!url) {
      assert.equal(finished, false, `parley serve ended early: ${io.err()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      url = /(http:\/\/127\.0\.0\.1:\d+\/)/u.exec(io.out())?.[1];
    }
    const health = (await (await fetch(new URL('api/health', url))).json()) as { ok: boolean };
    assert.equal(health.ok, true);
    interrupt.abort();
    assert.equal(await exit, 0);
    assert.match(io.err(), /stopped/u);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test('parley serve rejects a bad port as a usage error', async () => {
  const io = memoryIo();
  assert.equal(await runCli(['serve', '--port', 'eighty'], io), 2);
  assert.match(io.err(), /--port must be an integer from 0 to 65535/u);
});
