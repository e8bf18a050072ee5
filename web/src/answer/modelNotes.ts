/** Which of an issue answer's notes qualify which model's number (pure; the card shows them side by side). */
import type { IssueAnswer } from '../../../src/analysis/answer/answer.js';
import { modelLabel } from '../../../src/analysis/answer/answer.js';

/** The notes that start with a model's label go beside that model (label removed); the others stay general. */
export function notesByModel(answer: Pick<IssueAnswer, 'models' | 'notes'>): { byModel: Map<string, string[]>; others: string[] } {
  // Longest label first: "exchange (default)" before "exchange".
  const labels = answer.models.map((model) => modelLabel(model.model, model.preset)).sort((a, b) => b.length - a.length);
  const byModel = new Map<string, string[]>();
  const others: string[] = [];
  for (const note of answer.notes) {
    const label = labels.find((candidate) => note.startsWith(`${candidate}:`) || note.startsWith(`${candidate} `));
    if (label === undefined) others.push(note);
    else byModel.set(label, [...(byModel.get(label) ?? []), note.slice(label.length).replace(/^:?\s*/u, '')]);
  }
  return { byModel, others };
}
