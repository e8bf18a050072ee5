/**
 * The gazetteer: every surface form that names an actor. Sources, strongest first: the scenario's
 * actors (id, name, `aliases`), country names from `world-countries` (common and official names,
 * alternative spellings), capital-city metonyms ("Moscow" → Russia), demonyms ("Russian"; only
 * "the Russian side/government…" acts, a bare demonym only describes), the known bodies
 * (organisations.ts), and leaders tied to their state by the text ("Ukraine's Zelensky").
 */
import countries from 'world-countries/countries.json' with { type: 'json' };
import type { Scenario } from '../schema.js';
import { knownBodies } from './organisations.js';
import { tokenize, type Token } from './tokens.js';

export type ActorKind = 'state' | 'organisation' | 'person' | 'group';
/** How a form names its actor. `adjective` forms describe ("Western sanctions") and act only as modifiers. */
export type FormKind = 'name' | 'alias' | 'capital' | 'demonym-side' | 'adjective' | 'leader';

export interface GazetteerActor {
  id: string;
  name: string;
  kind: ActorKind;
  fromScenario: boolean;
}

interface Form {
  actor: string;
  kind: FormKind;
  /** Words to match, lower-case, each with whether case matters (acronyms) or a capital is required. */
  words: Array<{ word: string; exact?: string; capital: boolean }>;
}

export interface Gazetteer {
  actors: Map<string, GazetteerActor>;
  /** Forms keyed by their first word. */
  forms: Map<string, Form[]>;
}

export interface Mention {
  actor: string;
  kind: FormKind;
  /** Token indices [first, last] in the sentence. */
  first: number;
  last: number;
  start: number;
  end: number;
  surface: string;
}

/** English names the package lacks (it gives "Türkiye", "Kyiv"): older or shorter forms news still uses. */
const englishExonyms: Readonly<Record<string, readonly string[]>> = {
  US: ['U.S.', 'U.S.A.', 'America'],
  GB: ['Britain', 'U.K.'],
  TR: ['Turkey'],
  UA: ['Kiev'],
  MM: ['Burma'],
  CZ: ['Czech Republic'],
  CI: ['Ivory Coast'],
  CV: ['Cape Verde'],
  KP: ['North Korea', 'Pyongyang'],
  KR: ['South Korea'],
  VA: ['the Vatican', 'Holy See'],
};
/** "Minsk agreements", "Oslo Accords", "Astana format": a capital naming a text or a forum, not a state. */
const placeNamedThings = new Set(['agreement', 'agreements', 'accord', 'accords', 'protocol', 'protocols', 'format', 'process', 'declaration', 'treaty', 'convention', 'summit', 'group']);
const sideNouns = ['side', 'government', 'authorities', 'leadership', 'delegation', 'administration', 'foreign ministry', 'army', 'military', 'forces', 'president', 'officials'];

