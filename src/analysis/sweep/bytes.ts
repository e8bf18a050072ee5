/**
 * Exact, compact text for a sweep part's raw arrays: little-endian bytes in base64 (RFC 4648 §4).
 * Numbers survive bit for bit, which keeps merged shards identical to a single run.
 */

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let at = 0; at < bytes.length; at += chunk) binary += String.fromCharCode(...bytes.subarray(at, at + chunk));
  return btoa(binary);
}

/** Decodes base64; throws RangeError on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new RangeError('not base64');
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function float64ToBase64(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < values.length; index++) view.setFloat64(index * 8, values[index]!, true);
  return bytesToBase64(bytes);
}

/** Decodes little-endian float64s; throws RangeError when the byte count is not a multiple of 8. */
export function base64ToFloat64(text: string): Float64Array {
  const bytes = base64ToBytes(text);
  if (bytes.length % 8 !== 0) throw new RangeError('float64 data is not a multiple of 8 bytes');
  const view = new DataView(bytes.buffer);
  const values = new Float64Array(bytes.length / 8);
  for (let index = 0; index < values.length; index++) values[index] = view.getFloat64(index * 8, true);
  return values;
}
