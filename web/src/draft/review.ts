/**
 * The draft review gate's decisions and the scenario they make (pure; docs/workbench.md "Draft from
 * text"). Every proposal of `parley draft` — an actor, an issue, a stance with its quotes — is
 * accepted or rejected, a stance's position and salience and an actor's capability may be edited,
 * and only what was accepted enters the scenario, each stance with its quotes as `evidence`. The
 * result is checked by the same schema as everywhere (validateScenario) before it is stored.
 */
import type { Draft } from '../../../src/scenario/draft/index.js';
import { proposalEvidence } from '../../../src/scenario/draft/index.js';
import type { Actor, Scenario } from '../../../src/scenario/schema.js';

export interface Review {
  title: string;
  /** Rejected items (everything else is accepted): actor ids, issue ids, stance keys (stanceKey). */
  rejectedActors: Set<string>;
  rejectedIssues: Set<string>;
  rejectedStances: Set<string>;
  /** Edited values, as typed, by actor id (capability) or stance key (position, salience). */
  capabilities: Map<string, string>;
  positions: Map<string, string>;
  saliences: Map<string, string>;
}

export const stanceKey = (actor: string, issue: string): string => `${actor}\u0000${issue}`;

/** A fresh review: everything accepted; capabilities from the scenario the draft used, where it has the actor. */
export function startReview(draft: Draft): Review {
  const capabilities = new Map<string, string>();
  for (const actor of draft.scenario?.actors ?? []) capabilities.set(actor.id, String(actor.capability));
  return {
    title: draft.scenario?.title ? `${draft.scenario.title} (from ${draft.file ?? 'a text'})` : `Draft from ${draft.file ?? 'a text'}`,
    rejectedActors: new Set(),
    rejectedIssues: new Set(),
    rejectedStances: new Set(),
    capabilities,
    positions: new Map(),
    saliences: new Map(),
  };
}

/** A number as typed, or the text itself when it is not one (so the schema names the field). */
function typed(text: string | undefined, fallback: number | null): unknown {
  if (text === undefined) return fallback;
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : text;
}

/** The scenario the accepted items make (not yet validated: pass it to validateScenario). */
export function scenarioFromReview(draft: Draft, review: Review): unknown {
  const issues = draft.issues.filter((issue) => !review.rejectedIssues.has(issue.id));
  const issueIds = new Set(issues.map((issue) => issue.id));
  const actors = draft.actors
    .filter((actor) => !review.rejectedActors.has(actor.id))
    .map((actor) => {
      const stances = Object.create(null) as Record<string, unknown>;
      for (const proposal of draft.proposals) {
        const key = stanceKey(proposal.actor, proposal.issue);
        if (proposal.actor !== actor.id || !issueIds.has(proposal.issue) || review.rejectedStances.has(key)) continue;
        stances[proposal.issue] = { position: typed(review.positions.get(key), proposal.position), salience: typed(review.saliences.get(key), proposal.salience), evidence: proposalEvidence(proposal) };
      }
      const known = draft.scenario?.actors.find((candidate) => candidate.id === actor.id);
      const entry: Record<string, unknown> = { id: actor.id, name: actor.name };
      const aliases = [...new Set([...(known?.aliases ?? []), ...actor.aliases])].filter((alias) => alias.trim() !== '');
      if (aliases.length > 0) entry.aliases = aliases;
      entry.capability = typed(review.capabilities.get(actor.id), null);
      entry.stances = stances;
      return entry as unknown as Actor;
    });
  const asOf = draft.scenario?.asOf ?? draft.dates[0]?.date;
  return {
    title: review.title,
    ...(asOf !== undefined && { asOf }),
    ...(draft.file !== undefined && { sources: [draft.file] }),
    salienceScale: draft.salienceScale,
    issues,
    actors,
  } satisfies Partial<Record<keyof Scenario, unknown>>;
}
