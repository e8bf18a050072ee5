/**
 * Chart text in the page: one font size for every chart (11 px, drawn at that size: charts are laid
 * out at their container's width and never scaled down), and text measured in that font, so that
 * labels are wrapped or given the margin they need instead of being clipped.
 */
import type { Measure } from './labelLayout.js';

/** The size of all chart text, in pixels: the smallest a phone's reader can read. */
export const chartFontSize = 11;
/** The distance between two lines of chart text. */
export const chartLineHeight = 13;
/** Plot's `style` option for every chart: its font at `chartFontSize`. */
export const plotStyle = { fontSize: `${chartFontSize}px`, fontFamily: 'system-ui, sans-serif' };

let context: CanvasRenderingContext2D | null | undefined;

/** Measures text in the charts' font (bold when asked); a per-character estimate where no canvas is available. */
export function measurer(options: { bold?: boolean; size?: number } = {}): Measure {
  const size = options.size ?? chartFontSize;
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const canvas = context;
  if (!canvas) return (text) => text.length * size * (options.bold ? 0.64 : 0.58);
  const font = `${options.bold ? 'bold ' : ''}${size}px system-ui, sans-serif`;
  return (text) => {
    canvas.font = font;
    return canvas.measureText(text).width;
  };
}
