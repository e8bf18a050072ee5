// Builds the web app (vite build web) unless web/dist is newer than every source it is built from:
// web/ itself and the pure core in src/ that the app and its Web Worker import. `npm start` and
// `npm test` call it, so a fresh clone builds once and later runs start at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const webRoot = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(webRoot);
const builtIndex = join(webRoot, 'dist', 'index.html');

function newestChange(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

const sources = [join(webRoot, 'src'), join(webRoot, 'index.html'), join(webRoot, 'vite.config.js'), join(repoRoot, 'src'), join(repoRoot, 'package-lock.json')];
const sourceTime = Math.max(...sources.filter(existsSync).map(newestChange));
if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sourceTime) {
  stdout.write('web app is up to date (web/dist)\n');
} else {
  stdout.write('building the web app (web/dist)…\n');
  await build({ root: webRoot, configFile: join(webRoot, 'vite.config.js') });
}
