/**
 * `parley convert <in> <out>`: between Parley's formats (YAML, JSON, long CSV) and KTAB's SMP files
 * (CSV, XML). Formats come from `--from`/`--to`, else from the extensions (.yaml/.yml, .json, .xml =
 * KTAB XML, .csv = Parley's long CSV, or KTAB CSV when the input is recognised as one). The output is
 * written atomically; what a format cannot hold is listed as notes on stderr.
 */
import { parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import { checkOutputIsNotInput, readTextFile, writeFileAtomic } from '../files.js';
import { UsageError } from '../usageError.js';
import { parseScenario } from '../../scenario/parse.js';
import { looksLikeDecide as detectDecide } from '../../scenario/decide/rows.js';
import { detectKtabFormat, type KtabFormat } from '../../scenario/ktab/detect.js';
import type { Scenario } from '../../scenario/schema.js';
import { serializeScenario } from '../../scenario/write.js';

const formats = ['yaml', 'json', 'csv', 'ktab-csv', 'ktab-xml', 'decide'] as const;
type Format = (typeof formats)[number];
const byExtension: Record<string, Format> = { yaml: 'yaml', yml: 'yaml', json: 'json', csv: 'csv', xml: 'ktab-xml' };

export const convertCommand: Command = {
  name: 'convert',
  usage: `Usage: parley convert <in> <out> [--from FORMAT] [--to FORMAT] [--space ID]

Reads <in> and writes <out> (atomically) in another format. FORMAT is one of
yaml, json, csv (Parley's long CSV), ktab-csv, ktab-xml (KTAB's SMP files),
decide (Decide's #A/#P/#M/#D data files).
Without --from/--to the formats come from the extensions: .yaml/.yml, .json,
.xml (KTAB XML), .csv (Parley's long CSV, or KTAB CSV or a Decide file when the
input is one). Write a Decide file with --to decide.

Options:
  --from FORMAT  the input's format
  --to FORMAT    the output's format (use --to ktab-csv to write KTAB's CSV)
  --space ID     the space to write to a KTAB file (default: the first declared,
                 else every issue)

A KTAB file becomes one issue per dimension and one space holding them, with
KTAB's model parameters, seed and ideal adjustments as the space's smpOptions.
What the output format cannot hold is listed as notes on stderr. Writing KTAB,
what its reader would refuse is refused (a capability of 0) or fitted with a
note (capabilities above 1e8 divided by a power of ten, names and descriptions
past KTAB's lengths shortened): see docs/smp.md, "Writing KTAB files".`,
  async run(args, io) {
    const { positionals, values } = parseCommandLine(
      args,
      { from: { type: 'string' }, to: { type: 'string' }, space: { type: 'string' } },
      { min: 2, max: 2 },
    );
    const [input, output] = positionals as [string, string];
    const from = checkedFormat(values.from, '--from');
    const to = checkedFormat(values.to, '--to') ?? formatOfPath(output, '--to');
    await checkOutputIsNotInput(output, [input], io, 'the output argument');
    const text = await readTextFile(input, io);
    const { scenario, notes } = await readScenario(text, input, from ?? inputFormat(input, text));
    const written = await writeScenario(scenario, to, values.space);
    await writeFileAtomic(output, written.text, io);
    for (const note of [...notes, ...written.notes]) io.stderr.write(`note: ${note}\n`);
    io.stdout.write(`wrote ${output} (${to}): ${scenario.actors.length} actors, ${scenario.issues.length} issues\n`);
    return ExitCode.ok;
  },
};

function checkedFormat(value: string | undefined, flag: string): Format | undefined {
  if (value === undefined) return undefined;
  if (!(formats as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${formats.join(', ')}, got "${value}"`);
  return value as Format;
}

function formatOfPath(path: string, flag: string): Format {
  const extension = path.match(/\.([^./\\]+)$/u)?.[1]?.toLowerCase();
  const format = extension === undefined ? undefined : byExtension[extension];
  if (!format) throw new UsageError(`cannot tell the format of "${path}" from its extension; give ${flag} (${formats.join(', ')})`);
  return format;
}

/** The input's format from its extension; a .csv (or unknown extension) that is a KTAB file is read as one. */
function inputFormat(path: string, text: string): Format {
  const extension = path.match(/\.([^./\\]+)$/u)?.[1]?.toLowerCase();
  const format = extension === undefined ? undefined : byExtension[extension];
  if (format === 'csv' || format === undefined) return (detectDecide(text) ? 'decide' : undefined) ?? detectKtabFormat(text) ?? format ?? formatOfPath(path, '--from');
  return format;
}

/** Reads a scenario in any format Parley knows (KTAB files included); the KTAB and Decide readers load only for their formats. */
export async function readScenario(text: string, file: string, format: Format): Promise<{ scenario: Scenario; notes: string[] }> {
  if (format === 'ktab-csv' || format === 'ktab-xml') return (await import('../../scenario/ktab/index.js')).readKtab(text, format, file);
  if (format === 'decide') return (await import('../../scenario/decide/index.js')).readDecide(text, file);
  return parseScenario(text, { file, format });
}

async function writeScenario(scenario: Scenario, format: Format, space: string | undefined): Promise<{ text: string; notes: string[] }> {
  if (format === 'ktab-csv' || format === 'ktab-xml') return (await import('../../scenario/ktab/index.js')).writeKtab(scenario, format as KtabFormat, space);
  if (space !== undefined) throw new UsageError('--space only applies when writing a KTAB file');
  if (format === 'decide') return (await import('../../scenario/decide/index.js')).writeDecide(scenario);
  const notes = format === 'csv' ? ["Parley's long CSV keeps actors, issues and stances only: the title, scales, spaces and options are left out"] : [];
  return { text: serializeScenario(scenario, format), notes };
}
