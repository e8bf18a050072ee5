/**
 * The workbench server: one node:http server answering the JSON API under /api and serving the
 * built web app everywhere else. Every request first passes the Host and Origin checks
 * (requestGuard.ts). Input errors become 400s with their problems; anything unexpected becomes a 500
 * with a plain message (the details go to the log, never to the client). A client that hangs up
 * mid-request is nobody's error and is not logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isInputError } from '../errors.js';
import { handleApi, type ApiContext } from './api.js';
import { ClientGone, errorBody, HttpError, sendJson, sendJsonText, sendText } from './http.js';
import { checkAccessToken } from './accessToken.js';
import { allowedHostNames, checkHostAndOrigin } from './requestGuard.js';
import { serveStatic } from './static.js';

export interface ServerOptions extends ApiContext {
  /** The folder of the built web app (web/dist). */
  webRoot: string;
  /** Where unexpected errors are logged. */
  log?: (message: string) => void;
  /** The interface the server was explicitly bound to: accepted in `Host` besides the loopback names. */
  host?: string;
  /** Required on every request when set (a bind beyond loopback: accessToken.ts). */
  accessToken?: string;
}

/** What the web app's paths (everything outside /api) answer to. */
const staticMethods = 'GET, HEAD, OPTIONS';

export function createParleyServer(options: ServerOptions): Server {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const allowedHosts = allowedHostNames(options.host);
  return createServer((request, response) => {
    handle(request, response, options, allowedHosts).catch((error: unknown) => {
      if (error instanceof ClientGone) {
        response.destroy();
        return;
      }
      log(`parley serve: internal error on ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error: see the server log' });
      else response.destroy();
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, options: ServerOptions, allowedHosts: ReadonlySet<string>): Promise<void> {
  try {
    checkHostAndOrigin(request, allowedHosts);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendJson(response, error.status, errorBody(error));
    return;
  }
  const url = requestUrl(request);
  if (!url) {
    sendJson(response, 400, { error: `malformed request target "${request.url ?? ''}"` });
    return;
  }
  if (options.accessToken !== undefined) {
    try {
      checkAccessToken(request, url, response, options.accessToken);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendJson(response, error.status, errorBody(error));
      return;
    }
  }
  if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) {
    if (request.method === 'OPTIONS') {
      sendText(response, 204, '', { allow: staticMethods });
    } else if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'method not allowed', { allow: staticMethods });
    } else await serveStatic(options.webRoot, url.pathname, response);
    return;
  }
  try {
    const result = await handleApi(request, url, options);
    if ('json' in result) sendJson(response, result.status, result.json, result.headers);
    else if ('jsonText' in result) sendJsonText(response, result.status, result.jsonText);
    else {
      const headers: Record<string, string> = { 'content-type': result.contentType };
      if (result.filename) headers['content-disposition'] = `attachment; filename="${result.filename}"`;
      sendText(response, result.status, result.text, headers);
    }
  } catch (error) {
    if (error instanceof HttpError) sendJson(response, error.status, errorBody(error), refusalHeaders(request, error));
    else if (isInputError(error)) sendJson(response, 400, { error: 'invalid input', problems: error.problems });
    else throw error;
  }
}

function requestUrl(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/**
 * An error's own headers; a 413 answered before its body was read also closes the connection, so
 * node:http does not go on reading the upload it refused.
 */
function refusalHeaders(request: IncomingMessage, error: HttpError): Record<string, string> {
  const unread = !request.complete && error.status === 413;
  return unread ? { ...error.headers, connection: 'close' } : { ...error.headers };
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
