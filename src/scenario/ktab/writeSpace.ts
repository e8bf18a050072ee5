/**
 * One space of a Parley scenario in KTAB's terms, for the KTAB writers: positions rescaled to 0–100,
 * saliences to 0–100 (at most 100 per actor over the space), actor names from ids, descriptions from
 * actor names. What KTAB's readers (Parley's and KTAB's) would refuse is refused here, with the
 * reason and the field, or changed with a note (issue 14, item 11; docs/smp.md, "Writing KTAB files"):
 * - capability 0: refused (KTAB needs every actor to have some power; there is no honest stand-in);
 * - capabilities above KTAB's 1e8: all divided by one power of ten, a note says by which (the SMP
 *   depends on their ratios); an actor whose capability that turns into 0 is refused;
 * - actor ids longer than KTAB's 25 characters: shortened (kept unique), a note lists them; an actor
 *   without a name keeps its full id as the description;
 * - descriptions (256), dimension names (256), the scenario's name and description (512) longer than
 *   KTAB allows: cut at the limit, with a note; control characters (line breaks, tabs) become spaces;
 *   an empty dimension name is the issue's id;
 * - an ideal adjustment naming an actor not written: refused.
 */
import { InputError, type Problem } from '../../errors.js';
import type { Scenario } from '../schema.js';
import type { KtabScenario } from './ktabScenario.js';
import { ktabLimits } from './names.js';
import { stanceOf } from '../keyed.js';

export interface KtabWriteResult {
  text: string;
  /** What the conversion changed or left out. */
  notes: string[];
}

export function ktabWriteSpace(scenario: Scenario, spaceId?: string): { ktab: KtabScenario; notes: string[] } {
  const notes: string[] = [];
  const spaces = scenario.spaces ?? [];
  const space = spaceId === undefined ? spaces[0] : spaces.find((candidate) => candidate.id === spaceId);
  if (spaceId !== undefined && !space) throw new InputError({ field: 'space', message: `unknown space "${spaceId}"; expected one of ${spaces.map((s) => s.id).join(', ') || '(none declared)'}` });
  const issueIds = space ? space.issues : scenario.issues.map((issue) => issue.id);
  const issues = issueIds.map((id) => scenario.issues.find((issue) => issue.id === id)!);
  const left = scenario.issues.filter((issue) => !issueIds.includes(issue.id)).map((issue) => issue.id);
  if (left.length > 0) notes.push(`issues outside space "${space?.id}" are left out: ${left.join(', ')}`);
  if (issues.some((issue) => issue.scale.min !== 0 || issue.scale.max !== 100))
    notes.push('positions were rescaled linearly to KTAB\'s 0–100 from their issues\' scales');
  if (issues.some((issue) => issue.statusQuo !== undefined || issue.scale.minLabel !== undefined || issue.scale.maxLabel !== undefined))
    notes.push('KTAB has no status quo or scale labels: they are left out');
  if (scenario.actors.some((actor) => Object.values(actor.stances).some((stance) => stance.evidence !== undefined)))
    notes.push('KTAB has no evidence fields: they are left out');

  const problems: Problem[] = [];
  const actors: KtabScenario['actors'] = [];
  const written: number[] = [];
  const texts = new TextFitter();
  const names = new ActorNames();
  scenario.actors.forEach((actor, index) => {
    const missing = issues.filter((issue) => !stanceOf(actor, issue.id));
    if (missing.length === issues.length) {
      notes.push(`actor "${actor.id}" has no stance in the space and is left out`);
      return;
    }
    const field = `actors[${index}]`;
    if (missing.length > 0)
      problems.push({ field: `${field}.stances`, message: `actor "${actor.id}" has no stance on ${missing.map((issue) => `"${issue.id}"`).join(', ')}; KTAB needs every dimension` });
    if (!(actor.capability > 0))
      problems.push({ field: `${field}.capability`, message: `${who(actor)}'s capability is 0: KTAB needs every actor's capability to be greater than 0 (give it a small one, or leave the actor out)` });
    const positions = issues.map((issue) => {
      const position = stanceOf(actor, issue.id)?.position ?? Number.NaN;
      return roundTo((100 * (position - issue.scale.min)) / (issue.scale.max - issue.scale.min));
    });
    const saliences = issues.map((issue) => roundTo(((stanceOf(actor, issue.id)?.salience ?? 0) * 100) / scenario.salienceScale));
    const attention = saliences.reduce((sum, value) => sum + value, 0);
    if (attention > 100 * (1 + 1e-9))
      problems.push({ field: `${field}.stances`, message: `actor "${actor.id}": saliences over the space sum to ${roundTo(attention)} (on 0–100), more than KTAB's 100` });
    const name = names.nameOf(actor.id);
    const description = actor.name ?? (name === actor.id ? '' : actor.id);
    actors.push({ name, description: texts.fit(description, ktabLimits.actorDescription, `${who(actor)}'s description`), capability: actor.capability, positions, saliences });
    written.push(index);
  });
  problems.push(...fitCapabilities(actors, written, notes));
  notes.push(...names.notes());
  if (actors.length < ktabLimits.minActors || actors.length > ktabLimits.maxActors)
    problems.push({ field: 'actors', message: `KTAB needs ${ktabLimits.minActors} to ${ktabLimits.maxActors} actors; the space has ${actors.length}` });
  if (problems.length > 0) throw new InputError(problems);
  const smpOptions = space?.smpOptions && renamedAdjustments(space.smpOptions, names, `spaces[${spaces.indexOf(space)}].smpOptions`, problems);
  if (problems.length > 0) throw new InputError(problems);
  const ktab: KtabScenario = {
    name: texts.fit(space?.name ?? scenario.title, ktabLimits.scenarioText, 'the scenario\'s name'),
    description: texts.fit(scenario.description ?? '', ktabLimits.scenarioText, 'the scenario\'s description'),
    dimensions: issues.map((issue) => {
      const name = issue.name !== undefined && plainText(issue.name) !== '' ? issue.name : issue.id;
      return texts.fit(name, ktabLimits.dimensionName, `issue "${issue.id}"'s name`);
    }),
    actors,
  };
  if (smpOptions) ktab.smpOptions = smpOptions;
  notes.push(...texts.notes());
  return { ktab, notes };
}

