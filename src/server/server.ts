/**
 * The workbench server: one node:http server answering the JSON API under /api and serving the
 * built web app everywhere else. Input errors become 400s with their problems; anything unexpected
 * becomes a 500 with a plain message (the details go to the log, never to the client).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isInputError } from '../errors.js';
import { handleApi, type ApiContext } from './api.js';
import { errorBody, HttpError, sendJson, sendText } from './http.js';
import { serveStatic } from './static.js';

export interface ServerOptions extends ApiContext {
  /** The folder of the built web app (web/dist). */
  webRoot: string;
  /** Where unexpected errors are logged. */
  log?: (message: string) => void;
}

export function createParleyServer(options: ServerOptions): Server {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  return createServer((request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      log(`parley serve: internal error on ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error: see the server log' });
      else response.destroy();
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, options: ServerOptions): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'method not allowed');
      return;
    }
    await serveStatic(options.webRoot, url.pathname, response);
    return;
  }
  try {
    const result = await handleApi(request, url, options);
    if ('json' in result) sendJson(response, result.status, result.json);
    else {
      const headers: Record<string, string> = { 'content-type': result.contentType };
      if (result.filename) headers['content-disposition'] = `attachment; filename="${result.filename}"`;
      sendText(response, result.status, result.text, headers);
    }
  } catch (error) {
    if (error instanceof HttpError) sendJson(response, error.status, errorBody(error));
    else if (isInputError(error)) sendJson(response, 400, { error: 'invalid input', problems: error.problems });
    else throw error;
  }
}

/** Starts listening; resolves with the address once the port is bound. */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shownHost}:${address.port}/`);
    });
  });
}

/** Stops accepting connections and closes idle keep-alive ones, so shutdown does not hang. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
