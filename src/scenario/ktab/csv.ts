/**
 * KTAB's SMP CSV format (ktab-smp.md, "Input formats: CSV"):
 *   row 1  scenarioName, scenarioDesc, nActors, nDims[, ignored…]
 *   row 2  Actor, Description, Power, <dimension 1>, <salience label 1>, …
 *   then   name, description, capability, pos_1, sal_1, pos_2, sal_2, … (one row per actor)
 * Commas separate fields, a trailing comma is optional, double quotes around a field are stripped,
 * strings keep their spaces, numbers may be padded. Positions and saliences are on 0–100.
 * A CSV cannot carry model parameters: KTAB's defaults apply.
 */
import { InputError, type Problem } from '../../errors.js';
import type { Scenario } from '../schema.js';
import { checkKtabScenario, parseKtabNumber, type KtabField } from './check.js';
import { toParleyScenario, type KtabActor, type KtabScenario } from './ktabScenario.js';
import { ktabLimits } from './names.js';
import { ktabWriteSpace, type KtabWriteResult } from './writeSpace.js';

interface Row {
  line: number;
  fields: string[];
}

function rowsOf(text: string): Row[] {
  const rows: Row[] = [];
  text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\n|\r/u)
    .forEach((content, index) => {
      if (content.trim() === '') return;
      const fields = content.split(',').map(unquote);
      // A trailing comma ends the row: it does not open an empty field.
      if (fields.length > 1 && fields[fields.length - 1]!.trim() === '') fields.pop();
      rows.push({ line: index + 1, fields });
    });
  return rows;
}

function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1) : field;
}

/** Reads a KTAB SMP CSV file into KTAB terms; every problem at once, with its line. */
export function parseKtabCsv(text: string, file?: string): KtabScenario {
  const problems: Problem[] = [];
  const at = (line: number, field: string, message: string): Problem => (file === undefined ? { line, field, message } : { file, line, field, message });
  const rows = rowsOf(text);
  const header = rows[0];
  if (!header) throw new InputError({ ...(file === undefined ? {} : { file }), message: 'the file is empty; expected a KTAB SMP CSV' });
  const [name = '', description = '', actorCountText = '', dimensionCountText = ''] = header.fields;
  const actorCount = parseKtabNumber(actorCountText);
  const dimensionCount = parseKtabNumber(dimensionCountText);
  if (actorCount === undefined || !Number.isInteger(actorCount) || actorCount < ktabLimits.minActors || actorCount > ktabLimits.maxActors)
    problems.push(at(header.line, 'nActors', `the number of actors must be a whole number from ${ktabLimits.minActors} to ${ktabLimits.maxActors}, got "${actorCountText.trim()}"`));
  if (dimensionCount === undefined || !Number.isInteger(dimensionCount) || dimensionCount < 1)
    problems.push(at(header.line, 'nDims', `the number of dimensions must be a whole number ≥ 1, got "${dimensionCountText.trim()}"`));
  if (name.length > ktabLimits.scenarioText || description.length > ktabLimits.scenarioText)
    problems.push(at(header.line, 'scenarioName', `scenario name and description are limited to ${ktabLimits.scenarioText} characters`));
  if (problems.length > 0) throw new InputError(problems);
  const n = actorCount!;
  const m = dimensionCount!;

  const columns = rows[1];
  const dimensions: string[] = [];
  if (!columns) problems.push(at(header.line, 'header', 'missing the header row "Actor, Description, Power, <dimension>, <salience>, …"'));
  else if (columns.fields.length < 3 + 2 * m)
    problems.push(at(columns.line, 'header', `the header has ${columns.fields.length} columns; ${m} dimension(s) need ${3 + 2 * m}`));
  else {
    for (let k = 0; k < m; k++) {
      const dimension = columns.fields[3 + 2 * k]!;
      if (dimension.trim() === '' || dimension.length > ktabLimits.dimensionName)
        problems.push(at(columns.line, `dimension ${k + 1}`, `dimension ${k + 1} needs a name of 1 to ${ktabLimits.dimensionName} characters`));
      dimensions.push(dimension);
    }
  }
  if (problems.length > 0) throw new InputError(problems);

  const actorRows = rows.slice(2);
  if (actorRows.length !== n) {
    const where = actorRows[n] ?? actorRows[actorRows.length - 1] ?? columns!;
    problems.push(at(where.line, 'nActors', `the first row declares ${n} actors but ${actorRows.length} actor rows follow`));
  }
  const actors: KtabActor[] = actorRows.slice(0, n).map((row) => {
    const [actorName = '', actorDescription = '', capabilityText = ''] = row.fields;
    const label = `actor "${actorName}"`;
    if (row.fields.length < 3 + 2 * m)
      problems.push(at(row.line, 'columns', `${label}: ${row.fields.length} fields; expected ${3 + 2 * m} (name, description, capability, then position and salience per dimension)`));
    const number = (textValue: string | undefined, field: string, what: string): number => {
      const value = parseKtabNumber(textValue ?? '');
      if (value === undefined && textValue !== undefined) problems.push(at(row.line, field, `${label}: ${what} "${textValue.trim()}" is not a number`));
      return value ?? Number.NaN;
    };
    const capability = number(capabilityText, 'capability', 'capability');
    const positions: number[] = [];
    const saliences: number[] = [];
    for (let k = 0; k < m; k++) {
      const dimension = dimensions[k]!;
      positions.push(number(row.fields[3 + 2 * k], `${dimension}.position`, `dimension "${dimension}": position`));
      saliences.push(number(row.fields[4 + 2 * k], `${dimension}.salience`, `dimension "${dimension}": salience`));
    }
    return { name: actorName, description: actorDescription, capability, positions, saliences };
  });
  const ktab: KtabScenario = { name, description, dimensions, actors };
  const lineOf = (field: KtabField) => actorRows[field.actor]?.line;
  problems.push(...checkKtabScenario(ktab, lineOf, file));
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return ktab;
}

