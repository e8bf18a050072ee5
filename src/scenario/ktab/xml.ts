/**
 * KTAB's SMP XML format (ktab-smp.md, "Input formats: XML"; KTAB `SMPModel::xmlRead`, doc/smpSchema.xsd):
 * <Scenario> with <name>, <desc>, <prngSeed>, optional <ModelParameters> (all nine children),
 * <Dimensions> of <dName>, <Actors> of <Actor> (<name>, <description>, <capability>, <Position> of
 * <dCoord>, <Salience> of <dSal>), and optional <IdealAdjustment> of <iaPair> (<adjustingIdeal>,
 * <referencePos>, <adjust>).
 *
 * Parley reads what KTAB's own reader rejects at HEAD: both the code's and the XSD's spellings
 * (`Prop`/`Proportional`, `None`/`No`), and an absent `IdealAdjustment` or `prngSeed`. It checks what
 * KTAB does not (positions within 0–100 in XML too) and reports every problem with its line.
 * KTAB's parameters, seed and ideal adjustments become the space's SMP options.
 */
import { InputError, type Problem } from '../../errors.js';
import {
  BargainModels,
  BigRAdjusts,
  BigRRanges,
  InterVecBargains,
  PceModels,
  smpDefaults,
  SpaceSmpOptionsSchema,
  StateTransitions,
  ThirdPartyCommits,
  VictoryProbModels,
  VotingRules,
} from '../smpParameters.js';
import type { Scenario } from '../schema.js';
import { checkKtabScenario, parseKtabNumber, type KtabField } from './check.js';
import { toParleyScenario, type KtabActor, type KtabScenario } from './ktabScenario.js';
import { ktabLimits } from './names.js';
import { ktabWriteSpace, type KtabWriteResult } from './writeSpace.js';
import { child, childrenNamed, escapeXml, parseXmlTree, type XmlElement } from './xmlTree.js';

/** KTAB's XML parameter elements, the SMP option each sets, and the values accepted (aliases → value). */
const parameters: readonly { element: string; option: string; values: readonly string[]; aliases?: Record<string, string> }[] = [
  { element: 'VictoryProbModel', option: 'victoryProbModel', values: VictoryProbModels },
  { element: 'PCEModel', option: 'pceModel', values: PceModels },
  { element: 'StateTransitions', option: 'stateTransitions', values: StateTransitions },
  { element: 'VotingRule', option: 'votingRule', values: VotingRules, aliases: { Proportional: 'Prop' } },
  { element: 'BigRAdjust', option: 'bigRAdjust', values: BigRAdjusts, aliases: { No: 'None' } },
  { element: 'BigRRange', option: 'bigRRange', values: BigRRanges },
  { element: 'ThirdPartyCommit', option: 'thirdPartyCommit', values: ThirdPartyCommits },
  { element: 'InterVecBrgn', option: 'interVecBargain', values: InterVecBargains },
  { element: 'BargnModel', option: 'bargainModel', values: BargainModels },
];

