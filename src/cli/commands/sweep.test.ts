import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fromRepo, repoRoot } from '../../../tests/support/paths.js';
import { runParley } from '../../../tests/support/runParley.js';
import { memoryIo } from '../io.js';
import { runCli } from '../run.js';
import { commands } from './index.js';

const example = 'examples/backchannel-2024.yaml';
let scratch = '';
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'parley-sweep-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('parley sweep', () => {
  it('prints the worked example’s distribution and its sensitivity ranking', async () => {
    const { code, out, err } = await runParley(['sweep', example, '--runs', '200', '--seed', '5', '--threshold', 'settlement:50', '--workers', '1']);
    assert.equal(code, 0, err);
    assert.match(out, /model eum \(preset default\), 200 of 200 runs, seed 5/u);
    for (const issue of ['settlement', 'talks']) assert.match(out, new RegExp(`^${issue} — `, 'mu'));
    assert.match(out, /quantiles {2}5%: [\d.]+ {2}25%: [\d.]+ {2}50%: [\d.]+ {2}75%: [\d.]+ {2}95%: [\d.]+/u);
    assert.match(out, /P\(outcome > 50\.0\) = [\d.]+%/u);
    assert.match(out, /moved in: russia [\d.]+%/u);
    assert.match(out, /what moves the forecast most/u);
    assert.match(out, /^ {5}1\. [a-z-]+\.[a-z.]+ /mu);
  });

  it('--json is the SweepResult; --csv is tidy', async () => {
    const json = await runParley(['sweep', example, '--model', 'weighted-median', '--runs', '50', '--json', '--workers', '1']);
    assert.equal(json.code, 0, json.err);
    const result = JSON.parse(json.out) as { format: string; completedRuns: number; issues: Array<{ issue: string; sensitivity: unknown[] }> };
    assert.equal(result.format, 'parley.sweep-result');
    assert.equal(result.completedRuns, 50);
    assert.deepEqual(result.issues.map((issue) => issue.issue), ['settlement', 'talks']);
    assert.equal(result.issues[0]!.sensitivity.length, 35);
    const csv = await runParley(['sweep', example, '--model', 'weighted-median', '--runs', '50', '--csv', '--workers', '1']);
    assert.equal(csv.code, 0, csv.err);
    assert.match(csv.out, /^issue,statistic,key,value\nsettlement,baseline,,/u);
    assert.match(csv.out, /\ntalks,quantile,p95,[\d.]+\n/u);
  });

  it('the same seed gives the same JSON with 1 worker, 2 workers and the automatic choice; --show-workers only adds a line on stderr', async () => {
    const common = ['sweep', example, '--runs', '3000', '--seed', '21', '--threshold', 'settlement:50', '--json'];
    const one = await runParley([...common, '--workers', '1']);
    assert.equal(one.code, 0, one.err);
    assert.equal(one.err, '');
    for (const extra of [['--workers', '2'], ['--workers', '3'], [], ['--show-workers']]) {
      const other = await runParley([...common, ...extra]);
      assert.equal(other.code, 0, other.err);
      assert.equal(other.out, one.out, extra.join(' '));
    }
    const explicit = await runParley([...common, '--workers', '2', '--show-workers']);
    assert.equal(explicit.err, 'workers: 2 (--workers)\n');
    const automatic = await runParley([...common, '--show-workers']);
    assert.match(automatic.err, /^workers: [12] \(automatic: pilot of [\d,]+ runs in this thread/u);
  });

  it('shocks change the forecast: dropping the United States administration', async () => {
    const args = ['sweep', example, '--model', 'weighted-mean', '--runs', '20', '--no-noise', '--json', '--workers', '1'];
    const base = JSON.parse((await runParley(args)).out) as { issues: Array<{ baseline: number; moved: Record<string, number> }> };
    const shocked = JSON.parse((await runParley([...args, '--shock', 'drop:us'])).out) as typeof base;
    assert.notEqual(shocked.issues[0]!.baseline, base.issues[0]!.baseline);
    assert.ok(!('us' in shocked.issues[0]!.moved));
    const eum = await runParley(['sweep', example, '--runs', '20', '--workers', '1', '--shock', 'russia.capability=40@3', '--shock', 'close:us,russia', '--json']);
    assert.equal(eum.code, 0, eum.err);
  });

  it('bad input exits 2 with a clear message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--noise', 'putin.position=normal:5'], /noise\[0\]: unknown actor "putin"/u],
      [['--noise', 'russia.height=normal:5'], /unknown field "height"/u],
      [['--shock', 'drop:atlantis'], /shocks\[0\]: unknown actor "atlantis"/u],
      [['--shock', 'russia.capability=40@3', '--model', 'weighted-mean'], /model "weighted-mean" cannot apply round-based shocks/u],
      [['--runs=-5'], /--runs must be an integer/u],
      [['--runs', '-5'], /^parley sweep: --runs must be an integer ≥ 1, got "-5"\n/u],
      [['--seed', '-1'], /^parley sweep: --seed must be an integer from 0 to 4294967295, got "-1"\n/u],
      [['--model', 'eum', '--model', 'mean'], /^parley sweep: --model is given more than once/u],
      [['--rounds', '10', '--shock', 'russia.capability=50@99'], /^shocks\[0\]: the change russia\.capability=50@99 starts at round 99, but the model runs 10 rounds/u],
      [['--threshold', 'settlement:500'], /^thresholds\[0\]: threshold "settlement:500" is outside the scale of its issue \(settlement \[0, 100\]\)/u],
      [['--shard', '3/3'], /--shard: expected i\/n/u],
      [['--shard', 'two'], /--shard: expected i\/n/u],
      [['--threshold', 'nowhere:5'], /unknown issue "nowhere"/u],
    ];
    for (const [extra, message] of cases) {
      const runs = extra.some((arg) => arg.startsWith('--runs')) ? [] : ['--runs', '10'];
      const { code, err } = await runParley(['sweep', example, ...runs, '--workers', '1', ...extra]);
      assert.equal(code, 2, `${extra.join(' ')}: ${err}`);
      assert.match(err, message);
      assert.doesNotMatch(err, /at .*\.js:\d+/u, 'no stack trace');
    }
  });

  it('three shards merged are exactly the single-machine result, whatever the worker count', async () => {
    const common = [example, '--runs', '90', '--seed', '11', '--threshold', '50'];
    const single = await runParley(['sweep', ...common, '--json', '--workers', '1']);
    assert.equal(single.code, 0, single.err);
    const parts: string[] = [];
    for (const index of [0, 1, 2]) {
      const part = join(scratch, `part-${index}.json`);
      const shard = await runParley(['sweep', ...common, '--shard', `${index}/3`, '--out', part, '--workers', index === 1 ? '2' : '1']);
      assert.equal(shard.code, 0, shard.err);
      parts.push(part);
    }
    const merged = await runParley(['merge', parts[2]!, parts[0]!, parts[1]!, '--json']);
    assert.equal(merged.code, 0, merged.err);
    assert.equal(merged.out, single.out);

    const missing = await runParley(['merge', parts[0]!, parts[2]!]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /missing shard 1\/3/u);
    const otherSeed = join(scratch, 'other-seed.json');
    assert.equal((await runParley(['sweep', example, '--runs', '90', '--seed', '12', '--threshold', '50', '--shard', '1/3', '--out', otherSeed, '--workers', '1'])).code, 0);
    const mixed = await runParley(['merge', parts[0]!, otherSeed, parts[2]!]);
    assert.equal(mixed.code, 2);
    assert.match(mixed.err, /other-seed\.json: comes from a different sweep than .*part-0\.json: different seed \(11 vs 12\)/u);
    const notPart = join(scratch, 'not-a-part.json');
    await writeFile(notPart, '{"hello": 1}');
    assert.match((await runParley(['merge', notPart])).err, /not a Parley sweep part/u);
    await writeFile(notPart, '{"hello": ');
    assert.match((await runParley(['merge', notPart])).err, /not-a-part\.json: not JSON/u);
  });

  it('stops cleanly when interrupted and reports what was done', async () => {
    const abort = new AbortController();
    const io = memoryIo({ cwd: repoRoot, signal: abort.signal });
    setTimeout(() => abort.abort(), 300);
    const code = await runCli(['sweep', example, '--model', 'weighted-mean', '--runs', '3000000', '--workers', '1'], io, commands);
    assert.equal(code, 130, io.err());
    assert.match(io.err(), /interrupted/u);
    if (io.out() !== '') assert.match(io.out(), /note: interrupted: \d+ of 3000000 runs done/u);
  });

  it('Ctrl-C on the real command stops the worker threads and exits 130', async () => {
    const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
    const main = fromSource ? ['--import', 'tsx', fromRepo('src/cli/main.ts')] : [fromRepo('dist/src/cli/main.js')];
    // A Ctrl-C that arrives before the CLI has installed its handler (a slow start on a loaded
    // machine) kills it by the signal (code null): that says nothing of the sweep, so try later.
    let attempt = { code: null as number | null, err: '', out: '' };
    for (const delay of [2500, 6000, 15000]) {
      attempt = await interruptAfter(delay, [...main, 'sweep', example, '--model', 'weighted-mean', '--runs', '2000000', '--workers', '2']);
      if (attempt.code !== null) break;
    }
    const { code, err, out } = attempt;
    assert.equal(code, 130, err);
    assert.match(err, /interrupted/u);
    if (out !== '') assert.match(out, /quantiles/u);
    await readFile(fromRepo(example), 'utf8');
  });
});

/** Runs node with `args`, sends SIGINT after `delay` ms, and collects its exit code and output. */
async function interruptAfter(delay: number, args: string[]): Promise<{ code: number | null; err: string; out: string }> {
  const child = spawn(process.execPath, args, { cwd: repoRoot });
  let err = '';
  let out = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGINT'), delay);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(killer);
  return { code, err, out };
}
