import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { fromRepo } from '../../tests/support/paths.js';
import { InputError } from '../errors.js';
import { fieldWords, parseFieldPath, problemWords } from './fieldWords.js';
import { validateScenario } from './validate.js';

const example = parse(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8')) as unknown;

test('a stance field is the actor and the issue by name: "Ukraine\'s salience on US–Russia negotiations"', () => {
  assert.equal(fieldWords('actors[1].stances.talks.salience', example), "Ukraine's salience on US–Russia negotiations");
  assert.equal(fieldWords(['actors', 0, 'stances', 'settlement', 'position'], example), "Russia's position on Terms of a Russia–Ukraine settlement");
  assert.equal(fieldWords('actors[2].stances.talks', example), "United States (administration)'s stance on US–Russia negotiations");
  assert.equal(fieldWords('actors[1].stances.talks.range.position[0]', example), "Ukraine's lowest plausible position on US–Russia negotiations");
  assert.equal(fieldWords('actors[1].stances.talks.range.salience', example), "Ukraine's salience range on US–Russia negotiations");
});

test('actor and issue fields, top-level fields, lists and unknown keys', () => {
  assert.equal(fieldWords('actors[0].capability', example), "Russia's capability");
  assert.equal(fieldWords('actors[0].risk', example), "Russia's risk exponent");
  assert.equal(fieldWords('actors[0].aliases[1]', example), "Russia's alias 2");
  assert.equal(fieldWords('actors[0].capabilityRange[1]', example), "Russia's capability range (high)");
  assert.equal(fieldWords('actors[0]', example), 'actor Russia');
  assert.equal(fieldWords('issues[1].scale.min', example), "US–Russia negotiations' scale's low end");
  assert.equal(fieldWords('issues[0].statusQuo', example), "Terms of a Russia–Ukraine settlement's status quo");
  assert.equal(fieldWords('title', example), 'the title');
  assert.equal(fieldWords('salienceScale', example), 'the salience scale');
  assert.equal(fieldWords('sources[1]', example), 'source 2');
  assert.equal(fieldWords('timeline.start', example), "the timeline's start");
  assert.equal(fieldWords('actors[0].audienceCost', example), "Russia's audience cost");
  assert.equal(fieldWords('', example), 'the scenario');
});

test('spaces, SMP options and questions are named by their name or id', () => {
  const scenario = {
    issues: [{ id: 'a' }, { id: 'b', name: 'Budget' }],
    actors: [],
    spaces: [{ id: 'both', name: 'Both issues', issues: ['a', 'b'], smpOptions: { votingRule: 'x', idealAdjustment: [{ adjust: 2 }] } }],
    questions: [{ id: 'q1', text: 'Will it?' }],
  };
  assert.equal(fieldWords('spaces[0].smpOptions.votingRule', scenario), "Both issues' SMP option voting rule");
  assert.equal(fieldWords('spaces[0].smpOptions.idealAdjustment[0].adjust', scenario), "Both issues' SMP option ideal adjustment 1's adjust");
  assert.equal(fieldWords('spaces[0].issues[1]', scenario), "Both issues' issue 2");
  assert.equal(fieldWords('questions[0].threshold', scenario), "q1's threshold");
  assert.equal(fieldWords('issues[0].id', scenario), "a's id");
});

test('actors are told apart as everywhere else: id when the name is shared or missing, else their place', () => {
  const scenario = {
    issues: [{ id: 't' }],
    actors: [{ id: 'x1', name: 'Random Spatial Actor' }, { id: 'x2', name: 'Random Spatial Actor' }, { name: 'Solo' }, {}],
  };
  assert.equal(fieldWords('actors[1].capability', scenario), "x2's capability");
  assert.equal(fieldWords('actors[2].capability', scenario), "Solo's capability");
  assert.equal(fieldWords('actors[3].stances.t.position', scenario), "actor 4's position on t");
  assert.equal(fieldWords('actors[7].id', 'not a scenario'), "actor 8's id");
  assert.equal(fieldWords('actors[0].stances.nowhere.salience', scenario), "Random Spatial Actor's salience on nowhere".replace('Random Spatial Actor', 'x1'));
});

test('parseFieldPath reads what formatFieldPath writes', () => {
  assert.deepEqual(parseFieldPath('actors[2].stances.talks.range.position[0]'), ['actors', 2, 'stances', 'talks', 'range', 'position', 0]);
  assert.deepEqual(parseFieldPath('title'), ['title']);
});

test('every problem of a bad scenario reads without a field path in it', () => {
  const bad = structuredClone(example) as { actors: { capability: unknown; stances: Record<string, { salience: unknown }> }[] };
  bad.actors[1]!.stances.talks!.salience = 150;
  bad.actors[0]!.capability = -1;
  let problems: readonly { field?: string; message: string }[] = [];
  try {
    validateScenario(bad);
  } catch (error) {
    if (error instanceof InputError) problems = error.problems;
  }
  assert.ok(problems.length >= 2);
  const words = problems.map((problem) => problemWords(problem, bad));
  assert.ok(words.some((text) => text.startsWith("Ukraine's salience on US–Russia negotiations: ")), words.join('\n'));
  assert.ok(words.some((text) => text.startsWith("Russia's capability: ")), words.join('\n'));
  for (const text of words) assert.doesNotMatch(text, /actors\[|stances\./u);
});

test('the channels-spec lists are named by what they are about (channels, trust records, events, branches)', () => {
  const scenario = {
    actors: [{ id: 'us', name: 'United States' }, { id: 'russia', name: 'Russia' }],
    issues: [{ id: 'talks', name: 'Talks' }],
    channels: [{ between: ['us', 'russia'], channel: 'private', leak: 2 }],
    trust: { records: [{ label: 'Minsk II', date: '2015-02-12' }], set: [{ of: 'russia', in: 'us', value: 0.2 }] },
    events: [{ date: '2024-03-01', effects: [{ actor: 'us' }] }],
    branches: [{ id: 'aid', label: 'aid vote', date: '2024-04-20', outcomes: [{ id: 'passes' }] }],
  };
  assert.equal(fieldWords('channels[0].leak', scenario), 'the channel between United States and Russia, leak probability');
  assert.equal(fieldWords('trust.records[0].seenBy', scenario), 'trust, record “Minsk II” (2015-02-12), seen by');
  assert.equal(fieldWords('trust.records[0].seenBy[1]', scenario), 'trust, record “Minsk II” (2015-02-12), observer 2');
  assert.equal(fieldWords('trust.set[0].value', scenario), 'trust, the trust of Russia in United States, value');
  assert.equal(fieldWords('events[0].effects[0].capability', scenario), 'event of 2024-03-01, effect 1, capability');
  assert.equal(fieldWords('branches[0].outcomes[0].probability', scenario), 'branch “aid vote” (2024-04-20), outcome “passes”, probability');
  assert.equal(fieldWords('actors[1].stances.talks.commitment.atLeast', scenario), "Russia's red line's at least on Talks");
  assert.equal(problemWords({ field: 'channels[0]', message: 'the pair "us" and "russia"' }, scenario), 'the channel between United States and Russia: the pair United States and Russia');
});

test('the deal fields: proposals by label and date, ratifiers and veto players by their place, the table', () => {
  const scenario = {
    actors: [{ id: 'us', name: 'United States' }, { id: 'russia', name: 'Russia' }],
    issues: [{ id: 'talks', name: 'Talks' }],
    proposals: [{ date: '2024-01-28', label: 'the private request' }, { date: '2024-02-01' }],
  };
  assert.equal(fieldWords('proposals[0].position', scenario), 'proposal “the private request” (2024-01-28), position');
  assert.equal(fieldWords('proposals[1].to', scenario), 'proposal of 2024-02-01, to');
  assert.equal(fieldWords('issues[0].ratifiers[0].for', scenario), "Talks' ratifier 1's signatory");
  assert.equal(fieldWords('issues[0].vetoPlayers[1]', scenario), "Talks' veto player 2");
  assert.equal(fieldWords('issues[0].table.leak', scenario), "Talks' bargaining table's leak probability");
});
