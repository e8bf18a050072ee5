/**
 * Where tests find the project's files and the read-only ../shared folder, whether they run from
 * the TypeScript sources (tsx) or from the compiled dist/ tree (npm test).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  let directory = start;
  for (;;) {
    if (existsSync(join(directory, 'package.json')) && existsSync(join(directory, 'src'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${start}`);
    directory = parent;
  }
}

/** The repository root (the folder with package.json). */
export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** The shared folder beside the repository: reference vectors, data, specifications. */
export const sharedDir = resolve(repoRoot, '..', 'shared');

export const fromRepo = (...parts: string[]): string => join(repoRoot, ...parts);
export const fromShared = (...parts: string[]): string => join(sharedDir, ...parts);
