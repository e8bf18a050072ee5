/**
 * How Parley prints positions for people: with as many decimals as the scale needs (a 0–100
 * scale needs one, a 0–1 scale three), trailing zeros kept in tables so columns align.
 */
import type { Scale } from '../scenario/schema.js';

/** Decimals that resolve about a thousandth of the scale's span: 0–100 → 1, 0–10 → 2, 0–1 → 3. */
export function decimalsForScale(scale: Pick<Scale, 'min' | 'max'>): number {
  const span = Math.abs(scale.max - scale.min);
  if (!(span > 0) || !Number.isFinite(span)) return 2;
  return Math.min(6, Math.max(0, 3 - Math.ceil(Math.log10(span))));
}

/** Fixed decimals; a value that rounds to zero prints without a minus sign ("0.0", not "-0.0"). */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/u.test(text) ? text.slice(1) : text;
}

/** Like formatFixed but without trailing zeros, for prose: 62.0 → "62", 62.35 → "62.4" at one decimal. */
export function formatShort(value: number, decimals: number): string {
  const text = formatFixed(value, decimals);
  return text.includes('.') ? text.replace(/\.?0+$/u, '') : text;
}

/**
 * Three significant digits with an explicit sign, for expected utilities and probabilities whose
 * size varies by orders of magnitude between presets (Scholz-code's P is ~0.005, the paper's ~0.5).
 */
export function formatSignificant(value: number, digits = 3, signed = false): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const text = String(Number(value.toPrecision(digits)));
  return signed && value > 0 ? `+${text}` : text;
}
