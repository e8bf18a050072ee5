/**
 * A real workbench server for tests: a temporary database, an ephemeral port, in this process.
 * `request` sends JSON and returns the status, headers and parsed body.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../src/scenario/schema.js';
import { startServer, type RunningServer, type StartOptions } from '../../src/server/start.js';

export interface TestServer {
  url: string;
  running: RunningServer;
  directory: string;
  request(method: string, path: string, body?: unknown): Promise<JsonAnswer>;
  stop(): Promise<void>;
}

/** The server's own options a test may set (the database, port and log are the harness's). */
export type TestServerOptions = Partial<Pick<StartOptions, 'webRoot' | 'runTimeoutMs' | 'sweepTimeoutMs'>>;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-server-'));
  const logged: string[] = [];
  const running = await startServer({
    dbFile: join(directory, 'parley.db'),
    port: 0,
    log: (message) => logged.push(message),
    ...options,
  });
  return {
    url: running.url,
    running,
    directory,
    request: (method, path, body) => jsonRequest(running.url, method, path, body),
    async stop() {
      await running.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** Sends `body` as JSON (a string as it is) to `path` under `baseUrl`; the answer parsed where it is JSON. */
export async function jsonRequest(baseUrl: string, method: string, path: string, body?: unknown): Promise<JsonAnswer> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await fetch(new URL(path, baseUrl), init);
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** `actors` actors on `issues` issues (ids a0…, x0…), positions spread over [0, 100]: a large, valid scenario. */
export function crowdScenario(actors: number, issues = 1): Scenario {
  return {
    title: `Crowd of ${actors}`,
    salienceScale: 1,
    issues: Array.from({ length: issues }, (_unused, issue) => ({ id: `x${issue}`, scale: { min: 0, max: 100 } })),
    actors: Array.from({ length: actors }, (_unused, index) => ({
      id: `a${index}`,
      capability: 1 + (index % 5),
      stances: Object.fromEntries(
        Array.from({ length: issues }, (_unused2, issue) => [`x${issue}`, { position: (index * 37 + issue * 11) % 101, salience: 0.3 + (index % 7) / 10 }]),
      ),
    })),
  };
}