/** Reads a KTAB SMP XML file into KTAB terms; every problem at once, with its line. */
export function parseKtabXml(text: string, file?: string): KtabScenario {
  const problems: Problem[] = [];
  const at = (line: number, field: string, message: string): Problem => (file === undefined ? { line, field, message } : { file, line, field, message });
  const root = parseXmlTree(text, file).find((element) => element.name === 'Scenario');
  if (!root) throw new InputError({ ...(file === undefined ? {} : { file }), line: 1, message: 'expected a KTAB SMP XML file with a <Scenario> root element' });
  const required = (parent: XmlElement, name: string, field: string): XmlElement | undefined => {
    const element = child(parent, name);
    if (!element) problems.push(at(parent.line, field, `<${parent.name}> needs a <${name}> element`));
    return element;
  };

  const name = required(root, 'name', 'name')?.text ?? '';
  const description = child(root, 'desc')?.text ?? '';
  if (name.length > ktabLimits.scenarioText || description.length > ktabLimits.scenarioText)
    problems.push(at(root.line, 'name', `scenario name and description are limited to ${ktabLimits.scenarioText} characters`));
  const smpOptions: Record<string, unknown> = {};
  const seedElement = child(root, 'prngSeed');
  if (seedElement) {
    if (!/^\d+$/u.test(seedElement.text)) problems.push(at(seedElement.line, 'prngSeed', `the seed must be a whole number ≥ 0, got "${seedElement.text}"`));
    else smpOptions.seed = Number(BigInt(seedElement.text) % 4294967296n);
  }
  const parametersElement = child(root, 'ModelParameters');
  if (parametersElement) {
    for (const parameter of parameters) {
      const element = required(parametersElement, parameter.element, `ModelParameters.${parameter.element}`);
      if (!element) continue;
      const value = parameter.aliases?.[element.text] ?? element.text;
      if (!parameter.values.includes(value))
        problems.push(at(element.line, `ModelParameters.${parameter.element}`, `unknown ${parameter.element} "${element.text}"; expected one of ${parameter.values.join(', ')}`));
      else smpOptions[parameter.option] = value;
    }
  }

  const dimensionsElement = required(root, 'Dimensions', 'Dimensions');
  const dimensionElements = dimensionsElement ? childrenNamed(dimensionsElement, 'dName') : [];
  if (dimensionsElement && dimensionElements.length === 0) problems.push(at(dimensionsElement.line, 'Dimensions', '<Dimensions> needs at least one <dName>'));
  for (const element of dimensionElements) {
    if (element.text === '' || element.text.length > ktabLimits.dimensionName)
      problems.push(at(element.line, 'dName', `a dimension needs a name of 1 to ${ktabLimits.dimensionName} characters`));
  }
  const dimensions = dimensionElements.map((element) => element.text);
  const m = dimensions.length;

  const actorsElement = required(root, 'Actors', 'Actors');
  const actorElements = actorsElement ? childrenNamed(actorsElement, 'Actor') : [];
  if (actorsElement && (actorElements.length < ktabLimits.minActors || actorElements.length > ktabLimits.maxActors))
    problems.push(at(actorsElement.line, 'Actors', `KTAB needs ${ktabLimits.minActors} to ${ktabLimits.maxActors} actors, found ${actorElements.length}`));
  const valueLines = new Map<string, number>();
  const actors: KtabActor[] = actorElements.map((element, i) => {
    const actorName = required(element, 'name', 'Actor.name')?.text ?? '';
    const label = `actor "${actorName}"`;
    const number = (valueElement: XmlElement | undefined, key: string, field: string, what: string): number => {
      if (!valueElement) return Number.NaN;
      valueLines.set(key, valueElement.line);
      const value = parseKtabNumber(valueElement.text);
      if (value === undefined) problems.push(at(valueElement.line, field, `${label}: ${what} "${valueElement.text}" is not a number`));
      return value ?? Number.NaN;
    };
    valueLines.set(`${i}.name`, element.line);
    const capability = number(required(element, 'capability', 'Actor.capability'), `${i}.capability`, 'capability', 'capability');
    const vector = (containerName: 'Position' | 'Salience', itemName: string, what: 'position' | 'salience'): number[] => {
      const container = required(element, containerName, `Actor.${containerName}`);
      if (!container) return dimensions.map(() => Number.NaN);
      const items = childrenNamed(container, itemName);
      if (items.length !== m)
        problems.push(at(container.line, `Actor.${containerName}`, `${label}: <${containerName}> has ${items.length} <${itemName}>; the scenario has ${m} dimension(s)`));
      return dimensions.map((dimension, k) => number(items[k], `${i}.${what}.${k}`, `${dimension}.${what}`, `dimension "${dimension}": ${what}`));
    };
    const positions = vector('Position', 'dCoord', 'position');
    const saliences = vector('Salience', 'dSal', 'salience');
    return { name: actorName, description: child(element, 'description')?.text ?? '', capability, positions, saliences };
  });

  const adjustments = readIdealAdjustment(root, actors, problems, at);
  if (adjustments.length > 0) smpOptions.idealAdjustment = adjustments;
  const ktab: KtabScenario = { name, description, dimensions, actors };
  if (Object.keys(smpOptions).length > 0) ktab.smpOptions = smpOptions;
  const lineOf = (field: KtabField) => {
    const key = field.what === 'position' || field.what === 'salience' ? `${field.actor}.${field.what}.${field.dimension}` : `${field.actor}.${field.what}`;
    return valueLines.get(key) ?? actorElements[field.actor]?.line;
  };
  problems.push(...checkKtabScenario(ktab, lineOf, file));
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return ktab;
}

