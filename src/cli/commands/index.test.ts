/** The command list: each entry loads the command it names, and `parley --help` lists them all. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runParley } from '../../../tests/support/runParley.js';
import { commands } from './index.js';

test('each entry loads the command of its name, whose usage starts with its synopsis', async () => {
  assert.equal(new Set(commands.map((entry) => entry.name)).size, commands.length);
  for (const entry of commands) {
    const command = await entry.load();
    assert.equal(command.name, entry.name);
    assert.match(command.usage, new RegExp(`^Usage: parley ${entry.name}\\b`, 'u'), entry.name);
  }
});

test('parley --help lists every command with its summary, in the list order', async () => {
  const { code, out } = await runParley(['--help']);
  assert.equal(code, 0);
  const listed = [...out.matchAll(/^ {2}([a-z]+) {2,}(.+)$/gmu)].map((match) => [match[1], match[2]]);
  assert.deepEqual(listed, commands.map((entry) => [entry.name, entry.summary]));
});