const who = (actor: Scenario['actors'][number]) => (actor.name !== undefined && actor.name.trim() !== '' ? `${actor.name} (${actor.id})` : `actor "${actor.id}"`);

/** Control characters (line breaks, tabs, …) as spaces, runs of them as one, the ends trimmed. */
function plainText(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ').trim();
}

/** Texts fitted to KTAB's limits: plain (see plainText) and cut at the limit, with one note per kind of change. */
class TextFitter {
  private readonly cut: string[] = [];
  private controls = false;

  fit(text: string, limit: number, what: string): string {
    const plain = plainText(text);
    if (plain !== text.trim()) this.controls = true;
    if (plain.length <= limit) return plain;
    this.cut.push(`${what} (${plain.length} characters, KTAB allows ${limit})`);
    // Never between the halves of a surrogate pair.
    const end = /[\ud800-\udbff]/u.test(plain[limit - 1]!) ? limit - 1 : limit;
    return plain.slice(0, end).trimEnd();
  }

  notes(): string[] {
    const notes: string[] = [];
    if (this.controls) notes.push('line breaks, tabs and other control characters in names and descriptions became spaces');
    if (this.cut.length > 0) notes.push(`cut to KTAB's length limits: ${this.cut.join('; ')}`);
    return notes;
  }
}

/** KTAB names for actor ids: the id itself, or, past KTAB's 25 characters, a shortened one kept unique. */
class ActorNames {
  private readonly byId = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly shortened: string[] = [];

  nameOf(id: string): string {
    let name = id;
    if (id.length > ktabLimits.actorName) {
      name = id.slice(0, ktabLimits.actorName);
      for (let suffix = 2; this.taken.has(name); suffix++) name = `${id.slice(0, ktabLimits.actorName - String(suffix).length - 1)}~${suffix}`;
      this.shortened.push(`"${id}" → "${name}"`);
    }
    this.taken.add(name);
    this.byId.set(id, name);
    return name;
  }

  /** The KTAB name of a written actor; undefined for an actor not written. */
  get(id: string): string | undefined {
    return this.byId.get(id);
  }

  notes(): string[] {
    return this.shortened.length === 0 ? [] : [`actor ids longer than KTAB's ${ktabLimits.actorName} characters were shortened (the full id is the description when the actor has no name): ${this.shortened.join(', ')}`];
  }
}

/**
 * Capabilities within KTAB's (0, 1e8]: when the largest is above 1e8, every capability is divided by
 * the smallest power of ten that brings it within (the SMP's votes, probabilities and bargains depend
 * on the ratios of capabilities only); a capability that division turns into 0 is refused.
 */
function fitCapabilities(actors: KtabScenario['actors'], indices: readonly number[], notes: string[]): Problem[] {
  const largest = actors.reduce((max, actor) => Math.max(max, actor.capability), 0);
  if (!(largest > ktabLimits.maxCapability)) return [];
  let exponent = Math.ceil(Math.log10(largest / ktabLimits.maxCapability));
  while (largest / 10 ** exponent > ktabLimits.maxCapability) exponent++;
  const divisor = 10 ** exponent;
  const problems: Problem[] = [];
  actors.forEach((actor, k) => {
    const scaled = actor.capability / divisor;
    if (actor.capability > 0 && !(scaled > 0)) {
      problems.push({
        field: `actors[${indices[k]}].capability`,
        message: `actor "${actor.name}"'s capability ${actor.capability} becomes 0 when every capability is divided by 1e${exponent} to fit KTAB's largest, 1e8; KTAB cannot hold capabilities this far apart`,
      });
    }
    actor.capability = scaled;
  });
  notes.push(`KTAB's capabilities are at most 1e8: every capability was divided by 1e${exponent} (the largest, ${largest}, is now ${largest / divisor}); the SMP depends on their ratios only`);
  return problems;
}

/** The space's SMP options with ideal adjustments naming actors by their KTAB names; an actor not written is a problem. */
function renamedAdjustments(options: Record<string, unknown>, names: ActorNames, field: string, problems: Problem[]): Record<string, unknown> {
  const adjustments = options['idealAdjustment'];
  if (!Array.isArray(adjustments)) return options;
  const renamed = adjustments.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) return entry;
    const pair = entry as Record<string, unknown>;
    const rename = (key: 'actor' | 'reference') => {
      const id = pair[key];
      const name = typeof id === 'string' ? names.get(id) : undefined;
      if (typeof id === 'string' && name === undefined)
        problems.push({ field: `${field}.idealAdjustment[${index}].${key}`, message: `the ideal adjustment names actor "${id}", which is not in the space written; KTAB refuses it (remove the entry or give the actor its stances)` });
      return name ?? id;
    };
    return { ...pair, actor: rename('actor'), reference: rename('reference') };
  });
  return { ...options, idealAdjustment: renamed };
}

/** Removes binary round-off from rescaled values (e.g. 57.49999999999999 → 57.5). */
function roundTo(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
