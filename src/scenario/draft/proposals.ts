/**
 * Proposed stances, only where cues support them. For an actor and issue with n directional cues of
 * mean direction d̄ ∈ [−1, 1]:
 *   position = mid + d̄ · (half range) · n / (n + 1)   (more cues in one direction: nearer that end)
 *   salience = salienceScale · (sentences with a cue of the actor on the issue) / (sentences naming the actor)
 *   confidence = |d̄| · n / (n + 2)
 * Parley's own heuristic (no published equation); every other actor × issue needs an estimate.
 */
import type { Issue } from '../schema.js';
import type { DraftActor } from './actors.js';
import type { Cue } from './cues.js';

export interface Proposal {
  actor: string;
  issue: string;
  position: number;
  salience: number;
  confidence: number;
  cues: Cue[];
}

export interface NeedsEstimate {
  actor: string;
  /** The issue, or undefined for the capability. */
  issue?: string;
  what: 'capability' | 'position and salience';
  reason: string;
}

export function propose(actors: readonly DraftActor[], issues: readonly Issue[], cues: readonly Cue[], salienceScale: 1 | 100): { proposals: Proposal[]; needs: NeedsEstimate[] } {
  const proposals: Proposal[] = [];
  const needs: NeedsEstimate[] = [];
  for (const actor of actors) {
    needs.push({ actor: actor.id, what: 'capability', reason: 'a text does not give capabilities' });
    for (const issue of issues) {
      const supporting = cues.filter((cue) => cue.actor === actor.id && cue.issue === issue.id && cue.direction !== undefined);
      if (supporting.length === 0) {
        needs.push({ actor: actor.id, issue: issue.id, what: 'position and salience', reason: 'no cue of this actor on this issue gives a direction' });
        continue;
      }
      const n = supporting.length;
      const mean = supporting.reduce((sum, cue) => sum + cue.direction!, 0) / n;
      const { min, max } = issue.scale;
      const onIssue = new Set(cues.filter((cue) => cue.actor === actor.id && cue.issue === issue.id).map((cue) => cue.sentence.index)).size;
      proposals.push({
        actor: actor.id,
        issue: issue.id,
        position: round(min + (max - min) / 2 + mean * ((max - min) / 2) * (n / (n + 1))),
        salience: round(salienceScale * Math.min(1, onIssue / Math.max(1, actor.sentences.length))),
        confidence: round(Math.abs(mean) * (n / (n + 2))),
        cues: supporting,
      });
    }
  }
  return { proposals, needs };
}

/** A proposal's evidence as the scenario keeps it: each supporting sentence quoted, joined by "; ". */
export function proposalEvidence(proposal: Pick<Proposal, 'cues'>): string {
  return proposal.cues.map((cue) => `"${cue.sentence.text}"`).join('; ');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
