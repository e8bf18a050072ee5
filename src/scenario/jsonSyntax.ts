/**
 * Finds where a JSON text first breaks the grammar (RFC 8259), so a syntax error names its line.
 * JSON.parse only sometimes reports a position; this scanner always does. It is used only after
 * JSON.parse has failed, so it checks the grammar and builds nothing.
 */

export interface JsonSyntaxError {
  /** Character offset of the first character that breaks the grammar (text.length at end of input). */
  offset: number;
  message: string;
}

class SyntaxFound extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrtu';

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let pos = 0;
  const fail = (message: string): never => {
    throw new SyntaxFound(pos, message);
  };
  const found = (): string => (pos >= text.length ? 'the end of the input' : JSON.stringify(text[pos]));
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };
  const expect = (char: string, what: string): void => {
    skipSpace();
    if (text[pos] !== char) fail(`expected ${what}, found ${found()}`);
    pos++;
  };
  const scanString = (): void => {
    pos++;
    for (;;) {
      const char = text[pos];
      if (char === undefined) fail('unterminated string');
      if (char === '"') break;
      if (char! < ' ') fail('a control character (such as a line break) inside a string must be escaped');
      if (char === '\\') {
        pos++;
        if (!ESCAPES.includes(text[pos] ?? '!')) fail(`invalid escape in a string: \\${text[pos] ?? ''}`);
        if (text[pos] === 'u' && !/^[0-9a-fA-F]{4}$/u.test(text.slice(pos + 1, pos + 5))) fail('\\u must be followed by four hex digits');
      }
      pos++;
    }
    pos++;
  };
  const scanValue = (): void => {
    skipSpace();
    const char = text[pos];
    if (char === '{') return scanContainer('}', true);
    if (char === '[') return scanContainer(']', false);
    if (char === '"') return scanString();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, pos)) {
        pos += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (number && number[0] !== '' && number[0] !== '-') {
      pos += number[0].length;
      return;
    }
    fail(`expected a value, found ${found()}`);
  };
  const scanContainer = (close: string, isObject: boolean): void => {
    pos++;
    skipSpace();
    if (text[pos] === close) {
      pos++;
      return;
    }
    for (;;) {
      if (isObject) {
        skipSpace();
        if (text[pos] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
        scanString();
        expect(':', "':' after a property name");
      }
      scanValue();
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === close) {
        pos++;
        return;
      }
      fail(`expected ',' or '${close}' after ${isObject ? 'a property value' : 'a list item'}, found ${found()}`);
    }
  };

  try {
    scanValue();
    skipSpace();
    if (pos < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxFound) return { offset: error.offset, message: error.message };
    throw error;
  }
}
