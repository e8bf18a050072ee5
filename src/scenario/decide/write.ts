/**
 * Writes a scenario as a Decide data file (exchange-spec.md §7), in the semicolon form with every row
 * padded to the same number of fields, which Decide's reader (csv.Sniffer) opens: `#O` the title, `#A`
 * per actor, `#P` and two `#M` rows (the scale's ends and labels) per issue, `#D` per stance with the
 * actor's capability as its power and the evidence as the comment. Semicolons in text become commas
 * and apostrophes typographic ones (they confuse Decide's delimiter guess); the notes say what was
 * changed or left out.
 */
import type { Scenario } from '../schema.js';

const width = 6;

export function writeDecide(scenario: Scenario): { text: string; notes: string[] } {
  const notes: string[] = [];
  let cleaned = false;
  const clean = (value: string | undefined): string => {
    const result = (value ?? '').replace(/[\r\n\t]+/gu, ' ').replace(/;/gu, ',').replace(/'/gu, '’');
    if (result !== (value ?? '').replace(/[\r\n\t]+/gu, ' ')) cleaned = true;
    return result;
  };
  const row = (...fields: Array<string | number>): string => {
    const padded = fields.map(String);
    while (padded.length < width + 1) padded.push('');
    return padded.join(';');
  };
  const lines = [row('#O', clean(scenario.title))];
  for (const actor of scenario.actors) lines.push(row('#A', actor.id, clean(actor.name ?? actor.id)));
  for (const issue of scenario.issues) {
    lines.push(row('#P', issue.id, clean(issue.name ?? issue.description ?? issue.id)));
    lines.push(row('#M', issue.id, issue.scale.min, clean(issue.scale.minLabel)));
    lines.push(row('#M', issue.id, issue.scale.max, clean(issue.scale.maxLabel)));
  }
  for (const actor of scenario.actors) {
    for (const issue of scenario.issues) {
      const stance = Object.hasOwn(actor.stances, issue.id) ? actor.stances[issue.id] : undefined;
      if (stance) lines.push(row('#D', actor.id, issue.id, stance.position, stance.salience, actor.capability, clean(stance.evidence)));
    }
  }
  if (cleaned) notes.push("semicolons in text became commas and apostrophes typographic ones (Decide's reader guesses the delimiter from the text)");
  if (scenario.actors.some((actor) => actor.capability > 100)) notes.push('Decide accepts powers from 0 to 100; capabilities above 100 were written as they are');
  const lost = [
    scenario.sources?.length ? 'sources' : '',
    scenario.asOf !== undefined ? 'asOf' : '',
    scenario.spaces?.length ? 'spaces' : '',
    scenario.issues.some((issue) => issue.statusQuo !== undefined) ? 'status quo' : '',
    scenario.actors.some((actor) => actor.risk !== undefined) ? 'risk' : '',
  ].filter(Boolean);
  if (lost.length > 0) notes.push(`a Decide file has no ${lost.join(', ')}: left out`);
  return { text: `${lines.join('\n')}\n`, notes };
}
