/**
 * Reads a YAML scenario with the `yaml` package, keeping the document so every field can be located:
 * a problem at `actors[2].stances.talks.salience` names the line of that key. Syntax errors are
 * reported with their own lines. YAML 1.2 core schema: `no` is a string, timestamps stay strings.
 */
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../errors.js';
import type { FieldPath, Locate } from './fieldPath.js';
import type { SourceReading } from './reading.js';

export function readYaml(text: string, file?: string): SourceReading {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error): Problem => {
      const problem: Problem = { line: lineCounter.linePos(error.pos[0]).line, message: `YAML syntax error: ${error.message}` };
      return file === undefined ? problem : { file, ...problem };
    });
    return { value: undefined, problems, fatal: true, notes: [] };
  }
  return { value: document.toJS({ maxAliasCount: 1000 }), locate: locateInDocument(document, lineCounter), problems: [], fatal: false, notes: [] };
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
