import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { arbitraryScenario } from '../../tests/support/arbitraries.js';
import { isInputError } from '../errors.js';
import { parseScenario } from './parse.js';
import type { Scenario } from './schema.js';
import { serializeScenario } from './write.js';

/** A scenario using every optional field, with strings YAML would misread unquoted. */
const FULL: Scenario = {
  title: 'Back-channel: US–Russia, "Jan 2024"',
  asOf: '2024-01-15',
  description: 'Multi-line\ndescription # not a comment',
  sources: ['seed article', { title: 'Interview', url: 'https://example.org/a?b=c', date: '2024-01-10' }],
  salienceScale: 100,
  issues: [
    { id: 'talks', name: 'yes', description: 'null', scale: { min: -5, max: 5, minLabel: 'no', maxLabel: '1e3' }, statusQuo: -2.5 },
    { id: 'sanctions', scale: { min: 0, max: 1 } },
  ],
  actors: [
    {
      id: 'russia',
      name: 'Russia',
      capability: 0.30000000000000004,
      risk: 1.25,
      notes: '  leading spaces',
      stances: { talks: { position: 4.999999999999999, salience: 60, evidence: 'said "no", then: yes' }, sanctions: { position: 1e-7, salience: 0 } },
    },
    { id: 'usa', capability: 987654321012.5, stances: { talks: { position: -5, salience: 100 } } },
  ],
};

test('YAML and JSON round trips keep every field exactly', () => {
  for (const format of ['yaml', 'json'] as const) {
    const { scenario } = parseScenario(serializeScenario(FULL, format), { format });
    assert.deepEqual(scenario, FULL, format);
  }
});

test('YAML and JSON round trips hold for random valid scenarios', () => {
  fc.assert(
    fc.property(arbitraryScenario({ minActors: 1, maxActors: 6 }), fc.constantFrom('yaml' as const, 'json' as const), (scenario, format) => {
      assert.deepEqual(parseScenario(serializeScenario(scenario, format), { format }).scenario, scenario);
    }),
    { numRuns: 150 },
  );
});

test('the YAML output lists fields in the schema order', () => {
  const yaml = serializeScenario(FULL, 'yaml');
  const keys = yaml.split('\n').filter((line) => /^\w/u.test(line)).map((line) => line.split(':')[0]);
  assert.deepEqual(keys, ['title', 'asOf', 'description', 'sources', 'salienceScale', 'issues', 'actors']);
});

test('CSV writes the long form with evidence', () => {
  assert.equal(
    serializeScenario(FULL, 'csv'),
    [
      'actor,issue,capability,position,salience,evidence',
      'russia,talks,0.30000000000000004,4.999999999999999,60,"said ""no"", then: yes"',
      'russia,sanctions,0.30000000000000004,1e-7,0,',
      'usa,talks,987654321012.5,-5,100,',
      '',
    ].join('\r\n'),
  );
});

test('CSV round trips keep actors, capabilities and stances (it is lossy for the rest)', () => {
  fc.assert(
    fc.property(arbitraryScenario({ minActors: 1, maxActors: 6 }), (scenario) => {
      let read: Scenario;
      try {
        read = parseScenario(serializeScenario(scenario, 'csv'), { format: 'csv' }).scenario;
      } catch (error) {
        // Saliences that are all 0 or 1 cannot say their scale without the declaration CSV drops.
        assert.ok(isInputError(error) && error.problems.every((problem) => problem.field === 'salienceScale'), String(error));
        return;
      }
      const withStances = scenario.actors.filter((actor) => Object.keys(actor.stances).length > 0);
      assert.deepEqual(
        read.actors.map((actor) => [actor.id, actor.capability, actor.stances]),
        withStances.map((actor) => [actor.id, actor.capability, actor.stances]),
      );
      assert.deepEqual(read.issues.map((issue) => issue.id).sort(), scenario.issues.map((issue) => issue.id).sort());
    }),
    { numRuns: 150 },
  );
});
