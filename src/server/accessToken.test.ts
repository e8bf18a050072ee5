/** A server bound beyond loopback requires its token on every route; a loopback one does not (issue 14, item 8). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isLoopbackHost } from './accessToken.js';
import { startServer } from './start.js';

test('loopback names are told from every other interface', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.ok(isLoopbackHost(host), host);
  for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) assert.ok(!isLoopbackHost(host), host);
});

test('with --host 0.0.0.0 a forged Host: 127.0.0.1 gets 401 on GET and DELETE; the printed link, its cookie or a bearer token pass', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'parley-token-'));
  const running = await startServer({ dbFile: join(directory, 'parley.db'), port: 0, host: '0.0.0.0', log: () => undefined });
  try {
    const token = running.accessToken!;
    assert.match(token, /^[0-9a-f]{48}$/u);
    assert.ok(running.url.endsWith(`/?token=${token}`));
    const port = new URL(running.url).port;
    const base = `http://127.0.0.1:${port}`;
    assert.equal((await fetch(`${base}/api/health`)).status, 401);
    assert.equal((await fetch(`${base}/api/scenarios/1`, { method: 'DELETE' })).status, 401);
    assert.equal((await fetch(`${base}/api/health?token=${'0'.repeat(48)}`)).status, 401);
    const opened = await fetch(`${base}/?token=${token}`);
    assert.equal(opened.status === 200 || opened.status === 503, true, String(opened.status));
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    assert.equal((await fetch(`${base}/api/health`, { headers: { cookie } })).status, 200);
    assert.equal((await fetch(`${base}/api/health`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
  } finally {
    await running.stop();
    rmSync(directory, { recursive: true, force: true });
  }
});

test('a loopback server needs no token and prints a plain link', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'parley-token-'));
  const running = await startServer({ dbFile: join(directory, 'parley.db'), port: 0, log: () => undefined });
  try {
    assert.equal(running.accessToken, undefined);
    assert.equal((await fetch(new URL('/api/health', running.url))).status, 200);
  } finally {
    await running.stop();
    rmSync(directory, { recursive: true, force: true });
  }
});
