/**
 * The workbench's chart exports, read back in e2e tests: what a card's SVG button downloads, and the
 * words drawn in it (legends, labels, ticks), to check that an export is self-contained.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Clicks the SVG export button of the chart card `card` (a selector) and returns the file's text. */
export async function exportedSvg(page: Page, card: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${card} [data-export="svg"]`)]);
  const text = readFileSync((await download.path())!, 'utf8');
  assert.match(text, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/u);
  return text;
}

/** The content of every <text> element of an SVG document, XML entities decoded. */
export function svgTexts(svg: string): string[] {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/gu)].map((match) => match[1]!.replace(/&(?:amp|lt|gt|quot|apos);/gu, (entity) => entities[entity]!));
}

/** A chart's CSV export without its leading `# key: value` lines (what the chart is): the header row and the data, one string a line. */
export function csvData(text: string): string[] {
  const lines = text.trim().split('\n');
  return lines.slice(lines.findIndex((line) => !line.startsWith('#')));
}
