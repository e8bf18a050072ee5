/**
 * A small element tree with line numbers over fast-xml-parser (ordered output with metadata), so the
 * KTAB XML reader can say on which line a bad value is. Attributes are ignored (KTAB uses none but the
 * schema location on the root).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../errors.js';

export interface XmlElement {
  name: string;
  /** 1-based line of the element's start tag. */
  line: number;
  /** The element's own text, trimmed (entities decoded). */
  text: string;
  children: XmlElement[];
}

type OrderedNode = Record<string, unknown>;

export function parseXmlTree(text: string, file: string | undefined): XmlElement[] {
  const where = file === undefined ? {} : { file };
  const validation = XMLValidator.validate(text);
  if (validation !== true) throw new InputError({ ...where, line: validation.err.line, message: `not well-formed XML: ${validation.err.msg}` });
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  // KTAB files have no document type; a DOCTYPE can only declare entities (external ones read files).
  const doctype = /<!DOCTYPE/iu.exec(text);
  if (doctype) throw new InputError({ ...where, line: lineStarts.filter((start) => start <= doctype.index).length, message: 'a <!DOCTYPE> declaration is not accepted in a KTAB XML file; remove it' });
  const parser = new XMLParser({ preserveOrder: true, captureMetaData: true, ignoreAttributes: true, parseTagValue: false, trimValues: true });
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    // Whatever the XML library refuses is the file's fault, not Parley's.
    throw new InputError({ ...where, message: `not well-formed XML: ${error instanceof Error ? error.message : String(error)}` });
  }
  const lineAt = (index: number | undefined): number => {
    if (index === undefined) return 1;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const metadata = XMLParser.getMetaDataSymbol() as unknown as string;
  const convert = (list: OrderedNode[]): XmlElement[] =>
    list.flatMap((node) => {
      const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
      if (name === undefined || name.startsWith('?')) return [];
      const children = (node[name] as OrderedNode[] | undefined) ?? [];
      const ownText = children
        .filter((child) => '#text' in child)
        .map((child) => String(child['#text']))
        .join('')
        .trim();
      const start = (node[metadata] as { startIndex?: number } | undefined)?.startIndex;
      return [{ name, line: lineAt(start), text: ownText, children: convert(children) }];
    });
  return convert(nodes);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((candidate) => candidate.name === name);
}

/** Escapes text for an XML element's content. */
export function escapeXml(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}
