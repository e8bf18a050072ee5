/**
 * Cross-field rules of the scenario's optional `spaces` (multi-dimensional policy spaces, see
 * `SpaceSchema`): space ids are unique; a space names declared issues, each once; and each actor's
 * saliences summed over one space's issues are at most the salience scale — an actor's attention to a
 * space is shared among its dimensions, the remainder being inattention (KTAB's rule, ktab-smp.md).
 * Works on the parsed, not yet validated, object so that `validate.ts` can report these problems
 * together with the others.
 */
import type { FieldPath } from './fieldPath.js';
import type { FieldProblem } from './zodProblems.js';

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined;
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Saliences may exceed the scale by this much through decimal round-off (e.g. 33.33 + 33.33 + 33.34). */
const roundOffTolerance = 1e-9;

/** The problems with the scenario's spaces; `salienceScale` is the resolved scale (undefined when unknown). */
export function checkSpaces(input: unknown, salienceScale: number | undefined): FieldProblem[] {
  const root = asObject(input);
  if (!root || root.spaces === undefined) return [];
  const problems: FieldProblem[] = [];
  const declaredIssues = new Set(asList(root.issues).map((issue) => asObject(issue)?.id).filter((id) => typeof id === 'string'));
  const spaceIndex = new Map<string, number>();
  const spaces: { id: string; issues: string[] }[] = [];
  asList(root.spaces).forEach((value, index) => {
    const space = asObject(value);
    const id = space?.id;
    if (!space || typeof id !== 'string') return;
    const first = spaceIndex.get(id);
    if (first !== undefined) problems.push({ path: ['spaces', index, 'id'], message: `duplicate space id "${id}" (also spaces[${first}])` });
    else spaceIndex.set(id, index);
    const issues: string[] = [];
    asList(space.issues).forEach((issueId, position) => {
      if (typeof issueId !== 'string') return;
      const path: FieldPath = ['spaces', index, 'issues', position];
      if (!declaredIssues.has(issueId))
        problems.push({ path, message: `unknown issue "${issueId}" in space "${id}"; expected one of ${[...declaredIssues].join(', ')}` });
      else if (issues.includes(issueId)) problems.push({ path, message: `issue "${issueId}" is listed twice in space "${id}"` });
      else issues.push(issueId);
    });
    spaces.push({ id, issues });
  });
  if (salienceScale !== undefined) problems.push(...attentionProblems(root, spaces, salienceScale));
  return problems;
}

/** Each actor's total salience over each space must not exceed the salience scale. */
function attentionProblems(root: Loose, spaces: readonly { id: string; issues: string[] }[], salienceScale: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  asList(root.actors).forEach((value, index) => {
    const actor = asObject(value);
    const stances = asObject(actor?.stances);
    if (!actor || !stances) return;
    const label = typeof actor.id === 'string' ? `"${actor.id}"` : `actors[${index}]`;
    for (const space of spaces) {
      let total = 0;
      for (const issueId of space.issues) {
        const salience = asObject(stances[issueId])?.salience;
        if (typeof salience === 'number' && Number.isFinite(salience)) total += salience;
      }
      if (total > salienceScale * (1 + roundOffTolerance)) {
        problems.push({
          path: ['actors', index, 'stances'],
          message:
            `actor ${label}: saliences over space "${space.id}" (${space.issues.join(', ')}) sum to ${round(total)}, ` +
            `more than the salience scale ${salienceScale}; one space shares the actor's attention, at most ${salienceScale} in all`,
        });
      }
    }
  });
  return problems;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