/** Builds the gazetteer from the scenario (if any), the country list and the known bodies. */
export function buildGazetteer(scenario?: Pick<Scenario, 'actors'>): Gazetteer {
  const gazetteer: Gazetteer = { actors: new Map(), forms: new Map() };
  const scenarioActors = scenario?.actors ?? [];
  for (const actor of scenarioActors) {
    gazetteer.actors.set(actor.id, { id: actor.id, name: actor.name ?? actor.id, kind: 'state', fromScenario: true });
    addForm(gazetteer, actor.id, 'name', actor.name ?? actor.id);
    addForm(gazetteer, actor.id, 'alias', actor.id.replace(/_/gu, ' '));
    for (const alias of actor.aliases ?? []) addForm(gazetteer, actor.id, 'alias', alias);
  }
  for (const country of countries) {
    const names = [country.name.common, country.name.official, ...country.altSpellings.filter((s) => /^[A-Za-z .'-]{2,}$/u.test(s) && (s.length > 3 || /^[A-Z.]+$/u.test(s)))];
    const id = ownerOf(gazetteer, names) ?? slug(country.name.common);
    if (!gazetteer.actors.has(id)) gazetteer.actors.set(id, { id, name: country.name.common, kind: 'state', fromScenario: false });
    for (const name of names) addForm(gazetteer, id, 'name', name);
    for (const form of englishExonyms[country.cca2] ?? []) addForm(gazetteer, id, form === form.toUpperCase() ? 'name' : 'alias', form);
    for (const capital of country.capital) addForm(gazetteer, id, 'capital', capital);
    const demonyms = new Set(Object.values(country.demonyms?.eng ?? {}).filter((d) => d !== ''));
    for (const demonym of demonyms) {
      addForm(gazetteer, id, 'adjective', demonym);
      for (const noun of sideNouns) addForm(gazetteer, id, 'demonym-side', `the ${demonym} ${noun}`);
    }
  }
  for (const body of knownBodies) {
    const id = ownerOf(gazetteer, body.forms) ?? body.id;
    if (!gazetteer.actors.has(id)) gazetteer.actors.set(id, { id, name: body.name, kind: body.kind, fromScenario: false });
    for (const form of body.forms) addForm(gazetteer, id, 'name', form);
    for (const adjective of body.adjectives ?? []) addForm(gazetteer, id, 'adjective', adjective);
  }
  return gazetteer;
}

/** Adds a leader (or any person the text ties to an actor) as an alias: full name and surname. */
export function addLeader(gazetteer: Gazetteer, actor: string, fullName: string): void {
  addForm(gazetteer, actor, 'leader', fullName);
  const parts = fullName.split(/\s+/u);
  if (parts.length > 1) addForm(gazetteer, actor, 'leader', parts[parts.length - 1]!);
}

/** Every mention in a tokenised sentence, longest match first, never overlapping. */
export function findMentions(gazetteer: Gazetteer, tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; ) {
    let best: { form: Form; length: number } | undefined;
    for (const form of gazetteer.forms.get(tokens[i]!.word) ?? []) {
      if (form.words.length > (best?.length ?? 0) && matchesAt(form, tokens, i)) best = { form, length: form.words.length };
    }
    if (best === undefined) {
      i++;
      continue;
    }
    const last = i + best.length - 1;
    if (best.form.kind === 'capital' && placeNamedThings.has(tokens[last + 1]?.word ?? '')) {
      i = last + 1;
      continue;
    }
    out.push({ actor: best.form.actor, kind: best.form.kind, first: i, last, start: tokens[i]!.start, end: tokens[last]!.end, surface: '' });
    i = last + 1;
  }
  return out;
}

function matchesAt(form: Form, tokens: readonly Token[], at: number): boolean {
  return form.words.every((expected, k) => {
    const token = tokens[at + k];
    if (token === undefined || token.word !== expected.word) return false;
    if (expected.exact !== undefined) return token.raw === expected.exact;
    return !expected.capital || /^\p{Lu}/u.test(token.raw);
  });
}

function addForm(gazetteer: Gazetteer, actor: string, kind: FormKind, text: string): void {
  const words = tokenize(text).map((token) => ({
    word: token.word,
    capital: /^\p{Lu}/u.test(token.raw),
    ...(/^\p{Lu}{1,5}$/u.test(token.raw) ? { exact: token.raw } : {}),
  }));
  if (words.length === 0) return;
  const key = words[0]!.word;
  const list = gazetteer.forms.get(key) ?? [];
  if (list.some((form) => form.actor === actor && form.words.length === words.length && form.words.every((w, k) => w.word === words[k]!.word))) return;
  list.push({ actor, kind, words });
  gazetteer.forms.set(key, list);
}

/** The scenario actor that already claims one of these names, if any (so its id is kept). */
function ownerOf(gazetteer: Gazetteer, names: readonly string[]): string | undefined {
  for (const name of names) {
    const tokens = tokenize(name);
    for (const mention of findMentions(gazetteer, tokens)) {
      if (mention.first === 0 && mention.last === tokens.length - 1 && gazetteer.actors.get(mention.actor)?.fromScenario) return mention.actor;
    }
  }
  return undefined;
}

function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/gu, '');
}
