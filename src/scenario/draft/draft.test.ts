import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fromRepo, fromShared } from '../../../tests/support/paths.js';
import { parseScenario } from '../parse.js';
import { draftScenario } from './draft.js';
import { draftToJson } from './jsonDraft.js';
import { draftToYaml } from './yamlDraft.js';

const article = readFileSync(fromShared('seed', 'backchannel-article.txt'), 'utf8');

interface JsonQuote { sentence: string; start: number; end: number }
interface JsonDraft {
  actors: Array<{ id: string; name: string; aliases: string[] }>;
  cues: Array<JsonQuote & { actor: string; category: string; channel: string }>;
  agreements: Array<JsonQuote & { name: string; status: string }>;
  dates: Array<JsonQuote & { date: string }>;
  proposals: Array<{ evidence: JsonQuote[] }>;
}

test('the scorer (shared/vectors/drafting/score.py) on the origin article: actors, cues, categories and channels above the bars', () => {
  const folder = mkdtempSync(join(tmpdir(), 'parley-draft-'));
  try {
    writeFileSync(join(folder, '00-seed.json'), JSON.stringify(draftToJson(draftScenario(article))));
    const table = execFileSync('python3', [fromShared('vectors', 'drafting', 'score.py'), folder, '--json', join(folder, 'scores.json')], { encoding: 'utf8' });
    const scores = (JSON.parse(readFileSync(join(folder, 'scores.json'), 'utf8')) as Record<string, Record<string, number>>)['00-seed']!;
    const why = `\n${table}`;
    assert.ok(scores.actR! >= 0.9, `actor recall${why}`);
    assert.ok(scores.actP! >= 0.8, `actor precision${why}`);
    assert.ok(scores.cueR! >= 0.6, `cue recall${why}`);
    assert.ok(scores.cueP! >= 0.6, `cue precision${why}`);
    assert.ok(scores.cat! >= 0.7, `category accuracy${why}`);
    assert.ok(scores.chan! >= 0.8, `channel accuracy${why}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

function allQuotes(json: JsonDraft): JsonQuote[] {
  return [...json.cues, ...json.agreements, ...json.dates, ...json.proposals.flatMap((p) => p.evidence)];
}

for (const [name, text] of [['the origin article', article], ...['readout', 'statement'].map((f) => [f, readFileSync(fromRepo('tests', 'fixtures', 'draft', `${f}.txt`), 'utf8')])] as Array<[string, string]>) {
  test(`property: every evidence offset slices exactly its quote out of ${name}`, () => {
    const scenario = name === 'the origin article' ? parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8')).scenario : undefined;
    const json = draftToJson(draftScenario(text, scenario === undefined ? {} : { scenario })) as JsonDraft;
    const quotes = allQuotes(json);
    assert.ok(quotes.length > 3);
    for (const quote of quotes) assert.equal(text.slice(quote.start, quote.end), quote.sentence);
  });
}

interface Expected {
  actors: string[];
  /** `actor`: a name or alias the draft should give the actor. */
  cues: Array<{ actor: string; sentence: string; category: string; channel: string }>;
  agreements?: Array<{ name: string; status: string }>;
  dates: string[];
}

for (const fixture of ['readout', 'statement']) {
  test(`hand-made expectations for tests/fixtures/draft/${fixture}.txt (a text the lexicon was not written from)`, () => {
    const text = readFileSync(fromRepo('tests', 'fixtures', 'draft', `${fixture}.txt`), 'utf8');
    const expected = JSON.parse(readFileSync(fromRepo('tests', 'fixtures', 'draft', `${fixture}.expected.json`), 'utf8')) as Expected;
    const json = draftToJson(draftScenario(text)) as JsonDraft;
    for (const actor of expected.actors) assert.ok(json.actors.some((a) => a.name === actor || a.aliases.includes(actor)), `actor ${actor}`);
    const idOf = (name: string) => json.actors.find((a) => a.id === name || a.name === name || a.aliases.includes(name))?.id;
    for (const cue of expected.cues) {
      const found = json.cues.find((c) => c.sentence === cue.sentence && c.actor === idOf(cue.actor));
      assert.ok(found, `cue of ${cue.actor} in "${cue.sentence}"`);
      assert.equal(found.category, cue.category, cue.sentence);
      assert.equal(found.channel, cue.channel, cue.sentence);
    }
    for (const agreement of expected.agreements ?? []) assert.ok(json.agreements.some((a) => a.name === agreement.name && a.status === agreement.status), agreement.name);
    for (const date of expected.dates) assert.ok(json.dates.some((d) => d.date === date), date);
  });
}

test('golden file: the YAML draft of the origin article with the worked example as its scenario', () => {
  const { scenario } = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8'));
  const yaml = draftToYaml(draftScenario(article, { file: 'backchannel-article.txt', scenario }));
  const golden = fromRepo('tests', 'fixtures', 'draft', 'backchannel-article.draft.yaml');
  if (process.env.PARLEY_UPDATE_GOLDEN === '1') writeFileSync(golden, yaml);
  assert.equal(yaml, readFileSync(golden, 'utf8'));
});
