/** `parley validate <file>`: reads a scenario and says "ok" with what was assumed, or lists every problem. */
import { parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import { loadScenario } from '../scenarioFile.js';

export const validateCommand: Command = {
  name: 'validate',
  usage: `Usage: parley validate <file>

Reads a scenario (format from the extension: .yaml/.yml, .json, .csv; a KTAB SMP file,
CSV or .xml, is recognised by its content) and checks it.
Prints "ok" and what was assumed (salience scale, CSV scale…), or every problem as
file:line: field: message, and exits 2.`,
  async run(args, io) {
    const { positionals } = parseCommandLine(args, {}, { min: 1, max: 1 });
    const { file, scenario, notes } = await loadScenario(positionals[0]!, io);
    const issues = scenario.issues.length;
    const actors = scenario.actors.length;
    io.stdout.write(`ok: ${file}: "${scenario.title}", ${plural(issues, 'issue')}, ${plural(actors, 'actor')}\n`);
    for (const note of notes) io.stdout.write(`note: ${note}\n`);
    return ExitCode.ok;
  },
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
