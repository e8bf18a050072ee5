// `npm start`'s build step: runs `npm run build` (tsc) only when a TypeScript source, tsconfig.json or
// package-lock.json is newer than the last build (dist/.tsbuildinfo), then builds the web app the same
// way (web/build-if-needed.js). An up-to-date tree starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exit, platform, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const stamp = join(repoRoot, 'dist', '.tsbuildinfo');

function newestChange(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const sources = ['src', 'tests', 'bench', 'scripts', 'tsconfig.json', 'package-lock.json'].map((name) => join(repoRoot, name));
const sourceTime = Math.max(...sources.filter(existsSync).map(newestChange));
if (existsSync(stamp) && existsSync(join(repoRoot, 'dist', 'src', 'cli', 'main.js')) && statSync(stamp).mtimeMs >= sourceTime) {
  stdout.write('TypeScript build is up to date (dist)\n');
} else {
  const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: platform === 'win32' });
  if (built.status !== 0) exit(built.status ?? 1);
  // tsc leaves its build info untouched when nothing changed in content: mark the build as current.
  const now = new Date();
  utimesSync(stamp, now, now);
}
await import('./web/build-if-needed.js');
