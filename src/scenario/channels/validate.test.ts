import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { InputError, formatProblem } from '../../errors.js';
import { parseScenario } from '../parse.js';
import { serializeScenario } from '../write.js';
import { fromRepo } from '../../../tests/support/paths.js';

const exampleText = readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const example = (): Loose => parseScenario(exampleText, { file: 'x.yaml' }).scenario;

/** The problems of a changed copy of the example, formatted `field: message`. */
function problemsOf(change: (scenario: Loose) => void): string[] {
  const scenario = example();
  change(scenario);
  try {
    parseScenario(JSON.stringify(scenario), { format: 'json' });
    return [];
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.problems.map((problem) => formatProblem({ ...problem, line: undefined }));
  }
}

describe('channel fields: bad input (channels-spec §11, §12.8)', () => {
  it('V-I0: the extended example validates', () => assert.deepEqual(problemsOf(() => {}), []));
  it('V-I1: step "1y"', () => {
    const [problem, ...rest] = problemsOf((s) => (s.timeline.step = '1y'));
    assert.deepEqual(rest, []);
    assert.match(problem!, /^timeline\.step: expected "<n>d", "<n>w" or "<n>m"/u);
  });
  it('V-I2: an event before the start', () => {
    const problems = problemsOf((s) => s.events.push({ date: '2023-12-01', effects: [{ actor: 'russia', capability: 90 }] }));
    assert.deepEqual(problems, ["events[1].date: an event dated 2023-12-01 is before the timeline start 2024-01-28: fold it into the scenario's inputs"]);
  });
  it('V-I3: a date that is not in the calendar', () => {
    assert.deepEqual(problemsOf((s) => s.events.push({ date: '2025-02-30', effects: [] })), ["events[1].date: '2025-02-30' is not a date of the calendar"]);
  });
  it('V-I4: branch probabilities summing to 1.1', () => {
    assert.deepEqual(problemsOf((s) => (s.branches[0].outcomes[1].probability = 0.4)), ['branches[0].outcomes: the outcome probabilities sum to 1.1, not 1']);
  });
  it("V-I5: a red line the actor's own position violates", () => {
    assert.deepEqual(problemsOf((s) => (s.actors[0].stances.settlement.commitment.atLeast = 97)), [
      "actors[0].stances.settlement.commitment.atLeast: the actor's own position 95 already violates its red line (atLeast 97)",
    ]);
  });
  it('V-I6: a leak on a public channel', () => {
    assert.deepEqual(problemsOf((s) => s.channels.push({ between: ['eu', 'russia'], channel: 'public', leak: 0.1 })), [
      'channels[3].leak: a leak probability belongs to a private channel only',
    ]);
  });
  it('V-I7: an effect that sets two fields', () => {
    const problems = problemsOf((s) => s.events[0].effects.push({ actor: 'russia', capability: 1, salience: 2 }));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^events\[0\]\.effects\[3\]: an effect sets exactly one of capability, salience, position/u);
  });
  it('V-I8: a position effect that leaves the scale: one problem, at the first leaf and round', () => {
    assert.deepEqual(problemsOf((s) => s.events[0].effects.push({ actor: 'russia', issue: 'settlement', position: { plus: 50 } })), [
      "events[0].effects[3]: in leaf aid=passes;channel=cut, round 10, russia's position on settlement becomes 145, outside the scale [0, 100]",
    ]);
  });
  it('V-I9: patience 1', () => {
    assert.deepEqual(problemsOf((s) => (s.actors[1].patience = 1)), ['actors[1].patience: expected a number in (0, 1), got 1']);
  });
  it('V-I10: a condition on an unknown branch', () => {
    const problems = problemsOf((s) =>
      s.branches.push({ id: 'z', date: '2024-06-01', when: { branch: 'nope', outcome: 'x' }, outcomes: [{ id: 'a', probability: 0.5 }, { id: 'b', probability: 0.5 }] }),
    );
    assert.deepEqual(problems, ["branches[2].when.branch: unknown or later branch 'nope': a condition names an earlier-listed branch"]);
  });
  it('every problem at once, with file and line: unknown ids, self-trust, ratifiers, proposals, veto players, times on a position', () => {
    const scenario = example();
    scenario.channels[0].between = ['us', 'mars'];
    scenario.trust.set = [{ of: 'us', in: 'us', value: 0.5 }];
    scenario.trust.records[0].seenBy.push('russia');
    scenario.issues[0].vetoPlayers = ['russia'];
    scenario.issues[0].ratifiers = [{ actor: 'us', for: 'us' }];
    scenario.proposals[0].to = 'nobody';
    scenario.events[0].effects.push({ actor: 'russia', issue: 'talks', position: { times: 2 } });
    scenario.events[0].effects.push({ actor: 'ukraine', issue: 'nowhere', hurt: 0.1 });
    scenario.branches[1].when = { branch: 'channel', outcome: 'maybe' };
    const text = serializeScenario(scenario, 'yaml');
    let problems: string[] = [];
    try {
      parseScenario(text, { file: 'bad.yaml' });
    } catch (error) {
      problems = (error as InputError).problems.map(formatProblem);
    }
    const expected = [
      /bad\.yaml:\d+: channels\[0\]\.between\[1\]: unknown actor "mars"; expected one of russia, ukraine/u,
      /bad\.yaml:\d+: trust\.set\[0\]: "of" and "in" name the same actor/u,
      /bad\.yaml:\d+: trust\.records\[0\]\.seenBy\[4\]: "russia" is in both actors and seenBy/u,
      /bad\.yaml:\d+: issues\[0\]\.vetoPlayers: a deal needs at least two different veto players/u,
      /bad\.yaml:\d+: issues\[0\]\.ratifiers\[0\]: "us" cannot ratify for itself/u,
      /bad\.yaml:\d+: proposals\[0\]\.to: unknown actor "nobody"/u,
      /bad\.yaml:\d+: events\[0\]\.effects\[3\]\.position\.times: "times" is not defined for a position/u,
      /bad\.yaml:\d+: events\[0\]\.effects\[4\]\.issue: unknown issue "nowhere"/u,
      /bad\.yaml:\d+: branches\[1\]\.when\.outcome: branch 'channel' has no outcome 'maybe'/u,
    ];
    for (const pattern of expected) assert.ok(problems.some((problem) => pattern.test(problem)), `${pattern} in\n${problems.join('\n')}`);
    assert.equal(problems.length, expected.length, problems.join('\n'));
  });
  it('more than 256 leaves is refused; a dated item without a start is refused', () => {
    const many = problemsOf((s) => {
      s.timeline.end = undefined;
      for (let k = 0; k < 8; k++) s.branches.push({ id: `b${k}`, date: '2024-06-01', outcomes: [{ id: 'x', probability: 0.5 }, { id: 'y', probability: 0.5 }] });
    });
    assert.deepEqual(many, ['branches: the branches make more than 256 leaves: sample them with parley sweep instead']);
    const undated = problemsOf((s) => {
      delete s.asOf;
      delete s.timeline;
    });
    assert.deepEqual(undated, ["dated events, branches, proposals or trust records need timeline.start (or the scenario's asOf)"]);
  });
});

