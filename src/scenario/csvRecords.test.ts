import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCsvRecords } from './csvRecords.js';

test('quoted fields keep commas, doubled quotes and line breaks; records keep their first line', () => {
  const { records, problems } = readCsvRecords('a,b\r\n"x, y","say ""no""\r\nthen yes",z\r\n\r\nlast,  "spaced"\n\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(records, [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['x, y', 'say "no"\nthen yes', 'z'] },
    { line: 5, fields: ['last', 'spaced'] },
  ]);
});

test('LF, CRLF and CR line ends, empty fields and a missing final line break', () => {
  assert.deepEqual(readCsvRecords('a,,c\rd,e,\nf').records, [
    { line: 1, fields: ['a', '', 'c'] },
    { line: 2, fields: ['d', 'e', ''] },
    { line: 3, fields: ['f'] },
  ]);
  assert.deepEqual(readCsvRecords('').records, []);
});

test('an unclosed quote and text after a closing quote are problems with their line', () => {
  assert.deepEqual(readCsvRecords('a,b\n1,"open\n2,3\n').problems, [{ line: 2, message: 'a quoted field is never closed (missing ")' }]);
  assert.deepEqual(readCsvRecords('a,b\n1,"x"y\n').problems, [{ line: 2, message: 'unexpected text "y" after a closing quote' }]);
});
