/**
 * `parley draft TEXT_FILE [--scenario FILE] [--issues FILE] [--out FILE] [--json]`: drafts a scenario
 * from a text (an article, a readout) in the pure core (src/scenario/draft); see docs/drafting.md.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { maxTextLength } from '../../scenario/draft/text.js';
import { parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import { checkOutputIsNotInput, emitResult, readTextFile } from '../files.js';
import { loadScenario } from '../scenarioFile.js';

export const draftCommand: Command = {
  name: 'draft',
  usage: `Usage: parley draft <text-file> [--scenario FILE] [--issues FILE] [--out FILE] [--json]

Reads an English text (a news article, an official readout; UTF-8, at most ${maxTextLength.toLocaleString('en')} characters)
and drafts a scenario from it: actors, stance cues (appeal, consult, demand, reject, threaten,
sanction, concede, agree) with their channel, agreements, dates, and positions and saliences only
where cues support them. Every proposal quotes its sentence with character offsets and a
confidence; everything else is listed as needing an estimate.

Options:
  --scenario FILE  use this scenario's actors (names, ids, aliases), issues and asOf
  --issues FILE    the issues to place cues on (YAML/JSON list, or a file with an issues list)
  --out FILE       write the draft here (atomically) instead of stdout
  --json           the machine-readable draft (the shape of shared/vectors/drafting/score.py)`,
  async run(args, io) {
    const { positionals, values } = parseCommandLine(
      args,
      { scenario: { type: 'string' }, issues: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
      { min: 1, max: 1 },
    );
    const file = positionals[0]!;
    await checkOutputIsNotInput(values.out, [file, values.scenario, values.issues].filter((f): f is string => f !== undefined), io);
    await checkSize(file, io.cwd);
    const text = await readTextFile(file, io);
    const scenario = values.scenario === undefined ? undefined : (await loadScenario(values.scenario, io)).scenario;
    // The drafter's NLP libraries (compromise, chrono-node, sentence-splitter, world-countries) load only here, not for --help.
    const { draftScenario, draftToJson, draftToYaml } = await import('../../scenario/draft/index.js');
    const { parseIssues } = await import('../../scenario/draft/issuesFile.js');
    const issues = values.issues === undefined ? undefined : parseIssues(await readTextFile(values.issues, io), values.issues);
    const draft = draftScenario(text, { file, ...(scenario === undefined ? {} : { scenario }), ...(issues === undefined ? {} : { issues }) });
    const output = values.json ? `${JSON.stringify(draftToJson(draft), null, 2)}\n` : draftToYaml(draft);
    await emitResult(output, values.out, io);
    return ExitCode.ok;
  },
};

/** Refuses a file far over the limit before reading it (UTF-8 takes at most 4 bytes a character). */
async function checkSize(file: string, cwd: string): Promise<void> {
  try {
    const { size } = await stat(resolve(cwd, file));
    if (size > 4 * maxTextLength) throw new InputError({ file, message: `the file has ${size} bytes; the limit is ${maxTextLength} characters (split it into parts)` });
  } catch (error) {
    if (error instanceof InputError) throw error;
  }
}
