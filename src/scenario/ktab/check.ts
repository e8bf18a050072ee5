/**
 * KTAB's rules on an SMP scenario, shared by the CSV and XML readers (ktab-smp.md, "Input formats"),
 * made strict where KTAB is lax: capability must be > 0 (KTAB accepts 0 and crashes later), positions
 * are checked in the XML too, and every problem names the line, the actor and the dimension.
 */
import type { Problem } from '../../errors.js';
import type { KtabScenario } from './ktabScenario.js';
import { ktabLimits } from './names.js';

/** Where a value is: the actor's row, or the element holding the value. */
export type KtabField = { actor: number; what: 'name' | 'description' | 'capability' } | { actor: number; what: 'position' | 'salience'; dimension: number };

export type KtabLine = (field: KtabField) => number | undefined;

export function checkKtabScenario(ktab: KtabScenario, lineOf: KtabLine, file: string | undefined): Problem[] {
  const problems: Problem[] = [];
  const add = (field: KtabField, fieldName: string, message: string) => {
    const problem: Problem = { field: fieldName, message };
    if (file !== undefined) problem.file = file;
    const line = lineOf(field);
    if (line !== undefined) problem.line = line;
    problems.push(problem);
  };
  const seen = new Map<string, number>();
  ktab.actors.forEach((actor, i) => {
    const label = `actor "${actor.name}"`;
    if (actor.name.length < 1 || actor.name.length > ktabLimits.actorName)
      add({ actor: i, what: 'name' }, 'name', `actor ${i + 1}: a name must have 1 to ${ktabLimits.actorName} characters, got ${actor.name.length}`);
    const first = seen.get(actor.name);
    if (first !== undefined) add({ actor: i, what: 'name' }, 'name', `${label} appears twice (also actor ${first + 1})`);
    else seen.set(actor.name, i);
    if (actor.description.length > ktabLimits.actorDescription)
      add({ actor: i, what: 'description' }, 'description', `${label}: the description is longer than ${ktabLimits.actorDescription} characters`);
    if (Number.isFinite(actor.capability) && !(actor.capability > 0 && actor.capability <= ktabLimits.maxCapability))
      add({ actor: i, what: 'capability' }, 'capability', `${label}: capability ${actor.capability} must be greater than 0 and at most 1e8`);
    let attention = 0;
    ktab.dimensions.forEach((dimension, k) => {
      const where = `${label}, dimension "${dimension}"`;
      const position = actor.positions[k]!;
      if (Number.isFinite(position) && (position < 0 || position > 100))
        add({ actor: i, what: 'position', dimension: k }, `${dimension}.position`, `${where}: position ${position} is outside [0, 100]`);
      const salience = actor.saliences[k]!;
      if (Number.isFinite(salience) && (salience < 0 || salience > 100))
        add({ actor: i, what: 'salience', dimension: k }, `${dimension}.salience`, `${where}: salience ${salience} is outside [0, 100]`);
      if (Number.isFinite(salience)) attention += salience;
    });
    if (attention > 100 * (1 + 1e-9)) {
      const last = ktab.dimensions.length - 1;
      add(
        { actor: i, what: 'salience', dimension: last },
        'salience',
        `${label}: saliences sum to ${Math.round(attention * 1e6) / 1e6}, more than 100 (the rest of 100 is inattention)`,
      );
    }
  });
  return problems;
}

/** A decimal number as KTAB files write them; undefined when the text is not one. */
export function parseKtabNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/u.test(trimmed)) return undefined;
  return Number(trimmed);
}
