/**
 * The HTTP plumbing the API shares: JSON bodies read with a size limit, answers as JSON, and errors
 * that carry a status and, for bad input, the field-level problems. Nothing here ever puts a stack
 * trace in a response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Problem } from '../errors.js';

/** Request bodies above this many bytes are refused with 413. */
export const maxBodyBytes = 1024 * 1024;

/** An answer the API chooses to give: a status, and a message (and problems for 400s). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: readonly Problem[],
    /** Headers the answer must carry (e.g. `Allow` on a 405). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * The client closed the connection before its request body arrived: nobody is left to answer, and
 * nothing went wrong on the server, so it is not logged as an internal error.
 */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection during the request');
    this.name = 'ClientGone';
  }
}

/**
 * Reads the whole body as JSON. A declared length over the limit was refused before (requestGuard.ts);
 * a chunked body that grows over it is read to its end (so the client can read the answer instead of
 * seeing its upload reset) and refused with 413; bad JSON is a 400.
 */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) overflow = true;
      if (!overflow) chunks.push(chunk);
    }
  } catch (error) {
    if (request.destroyed) throw new ClientGone();
    throw error;
  }
  if (overflow) throw tooLarge();
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'expected a JSON body', [{ message: 'the request body is empty' }]);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, 'the body is not valid JSON', [{ message: error instanceof Error ? error.message : 'invalid JSON' }]);
  }
}

export function tooLarge(): HttpError {
  return new HttpError(413, `the request body is larger than ${maxBodyBytes} bytes (1 MB)`);
}

/** Answers JSON. A HEAD request gets the same headers and no body (node:http leaves the body out). */
export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  sendJsonText(response, status, status === 204 ? '' : JSON.stringify(value), headers);
}

/** Answers JSON that is already serialized (as sendJson). */
export function sendJsonText(response: ServerResponse, status: number, body: string, headers: Readonly<Record<string, string>> = {}): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(body);
}

export function sendText(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

/** The error body every failed request gets: a message, and the problems when the input was at fault. */
export function errorBody(error: HttpError): { error: string; problems?: readonly Problem[] } {
  return error.problems ? { error: error.message, problems: error.problems } : { error: error.message };
}
