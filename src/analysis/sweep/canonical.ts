/**
 * Canonical JSON (object keys sorted, undefined left out) and a 64-bit fingerprint of it: two sweeps
 * have the same fingerprint exactly when their inputs are the same, whatever the key order. The
 * fingerprint identifies a sweep's parts for merging; it is not a cryptographic hash.
 */

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // Keys are ids and option names from input: a record without a prototype keeps `__proto__` as a key.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry !== undefined) sorted[key] = sortKeys(entry);
  }
  return sorted;
}

/**
 * Two independent 32-bit FNV-1a hashes (different offset bases) of the UTF-16 code units, each
 * finished with the murmur3 avalanche, printed as 16 hex digits (Fowler, Noll & Vo; Appleby).
 */
export function fingerprint(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x050c5d1f;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    first = Math.imul(first ^ unit, 0x01000193);
    second = Math.imul(second ^ unit, 0x01000193) ^ (second >>> 15);
  }
  return avalanche(first).toString(16).padStart(8, '0') + avalanche(second).toString(16).padStart(8, '0');
}

function avalanche(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