/** The Parley scenario (not yet validated) of a KTAB SMP CSV file. */
export function readKtabCsv(text: string, file?: string): ReturnType<typeof toParleyScenario> {
  return toParleyScenario(parseKtabCsv(text, file));
}

/**
 * Writes one space of a scenario (default: the first declared, else all issues) as a KTAB SMP CSV.
 * Lossy: KTAB's CSV has no model parameters, seed, ideal adjustments, scale labels, status quo or
 * evidence; commas inside names become semicolons. The notes say what was changed or left out.
 */
export function writeKtabCsv(scenario: Scenario, spaceId?: string): KtabWriteResult {
  const { ktab, notes } = ktabWriteSpace(scenario, spaceId);
  // A field in double quotes loses them when read (unquote): such a value gets one more pair, so it reads back as written.
  const clean = (value: string) => {
    const plain = value.replace(/,/gu, ';').replace(/[\r\n]+/gu, ' ');
    return plain.length >= 2 && plain.startsWith('"') && plain.endsWith('"') ? `"${plain}"` : plain;
  };
  const lines = [
    `${clean(ktab.name)},${clean(ktab.description)},${ktab.actors.length},${ktab.dimensions.length},`,
    ['Actor', 'Description', 'Power', ...ktab.dimensions.flatMap((dimension) => [clean(dimension), `${clean(dimension)} Salience`])].join(',') + ',',
    ...ktab.actors.map(
      (actor) =>
        [clean(actor.name), clean(actor.description), actor.capability, ...actor.positions.flatMap((position, k) => [position, actor.saliences[k]!])].join(',') + ',',
    ),
  ];
  if (ktab.smpOptions) notes.push('KTAB CSV cannot carry model parameters, the seed or ideal adjustments: they are left out (write KTAB XML to keep them)');
  if ([ktab.name, ktab.description, ...ktab.dimensions, ...ktab.actors.flatMap((a) => [a.name, a.description])].some((value) => value.includes(',')))
    notes.push('commas inside names and descriptions were replaced by semicolons (KTAB CSV cannot quote them)');
  return { text: `${lines.join('\n')}\n`, notes };
}
