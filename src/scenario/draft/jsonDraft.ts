/**
 * The machine-readable draft (`parley draft --json`): the shape `../shared/vectors/drafting/score.py`
 * reads (actors with aliases, issues, cues, agreements, dates), each quote with its offsets, plus the
 * proposals and what needs an estimate.
 */
import type { Draft } from './draft.js';
import type { Sentence } from './sentences.js';

const quote = (sentence: Sentence) => ({ sentence: sentence.text, start: sentence.start, end: sentence.end });

export function draftToJson(draft: Draft): unknown {
  return {
    ...(draft.file === undefined ? {} : { file: draft.file }),
    actors: draft.actors.map(({ id, name, aliases, kind, mentions, source }) => ({ id, name, aliases, kind, mentions, source })),
    issues: draft.issues.map((issue) => ({ id: issue.id, name: issue.name ?? issue.id, minLabel: issue.scale.minLabel ?? null, maxLabel: issue.scale.maxLabel ?? null })),
    cues: draft.cues.map((cue) => ({
      ...quote(cue.sentence),
      actor: cue.actor,
      issue: cue.issue ?? null,
      category: cue.category,
      channel: cue.channel,
      direction: cue.direction ?? null,
      trigger: cue.trigger,
      negated: cue.negated,
      confidence: cue.confidence,
    })),
    agreements: draft.agreements.map((a) => ({ ...quote(a.sentence), name: a.name, status: a.status, confidence: a.confidence })),
    dates: draft.dates.map((d) => ({ ...quote(d.sentence), date: d.date, text: d.text, event: d.event })),
    proposals: draft.proposals.map((p) => ({
      actor: p.actor,
      issue: p.issue,
      position: p.position,
      salience: p.salience,
      confidence: p.confidence,
      evidence: p.cues.map((cue) => ({ ...quote(cue.sentence), category: cue.category, direction: cue.direction })),
    })),
    needsEstimate: draft.needs,
  };
}
