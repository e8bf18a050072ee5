/** A benchmark suite: runs, then reports one markdown table. Add a suite with one line in run.ts. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: string[][];
  /** Lines printed under the table (what was measured, checks that passed). */
  notes?: string[];
}

export interface BenchSuite {
  name: string;
  run(): BenchTable | Promise<BenchTable>;
}

export function toMarkdown(table: BenchTable): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `## ${table.title}`,
    '',
    line(table.columns),
    line(table.columns.map(() => '---')),
    ...table.rows.map(line),
    ...(table.notes && table.notes.length > 0 ? ['', ...table.notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');
}
