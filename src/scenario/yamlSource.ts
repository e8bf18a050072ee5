/**
 * Reads a YAML scenario with the `yaml` package, keeping the document so every field can be located:
 * a problem at `actors[2].stances.talks.salience` names the line of that key. Syntax errors are
 * reported with their own lines. YAML 1.2 core schema: `no` is a string, timestamps stay strings.
 */
import { type Document, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, visit } from 'yaml';
import type { Problem } from '../errors.js';
import type { FieldPath, Locate } from './fieldPath.js';
import type { SourceReading } from './reading.js';

/** How many nodes the aliases of a document may expand to: more is an alias bomb ("billion laughs"). */
const maxAliasCount = 1000;

export function readYaml(text: string, file?: string): SourceReading {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fatal = (problems: Problem[]): SourceReading => ({
    value: undefined,
    problems: problems.map((problem) => (file === undefined ? problem : { file, ...problem })),
    fatal: true,
    notes: [],
  });
  if (document.errors.length > 0) {
    return fatal(
      document.errors.map((error): Problem => {
        const line = lineCounter.linePos(error.pos[0]).line;
        if (error.code === 'MULTIPLE_DOCS') {
          const count = parseAllDocuments(text).length;
          return { line, message: `a scenario file holds one YAML document; found ${count} (a line "---" or "..." here starts another)` };
        }
        return { line, message: `YAML syntax error: ${error.message}` };
      }),
    );
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount });
  } catch (error) {
    // The yaml package refuses aliases that expand past maxAliasCount with a ReferenceError.
    if (!(error instanceof ReferenceError)) throw error;
    const offset = explodingAlias(document);
    const problem: Problem = { message: `YAML aliases (*name) here expand to more than ${maxAliasCount} nodes; a scenario needs no such repetition` };
    return fatal([offset === undefined ? problem : { line: lineCounter.linePos(offset).line, ...problem }]);
  }
  return { value, locate: locateInDocument(document, lineCounter), problems: [], fatal: false, notes: [] };
}

/** The offset of the first alias whose target expands to more than maxAliasCount nodes. */
function explodingAlias(document: Document): number | undefined {
  const sizes = new Map<unknown, number>();
  const sizeOf = (node: unknown, depth: number): number => {
    if (depth > 100) return Infinity;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (isAlias(node)) size = sizeOf(node.resolve(document), depth + 1);
    else if (isMap(node)) for (const pair of node.items) size += sizeOf(pair.key, depth + 1) + sizeOf(pair.value, depth + 1);
    else if (isSeq(node)) for (const item of node.items) size += sizeOf(item, depth + 1);
    sizes.set(node, size);
    return size;
  };
  let found: number | undefined;
  visit(document, {
    Alias(_, alias) {
      if (sizeOf(alias, 0) <= maxAliasCount) return undefined;
      found = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * A Locate over a parsed YAML (or JSON) document: the line of the deepest key or item on the path
 * that exists, so a missing field is located at its parent.
 */
export function locateInDocument(document: Document, lineCounter: LineCounter): Locate {
  return (path: FieldPath) => {
    let node: unknown = document.contents;
    let offset = isNode(node) ? node.range?.[0] : undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        if (isNode(pair.key)) offset = pair.key.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (!isNode(item)) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
}
