/**
 * The access token a server bound beyond loopback requires (as Jupyter does): with `--host` other than
 * 127.0.0.1, localhost or ::1 anyone on the network can reach the port, and a non-browser client can
 * forge `Host: 127.0.0.1`, so the Host/Origin guard alone would leave every route (DELETE too) open.
 * A request passes with `Authorization: Bearer TOKEN`, or the `parley_token` cookie, or `?token=TOKEN`
 * in the URL — which also sets the cookie, so the printed link opens the workbench and its own API
 * calls carry the token. Compared in constant time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http.js';

const cookieName = 'parley_token';

/** True for the interfaces only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/gu, '');
  return name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/u.test(name);
}

/** A fresh token: 24 random bytes, hex. */
export const newAccessToken = (): string => randomBytes(24).toString('hex');

function equalTokens(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return value.join('=');
  }
  return undefined;
}

/** Refuses (401) a request without the token; a valid `?token=` sets the cookie for the next ones. */
export function checkAccessToken(request: IncomingMessage, url: URL, response: ServerResponse, token: string): void {
  const bearer = /^Bearer\s+(\S+)$/iu.exec(request.headers.authorization ?? '')?.[1];
  const query = url.searchParams.get('token') ?? undefined;
  if (query !== undefined && equalTokens(query, token)) {
    response.setHeader('set-cookie', `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    return;
  }
  for (const given of [bearer, cookieToken(request)]) if (given !== undefined && equalTokens(given, token)) return;
  throw new HttpError(401, 'this server is reachable beyond this machine and needs its access token: open the link `parley serve` printed (…/?token=…), or send Authorization: Bearer TOKEN');
}
