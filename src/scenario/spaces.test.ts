/** The rules of the scenario's optional `spaces`, reported through scenario validation with their lines. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors.js';
import { parseScenario } from './parse.js';

const yaml = (spaces: string, russiaTalks = 40) => `title: spaces
salienceScale: 100
issues:
  - id: settlement
  - id: talks
  - id: aid
actors:
  - id: russia
    capability: 80
    stances:
      settlement: { position: 95, salience: 60 }
      talks: { position: 15, salience: ${russiaTalks} }
  - id: ukraine
    capability: 40
    stances:
      settlement: { position: 5, salience: 70 }
      talks: { position: 20, salience: 30 }
      aid: { position: 90, salience: 100 }
spaces:
${spaces}
`;

function problems(text: string) {
  try {
    parseScenario(text, { file: 'x.yaml' });
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.problems;
  }
  assert.fail('expected an InputError');
}

test('a valid space passes and is kept', () => {
  const { scenario } = parseScenario(yaml('  - id: ukraine-war\n    name: the war\n    issues: [settlement, talks]'), { file: 'x.yaml' });
  assert.deepEqual(scenario.spaces, [{ id: 'ukraine-war', name: 'the war', issues: ['settlement', 'talks'] }]);
});

test("an actor's saliences over one space may not exceed the salience scale: actor, space and line named", () => {
  const [problem] = problems(yaml('  - id: war\n    issues: [settlement, talks]', 60));
  assert.equal(problem!.line, 10);
  assert.equal(problem!.field, 'actors[0].stances');
  assert.match(problem!.message, /actor "russia": saliences over space "war" \(settlement, talks\) sum to 120, more than the salience scale 100/u);
});

test('unknown issues, repeated issues and duplicate space ids are errors', () => {
  const found = problems(yaml('  - id: war\n    issues: [settlement, peace, settlement]\n  - id: war\n    issues: [aid]'));
  const messages = found.map((problem) => problem.message).join('\n');
  assert.match(messages, /unknown issue "peace" in space "war"/u);
  assert.match(messages, /issue "settlement" is listed twice in space "war"/u);
  assert.match(messages, /duplicate space id "war"/u);
});
