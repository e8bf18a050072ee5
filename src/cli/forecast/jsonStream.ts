/**
 * `JSON.stringify(value, null, 2)` in pieces: the same text, produced as chunks of about `CHUNK` characters,
 * so that a forecast with millions of dyads is written without ever being one string (V8 refuses strings
 * past ~512 MB: "Invalid string length"). Follows JSON.stringify's rules: `toJSON` is called, undefined,
 * functions and symbols are left out of objects and written `null` in arrays, non-finite numbers are `null`.
 * A round's dyads (a DyadTable) are written from their columns, one dyad's text at a time, the same text
 * as their `toJSON()` objects would give: no object per dyad is built.
 */
import { DyadTable, channelCodes, perceptionCodes } from '../../models/dyadTable.js';
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
  if (value instanceof DyadTable) return value;
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: (key: string) => unknown }).toJSON(key) : value;
}

/** Writes a value whose toJSON has been applied. */
function* write(value: unknown, indent: string, out: Chunker): Generator<string> {
  if (value === null || typeof value !== 'object') {
    out.buffer += JSON.stringify(value) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  if (value instanceof DyadTable) {
    yield* writeDyads(value, indent, out);
    return;
  }
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

/** A finite number as JSON.stringify writes it (Number.prototype.toString), else null. */
const numberText = (x: number): string => (Number.isFinite(x) ? String(x) : 'null');

/** A DyadTable as the array of its `dyadAt` objects, each dyad's text built straight from the columns. */
function* writeDyads(table: DyadTable, indent: string, out: Chunker): Generator<string> {
  const length = table.length;
  if (length === 0) {
    out.buffer += '[]';
    return;
  }
  const inner = `${indent}  `;
  const field = `,\n${inner}  `;
  const ids = table.ids.map((id) => JSON.stringify(id));
  const perceptions = perceptionCodes.map((perception) => JSON.stringify(perception));
  out.buffer += '[';
  for (let k = 0; k < length; k++) {
    const offer = table.offer[k]!;
    const hasOffer = !Number.isNaN(offer);
    let text =
      `${k === 0 ? '' : ','}\n${inner}{\n${inner}  "actor": ${ids[table.actor[k]!]!}${field}"other": ${ids[table.other[k]!]!}` +
      `${field}"probability": ${numberText(table.probability[k]!)}${field}"expectedUtility": ${numberText(table.expectedUtility[k]!)}` +
      `${field}"otherExpectedUtility": ${numberText(table.otherExpectedUtility[k]!)}${field}"perception": ${perceptions[table.perception[k]!]!}` +
      `${hasOffer ? `${field}"offer": ${numberText(offer)}` : ''}${field}"taken": ${table.taken[k] === 1 ? 'true' : 'false'}`;
    const channel = table.channel === undefined ? undefined : channelCodes[table.channel[k]!];
    if (channel !== undefined) {
      text += `${field}"channel": "${channel}"`;
      if (hasOffer) text += `${field}"baseOffer": ${numberText(table.baseOffer![k]!)}`;
    }
    out.buffer += text;
    const adjustment = table.adjusted?.get(k);
    if (adjustment) {
      for (const [name, value] of Object.entries(adjustment)) {
        out.buffer += `${field}${JSON.stringify(name)}: `;
        yield* write(value, `${inner}  `, out);
      }
    }
    out.buffer += `\n${inner}}`;
    if (out.full()) yield out.take();
  }
  out.buffer += `\n${indent}]`;
}

/** The chunks of `JSON.stringify(value, null, 2) + '\n'` (value: a JSON-serialisable object or array). */
export function* prettyJsonChunks(value: unknown): Generator<string> {
  const out = new Chunker();
  yield* write(resolved(value, ''), '', out);
  out.buffer += '\n';
  yield out.take();
}
