/**
 * The YAML draft (`parley draft`, the default output): a scenario skeleton — issues, actors with
 * aliases and the proposed stances (each with its quotes as `evidence`) — and a `review` list: every
 * proposal with its confidence and the exact sentences with their offsets, every item that needs an
 * estimate, the cues, agreements and dates. It is not a scenario until the analyst fills in
 * capabilities and reviews each item.
 */
import { stringify } from 'yaml';
import type { Draft } from './draft.js';
import { proposalEvidence } from './proposals.js';

export function draftToYaml(draft: Draft): string {
  const document = {
    title: draft.scenario?.title ?? `Draft from ${draft.file ?? 'a text'}`,
    ...(draft.dates[0] === undefined && draft.scenario?.asOf === undefined ? {} : { asOf: draft.scenario?.asOf ?? draft.dates[0]!.date }),
    salienceScale: draft.salienceScale,
    issues: draft.issues,
    actors: draft.actors.map((actor) => {
      const stances = Object.create(null) as Record<string, unknown>;
      for (const p of draft.proposals.filter((p) => p.actor === actor.id))
        stances[p.issue] = { position: p.position, salience: p.salience, evidence: proposalEvidence(p) };
      return { id: actor.id, name: actor.name, ...(actor.aliases.length > 0 ? { aliases: actor.aliases } : {}), capability: null, stances };
    }),
    review: {
      proposals: draft.proposals.map((p) => ({
        item: `${p.actor} on ${p.issue}`,
        position: p.position,
        salience: p.salience,
        confidence: p.confidence,
        quotes: p.cues.map((cue) => ({ sentence: cue.sentence.text, start: cue.sentence.start, end: cue.sentence.end, category: cue.category, direction: cue.direction })),
      })),
      needsEstimate: draft.needs.map((n) => `${n.actor}${n.issue === undefined ? '' : ` on ${n.issue}`}: ${n.what} (${n.reason})`),
      actors: draft.actors.map((a) => ({ id: a.id, kind: a.kind, source: a.source, mentions: a.mentions })),
      cues: draft.cues.map((cue) => ({
        actor: cue.actor,
        category: cue.category,
        channel: cue.channel,
        ...(cue.issue === undefined ? {} : { issue: cue.issue }),
        ...(cue.direction === undefined ? {} : { direction: cue.direction }),
        trigger: cue.trigger,
        confidence: cue.confidence,
        sentence: cue.sentence.text,
        start: cue.sentence.start,
        end: cue.sentence.end,
      })),
      agreements: draft.agreements.map((a) => ({ name: a.name, status: a.status, confidence: a.confidence, sentence: a.sentence.text, start: a.sentence.start, end: a.sentence.end })),
      dates: draft.dates.map((d) => ({ date: d.date, event: d.event, sentence: d.sentence.text, start: d.sentence.start, end: d.sentence.end })),
    },
  };
  const header = `# Parley draft${draft.file === undefined ? '' : ` of ${draft.file}`}: every proposal quotes its sentences (offsets under review);\n# capabilities and the items under review.needsEstimate are left for the analyst.\n`;
  return header + stringify(document, { lineWidth: 0 });
}
