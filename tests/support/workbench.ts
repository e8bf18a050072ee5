/**
 * A real workbench server for tests: a temporary database, an ephemeral port, in this process.
 * `request` sends JSON and returns the status, headers and parsed body.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/server/start.js';

export interface TestServer {
  url: string;
  running: RunningServer;
  directory: string;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; headers: Headers; body: unknown; text: string }>;
  stop(): Promise<void>;
}

export async function startTestServer(options: { webRoot?: string } = {}): Promise<TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-server-'));
  const logged: string[] = [];
  const running = await startServer({
    dbFile: join(directory, 'parley.db'),
    port: 0,
    log: (message) => logged.push(message),
    ...(options.webRoot !== undefined && { webRoot: options.webRoot }),
  });
  return {
    url: running.url,
    running,
    directory,
    async request(method, path, body) {
      const init: RequestInit = { method };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        init.headers = { 'content-type': 'application/json' };
      }
      const response = await fetch(new URL(path, running.url), init);
      const text = await response.text();
      let parsed: unknown = undefined;
      try {
        parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
    async stop() {
      await running.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
