import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import { runParley } from '../../../tests/support/runParley.js';

const folder = mkdtempSync(join(tmpdir(), 'parley-draft-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const article = fromShared('seed', 'backchannel-article.txt');

test('parley draft writes a YAML draft, and --json the scorer\'s shape, to --out', async () => {
  const yaml = await runParley(['draft', article]);
  assert.equal(yaml.code, 0, yaml.err);
  assert.match(yaml.out, /^# Parley draft/u);
  assert.match(yaml.out, /needsEstimate:/u);
  const out = join(folder, 'draft.json');
  const json = await runParley(['draft', article, '--json', '--out', out]);
  assert.equal(json.code, 0, json.err);
  const parsed = JSON.parse(readFileSync(out, 'utf8')) as { actors: unknown[]; cues: unknown[] };
  assert.ok(parsed.actors.length >= 6 && parsed.cues.length >= 20);
});

test('--issues places cues on the given issues and proposes stances', async () => {
  const issues = join(folder, 'issues.yaml');
  writeFileSync(issues, '- id: talks\n  name: US-Russia negotiations\n  scale: { min: 0, max: 100, minLabel: no talks, maxLabel: immediate talks }\n');
  const result = await runParley(['draft', article, '--issues', issues, '--json']);
  assert.equal(result.code, 0, result.err);
  const parsed = JSON.parse(result.out) as { proposals: Array<{ actor: string; issue: string; position: number }> };
  const russia = parsed.proposals.find((p) => p.actor === 'russia' && p.issue === 'talks');
  assert.ok(russia !== undefined && russia.position < 25, 'Russia near the no-talks end');
});

const badInputs: Array<[string, string | Buffer, RegExp]> = [
  ['empty.txt', '  \n\n', /empty/u],
  ['binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0xff, 0xfe, 0, 0]), /binary/u],
  ['french.txt', "La Russie a refusé toute négociation avec les États-Unis, qui souhaitaient reprendre le dialogue en privé. Moscou exige d'abord la levée des sanctions occidentales et la reconnaissance de ses gains.", /does not look like English.*English only/u],
  ['huge.txt', 'Russia refused the talks. '.repeat(25_000), /the limit is 500000/u],
];

for (const [name, content, message] of badInputs) {
  test(`bad input: ${name} is refused with exit 2 and nothing written`, async () => {
    const input = join(folder, name);
    writeFileSync(input, content);
    const out = join(folder, `${name}.out`);
    const result = await runParley(['draft', input, '--out', out]);
    assert.equal(result.code, 2, result.err);
    assert.match(result.err, message);
    assert.ok(!existsSync(out));
  });
}

test('bad input: a --scenario that does not validate is refused with exit 2 and nothing written', async () => {
  const scenario = join(folder, 'bad.yaml');
  writeFileSync(scenario, 'title: x\nissues: []\nactors: []\n');
  const out = join(folder, 'bad.out');
  const result = await runParley(['draft', article, '--scenario', scenario, '--out', out]);
  assert.equal(result.code, 2);
  assert.match(result.err, /bad\.yaml/u);
  assert.ok(!existsSync(out));
});

test('bad input: an --issues file that is not a list of issues names the field', async () => {
  const issues = join(folder, 'bad-issues.yaml');
  writeFileSync(issues, '- id: talks\n  scale: { min: 0 }\n');
  const result = await runParley(['draft', article, '--issues', issues]);
  assert.equal(result.code, 2);
  assert.match(result.err, /bad-issues\.yaml.*\[0\]\.scale\.max/u);
});
