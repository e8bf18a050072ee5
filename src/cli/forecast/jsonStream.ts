/**
 * `JSON.stringify(value, null, 2)` in pieces: the same text, produced as chunks of about `CHUNK` characters,
 * so that a forecast with millions of dyads is written without ever being one string (V8 refuses strings
 * past ~512 MB: "Invalid string length"). Follows JSON.stringify's rules: `toJSON` is called, undefined,
 * functions and symbols are left out of objects and written `null` in arrays, non-finite numbers are `null`.
 */
const CHUNK = 1 << 20;

class Chunker {
  buffer = '';
  full(): boolean {
    return this.buffer.length >= CHUNK;
  }
  take(): string {
    const chunk = this.buffer;
    this.buffer = '';
    return chunk;
  }
}

const omitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** The value JSON.stringify writes for `key`: what its `toJSON(key)` returns, if it has one. */
function resolved(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: (key: string) => unknown }).toJSON(key) : value;
}

/** Writes a value whose toJSON has been applied. */
function* write(value: unknown, indent: string, out: Chunker): Generator<string> {
  if (value === null || typeof value !== 'object') {
    out.buffer += JSON.stringify(value) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.buffer += '[]';
      return;
    }
    out.buffer += '[';
    for (let index = 0; index < value.length; index++) {
      out.buffer += `${index === 0 ? '' : ','}\n${inner}`;
      const element = resolved(value[index], String(index));
      if (omitted(element)) out.buffer += 'null';
      else yield* write(element, inner, out);
      if (out.full()) yield out.take();
    }
    out.buffer += `\n${indent}]`;
    return;
  }
  let first = true;
  for (const name of Object.keys(value)) {
    const field = resolved((value as Record<string, unknown>)[name], name);
    if (omitted(field)) continue;
    out.buffer += `${first ? '{' : ','}\n${inner}${JSON.stringify(name)}: `;
    first = false;
    yield* write(field, inner, out);
    if (out.full()) yield out.take();
  }
  out.buffer += first ? '{}' : `\n${indent}}`;
}

/** The chunks of `JSON.stringify(value, null, 2) + '\n'` (value: a JSON-serialisable object or array). */
export function* prettyJsonChunks(value: unknown): Generator<string> {
  const out = new Chunker();
  yield* write(resolved(value, ''), '', out);
  out.buffer += '\n';
  yield out.take();
}