describe('channel fields: ids and status-quo effects', () => {
  it('branch and outcome ids follow the id rules', () => {
    const problems = problemsOf((s) => {
      s.branches[0].id = 'the channel';
      s.branches[1].outcomes[0].id = 'a=b';
    });
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0]!, /^branches\[0\]\.id: an id may not contain a space/u);
    assert.match(problems[1]!, /^branches\[1\]\.outcomes\[0\]\.id: an id may not contain "="/u);
  });
  it('{plus} on the status quo of an issue without one is refused', () => {
    assert.deepEqual(problemsOf((s) => delete s.issues[0].statusQuo), [
      'events[0].effects[2].statusQuo: issue "settlement" has no status quo to add to: give one on the issue, or set it',
      'branches[1].outcomes[1].effects[2].statusQuo: issue "settlement" has no status quo to add to: give one on the issue, or set it',
    ]);
  });
});

describe('channel fields: writers', () => {
  it('YAML and JSON round trips are exact on the extended example', () => {
    const scenario = example();
    for (const format of ['yaml', 'json'] as const) {
      const text = serializeScenario(scenario, format);
      assert.deepEqual(parseScenario(text, { format }).scenario, scenario);
      assert.equal(serializeScenario(parseScenario(text, { format }).scenario, format), text);
    }
  });
});