function readIdealAdjustment(
  root: XmlElement,
  actors: readonly KtabActor[],
  problems: Problem[],
  at: (line: number, field: string, message: string) => Problem,
): { actor: string; reference: string; adjust: number }[] {
  const element = child(root, 'IdealAdjustment');
  if (!element) return [];
  const names = new Set(actors.map((actor) => actor.name));
  return childrenNamed(element, 'iaPair').flatMap((pair) => {
    const actor = child(pair, 'adjustingIdeal')?.text;
    const reference = child(pair, 'referencePos')?.text;
    const adjustText = child(pair, 'adjust')?.text;
    if (actor === undefined || reference === undefined || adjustText === undefined) {
      problems.push(at(pair.line, 'IdealAdjustment.iaPair', '<iaPair> needs <adjustingIdeal>, <referencePos> and <adjust>'));
      return [];
    }
    for (const name of [actor, reference]) if (!names.has(name)) problems.push(at(pair.line, 'IdealAdjustment.iaPair', `unknown actor "${name}"`));
    const adjust = parseKtabNumber(adjustText);
    if (adjust === undefined || adjust < 0 || adjust > 1) {
      problems.push(at(pair.line, 'IdealAdjustment.iaPair.adjust', `actor "${actor}": adjust "${adjustText}" must be a number in [0, 1]`));
      return [];
    }
    return [{ actor, reference, adjust }];
  });
}

/** The Parley scenario (not yet validated) of a KTAB SMP XML file. */
export function readKtabXml(text: string, file?: string): ReturnType<typeof toParleyScenario> {
  return toParleyScenario(parseKtabXml(text, file));
}

/**
 * Writes one space of a scenario (default: the first declared, else all issues) as KTAB SMP XML that
 * KTAB's own reader accepts: its parameter spellings, a seed, and an `IdealAdjustment` (an identity
 * pair when the scenario has none, since KTAB requires one). Parameters not set on the space are
 * written with KTAB's defaults.
 */
export function writeKtabXml(scenario: Scenario, spaceId?: string): KtabWriteResult {
  const { ktab, notes } = ktabWriteSpace(scenario, spaceId);
  const own = SpaceSmpOptionsSchema.safeParse(ktab.smpOptions ?? {});
  if (!own.success)
    throw new InputError(own.error.issues.map((issue) => ({ field: ['spaces', 'smpOptions', ...issue.path.map(String)].join('.'), message: issue.message })));
  const options = { ...smpDefaults, ...own.data } as Record<string, unknown>;
  const tag = (indent: number, name: string, value: string | number) => `${' '.repeat(indent)}<${name}>${escapeXml(String(value))}</${name}>`;
  const adjustments = (options.idealAdjustment as { actor: string; reference: string; adjust: number }[]).length
    ? (options.idealAdjustment as { actor: string; reference: string; adjust: number }[])
    : [{ actor: ktab.actors[0]!.name, reference: ktab.actors[0]!.name, adjust: 1 }];
  const seed = options.seed as number;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Scenario xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="smpSchema.xsd">',
    tag(2, 'name', ktab.name),
    tag(2, 'desc', ktab.description),
    tag(2, 'prngSeed', seed >= 0 ? seed : seed + 4294967296),
    '  <ModelParameters>',
    ...parameters.map((parameter) => tag(4, parameter.element, String(options[parameter.option]))),
    '  </ModelParameters>',
    '  <Dimensions>',
    ...ktab.dimensions.map((dimension) => tag(4, 'dName', dimension)),
    '  </Dimensions>',
    '  <Actors>',
    ...ktab.actors.flatMap((actor) => [
      '    <Actor>',
      tag(6, 'name', actor.name),
      tag(6, 'description', actor.description),
      tag(6, 'capability', actor.capability),
      '      <Position>',
      ...actor.positions.map((position) => tag(8, 'dCoord', position)),
      '      </Position>',
      '      <Salience>',
      ...actor.saliences.map((salience) => tag(8, 'dSal', salience)),
      '      </Salience>',
      '    </Actor>',
    ]),
    '  </Actors>',
    '  <IdealAdjustment>',
    ...adjustments.flatMap((entry) => [
      '    <iaPair>',
      tag(6, 'adjustingIdeal', entry.actor),
      tag(6, 'referencePos', entry.reference),
      tag(6, 'adjust', entry.adjust),
      '    </iaPair>',
    ]),
    '  </IdealAdjustment>',
    '</Scenario>',
  ];
  if (seed < 0) notes.push(`the seed ${seed} was written as the unsigned ${seed + 4294967296}`);
  return { text: `${lines.join('\n')}\n`, notes };
}
