// The browser for the end-to-end tests, and the test command's last step.
//
//   node tests/support/chromium.js check   first step of `npm test`: says at once (one line) whether
//                                          the browser tests will run; fails when they must
//   node tests/support/chromium.js run     last step: `node --test` over dist/, without the browser
//                                          tests when there is no browser
//
// The browser is PARLEY_CHROMIUM if set, else the first executable regular file among Debian's and
// Ubuntu's chromium paths and `chromium`, `chromium-browser` on PATH. Without one the browser tests
// are skipped with one loud line (exit 0), unless PARLEY_REQUIRE_BROWSER=1 (.ci/run sets it): then
// the command fails at once with that line. Plain JavaScript, so it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { argv, env, execPath, exit, stderr } from 'node:process';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const onPath = ['chromium', 'chromium-browser'];
const install = 'install Chromium (Debian/Ubuntu: apt-get install chromium) or set PARLEY_CHROMIUM to its path';

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to drive, or undefined when there is none. */
export function locateChromium() {
  if (env.PARLEY_CHROMIUM) return isExecutableFile(env.PARLEY_CHROMIUM) ? env.PARLEY_CHROMIUM : undefined;
  const searched = [...candidates, ...(env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => onPath.map((name) => join(dir, name)))];
  return searched.find(isExecutableFile);
}

function missingLine() {
  const what = env.PARLEY_CHROMIUM ? `PARLEY_CHROMIUM=${env.PARLEY_CHROMIUM} is not an executable file` : 'no Chromium found';
  return env.PARLEY_REQUIRE_BROWSER === '1'
    ? `parley: ${what} and PARLEY_REQUIRE_BROWSER=1: ${install}`
    : `parley: ${what}: SKIPPING the browser tests (tests/e2e); ${install}`;
}

/** Every compiled test file under dist/, as `node --test dist/` finds them. */
function testFiles(directory, withBrowser) {
  const files = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      if (!withBrowser && relative(repoRoot, path) === join('dist', 'tests', 'e2e')) continue;
      files.push(...testFiles(path, withBrowser));
    } else if (entry.name.endsWith('.test.js')) files.push(path);
  }
  return files.sort();
}

const command = argv[2];
const browser = locateChromium();
if (command === 'check') {
  if (browser === undefined) {
    stderr.write(`${missingLine()}\n`);
    if (env.PARLEY_REQUIRE_BROWSER === '1') exit(1);
  }
} else if (command === 'run') {
  if (browser === undefined && env.PARLEY_REQUIRE_BROWSER === '1') {
    stderr.write(`${missingLine()}\n`);
    exit(1);
  }
  const files = testFiles(join(repoRoot, 'dist'), browser !== undefined);
  const childEnv = browser === undefined ? env : { ...env, PARLEY_CHROMIUM: browser };
  const result = spawnSync(execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env: childEnv });
  if (browser === undefined) stderr.write(`${missingLine()}\n`);
  exit(result.status ?? 1);
} else if (command !== undefined) {
  stderr.write(`usage: node tests/support/chromium.js check|run\n`);
  exit(2);
}
