/**
 * Issue 16 item 6: a command loads only what it needs. The real `parley` in a subprocess, with a module
 * hook that prints every module it loads: the YAML forecast path must not load the KTAB XML reader and
 * its fast-xml-parser, the Decide reader, the drafter's NLP libraries, SQLite or the server; a KTAB XML
 * file must (so the hook sees what it should).
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { loadedModules } from '../../tests/support/loadedModules.js';
import { fromRepo, fromShared, repoRoot } from '../../tests/support/paths.js';

const compiled = fileURLToPath(import.meta.url).endsWith('.js');
const command = compiled ? [fromRepo('dist', 'src', 'cli', 'main.js')] : ['--import', 'tsx', fromRepo('src', 'cli', 'main.ts')];

/** The modules `parley ARGS` loads (their URLs), and its exit code. */
const loadedBy = (...args: string[]) => loadedModules([...command, ...args], repoRoot);

/** What a YAML forecast must not load: the packages, and Parley's own readers and rooms they come with. */
const notForYaml = [
  /\/node_modules\/fast-xml-parser\//u,
  /\/node_modules\/compromise\//u,
  /\/node_modules\/chrono-node\//u,
  /\/node_modules\/sentence-splitter\//u,
  /\/node_modules\/world-countries\//u,
  /\/node_modules\/better-sqlite3\//u,
  /\/src\/scenario\/ktab\/xml\.[jt]s$/u,
  /\/src\/scenario\/decide\/read\.[jt]s$/u,
  /\/src\/scenario\/draft\//u,
  /\/src\/server\//u,
  /\/src\/store\//u,
];

describe('parley loads readers and commands lazily', () => {
  it('forecast on a YAML file: no XML parser, Decide reader, NLP libraries, SQLite or server', () => {
    const { code, modules } = loadedBy('forecast', 'examples/backchannel-2024.yaml');
    assert.equal(code, 0);
    assert.ok(modules.some((url) => url.includes('/src/cli/commands/forecast.')), 'the hook saw the forecast command load');
    for (const pattern of notForYaml) assert.deepEqual(modules.filter((url) => pattern.test(url)), [], `loaded for a YAML forecast: ${pattern}`);
  });

  it('draft --help does not load the NLP libraries either', () => {
    const { code, modules } = loadedBy('draft', '--help');
    assert.equal(code, 0);
    assert.deepEqual(modules.filter((url) => /\/node_modules\/(compromise|chrono-node|sentence-splitter|world-countries)\//u.test(url)), []);
  });

  it('a KTAB XML file does load the XML reader and fast-xml-parser', () => {
    const { code, modules } = loadedBy('validate', fromShared('vectors', 'ktab', 'inputs', 'dummyData_3Dim-fixed.xml'));
    assert.equal(code, 0);
    assert.ok(modules.some((url) => /\/node_modules\/fast-xml-parser\//u.test(url)));
    assert.ok(modules.some((url) => /\/src\/scenario\/ktab\/xml\.[jt]s$/u.test(url)));
  });
});
