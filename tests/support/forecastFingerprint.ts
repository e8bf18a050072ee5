/** SHA-256 of a forecast's exact JSON, with −0 written apart from 0 (JSON would merge them): "the same forecast to the bit". */
import { createHash } from 'node:crypto';
import type { Forecast } from '../../src/models/model.js';

export function forecastFingerprint(forecast: Forecast): string {
  const text = JSON.stringify(forecast, (_key, value: unknown) => (Object.is(value, -0) ? '-0' : value));
  return createHash('sha256').update(text).digest('hex');
}
