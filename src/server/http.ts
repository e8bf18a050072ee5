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
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * Reads the whole body as JSON. A body over the limit is drained (so the client can read the answer
 * instead of seeing its upload reset) and refused with 413; bad JSON is a 400.
 */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > maxBodyBytes) {
    await drain(request);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) overflow = true;
    if (!overflow) chunks.push(chunk);
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

function tooLarge(): HttpError {
  return new HttpError(413, `the request body is larger than ${maxBodyBytes} bytes (1 MB)`);
}

async function drain(request: IncomingMessage): Promise<void> {
  for await (const _chunk of request as AsyncIterable<Buffer>) {
    // discard
  }
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = status === 204 ? '' : JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
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
