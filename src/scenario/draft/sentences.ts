/**
 * Sentences with their character offsets in the text: `text.slice(start, end) === sentence.text`.
 * Paragraphs (blank-line separated, and headline lines) are split first; `sentence-splitter` splits
 * each paragraph. One fix on top: it reads `<number>. ` as a list index even inside a line
 * ("in 2023. Russia…"), so a sentence is also cut after a number ending a sentence mid-line.
 */
import { split } from 'sentence-splitter';

export interface Sentence {
  index: number;
  /** Offset of the first character in the text (UTF-16 units, as String.prototype.slice counts). */
  start: number;
  /** Offset just past the last character. */
  end: number;
  text: string;
}

/** Splits `text` into trimmed sentences with exact offsets. */
export function splitSentences(text: string): Sentence[] {
  const spans: Array<[number, number]> = [];
  for (const [from, to] of paragraphs(text)) {
    for (const node of split(text.slice(from, to))) {
      if (node.type !== 'Sentence') continue;
      for (const piece of cutAfterNumbers(text, from + node.range[0], from + node.range[1])) spans.push(piece);
    }
  }
  return spans.flatMap(([from, to]) => trimmed(text, from, to)).map(([start, end], index) => ({ index, start, end, text: text.slice(start, end) }));
}

/** Blocks separated by blank lines; a single line without final punctuation (a headline) is a block too. */
function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const line = /[^\n]*(\n|$)/gu;
  let blockStart = -1;
  let match: RegExpExecArray | null;
  while ((match = line.exec(text)) !== null && match.index < text.length) {
    const content = match[0].replace(/\s+$/u, '');
    const endOfContent = match.index + content.length;
    if (content.trim() === '') {
      if (blockStart >= 0) out.push([blockStart, match.index]);
      blockStart = -1;
    } else {
      if (blockStart < 0) blockStart = match.index;
      if (!/[.!?"'”’)\]:;,]$/u.test(content)) {
        out.push([blockStart, endOfContent]);
        blockStart = -1;
      }
    }
    if (match[0] === '') break;
  }
  if (blockStart >= 0) out.push([blockStart, text.length]);
  return out;
}

function cutAfterNumbers(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const pattern = /\p{L}[^\S\n]+\d{1,4}\.(?=\s+["“]?\p{Lu})/gu;
  const piece = text.slice(from, to);
  let start = 0;
  for (const match of piece.matchAll(pattern)) {
    const cut = match.index + match[0].length;
    out.push([from + start, from + cut]);
    start = cut;
  }
  out.push([from + start, to]);
  return out;
}

function trimmed(text: string, from: number, to: number): Array<[number, number]> {
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return to > from ? [[from, to]] : [];
}
