/**
 * The layers, checked on every import of every source file (static and dynamic): the pure core
 * (math, scenario, models, analysis) imports only down the layers and nothing from `node:`; the
 * Node-side room (src/node) serves both edges; the server and the CLI never import each other (the one
 * exception: `parley serve`, the CLI command that starts the server, loads it and names its deadlines).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { fromRepo } from './support/paths.js';

const sourceRoot = fromRepo('src');

/** What each room may import from (besides itself and src/errors.ts). */
const allowed: Record<string, readonly string[]> = {
  math: [],
  scenario: ['math'],
  models: ['math', 'scenario'],
  analysis: ['math', 'scenario', 'models'],
  node: ['math', 'scenario', 'models', 'analysis'],
  store: ['math', 'scenario', 'models', 'analysis'],
  server: ['math', 'scenario', 'models', 'analysis', 'node', 'store'],
  cli: ['math', 'scenario', 'models', 'analysis', 'node', 'store'],
};
const pure = new Set(['math', 'scenario', 'models', 'analysis']);
const exceptions = new Set(['cli/commands/serve.ts -> server/start.ts', 'cli/commands/serve.ts -> server/runLimits.ts']);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const specifiers = (text: string): string[] => [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gmu)].map((match) => match[1]!);
const roomOf = (file: string): string => relative(sourceRoot, file).split(sep)[0]!.replace(/\.ts$/u, '');

/** Every import that breaks the layers, as "from -> to". */
export function layerViolations(): string[] {
  const violations: string[] = [];
  for (const file of sourceFiles(sourceRoot)) {
    const room = roomOf(file);
    const rules = allowed[room];
    if (rules === undefined) continue; // src/index.ts, the library's entry, exports from every room
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const from = relative(sourceRoot, file).split(sep).join('/');
      if (specifier.startsWith('node:')) {
        if (pure.has(room)) violations.push(`${from} -> ${specifier} (the core is pure)`);
        continue;
      }
      if (!specifier.startsWith('.')) continue;
      const target = join(dirname(file), specifier).replace(/\.js$/u, '.ts');
      const to = relative(sourceRoot, target).split(sep).join('/');
      if (to.startsWith('..')) continue;
      const targetRoom = roomOf(target);
      if (targetRoom === room || targetRoom === 'errors' || rules.includes(targetRoom) || exceptions.has(`${from} -> ${to}`)) continue;
      violations.push(`${from} -> ${to}`);
    }
  }
  return violations;
}

test('every import points down the layers; the server and the CLI do not import each other', () => {
  assert.deepEqual(layerViolations(), []);
});

test('the scan sees imports: the one allowed exception is found, and a made-up upward import would be caught', () => {
  const serve = readFileSync(join(sourceRoot, 'cli', 'commands', 'serve.ts'), 'utf8');
  assert.ok(specifiers(serve).includes('../../server/start.js'));
  assert.deepEqual(specifiers("import { x } from '../cli/a.js';\nconst y = await import('../models/b.js');\nimport type { Z } from 'node:fs';"), ['../cli/a.js', '../models/b.js', 'node:fs']);
});
