/**
 * The real `parley` executable in a subprocess: from the compiled tree under `npm test`, from the
 * TypeScript sources (through tsx) when this file itself runs under tsx.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { fromRepo, repoRoot } from '../../tests/support/paths.js';

const compiled = fileURLToPath(import.meta.url).endsWith('.js');
const command = compiled ? [fromRepo('dist', 'src', 'cli', 'main.js')] : ['--import', 'tsx', fromRepo('src', 'cli', 'main.ts')];

function parley(...args: string[]) {
  const result = spawnSync(process.execPath, [...command, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PARLEY_DEBUG: '' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the parley executable', () => {
  it('is the package bin: built, executable, with a node shebang (as npx parley runs it)', { skip: !compiled && 'runs on the compiled tree' }, () => {
    const { bin } = JSON.parse(readFileSync(fromRepo('package.json'), 'utf8')) as { bin: { parley: string } };
    const file = fromRepo(bin.parley);
    assert.ok((statSync(file).mode & 0o111) !== 0, `${bin.parley} is not executable: \`npm run build\` sets its mode`);
    assert.match(readFileSync(file, 'utf8'), /^#!\/usr\/bin\/env node\n/u);
    const direct = spawnSync(file, ['--version'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(direct.status, 0, direct.stderr);
  });

  it('prints its version and its help, exit 0', () => {
    const version = parley('--version');
    assert.equal(version.code, 0);
    assert.match(version.out, /^\d+\.\d+\.\d+\n$/u);
    const help = parley('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^ {2}forecast +forecast each issue/mu);
    assert.equal(parley('forecast', '--help').code, 0);
  });

  it('forecasts the worked example, exit 0, results on stdout only', () => {
    const { code, out, err } = parley('forecast', 'examples/backchannel-2024.yaml', '--model', 'weighted-median');
    assert.equal(code, 0, err);
    assert.match(out, /^ {2}weighted-median +40\.0$/mu);
    assert.equal(err, '');
  });

  it('keeps exit 2 when stderr is closed before the message is written (`2>&1 | head`)', async () => {
    const child = spawn(process.execPath, [...command, 'validate', 'no-such-file.json'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    // Closing our end at once: the child's first write to stderr meets a closed pipe (EPIPE).
    child.stderr.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', (status) => done(status)));
    assert.equal(code, 2);
  });

  it('exits 2 on bad input and usage, with messages on stderr and no stack trace', () => {
    for (const args of [[], ['forecast'], ['forecast', 'no-such-file.yaml'], ['forecast', 'examples/backchannel-2024.yaml', '--model', 'oracle'], ['launch']]) {
      const { code, out, err } = parley(...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '', args.join(' '));
      assert.notEqual(err, '');
      assert.doesNotMatch(err, /\n\s+at /u);
    }
  });
});
