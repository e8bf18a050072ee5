/**
 * Cross-site requests and DNS rebinding (requestGuard.ts), the 413 answered before the body is read,
 * and clients that hang up mid-request. Raw node:http requests, since fetch cannot set Host or Origin.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page, ScenarioSummary } from '../store/records.js';
import { startServer, type RunningServer } from './start.js';

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** false: send no Host header at all. */
  setHost?: boolean;
}

/** Sends one request to the server's address with exactly these headers. */
function raw(serverUrl: string, { method = 'GET', path, headers = {}, body, setHost = true }: RawRequest): Promise<RawAnswer> {
  const target = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: target.hostname, port: target.port, method, path, headers, setHost }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const tiny = {
  title: 'Guarded',
  salienceScale: 1,
  issues: [{ id: 'x', scale: { min: 0, max: 10 } }],
  actors: [
    { id: 'a', capability: 1, stances: { x: { position: 2, salience: 0.5 } } },
    { id: 'b', capability: 2, stances: { x: { position: 8, salience: 0.5 } } },
  ],
};
const scenarioJson = JSON.stringify({ scenario: tiny });

async function startLogged(host?: string): Promise<{ running: RunningServer; logged: string[]; stop(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-guard-'));
  const logged: string[] = [];
  const running = await startServer({ dbFile: join(directory, 'parley.db'), port: 0, log: (line) => logged.push(line), ...(host !== undefined && { host }) });
  return {
    running,
    logged,
    async stop() {
      await running.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

let server: Awaited<ReturnType<typeof startLogged>>;
let port: string;
before(async () => {
  server = await startLogged();
  port = new URL(server.running.url).port;
});
after(() => server.stop());

const scenarioCount = () => server.running.store.scenarios.list().length;

describe('cross-site requests', () => {
  test('a body that is not declared as JSON is refused with 415 and changes nothing', async () => {
    const before = scenarioCount();
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(scenarioJson)) };
      if (contentType !== undefined) headers['content-type'] = contentType;
      const answer = await raw(server.running.url, { method: 'POST', path: '/api/scenarios', headers, body: scenarioJson });
      assert.equal(answer.status, 415, `${contentType}: ${answer.text}`);
      assert.match(JSON.parse(answer.text).error as string, /application\/json/u);
    }
    assert.equal(scenarioCount(), before);
    const json = await raw(server.running.url, {
      method: 'POST',
      path: '/api/scenarios',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: scenarioJson,
    });
    assert.equal(json.status, 201, json.text);
  });

  test('an Origin other than the server itself is refused with 403', async () => {
    const before = scenarioCount();
    for (const origin of ['http://attacker.example', 'null', `http://localhost:${port}`, `https://127.0.0.1:${port}`, 'http://127.0.0.1:1']) {
      const answer = await raw(server.running.url, {
        method: 'POST',
        path: '/api/scenarios',
        headers: { 'content-type': 'application/json', origin },
        body: scenarioJson,
      });
      assert.equal(answer.status, 403, `${origin}: ${answer.text}`);
    }
    assert.equal(scenarioCount(), before);
    const same = await raw(server.running.url, {
      method: 'POST',
      path: '/api/scenarios',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
      body: scenarioJson,
    });
    assert.equal(same.status, 201, same.text);
  });

  test('DNS rebinding: a Host that is not this server is refused with 403, API and app alike', async () => {
    for (const host of ['attacker.example', `attacker.example:${port}`, '127.0.0.1:1', `127.0.0.1.nip.io:${port}`]) {
      for (const path of ['/api/scenarios', '/']) {
        const answer = await raw(server.running.url, { path, headers: { host } });
        assert.equal(answer.status, 403, `${host} ${path}: ${answer.text}`);
        assert.doesNotMatch(answer.text, /back-channel/u);
      }
    }
    // No Host at all: node:http itself refuses an HTTP/1.1 request without one (400).
    const hostless = await raw(server.running.url, { path: '/api/scenarios', setHost: false });
    assert.ok(hostless.status >= 400, `${hostless.status}`);
    assert.doesNotMatch(hostless.text, /back-channel/u);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const answer = await raw(server.running.url, { path: '/api/scenarios', headers: { host } });
      assert.equal(answer.status, 200, host);
      assert.ok((JSON.parse(answer.text) as Page<ScenarioSummary>).items.length > 0);
    }
  });

  test('a server started with an explicit host also answers to that host', async () => {
    const bound = await startLogged('127.0.0.2');
    try {
      const boundPort = new URL(bound.running.url).port;
      assert.equal((await raw(bound.running.url, { path: '/api/health', headers: { host: `127.0.0.2:${boundPort}` } })).status, 200);
      assert.equal((await raw(bound.running.url, { path: '/api/health', headers: { host: `localhost:${boundPort}` } })).status, 200);
      assert.equal((await raw(bound.running.url, { path: '/api/health', headers: { host: `127.0.0.3:${boundPort}` } })).status, 403);
    } finally {
      await bound.stop();
    }
  });
});

describe('bodies too large and clients that leave', () => {
  test('a declared Content-Length over 1 MB is answered 413 before any of the body is sent', async () => {
    const target = new URL(server.running.url);
    const answer = await new Promise<RawAnswer>((resolve, reject) => {
      const outgoing = request(
        {
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: '/api/scenarios',
          headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            clearTimeout(timer);
            outgoing.destroy();
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
          });
        },
      );
      // The body never comes: a server that waits for it never answers.
      const timer = setTimeout(() => {
        outgoing.destroy();
        reject(new Error('no answer within 3 s: the server waited for the body'));
      }, 3000);
      outgoing.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      outgoing.flushHeaders();
      outgoing.write('{"scenario":');
    });
    assert.equal(answer.status, 413);
    assert.match(JSON.parse(answer.text).error as string, /1 MB/u);
    assert.equal((await raw(server.running.url, { path: '/api/health' })).status, 200);
  });

  test('a client that disconnects mid-body is not logged as an internal error', async () => {
    const target = new URL(server.running.url);
    await new Promise<void>((resolve) => {
      const outgoing = request({
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: '/api/scenarios',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      outgoing.on('error', () => resolve());
      outgoing.on('close', () => resolve());
      outgoing.write('{"scenario": {"title": "half', () => setTimeout(() => outgoing.destroy(), 100));
    });
    // Give the server time to notice the closed connection, then check it is still answering.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await raw(server.running.url, { path: '/api/health' })).status, 200);
    const noisy = server.logged.filter((line) => /internal error|\n\s+at /u.test(line));
    assert.deepEqual(noisy, []);
  });
});
