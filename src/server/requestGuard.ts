/**
 * What every request must pass before it is answered, against cross-site requests and DNS rebinding:
 *
 * - `Host` must name this server: 127.0.0.1, localhost or [::1], or the interface it was explicitly
 *   bound to (`--host`), with the port it listens on. A page on attacker.example whose name was
 *   rebound to 127.0.0.1 sends `Host: attacker.example`, and is refused (403).
 * - `Origin`, when present, must be this server's own origin (the scheme, the `Host` above): browsers
 *   send it on every cross-site POST, including the "simple" ones that skip the CORS preflight (403).
 * - An API request with a body must say `Content-Type: application/json` (415): a text/plain or form
 *   body is what a cross-site page can send without a preflight.
 * - A declared `Content-Length` over the limit is refused up front (413), before any byte is read.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError, maxBodyBytes, tooLarge } from './http.js';

/** The host names the server answers to: the loopback names, and the interface it was bound to. */
export function allowedHostNames(boundHost?: string): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (boundHost !== undefined && boundHost !== '') {
    const name = boundHost.toLowerCase();
    names.add(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
  }
  return names;
}

interface HostAndPort {
  name: string;
  port: number;
}

/** `localhost:4173` → {localhost, 4173}; `[::1]:80`; a missing port is HTTP's default, 80. */
function splitHost(value: string): HostAndPort | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::(\d{1,5}))?$/iu.exec(value);
  if (!match) return undefined;
  return { name: match[1]!.toLowerCase(), port: match[2] === undefined ? 80 : Number(match[2]) };
}

/** Refuses (403) a request whose Host is not this server, or whose Origin is another site. */
export function checkHostAndOrigin(request: IncomingMessage, allowedHosts: ReadonlySet<string>): void {
  const localPort = request.socket.localPort;
  const hostHeader = request.headers.host ?? '';
  const host = splitHost(hostHeader);
  if (!host || !allowedHosts.has(host.name) || host.port !== localPort) {
    throw new HttpError(403, `this server answers only to ${[...allowedHosts].join(', ')} on port ${localPort ?? '?'}, not to Host "${hostHeader}"`);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, host)) {
    throw new HttpError(403, `cross-origin requests are refused (Origin "${origin}" is not http://${hostHeader})`);
  }
}

function sameOrigin(origin: string, host: HostAndPort): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (a sandboxed frame, a file:// page) or garbage
  }
  const port = url.port === '' ? 80 : Number(url.port);
  return url.protocol === 'http:' && url.hostname.toLowerCase() === host.name && port === host.port && url.pathname === '/';
}

/** Refuses an API request whose body is not declared as JSON (415), or is declared too large (413). */
export function checkBodyHeaders(request: IncomingMessage): void {
  const length = request.headers['content-length'];
  const hasBody = request.headers['transfer-encoding'] !== undefined || (length !== undefined && length.trim() !== '0');
  if (!hasBody) return;
  if (Number(length ?? '0') > maxBodyBytes) throw tooLarge();
  const contentType = request.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpError(415, `a request body must be JSON sent with "Content-Type: application/json"; got ${contentType === '' ? 'no Content-Type' : `"${contentType}"`}`);
  }
}
