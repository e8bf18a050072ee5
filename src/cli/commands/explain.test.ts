import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Explanation } from '../../analysis/explain.js';
import type { SmpExplanation } from '../../analysis/explainSmp.js';
import { formatShort } from '../../analysis/formatNumber.js';
import type { Forecast } from '../../models/model.js';
import { fromShared } from '../../../tests/support/paths.js';
import { runParley } from '../../../tests/support/runParley.js';
import { dyadList, reviveDyads } from '../../models/dyadTable.js';

const example = 'examples/backchannel-2024.yaml';

describe('parley explain', () => {
  it('explains one actor on every issue it takes part in, in words', async () => {
    const { code, out, err } = await runParley(['explain', example, '--actor', 'russia']);
    assert.equal(code, 0, err);
    assert.match(out, /^russia on settlement, round 1\n {2}In round 1 on settlement, Russia /u);
    assert.match(out, /^russia on talks, round 1$/mu);
    assert.match(out, /Russia expects [+-][\d.e-]+ from challenging Ukraine and thinks Ukraine expects [+-][\d.e-]+ from challenging it/u);
  });

  it('prints numbers that come from the forecast: the move in the summary is the forecast move', async () => {
    const forecast = reviveDyads(JSON.parse((await runParley(['forecast', example, '--model', 'eum', '--dyads', '--json'])).out) as Forecast);
    const round = forecast.issues.find((issue) => issue.issue === 'talks')!.rounds[2]!;
    const { code, out } = await runParley(['explain', example, '--actor', 'us', '--issue', 'talks', '--round', '2', '--json']);
    assert.equal(code, 0);
    const [explanation] = JSON.parse(out) as Explanation[];
    assert.equal(explanation!.to, round.positions['us']);
    const move = round.moves!.find((candidate) => candidate.actor === 'us');
    const summary = explanation!.sentences[0]!.text;
    if (move) assert.ok(summary.includes(`moves from ${formatShort(move.from, 1)} to ${formatShort(move.to, 1)}`), summary);
    else assert.match(summary, /does not move/u);
    const taken = dyadList(round.dyads!).filter((dyad) => dyad.actor === 'us' && dyad.taken);
    const takenSentences = explanation!.sentences.filter((sentence) => sentence.topic === 'offer-received' && sentence.text.endsWith('— taken.'));
    assert.deepEqual(takenSentences.map((sentence) => sentence.other), taken.map((dyad) => dyad.other));
  });

  describe('--model smp', () => {
    const ktab = fromShared('vectors', 'ktab', 'inputs', 'dummyData_3Dim.csv');

    it('explains the actor once for the space, whose issues share a turn, in words', async () => {
      const { code, out, err } = await runParley(['explain', ktab, '--model', 'smp', '--actor', 'SActor-00']);
      assert.equal(code, 0, err);
      assert.match(out, /^SActor-00 on Pstn1, Pstn2, Pstn3, turn 1\n {2}SActor-00 moved from \(Pstn1 75\.8, Pstn2 6\.4, Pstn3 70\.5\) to /u);
      assert.equal(out.match(/ turn 1$/gmu)?.length, 1);
      // KTAB's log of this file, turn 1: actor 0 targets actor 6 and takes actor 4's bargain.
      assert.match(out, /SActor-00's best target was SActor-06/u);
      assert.match(out, /taking the bargain proposed by SActor-04/u);
    });

    it('prints positions that come from the forecast, for the space of the issue asked for', async () => {
      const forecast = JSON.parse((await runParley(['forecast', ktab, '--model', 'smp', '--json'])).out) as Forecast;
      const { code, out, err } = await runParley(['explain', ktab, '--model', 'smp', '--actor', 'SActor-03', '--issue', 'Pstn2', '--round', '3', '--json']);
      assert.equal(code, 0, err);
      const explanations = JSON.parse(out) as SmpExplanation[];
      assert.equal(explanations.length, 1);
      const [explanation] = explanations;
      assert.deepEqual(explanation!.issues, ['Pstn1', 'Pstn2', 'Pstn3']);
      assert.equal(explanation!.round, 3);
      for (const issue of forecast.issues) {
        assert.equal(explanation!.from[issue.issue], issue.rounds[2]!.positions['SActor-03']);
        assert.equal(explanation!.to[issue.issue], issue.rounds[3]!.positions['SActor-03']);
      }
    });

    it('one explanation per space the actor takes part in', async () => {
      const oneSpace = await runParley(['explain', example, '--model', 'smp', '--actor', 'russia', '--json']);
      assert.equal(oneSpace.code, 0, oneSpace.err);
      assert.deepEqual((JSON.parse(oneSpace.out) as SmpExplanation[]).map((explanation) => explanation.issues), [['settlement', 'talks']]);

      // No space declared and one actor sitting out an issue: the SMP runs each issue as its own space.
      const scratch = mkdtempSync(join(tmpdir(), 'parley-explain-'));
      try {
        const actors = [['p', 40, 10, 80], ['q', 30, 50, 20], ['r', 20, 90, 60], ['s', 10, 70, undefined]] as const;
        const stance = (position: number | undefined, issue: string) => (position === undefined ? '' : `${issue}: {position: ${position}, salience: 50}, `);
        const lines = actors.map(([id, capability, a, b]) => `  - {id: ${id}, capability: ${capability}, stances: {${stance(a, 'a')}${stance(b, 'b')}}}`);
        writeFileSync(join(scratch, 'spaces.yaml'), `title: t\nissues:\n  - id: a\n  - id: b\nactors:\n${lines.join('\n')}\n`);
        const { code, out, err } = await runParley(['explain', 'spaces.yaml', '--model', 'smp', '--actor', 'p', '--json'], { cwd: scratch });
        assert.equal(code, 0, err);
        assert.deepEqual((JSON.parse(out) as SmpExplanation[]).map((explanation) => explanation.issues), [['a'], ['b']]);

        // Declared spaces: one SMP run per space the actor takes part in, or the one holding --issue.
        const spaces = 'spaces:\n  - {id: one, issues: [a]}\n  - {id: two, issues: [b]}\n';
        const outsider = '  - {id: t, capability: 5, stances: {c: {position: 40, salience: 50}}}';
        writeFileSync(join(scratch, 'declared.yaml'), `title: t\nissues:\n  - id: a\n  - id: b\n  - id: c\n${spaces}actors:\n${[...lines, outsider].join('\n')}\n`);
        const explain = (...flags: string[]) => runParley(['explain', 'declared.yaml', '--model', 'smp', ...flags], { cwd: scratch });
        const both = await explain('--actor', 'q', '--json');
        assert.equal(both.code, 0, both.err);
        assert.deepEqual((JSON.parse(both.out) as SmpExplanation[]).map((explanation) => explanation.issues), [['a'], ['b']]);
        const second = await explain('--actor', 'q', '--issue', 'b');
        assert.equal(second.code, 0, second.err);
        assert.match(second.out, /^q on b, turn 1\n/u);
        const outside = await explain('--actor', 'q', '--issue', 'c');
        assert.equal(outside.code, 2);
        assert.match(outside.err, /^issue: the SMP runs on the declared spaces, and no space holds "c"/mu);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });

    const cases: [string, string[], RegExp][] = [
      ['a turn past the end', ['--actor', 'SActor-00', '--round', '99'], /^round: round 99 is not a turn of this run; expected 1 to \d+/u],
      ['--rounds, which the SMP has not', ['--actor', 'SActor-00', '--rounds', '3'], /^rounds: model "smp" has no option "rounds"/u],
      ['an unknown actor', ['--actor', 'nobody'], /^actor: unknown actor "nobody"/u],
    ];
    for (const [name, flags, message] of cases) {
      it(`${name} exits 2`, async () => {
        const { code, out, err } = await runParley(['explain', ktab, '--model', 'smp', ...flags]);
        assert.equal(code, 2);
        assert.equal(out, '');
        assert.match(err, message);
      });
    }
  });

  describe('bad input exits 2', () => {
    const cases: [string, string[], RegExp][] = [
      ['no --actor', [], /^actor: say which actor to explain with --actor ID/u],
      ['unknown actor', ['--actor', 'france'], /^actor: unknown actor "france"; expected one of russia, ukraine/u],
      ['unknown issue', ['--actor', 'russia', '--issue', 'sanctions'], /^issue: unknown issue "sanctions"; expected one of settlement, talks/u],
      ['round past the end', ['--actor', 'russia', '--round', '11'], /^round: round must be an integer from 1 to 10, got 11/u],
      ['round not a number', ['--actor', 'russia', '--round', 'first'], /--round must be an integer ≥ 1, got "first"/u],
      ['model without dyads', ['--actor', 'russia', '--model', 'weighted-mean'], /^model: explain needs a model that records dyads \(eum\) or smp; "weighted-mean" does not/u],
      ['mean, which records no dyads', ['--actor', 'russia', '--model', 'mean'], /^model: explain needs a model that records dyads \(eum\) or smp; "mean" does not\n$/u],
      ['unknown preset', ['--actor', 'russia', '--preset', 'nope'], /^preset: model "eum" has no preset "nope"/u],
    ];
    for (const [name, flags, message] of cases) {
      it(name, async () => {
        const { code, out, err } = await runParley(['explain', example, ...flags]);
        assert.equal(code, 2);
        assert.equal(out, '');
        assert.match(err, message);
      });
    }
  });
});
