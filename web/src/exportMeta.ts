/**
 * What an exported chart says about itself: its title, the scenario (and its as-of date), the issue,
 * the model, the round and when it was exported. In an SVG or PNG it is a caption drawn inside the
 * image, under the chart; in a CSV it is leading comment lines, one `# key: value` per item, before the
 * header row (readers that take comments, e.g. pandas `read_csv(…, comment='#')` or R's
 * `read.csv(…, comment.char = '#')`, skip them). See docs/workbench.md.
 */

export interface ExportMeta {
  /** The chart's title, as on its card. */
  title: string;
  scenario?: string | undefined;
  /** The scenario's as-of date. */
  asOf?: string | undefined;
  issue?: string | undefined;
  model?: string | undefined;
  /** The round or turn shown, in words ("round 3 of 10", "last round (10)"). */
  round?: string | undefined;
}

/** The items in their fixed order, with the export's date and time (UTC, to the minute). */
export function metaEntries(meta: ExportMeta, exported: Date): [string, string][] {
  const entries: [string, string | undefined][] = [
    ['chart', meta.title],
    ['scenario', meta.scenario],
    ['as of', meta.asOf],
    ['issue', meta.issue],
    ['model', meta.model],
    ['round', meta.round],
    ['exported', `${exported.toISOString().slice(0, 16).replace('T', ' ')} UTC (Parley)`],
  ];
  return entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '').map(([key, value]) => [key, oneLine(value)]);
}

/** The CSV's leading comment lines, each ending in a line break. */
export function csvMetaLines(entries: readonly [string, string][]): string {
  return entries.map(([key, value]) => `# ${key}: ${value}\n`).join('');
}

/** The caption's text: the title on a line of its own, then "key: value" items (the caller wraps them). */
export function captionItems(entries: readonly [string, string][]): { title: string; items: string[] } {
  const title = entries.find(([key]) => key === 'chart')?.[1] ?? '';
  return { title, items: entries.filter(([key]) => key !== 'chart').map(([key, value]) => `${key}: ${value}`) };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/gu, ' ').trim();
}
